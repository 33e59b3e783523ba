// The verify page's in-browser check (assets/verify.js) in a real browser, on a signed demo
// with two releases: a valid bundle verifies and shows the key's fingerprint; a copy with
// one page altered fails naming that page; a dropped file is current, superseded (by which
// release) or unknown; opened from file:// the page says the check needs http(s).
// Usage: node check-verify-page.mjs TRUSTPAGE WORKDIR (WORKDIR: an empty scratch folder)
import { launchChromium } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [trustpage, workArg] = process.argv.slice(2);
if (!trustpage || !workArg) {
  console.error('usage: node check-verify-page.mjs TRUSTPAGE WORKDIR');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const repoRoot = path.resolve(here, '../..');
const work = path.resolve(workArg);
const TIME_LIMIT_MS = 180000;  // the whole check, server included, stops by then
const WAIT_MS = 60000;         // for one verdict in the page

// Everything stops after TIME_LIMIT_MS, whatever hangs.
const watchdog = setTimeout(() => {
  console.log(`FAIL the check did not finish within ${TIME_LIMIT_MS / 1000} s`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}, TIME_LIMIT_MS);
watchdog.unref();

let passed = 0;
let failed = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}${!ok && detail ? `\n    ${detail}` : ''}`);
  if (ok) passed++; else failed++;
};

// ---------------------------------------------------------------- the signed demo

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const git = (...args) => run('git', ['-C', repo, '-c', 'user.name=Vendor', '-c', 'user.email=v@example.com',
  '-c', 'commit.gpgsign=false', ...args]);

fs.mkdirSync(work, { recursive: true });
const repo = path.join(work, 'repo');
const keyDir = path.join(work, 'private');
const site = path.join(work, 'site');
const altered = path.join(work, 'site-altered');
const rotated = path.join(work, 'site-rotated');
fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
fs.cpSync(path.join(repoRoot, 'content'), path.join(repo, 'content'), { recursive: true });

const itemSource = path.join(repo, 'content/checklists/meti-cloud-sla/application-operations/01-service-hours.md');
const itemPage = 'checklists/meti-cloud-sla/items/meti-01-service-hours.html';
const alteredPage = 'checklists/meti-cloud-sla/index.html';
const releaseOneItem = path.join(work, 'release-1-item.html');
const randomFile = path.join(work, 'random.bin');
let fingerprint = '';

try {
  run('git', ['-C', repo, 'init', '-q', '-b', 'main']);
  git('add', '-A');
  git('commit', '-q', '-m', 'Release 1');
  const key = path.join(keyDir, 'demo.key');
  run(trustpage, ['keygen', '--name', 'demo', '--private', key, '--keys', path.join(repo, 'keys')]);
  run(trustpage, ['build', '-q', '--sign', '--key', key, '--first-release', '--content', path.join(repo, 'content'), '--out', site]);
  fs.copyFileSync(path.join(site, itemPage), releaseOneItem);

  const text = fs.readFileSync(itemSource, 'utf8');
  const edited = text.replace(/^answer: .*$/m, 'answer: 平日9時から18時（リリース2）');
  if (edited === text) throw new Error(`${itemSource}: no answer line to change`);
  fs.writeFileSync(itemSource, edited);
  git('add', '-A');
  git('commit', '-q', '-m', 'Release 2');
  run(trustpage, ['build', '-q', '--sign', '--key', key, '--content', path.join(repo, 'content'), '--out', site]);

  fingerprint = JSON.parse(fs.readFileSync(path.join(site, 'release.json'), 'utf8')).key_fingerprint;
  const release = JSON.parse(fs.readFileSync(path.join(site, 'release.json'), 'utf8'));
  if (release.sequence !== 2 || !fs.existsSync(path.join(site, 'archive/1/SHA256SUMS'))) {
    throw new Error(`expected release 2 with archive/1, got release ${release.sequence}`);
  }
  if (fs.readFileSync(path.join(site, itemPage)).equals(fs.readFileSync(releaseOneItem))) {
    throw new Error(`${itemPage} did not change between the releases`);
  }

  // Release 3 rotates to a new key: the archive is then signed by the old one.
  const newKey = path.join(keyDir, 'new.key');
  run(trustpage, ['keygen', '--name', 'new', '--private', newKey, '--keys', path.join(work, 'new-keys')]);
  fs.writeFileSync(itemSource, edited.replace('（リリース2）', '（リリース3）'));
  git('add', '-A');
  git('commit', '-q', '-m', 'Release 3');
  run(trustpage, ['build', '-q', '--sign', '--key', newKey, '--rotate-from', key, '--previous', site,
    '--content', path.join(repo, 'content'), '--out', rotated]);

  fs.cpSync(site, altered, { recursive: true });
  const page = path.join(altered, alteredPage);
  fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('</main>', '<p>altered</p></main>'));

  fs.writeFileSync(randomFile, crypto.randomBytes(4096));
} catch (e) {
  console.log(`FAIL could not make the signed demo: ${e.message}${e.stderr ? `\n${e.stderr}` : ''}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------------------------------------------------------------- server

// /good/... serves the signed site, /altered/... the copy with one page changed,
// /rotated/... release 3, signed by a new key that the old one vouched for.
const MIME = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };
const roots = { good: site, altered, rotated };
const server = http.createServer((req, res) => {
  const fail = (code) => { res.writeHead(code, { 'Content-Type': 'text/plain' }); res.end(String(code)); };
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return fail(400);
  }
  const m = /^\/(good|altered|rotated)\/(.*)$/.exec(pathname);
  if (!m || pathname.includes('\0')) return fail(404);
  const rootDir = roots[m[1]];
  const file = path.join(rootDir, m[2] || 'index.html');
  if (path.relative(rootDir, file).startsWith('..')) return fail(404);
  fs.readFile(file, (err, data) => {
    if (err) return fail(404);
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(data);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- browser

const browser = await launchChromium({ timeout: 60000 });

// A tab that records console errors, page errors and requests leaving the machine.
async function open(url) {
  const context = await browser.newContext();
  await context.route(/^https?:/, (r) => (r.request().url().startsWith(base + '/') ? r.continue() : r.abort('blockedbyclient')));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base + '/') && !u.startsWith('file:') && !u.startsWith('data:')) errors.push(`external request: ${u}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

// Waits until the result panel has settled; returns {state, text}.
async function verdict(page) {
  try {
    await page.waitForFunction(() => {
      const r = document.getElementById('verify-result');
      return r && ['ok', 'fail', 'unavailable'].includes(r.getAttribute('data-state'));
    }, null, { timeout: WAIT_MS });
  } catch {
    /* reported below with whatever the panel shows */
  }
  return page.evaluate(() => {
    const r = document.getElementById('verify-result');
    return r ? { state: r.getAttribute('data-state'), text: r.innerText } : { state: 'missing', text: '' };
  });
}

// Chooses `file` in the file input; returns the newest result {verdict, path, release, text}.
async function drop(page, file) {
  const before = await page.locator('#verify-file-results li').count();
  await page.setInputFiles('#verify-file', file);
  try {
    await page.waitForFunction((n) => {
      const items = document.querySelectorAll('#verify-file-results li');
      return items.length > n && items[0].getAttribute('data-verdict') !== 'pending';
    }, before, { timeout: WAIT_MS });
  } catch {
    /* reported below */
  }
  return page.evaluate(() => {
    const li = document.querySelector('#verify-file-results li');
    return li ? {
      verdict: li.getAttribute('data-verdict'), path: li.getAttribute('data-path'),
      release: li.getAttribute('data-release'), text: li.innerText,
    } : { verdict: 'missing', text: '' };
  });
}

try {
  // The valid bundle, in Japanese at the root and in English one level down.
  {
    const tab = await open(`${base}/good/verify.html`);
    const v = await verdict(tab.page);
    check(v.state === 'ok', 'ja: the signed site verifies', JSON.stringify(v));
    check(v.text.includes(fingerprint), 'ja: the result shows the signing key', v.text);
    const shown = await tab.page.evaluate(() => document.querySelector('#verify-result .verify-key .verify-fingerprint')?.textContent);
    check(shown === fingerprint, 'ja: the fingerprint computed in the browser stands on its own, to compare', String(shown));
    check(tab.errors.length === 0, 'ja: no console errors or external requests', tab.errors.join('\n    '));
    await tab.close();
  }
  {
    const tab = await open(`${base}/good/en/verify.html`);
    const v = await verdict(tab.page);
    check(v.state === 'ok' && /Verified: release 2\b/.test(v.text), 'en: the signed site verifies as release 2', JSON.stringify(v));
    check(v.text.includes(fingerprint), 'en: the result shows the signing key', v.text);

    const current = await drop(tab.page, path.join(site, itemPage));
    check(current.verdict === 'current' && current.path === itemPage && current.release === '2' &&
      current.text.includes('Genuine and current'), 'a dropped current page is genuine and current', JSON.stringify(current));

    const old = await drop(tab.page, releaseOneItem);
    check(old.verdict === 'superseded' && old.path === itemPage && old.release === '1' &&
      /release 1 .*replaced by release 2 on /.test(old.text), 'the release-1 copy is superseded by release 2', JSON.stringify(old));

    const unknown = await drop(tab.page, randomFile);
    check(unknown.verdict === 'unknown' && unknown.text.includes('Not part of any release'),
      'a random file is not part of any release', JSON.stringify(unknown));
    check(tab.errors.length === 0, 'en: no console errors or external requests', tab.errors.join('\n    '));
    await tab.close();
  }

  // After a key rotation the archived releases are signed by the old key.
  {
    const tab = await open(`${base}/rotated/en/verify.html`);
    const v = await verdict(tab.page);
    check(v.state === 'ok' && /Verified: release 3\b/.test(v.text), 'a release that rotated the key verifies', JSON.stringify(v));
    const old = await drop(tab.page, releaseOneItem);
    check(old.verdict === 'superseded' && old.release === '1',
      'after a rotation, a release-1 file is superseded (its archive signed by the old key)', JSON.stringify(old));
    await tab.close();
  }

  // One page altered after signing.
  {
    const tab = await open(`${base}/altered/en/verify.html`);
    const v = await verdict(tab.page);
    check(v.state === 'fail' && v.text.includes(`${alteredPage}: altered`),
      'a site with one page altered fails naming that page', JSON.stringify(v));
    const others = (v.text.match(/: altered/g) || []).length;
    check(others === 1, 'no other file is named', v.text);
    await tab.close();
  }

  // Opened from disk.
  for (const [label, rel, phrase] of [['ja', 'verify.html', 'http(s)'], ['en', 'en/verify.html', 'served over http(s)']]) {
    const tab = await open(pathToFileURL(path.join(site, rel)).href);
    const v = await verdict(tab.page);
    check(v.state === 'unavailable' && v.text.includes(phrase), `${label} file://: says the check needs http(s)`, JSON.stringify(v));
    const link = await tab.page.evaluate(() => {
      const a = document.querySelector('#verify-result a');
      return a ? a.getAttribute('href') : '';
    });
    check(link === '#verify-download' && await tab.page.locator('#verify-download').count() === 1,
      `${label} file://: points to the command-line checks`, link);
    await tab.page.waitForTimeout(300);
    check(tab.errors.length === 0, `${label} file://: no console errors`, tab.errors.join('\n    '));
    await tab.close();
  }
} catch (e) {
  check(false, 'the check ran to the end', e && e.stack ? e.stack : String(e));
} finally {
  await browser.close().catch(() => {});
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
