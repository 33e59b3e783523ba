// The release box (overview and checklist pages of a signed site) in a real browser: it
// shows the release number, the dates and the key's fingerprint and links to verify.html;
// on the day it is read (the page clock set by playwright) it marks an expiry within 30
// days as "expires soon" and a past one as "expired"; without JavaScript the dates still
// show; item pages have no box; at phone width (390 px) nothing overflows sideways.
// Usage: node check-release-box.mjs TRUSTPAGE WORKDIR (WORKDIR: an empty scratch folder)
import { launchChromium } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [trustpage, workArg] = process.argv.slice(2);
if (!trustpage || !workArg) {
  console.error('usage: node check-release-box.mjs TRUSTPAGE WORKDIR');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const repoRoot = path.resolve(here, '../..');
const work = path.resolve(workArg);
const TIME_LIMIT_MS = 120000;

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
const repo = path.join(work, 'repo');
const site = path.join(work, 'site');
let release;
try {
  fs.mkdirSync(path.join(work, 'private'), { recursive: true, mode: 0o700 });
  fs.cpSync(path.join(repoRoot, 'content'), path.join(repo, 'content'), { recursive: true });
  run('git', ['-C', repo, 'init', '-q', '-b', 'main']);
  run('git', ['-C', repo, 'add', '-A']);
  run('git', ['-C', repo, '-c', 'user.name=Vendor', '-c', 'user.email=v@example.com', '-c', 'commit.gpgsign=false',
    'commit', '-q', '-m', 'Release 1'], {
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T09:00:00+09:00', GIT_COMMITTER_DATE: '2026-10-01T09:00:00+09:00' },
  });
  const key = path.join(work, 'private', 'demo.key');
  run(trustpage, ['keygen', '--name', 'demo', '--private', key, '--keys', path.join(repo, 'keys')]);
  run(trustpage, ['build', '-q', '--sign', '--key', key, '--first-release', '--content', path.join(repo, 'content'), '--out', site]);
  release = JSON.parse(fs.readFileSync(path.join(site, 'release.json'), 'utf8'));
} catch (e) {
  console.log(`FAIL could not make the signed demo: ${e.message}${e.stderr ? `\n${e.stderr}` : ''}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const day = (iso, days) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86400000);
const pages = [
  ['ja overview', 'index.html', 'verify.html', '署名済みリリース'],
  ['en overview', 'en/index.html', 'verify.html', 'Signed release'],
  ['ja checklist', 'checklists/meti-cloud-sla/index.html', '../../verify.html', '署名済みリリース'],
  ['en checklist', 'en/checklists/meti-cloud-sla/index.html', '../../verify.html', 'Signed release'],
];

const browser = await launchChromium({ timeout: 60000 });

// Opens `rel` with the page clock at `now` (or JavaScript off); returns the box as seen.
async function boxOn(rel, { now = null, javaScript = true, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport });
  if (now) await context.clock.setFixedTime(now);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.goto(pathToFileURL(path.join(site, rel)).href, { waitUntil: 'load' });
  const box = await page.evaluate(() => {
    const b = document.querySelector('.release-box');
    if (!b) return null;
    const shown = [...b.querySelectorAll('.release-state')].filter((s) => !s.hidden).map((s) => s.textContent.trim());
    return {
      text: b.innerText,
      expiry: b.getAttribute('data-expiry'),
      shown,
      link: b.querySelector('a.release-number')?.getAttribute('href'),
      expires: b.querySelector('time.release-expires')?.getAttribute('datetime'),
    };
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await context.close();
  return { box, errors, overflow };
}

try {
  const published = release.date.slice(0, 10);
  for (const [label, rel, verifyLink, phrase] of pages) {
    const { box, errors } = await boxOn(rel, { now: day(published, 1) });
    check(box !== null, `${label}: has the release box`);
    if (!box) continue;
    check(box.text.includes(phrase) && box.text.includes(String(release.sequence)),
      `${label}: names signed release ${release.sequence}`, box.text);
    check(box.text.includes(published) && box.text.includes(release.expires),
      `${label}: shows the publication date and the expiry (${published}, ${release.expires})`, box.text);
    check(box.text.includes(release.key_fingerprint), `${label}: shows the key fingerprint`, box.text);
    check(box.link === verifyLink, `${label}: links to verify.html`, String(box.link));
    check(box.expires === release.expires, `${label}: the expiry is machine-readable`, String(box.expires));
    check(box.expiry === 'valid' && box.shown.length === 0, `${label}: a day after publication, valid`, JSON.stringify(box));
    check(errors.length === 0, `${label}: no console errors`, errors.join('\n    '));
  }

  for (const [label, rel] of [pages[0], pages[3]]) {
    const soon = (await boxOn(rel, { now: day(release.expires, -10) })).box;
    check(soon?.expiry === 'soon' && soon.shown.length === 1 && /まもなく|expires soon/.test(soon.shown[0]),
      `${label}: 10 days before the expiry, "expires soon"`, JSON.stringify(soon));
    const lastDay = (await boxOn(rel, { now: day(release.expires, 0) })).box;
    check(lastDay?.expiry === 'soon', `${label}: on its last day, still valid (expires soon)`, JSON.stringify(lastDay));
    const expired = (await boxOn(rel, { now: day(release.expires, 1) })).box;
    check(expired?.expiry === 'expired' && expired.shown.length === 1 && /期限切れ|expired/.test(expired.shown[0]),
      `${label}: the day after the expiry, "expired"`, JSON.stringify(expired));
    const noScript = (await boxOn(rel, { now: day(release.expires, 1), javaScript: false })).box;
    check(noScript !== null && noScript.text.includes(release.expires) && noScript.shown.length === 0,
      `${label}: without JavaScript the dates show`, JSON.stringify(noScript));
  }

  for (const rel of ['checklists/meti-cloud-sla/items/meti-01-service-hours.html', 'en/checklists/meti-cloud-sla/items/meti-01-service-hours.html']) {
    const { box } = await boxOn(rel);
    check(box === null, `${rel}: no release box on an item page`);
  }

  for (const [label, rel] of pages) {
    const { overflow } = await boxOn(rel, { now: day(published, 1), viewport: { width: 390, height: 844 } });
    check(overflow <= 0, `${label}: nothing overflows at 390 px (release box, downloads with their hashes)`, `${overflow}px too wide`);
  }
} catch (e) {
  check(false, 'the check ran to the end', e && e.stack ? e.stack : String(e));
} finally {
  await browser.close().catch(() => {});
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
