import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dedent, extractRegion } from '../../src/lib/source-regions.ts';

describe('source regions shown in lesson 3-1', () => {
  it('extracts and dedents a region', () => {
    const src = 'a\n// #region deck:x\n    foo();\n      bar();\n// #endregion deck:x\nb';
    expect(extractRegion(src, 'x')).toBe('foo();\n  bar();');
    expect(() => extractRegion(src, 'y')).toThrow(/deck:y/);
    expect(dedent('  a\n\n  b')).toBe('a\n\nb');
  });
  it('finds every region the lesson uses in the real sources', () => {
    const regions: [string, string][] = [
      ['src/lib/cnn-architecture.ts', 'model'],
      ['src/lib/cnn-model.ts', 'build'],
      ['src/lib/training/train-loop.ts', 'compile'],
      ['src/lib/training/train-loop.ts', 'data'],
      ['src/lib/training/train-loop.ts', 'loss'],
      ['src/lib/training/train-loop.ts', 'fit'],
      ['src/lib/training-plan.ts', 'fitconfig'],
      ['src/lib/mnist/loader.ts', 'scale'],
    ];
    for (const [file, name] of regions) expect(extractRegion(readFileSync(file, 'utf8'), name).length).toBeGreaterThan(10);
  });
});
