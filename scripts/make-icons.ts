/**
 * Draws the course's app icons (public/icons/*.png, used by the web app manifest and as the iOS
 * home-screen icon) from the favicon's motif: the blue tile with a 3×3 grid of white squares, a
 * convolution window, in public/favicon.svg. Headless Chromium renders each SVG at its size and
 * saves a PNG screenshot; the PNGs are committed, so a build needs no browser.
 *
 *   node scripts/make-icons.ts          (Node 22.18 or newer, which runs TypeScript; `npm run` uses the project's Node 24)
 *
 * - icon-192.png, icon-512.png: the favicon as it is, rounded corners on a transparent background;
 * - maskable-512.png: the tile fills the square and the grid keeps to the middle 50%, inside the
 *   safe zone (a circle of 80% of the width) that a launcher's mask never cuts;
 * - apple-touch-icon.png (180): a full square (iOS rounds the corners itself).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const OUT = join(import.meta.dirname, '..', 'public', 'icons');
const BLUE = '#1d4ed8';
/** The grid's squares, row by row: their opacity (the favicon's). */
const OPACITY = [1, 0.6, 0.3, 0.6, 1, 0.6, 0.3, 0.6, 1];

/**
 * The icon on a 32-unit canvas: the tile (rounded by `radius`), and the grid whose side is
 * `grid` units, centred (the favicon: radius 6, grid 20).
 */
function svg(size: number, radius: number, grid: number): string {
  const cell = (grid * 6) / 20;
  const gap = (grid * 1) / 20;
  const start = (32 - grid) / 2;
  const squares = OPACITY.map((o, i) => {
    const x = start + (i % 3) * (cell + gap);
    const y = start + Math.floor(i / 3) * (cell + gap);
    return `<rect x="${x}" y="${y}" width="${cell}" height="${cell}"${o < 1 ? ` opacity="${o}"` : ''}/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" rx="${radius}" fill="${BLUE}"/><g fill="#fff">${squares}</g></svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, radius: 6, grid: 20 },
  { file: 'icon-512.png', size: 512, radius: 6, grid: 20 },
  { file: 'maskable-512.png', size: 512, radius: 0, grid: 16 },
  { file: 'apple-touch-icon.png', size: 180, radius: 0, grid: 20 },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg(icon.size, icon.radius, icon.grid)}</body></html>`);
    await page.locator('svg').screenshot({ path: join(OUT, icon.file), omitBackground: true });
    console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
