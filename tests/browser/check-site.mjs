#!/usr/bin/env node
// Browser check of a built trustpage site.
//
//   node check-site.mjs SITE_DIR SCREENSHOT_DIR
//
// Loads every *.html file under SITE_DIR in headless Chromium, once over
// file:// and once over a local HTTP server that serves SITE_DIR under the
// sub-path /sub/dir/, and fails a page on: any dialog (alert/confirm/prompt:
// the XSS check), console errors, page errors, requests that leave the site
// (external network), local responses >= 400 or failed local requests, links
// to local files that do not exist, inline event handler attributes (on*) and
// javascript: URLs. Screenshots: every checklists/*/index.html full page at
// 1280x900, and index.html at phone size 390x844.
// Prints "FAIL page: reason" per failure and ends with "N passed, M failed".

import { launchChromium } from './chromium.mjs';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const SUB_PATH = '/sub/dir/';
const PAGE_TIMEOUT_MS = 15000;
const SETTLE_MS = 50;  // after 'load': let late onload/onerror handlers and short timers fire
const CONCURRENCY = 2;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.asc': 'text/plain; charset=utf-8',
  '.sig': 'application/octet-stream',
};

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node check-site.mjs SITE_DIR SCREENSHOT_DIR');
  process.exit(2);
}

// ---------------------------------------------------------------- files

function listHtml(root) {
  const out = [];
  const walk = (dir) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.isFile() && ent.name.endsWith('.html')) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.map((p) => p.split(path.sep).join('/')).sort();
}

// Is the absolute path `p` inside `root` (or root itself)?
function inside(root, p) {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

// Does the site path (absolute fs path) name a file, or a directory with index.html?
function existsInSite(root, p) {
  if (!inside(root, p)) return false;
  try {
    const st = fs.statSync(p);
    if (st.isFile()) return true;
    if (st.isDirectory()) return fs.statSync(path.join(p, 'index.html')).isFile();
  } catch {
    /* missing */
  }
  return false;
}

// ---------------------------------------------------------------- server

function startServer(root) {
  const server = http.createServer((req, res) => {
    const send = (code, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (pathname === SUB_PATH.slice(0, -1)) {
      res.writeHead(301, { Location: SUB_PATH });
      return res.end();
    }
    if (!pathname.startsWith(SUB_PATH) || pathname.includes('\0')) return send(404, 'not found');
    let file = path.join(root, pathname.slice(SUB_PATH.length));
    if (!inside(root, file)) return send(404, 'not found');
    try {
      let st = fs.statSync(file);
      if (st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        st = fs.statSync(file);
      }
      if (!st.isFile()) return send(404, 'not found');
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size, 'Cache-Control': 'no-store' });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------- checks

// Runs in the page: inline handlers and javascript: URLs on any element.
function scanDom() {
  const found = [];
  const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background']);
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    return s;
  };
  const all = document.querySelectorAll('*');
  for (const el of all) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) {
        found.push(`inline event handler ${name}="${attr.value.slice(0, 60)}" on <${describe(el)}>`);
      } else if (urlAttrs.has(name)) {
        // Browsers strip leading C0 controls/space and tabs/newlines anywhere in the scheme.
        const v = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (v.startsWith('javascript:') || v.startsWith('vbscript:')) {
          found.push(`${name}="${attr.value.slice(0, 60)}" javascript: URL on <${describe(el)}>`);
        }
      }
    }
  }
  for (const m of document.querySelectorAll('meta[http-equiv]')) {
    const v = (m.getAttribute('content') || '').replace(/[\u0000-\u0020]/g, '').toLowerCase();
    if (v.includes('javascript:') || v.includes('vbscript:')) found.push(`javascript: URL in <meta http-equiv> content`);
  }
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    links.push({ raw: a.getAttribute('href'), abs: a.href });
  }
  return { found, links };
}

