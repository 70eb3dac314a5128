/**
 * `npm run bench`: measurements, never pass/fail tests. Needs a build (`npm run build`).
 * 1. What each page costs a learner to download (HTML, CSS, JavaScript; raw and gzip).
 * 2. The training lesson driven as a learner would, with the deck's configuration, on WebGPU and
 *    WebGL: images per second over the first batches, and the projected time of the full
 *    15-epoch run. `-- --batches N` measures N batches (default 6); `-- --full` runs the deck's
 *    whole training to the end on WebGL and prints its epochs (hours on an emulated GPU).
 *    `-- --pages-only` skips the training part.
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

// ---------------------------------------------------------------------------------------------
// 2. Training throughput, through the real training lesson.

const argv = process.argv.slice(2);
if (!argv.includes('--pages-only')) {
  const { chromium } = await import('@playwright/test');
  const { spawn } = await import('node:child_process');
  const batchesArg = argv.indexOf('--batches');
  const measureBatches = batchesArg >= 0 ? Number(argv[batchesArg + 1]) : 6;
  const full = argv.includes('--full');
  const PORT = 4341;
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      /* gone */
    }
  };
  process.on('exit', stop);
  const url = `http://127.0.0.1:${PORT}/lessons/training/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 120) throw new Error('preview server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const base = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const results: { backend: string; imagesPerSecond: number; projectedHours: number }[] = [];
  for (const backend of full ? ['webgl'] : ['webgpu', 'webgl']) {
    const browser = await chromium.launch({
      ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
      args: backend === 'webgpu' ? [...base, '--enable-unsafe-webgpu'] : base,
    });
    const page = await browser.newPage();
    await page.goto(url);
    const demo = page.locator('section.training');
    await demo.scrollIntoViewIfNeeded();
    await demo.locator(`.backend-badge[data-backend="${backend}"]`).waitFor({ timeout: 180_000 });
    await demo.getByRole('button', { name: '学習を始める' }).click();
    const bar = demo.getByTestId('batch-progress');
    if (full) {
      await demo.getByText('学習が終わりました').waitFor({ timeout: 0 });
      console.log(await demo.locator('.training__history').innerText());
    } else {
      await page.waitForFunction(
        ([sel, n]) => (document.querySelector<HTMLProgressElement>(sel as string)?.value ?? 0) >= (n as number),
        ['section.training [data-testid="batch-progress"]', measureBatches],
        { timeout: 0, polling: 500 },
      );
      const speedText = await demo.locator('.training__numbers span').first().innerText();
      const imagesPerSecond = Number(/([\d.]+)/.exec(speedText)?.[1] ?? NaN);
      await demo.getByRole('button', { name: '停止', exact: true }).click();
      await bar.waitFor();
      results.push({ backend, imagesPerSecond, projectedHours: (54_000 * 15) / imagesPerSecond / 3600 });
    }
    await browser.close();
  }
  for (const r of results) {
    console.log(`training (deck config, first ${measureBatches} batches) on ${r.backend}: ${r.imagesPerSecond.toFixed(1)} images/s → full 15-epoch run ≈ ${r.projectedHours.toFixed(1)} h (validation excluded)`);
  }
  const gpu = results.find((r) => r.backend === 'webgpu');
  const gl = results.find((r) => r.backend === 'webgl');
  if (gpu && gl) console.log(`ratio: WebGL / WebGPU training speed = ${(gl.imagesPerSecond / gpu.imagesPerSecond).toFixed(2)}`);
  stop();
  process.exit(0);
}
