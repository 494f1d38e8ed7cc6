/**
 * Draws the installable app's PNG icons from the SVGs in apps/web/icons with the local Chromium, into
 * apps/web/public. Run after changing a drawing: `node --import tsx scripts/render-web-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { chromium } from 'playwright-core';

const ICONS = [
  { svg: 'icon.svg', out: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', out: 'icon-512.png', size: 512 },
  { svg: 'icon.svg', out: 'apple-touch-icon.png', size: 180 },
  { svg: 'icon-maskable.svg', out: 'icon-maskable-512.png', size: 512 },
  { svg: 'badge.svg', out: 'badge-96.png', size: 96 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const svg = readFileSync(resolve('apps/web/icons', icon.svg), 'utf8').replace(
      '<svg ',
      `<svg width="${icon.size}" height="${icon.size}" `,
    );
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: resolve('apps/web/public', icon.out), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