function makeChecker(root, port) {
  const httpOrigin = `http://127.0.0.1:${port}`;
  const httpBase = httpOrigin + SUB_PATH;

  // Classify a URL the browser requests or a link points to.
  //   { kind: 'inline' }            data:, blob:, about:
  //   { kind: 'local', file, why }  inside the site (file = fs path) or broken local ref (why)
  //   { kind: 'external' }          anything else
  function classify(urlString) {
    let u;
    try {
      u = new URL(urlString);
    } catch {
      return { kind: 'bad' };
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return { kind: 'inline' };
    if (u.protocol === 'file:') {
      let p;
      try {
        p = fileURLToPath(u.href.split(/[?#]/)[0]);
      } catch {
        return { kind: 'local', why: 'unparsable file URL' };
      }
      if (!inside(root, p)) return { kind: 'local', file: p, why: 'points outside the site directory' };
      return { kind: 'local', file: p };
    }
    if (u.origin === httpOrigin) {
      let pathname;
      try {
        pathname = decodeURIComponent(u.pathname);
      } catch {
        return { kind: 'local', why: 'undecodable path' };
      }
      if (!pathname.startsWith(SUB_PATH)) {
        return { kind: 'local', why: `escapes the sub-path ${SUB_PATH} (root-absolute URL?)` };
      }
      const p = path.join(root, pathname.slice(SUB_PATH.length));
      if (!inside(root, p)) return { kind: 'local', file: p, why: 'points outside the site directory' };
      return { kind: 'local', file: p };
    }
    return { kind: 'external' };
  }

  function isAllowedRequest(urlString) {
    const c = classify(urlString);
    return c.kind === 'inline' || c.kind === 'local';
  }

  // A reusable tab: listeners are attached once and report into the current
  // load's sink (opening a fresh tab per load costs ~0.2 s).
  async function openTab(context, tab = { context, page: null, add: () => {} }) {
    const page = await context.newPage();
    tab.page = page;
    const add = (r) => {
      if (tab.page === page) tab.add(r);  // a replaced tab reports nothing more
    };
    page.on('dialog', (d) => {
      add(`dialog ${d.type()}("${d.message().slice(0, 80)}")`);
      d.dismiss().catch(() => {});
    });
    page.on('console', (m) => {
      if (m.type() === 'error') {
        const loc = m.location();
        const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? ':' + loc.lineNumber : ''})` : '';
        add(`console error: ${m.text().slice(0, 200)}${where}`);
      }
    });
    page.on('pageerror', (e) => add(`page error: ${String(e && e.message ? e.message : e).slice(0, 200)}`));
    page.on('crash', () => add('page crashed'));
    page.on('request', (r) => {
      const c = classify(r.url());
      if (c.kind === 'external' || c.kind === 'bad') add(`external request: ${r.method()} ${r.url().slice(0, 200)}`);
      else if (c.kind === 'local' && c.why) add(`request ${r.url()} ${c.why}`);
    });
    page.on('requestfailed', (r) => {
      const c = classify(r.url());
      if (c.kind === 'local' && !c.why) {
        add(`request failed: ${r.url()} (${r.failure() ? r.failure().errorText : 'unknown'})`);
      }
    });
    page.on('response', (r) => {
      const c = classify(r.url());
      if (c.kind === 'local' && r.status() >= 400) add(`HTTP ${r.status()} for ${r.url()}`);
    });
    return tab;
  }

  // Load one page in `tab`, collect failure reasons (strings).
  async function checkLoad(tab, url, label, opts = {}) {
    const reasons = [];
    const add = (r) => reasons.push(`[${label}] ${r}`);
    tab.add = add;
    const page = tab.page;
    const pageUrlForLinks = url;

    let broken = false;  // the tab is not to be trusted for the next load
    const work = (async () => {
      try {
        const resp = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        if (resp && resp.status() >= 400) add(`page itself answered HTTP ${resp.status()}`);
      } catch (e) {
        broken = true;
        add(`navigation failed: ${String(e.message || e).split('\n')[0]}`);
        return;
      }
      await page.waitForTimeout(SETTLE_MS);
      let scan;
      try {
        scan = await page.evaluate(scanDom);
      } catch (e) {
        add(`DOM scan failed: ${String(e.message || e).split('\n')[0]}`);
        return;
      }
      for (const f of scan.found) add(f);
      const pageNoFrag = pageUrlForLinks.split('#')[0];
      for (const { raw, abs } of scan.links) {
        const trimmed = (raw || '').trim();
        // Same page: a #fragment, or an empty href (cmark-gfm's safe mode empties unsafe link URLs).
        if (trimmed === '' || trimmed.startsWith('#')) continue;
        let u;
        try {
          u = new URL(abs);
        } catch {
          add(`unparsable link href="${raw}"`);
          continue;
        }
        if (['mailto:', 'tel:', 'javascript:', 'vbscript:', 'data:'].includes(u.protocol)) continue;  // javascript: reported by the scan
        if (u.href.split('#')[0] === pageNoFrag) continue;  // same page
        const c = classify(u.href);
        if (c.kind === 'external' || c.kind === 'inline') continue;
        if (c.kind === 'bad') {
          add(`unparsable link href="${raw}"`);
        } else if (c.why) {
          add(`link href="${raw}" ${c.why}`);
        } else if (!existsInSite(root, c.file)) {
          add(`broken link href="${raw}" (${path.relative(root, c.file) || '.'}: no such file, nor a folder with index.html, in the site)`);
        }
      }
      if (opts.noHorizontalScroll) {
        // Readable on a phone: nothing may widen the page beyond the screen.
        const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
        if (widths.doc > widths.view) add(`page is ${widths.doc}px wide on a ${widths.view}px screen (horizontal scrolling)`);
      }
      if (opts.screenshot) {
        try {
          // A full-page capture of a long checklist takes longer than a page load.
          await page.screenshot({ path: opts.screenshot, fullPage: !!opts.fullPage, timeout: 4 * PAGE_TIMEOUT_MS });
        } catch (e) {
          add(`screenshot failed: ${String(e.message || e).split('\n')[0]}`);
        }
      }
    })();
    let timer;
    const budget = PAGE_TIMEOUT_MS * (opts.screenshot ? 6 : 2);
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        broken = true;
        add(`timed out after ${budget / 1000} s`);
        resolve();
      }, budget);
    });
    await Promise.race([work, timeout]);
    clearTimeout(timer);
    tab.add = () => {};
    if (!broken && !page.isClosed()) {
      // Leave the page so nothing from it reports into the next load.
      try {
        await page.goto('about:blank', { timeout: 5000 });
      } catch {
        broken = true;
      }
    }
    if (broken || page.isClosed()) {
      // Start over with a fresh tab rather than trust a stuck one.
      page.close().catch(() => {});
      await openTab(tab.context, tab);
    }
    return reasons;
  }

  return { httpBase, isAllowedRequest, openTab, checkLoad, classify };
}

// ---------------------------------------------------------------- main

async function main() {
  const [siteArg, shotArg] = process.argv.slice(2);
  if (!siteArg || !shotArg || process.argv.length > 4) usage();
  const root = fs.realpathSync(path.resolve(siteArg));
  if (!fs.statSync(root).isDirectory()) usage(`not a directory: ${siteArg}`);
  const shotDir = path.resolve(shotArg);
  fs.mkdirSync(shotDir, { recursive: true });

  const pages = listHtml(root);
  if (pages.length === 0) {
    console.error(`no *.html files under ${root}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  const server = await startServer(root);
  const port = server.address().port;
  const checker = makeChecker(root, port);

  const browser = await launchChromium({ timeout: 60000 });

  const route = (r) => (checker.isAllowedRequest(r.request().url()) ? r.continue() : r.abort('blockedbyclient'));
  const desktop = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  // Block (as well as report) anything that would leave the machine. Only
  // http(s) requests are routable; file:// loads are reported by the checker.
  for (const ctx of [desktop, phone]) await ctx.route(/^https?:/, route);

  const results = new Map(pages.map((p) => [p, []]));
  const jobs = [];
  for (const rel of pages) {
    const fileUrl = pathToFileURL(path.join(root, rel)).href;
    const httpUrl = checker.httpBase + rel.split('/').map(encodeURIComponent).join('/');
    const isChecklist = /^checklists\/[^/]+\/index\.html$/.test(rel);
    jobs.push({ rel, ctx: 'desktop', url: fileUrl, label: 'file', opts: {} });
    jobs.push({
      rel,
      ctx: 'desktop',
      url: httpUrl,
      label: 'http',
      opts: isChecklist ? { screenshot: path.join(shotDir, `checklist-${rel.split('/')[1]}.png`), fullPage: true } : {},
    });
    if (rel === 'index.html') {
      jobs.push({ rel, ctx: 'phone', url: httpUrl, label: 'phone', opts: { screenshot: path.join(shotDir, 'index-phone.png'), noHorizontalScroll: true } });
    } else if (isChecklist || /^checklists\/[^/]+\/items\/[^/]+\.html$/.test(rel) || /^pages\//.test(rel)) {
      jobs.push({ rel, ctx: 'phone', url: httpUrl, label: 'phone', opts: { noHorizontalScroll: true } });
    }
  }

  let next = 0;
  const worker = async () => {
    const tabs = {};  // one tab per context, opened on first use
    while (next < jobs.length) {
      const job = jobs[next++];
      let reasons;
      try {
        if (!tabs[job.ctx]) tabs[job.ctx] = await checker.openTab(job.ctx === 'phone' ? phone : desktop);
        reasons = await checker.checkLoad(tabs[job.ctx], job.url, job.label, job.opts);
      } catch (e) {
        reasons = [`[${job.label}] checker error: ${String(e && e.message ? e.message : e).split('\n')[0]}`];
      }
      results.get(job.rel).push(...reasons);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  await browser.close().catch(() => {});
  server.close();

  if (!pages.includes('index.html')) results.set('index.html', ['missing: the site has no index.html']);

  let passed = 0;
  let failed = 0;
  for (const [rel, reasons] of results) {
    const unique = [...new Set(reasons)];
    if (unique.length === 0) {
      passed++;
      continue;
    }
    failed++;
    for (const r of unique) console.log(`FAIL ${rel}: ${r}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`check-site: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
