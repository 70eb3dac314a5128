/**
 * `npm run bench`: measurements, never pass/fail tests. Needs a build (`npm run build`).
 * Prints what each page costs a learner to download (HTML, CSS, JavaScript; raw and gzip),
 * and the ratio of the lesson pages' weight to the home page's.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
if (!existsSync(DIST)) {
  console.error('bench: no dist/ folder; run `npm run build` first');
  process.exit(1);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

interface PageWeight { page: string; html: number; css: number; js: number; gzip: number }

const pages: PageWeight[] = walk(DIST)
  .filter((p) => p.endsWith('index.html'))
  .map((file) => {
    const html = readFileSync(file);
    const text = html.toString('utf8');
    const assets = [...text.matchAll(/(?:href|src|component-url|renderer-url)="([^"]+\.(?:css|js))"/g)].map((m) => m[1] ?? '');
    let css = 0;
    let js = 0;
    let gzip = gz(html);
    for (const a of new Set(assets)) {
      const path = join(DIST, a.replace(/^\/+/, ''));
      if (!existsSync(path)) continue;
      const buf = readFileSync(path);
      if (a.endsWith('.css')) css += buf.length;
      else js += buf.length;
      gzip += gz(buf);
    }
    return { page: '/' + relative(DIST, file).replace(/index\.html$/, ''), html: html.length, css, js, gzip };
  })
  .sort((a, b) => a.page.localeCompare(b.page));

console.log('page weights (first load, before islands hydrate):');
for (const p of pages) {
  console.log(`  ${p.page.padEnd(32)} html ${kb(p.html).padStart(9)}  css ${kb(p.css).padStart(9)}  js ${kb(p.js).padStart(9)}  gzip total ${kb(p.gzip).padStart(9)}`);
}
const home = pages.find((p) => p.page === '/');
const lessons = pages.filter((p) => p.page.startsWith('/lessons/'));
if (home && lessons.length > 0) {
  const mean = lessons.reduce((s, p) => s + p.gzip, 0) / lessons.length;
  console.log(`ratio: mean lesson page / home page (gzip) = ${(mean / home.gzip).toFixed(2)}`);
  console.log(`pages with no JavaScript file: ${pages.filter((p) => p.js === 0).length} of ${pages.length}`);
}
