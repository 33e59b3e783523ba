// `trustpage serve` in a real browser: an open page reloads itself after the vendor saves
// an item, and shows the new answer. Usage: node check-live-reload.mjs TRUSTPAGE CONTENT_DIR
import { launchChromium } from './chromium.mjs';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [trustpage, contentDir] = process.argv.slice(2);
if (!trustpage || !contentDir) {
  console.error('usage: node check-live-reload.mjs TRUSTPAGE CONTENT_DIR (a copy: it is edited)');
  process.exit(2);
}
const port = 20000 + Math.floor(Math.random() * 20000);
const server = spawn(trustpage, ['serve', '--content', contentDir, '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (d) => { log += d; });
server.stderr.on('data', (d) => { log += d; });

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 10000;
for (;;) {
  try {
    if ((await fetch(`${base}/index.html`)).ok) break;
  } catch {}
  if (Date.now() > deadline) {
    console.log(`FAIL serve did not start:\n${log}`);
    server.kill();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await launchChromium();
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
  if (ok) passed++; else failed++;
};
try {
  const page = await browser.newPage();
  await page.goto(`${base}/checklists/meti-cloud-sla/items/meti-01-service-hours.html`);
  await page.waitForTimeout(1500);  // let the page start waiting for changes

  const item = path.join(contentDir, 'checklists/meti-cloud-sla/application-operations/01-service-hours.md');
  const edited = '平日9時から18時（ライブリロード確認）';
  fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^answer: .*$/m, `answer: ${edited}`));
  const reloaded = await page.waitForFunction(
    (text) => document.body.innerText.includes(text), edited, { timeout: 30000 },
  ).then(() => true, () => false);
  check(reloaded, 'the open page reloads and shows the saved answer');

  fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^status: .*$/m, 'status: perhaps'));
  const showsError = await page.waitForFunction(
    () => document.body.innerText.includes('01-service-hours.md:'), null, { timeout: 30000 },
  ).then(() => true, () => false);
  check(showsError, 'a broken save shows file:line in the page');

  fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^status: .*$/m, 'status: yes'));
  const recovered = await page.waitForFunction(
    (text) => document.body.innerText.includes(text), edited, { timeout: 30000 },
  ).then(() => true, () => false);
  check(recovered, 'fixing it brings the page back by itself');
} finally {
  await browser.close();
  server.kill();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
