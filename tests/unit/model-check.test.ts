import { describe, expect, it } from 'vitest';
import { checkModel, checkWeightShapes, deckLayers, deckWeightShapes } from '../../src/lib/model/check.ts';
import { sheetRgba, sheetSize } from '../../src/lib/viz/image.ts';

describe('model-check', () => {
  it("describes the deck CNN's layers and weights", () => {
    expect(deckLayers().map((l) => [l.className, l.outputShape.join('x')])).toEqual([
      ['Conv2D', '26x26x32'],
      ['MaxPooling2D', '13x13x32'],
      ['Conv2D', '11x11x64'],
      ['MaxPooling2D', '5x5x64'],
      ['Flatten', '1600'],
      ['Dropout', '1600'],
      ['Dense', '10'],
    ]);
    expect(deckWeightShapes()).toEqual([[3, 3, 1, 32], [32], [3, 3, 32, 64], [64], [1600, 10], [10]]);
  });

  it('accepts the deck CNN and refuses other shapes with what differs', () => {
    const layers = deckLayers();
    expect(checkModel([28, 28, 1], layers)).toBeNull();
    expect(checkModel([32, 32, 3], layers)).toMatch(/input \[32, 32, 3\]/);
    expect(checkModel([28, 28, 1], layers.slice(0, 6))).toMatch(/6 layers/);
    const other = layers.map((l, i) => (i === 6 ? { ...l, activation: 'linear' } : l));
    expect(checkModel([28, 28, 1], other)).toMatch(/layer 7 \(Dense\): activation linear/);
    const wide = layers.map((l, i) => (i === 0 ? { ...l, outputShape: [26, 26, 16] } : l));
    expect(checkModel([28, 28, 1], wide)).toMatch(/layer 1 \(Conv2D\): output \[26, 26, 16\]/);
    expect(checkWeightShapes(deckWeightShapes())).toBeNull();
    expect(checkWeightShapes([[3, 3, 1, 16], [16], [3, 3, 16, 64], [64], [1600, 10], [10]])).toMatch(/weight 1 has shape \[3, 3, 1, 16\]/);
    expect(checkWeightShapes([[10]])).toMatch(/1 weight tensors/);
  });
});

describe('sheets of maps and filters', () => {
  it('lays tiles out in a grid and scales each map by its maximum', () => {
    const layout = { tileWidth: 2, tileHeight: 2, channels: 3, columns: 2, gap: 1 };
    expect(sheetSize(layout)).toEqual({ width: 5, height: 5 });
    // Channels last: pixel p of channel c is values[p * 3 + c].
    const values = Float32Array.from([1, 0, -1, 2, 0, -2, 0, 0, 0, 4, 0, 0]);
    const { data, width } = sheetRgba(values, layout, 'per-tile');
    const grey = (x: number, y: number) => data[(y * width + x) * 4];
    expect([grey(0, 0), grey(1, 0), grey(0, 1), grey(1, 1)]).toEqual([64, 128, 0, 255]); // channel 0: 1, 2, 0, 4 of 4
    expect(grey(3, 0)).toBe(0); // channel 1 is all 0: black
    expect(grey(2, 0)).toBe(128); // the gap
  });
});
