// Renders images/icon.svg to images/icon.png (the manifest's "icon", 128×128) with headless
// Chromium driven by playwright-core, so the PNG can be regenerated after editing the SVG.
//
//   node scripts/make-icon.mjs [size] [out.png]     default: 128 images/icon.png
//
// A smaller size is handy to check how the mark reads in lists (e.g. 32 /tmp/icon-32.png).
// Env: CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const size = Number(process.argv[2] ?? 128);
const out = resolve(process.argv[3] ?? join(root, 'images', 'icon.png'));
if (!Number.isInteger(size) || size < 8 || size > 1024) {
  console.error('usage: node scripts/make-icon.mjs [size 8..1024] [out.png]');
  process.exit(2);
}
const svg = readFileSync(join(root, 'images', 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  // The SVG as an <img>: scaled by the browser like any raster consumer would, nothing else on the page.
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
} finally {
  await browser.close();
}
console.log(`${out}: ${size}×${size}, ${statSync(out).size} bytes`);
