import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServiceWorker } from '../../src/integrations/offline.ts';
import { MANIFEST_ICONS, webAppManifest } from '../../src/pages/manifest.webmanifest.ts';

/** Offline use and installation (issue #15): what the service worker precaches, and the web app manifest. */

describe('the web app manifest', () => {
  it('follows the base path: start_url, scope, id and icons', () => {
    for (const base of ['/', '/course/']) {
      const m = webAppManifest(base);
      expect(m.start_url).toBe(base);
      expect(m.scope).toBe(base);
      expect(m.id).toBe(base);
      expect(m.icons.map((i) => i.src)).toEqual(MANIFEST_ICONS.map((i) => `${base}${i.file}`));
    }
    expect(webAppManifest('/course').start_url).toBe('/course/');
  });

  it('names the course from the Japanese strings and offers an icon of 192 and 512 pixels and a maskable one', () => {
    const m = webAppManifest('/');
    expect(m.name).toBe('CNN を基礎から');
    expect(m.short_name.length).toBeLessThanOrEqual(12);
    expect(m.lang).toBe('ja');
    expect(m.display).toBe('standalone');
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  });

  it('points at PNG files in public/ of the sizes it states', () => {
    for (const icon of [...MANIFEST_ICONS, { file: 'icons/apple-touch-icon.png', sizes: '180x180' }]) {
      const png = readFileSync(join('public', icon.file));
      expect(png.subarray(1, 4).toString('latin1'), icon.file).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.file).toBe(icon.sizes);
    }
  });
});

describe('the service worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-course-sw-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const files = [
    'index.html', 'lessons/draw/index.html', 'en/index.html', '_astro/Base.abc123.css', '_astro/page.def456.js',
    '_astro/KaTeX_Main-Regular.x1.woff2', '_astro/KaTeX_Main-Regular.x2.woff', '_astro/KaTeX_Main-Regular.x3.ttf',
    '_astro/tfjs-backend-wasm-simd.y1.wasm', 'favicon.svg', 'icons/icon-192.png', 'manifest.webmanifest',
    'models/pretrained/model.json', 'models/pretrained/weights.bin', 'models/pretrained/training-record.json',
    'data/mnist/manifest.json', 'data/mnist/train-images.bin', 'data/mnist/sample-images.bin',
    'tools/pretrain/index.html', 'pagefind/pagefind.js', 'pagefind/index/ja_1.pf_index',
  ];
  const precached = async () => {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), `content of ${f}`);
    }
    await generateServiceWorker(dir);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const list = /precacheAndRoute\((\[.*?\])/s.exec(sw)?.[1] ?? '[]';
    return { sw, entries: JSON.parse(list.replace(/([{,])(url|revision):/g, '$1"$2":')) as { url: string; revision: string | null }[] };
  };

  it('precaches pages, styles, scripts, WOFF2 fonts, WebAssembly, icons, the model, the MNIST manifest and the search index, by relative URL', async () => {
    const { sw, entries } = await precached();
    expect(entries.map((e) => e.url).sort()).toEqual([
      '_astro/Base.abc123.css', '_astro/KaTeX_Main-Regular.x1.woff2', '_astro/page.def456.js', '_astro/tfjs-backend-wasm-simd.y1.wasm',
      'data/mnist/manifest.json', 'en/index.html', 'favicon.svg', 'icons/icon-192.png', 'index.html', 'lessons/draw/index.html',
      'manifest.webmanifest', 'models/pretrained/model.json', 'models/pretrained/training-record.json', 'models/pretrained/weights.bin',
      'pagefind/index/ja_1.pf_index', 'pagefind/pagefind.js',
    ]);
    // Hashed bundles are their own revision; every other file carries one.
    expect(entries.filter((e) => e.revision === null).map((e) => e.url).sort()).toEqual(entries.filter((e) => e.url.startsWith('_astro/')).map((e) => e.url).sort());
    // Waits for the page's SKIP_WAITING; clean URLs and any query reach the precached index.html.
    // (with skipWaiting: true Workbox would call self.skipWaiting() at once and listen for nothing)
    expect(sw).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
    expect(sw).toContain('directoryIndex:"index.html"');
    expect(sw).toContain('cleanupOutdatedCaches');
  }, 60_000);

  it('leaves out a file too large to precache loudly rather than silently', async () => {
    writeFileSync(join(dir, '_astro/huge.zzz.js'), Buffer.alloc(4 * 1024 * 1024));
    try {
      await expect(generateServiceWorker(dir)).rejects.toThrow(/huge\.zzz\.js/);
    } finally {
      rmSync(join(dir, '_astro/huge.zzz.js'));
    }
  }, 60_000);
});
