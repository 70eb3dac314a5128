import { describe, expect, it } from 'vitest';
import { setupFromUrl, urlForSetup } from '../../src/lib/training/run-url.ts';

describe("the training setup in the URL", () => {
  it("reads a shared setup, and writes only what differs from the deck's run", () => {
    expect(setupFromUrl('?epochs=3&subset=2000')).toEqual({ epochs: 3, trainLimit: 2000 });
    expect(setupFromUrl('')).toEqual({ epochs: 15, trainLimit: null });
    expect(urlForSetup({ epochs: 15, trainLimit: null }, '')).toBe('');
    expect(urlForSetup({ epochs: 3, trainLimit: 2000 }, '?backend=webgl')).toBe('backend=webgl&epochs=3&subset=2000');
  });
  it('falls back to the deck for anything it does not offer', () => {
    expect(setupFromUrl('?epochs=0&subset=5')).toEqual({ epochs: 15, trainLimit: null });
    expect(setupFromUrl('?epochs=99&subset=all')).toEqual({ epochs: 15, trainLimit: null });
    expect(setupFromUrl('?epochs=2.5&subset=300')).toEqual({ epochs: 15, trainLimit: 300 });
    expect(setupFromUrl('?epochs=NaN')).toEqual({ epochs: 15, trainLimit: null });
  });
});
