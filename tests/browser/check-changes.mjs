// The history as a reviewer uses it in chromium: the changelog's "changes since" picker, the
// item page's timeline and the Atom feed. The site was built from a repository with a first
// commit on 2026-10-01 and a second one on 2026-11-01 that changed ITEM_ID's answer to
// NEW_ANSWER. Usage: node check-changes.mjs SITE_DIR ITEM_ROUTE NEW_ANSWER
import { launchChromium } from './chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [siteDir, itemRoute, newAnswer] = process.argv.slice(2);
if (!siteDir || !itemRoute || !newAnswer) {
  console.error('usage: node check-changes.mjs SITE_DIR ITEM_ROUTE NEW_ANSWER');
  process.exit(2);
}
const browser = await launchChromium();
let passed = 0;
let failed = 0;
const check = (what, ok, detail = '') => {
  if (ok) { passed++; console.log(`ok - ${what}`); } else { failed++; console.log(`not ok - ${what} ${detail}`); }
};
const url = (route) => pathToFileURL(path.join(siteDir, route)).href;

try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto(url('changes.html'));
  const visible = () => page.$$eval('article.change-set', (a) => a.filter((x) => !x.hidden).length);
  check('the changelog lists both commits', (await visible()) === 2);
  check('no summary before a date is picked', await page.$eval('#since-summary', (e) => e.hidden));

  await page.fill('#since', '2026-10-15');
  await page.click('#since-form button[type=submit]');
  check('picking a date hides older commits', (await visible()) === 1);
  const summary = await page.$eval('#since-summary', (e) => (e.hidden ? '' : e.textContent));
  check('the summary counts one changed item', summary.includes('1 項目'), JSON.stringify(summary.slice(0, 200)));
  check('the summary shows the answer before -> after', summary.includes(`→ ${newAnswer}`));

  await page.click('#since-clear');
  check('"show all" brings every commit back', (await visible()) === 2);

  await page.goto(url('changes.html') + '?since=2026-09-01');
  const all = await page.$eval('#since-summary', (e) => e.textContent);
  check('?since= in the address is applied on load (a bookmark of the last review)',
    (await visible()) === 2 && /[0-9]+ 項目/.test(all) && !all.includes(' 1 項目'));

  await page.goto(url(itemRoute));
  const revisions = await page.$$eval('.history .timeline > li', (li) => li.map((x) => x.textContent));
  check('the item page shows two revisions, newest first',
    revisions.length === 2 && revisions[0].includes(newAnswer) && revisions[0].includes('2026-11-01'),
    JSON.stringify(revisions.map((r) => r.slice(0, 80))));

  check('no script errors', errors.length === 0, errors.join('; '));

  // The feed as a feed reader gets it: the file's bytes, parsed by the browser's XML parser.
  const text = fs.readFileSync(path.join(siteDir, 'changes.atom'), 'utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'application/xml');
    return {
      error: !!doc.querySelector('parsererror'),
      entries: doc.getElementsByTagName('entry').length,
      root: doc.documentElement.namespaceURI,
    };
  }, text);
  check('the Atom feed parses in the browser with one entry per commit',
    !parsed.error && parsed.entries === 2 && parsed.root === 'http://www.w3.org/2005/Atom',
    JSON.stringify(parsed));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
