// Debian's chromium, driven by playwright-core, the same way for every check: no sandbox
// (containers), and nothing of its own that would reach the network.
import { chromium } from 'playwright-core';

export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
}
