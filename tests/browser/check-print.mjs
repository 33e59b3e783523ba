// Prints each checklist page the way a reviewer would (Ctrl-P in chromium) and checks the
// result: A4 landscape pages, the table header repeated on every page, no column cut off.
// Usage: node check-print.mjs SITE_DIR PDF_DIR
import { launchChromium } from './chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [siteDir, pdfDir] = process.argv.slice(2);
if (!siteDir || !pdfDir) {
  console.error('usage: node check-print.mjs SITE_DIR PDF_DIR');
  process.exit(2);
}
fs.mkdirSync(pdfDir, { recursive: true });
const checklists = fs.readdirSync(path.join(siteDir, 'checklists'))
  .filter((d) => fs.existsSync(path.join(siteDir, 'checklists', d, 'index.html')));

// A4 landscape less the 10 mm margins of the theme's @page rule, in CSS pixels (96 per inch).
const printableWidth = Math.floor(((297 - 20) / 25.4) * 96);
const browser = await launchChromium();
let passed = 0;
let failed = 0;
try {
  for (const id of checklists) {
    const failures = [];
    const page = await browser.newPage({ viewport: { width: printableWidth, height: 700 } });
    await page.goto(pathToFileURL(path.join(siteDir, 'checklists', id, 'index.html')).href);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const table = document.querySelector('table.checklist');
      if (!table) return null;
      const cells = [...table.querySelectorAll('th, td')];
      return {
        tableRight: table.getBoundingClientRect().right,
        widest: Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
        overflowing: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length,
        headerGroup: getComputedStyle(table.tHead).display,
        navHidden: getComputedStyle(document.querySelector('.site-nav')).display === 'none',
      };
    });
    if (!layout) {
      failures.push('no table.checklist');
    } else {
      if (layout.widest > printableWidth) failures.push(`table is ${Math.ceil(layout.widest)}px wide, the A4 landscape page ${printableWidth}px`);
      if (layout.overflowing > 0) failures.push(`${layout.overflowing} cells cut their content off`);
      if (layout.headerGroup !== 'table-header-group') failures.push(`thead is display:${layout.headerGroup}; it would not repeat on every page`);
      if (!layout.navHidden) failures.push('the site navigation is printed');
    }
    const pdfPath = path.join(pdfDir, `${id}.pdf`);
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const pdf = fs.readFileSync(pdfPath, 'latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
      .map((m) => [Number(m[1]), Number(m[2])]);
    if (boxes.length === 0) failures.push('no page in the PDF');
    for (const [w, h] of boxes) {
      // A4 landscape is 841.89 x 595.28 points.
      if (Math.abs(w - 841.89) > 1 || Math.abs(h - 595.28) > 1) {
        failures.push(`a printed page is ${w} x ${h} pt, not A4 landscape`);
        break;
      }
    }
    await page.close();
    if (failures.length) {
      failed++;
      for (const f of failures) console.log(`FAIL checklists/${id}/index.html: ${f}`);
    } else {
      passed++;
      console.log(`ok - checklists/${id}/index.html prints on ${boxes.length} A4 landscape pages`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
