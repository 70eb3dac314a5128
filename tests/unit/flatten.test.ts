import { describe, expect, it } from 'vitest';
import { cellAt, FLAT_CHANNELS, FLAT_SIDE, FLAT_UNITS, FLAT_WIDTH, flatIndex, flattenBy, moveInGrid, moveInLine, positionOf } from '../../src/lib/flatten/index.ts';

describe('flatten order', () => {
  it('is 5×5×64 = 1,600 for the deck model', () => {
    expect([FLAT_SIDE, FLAT_WIDTH, FLAT_CHANNELS, FLAT_UNITS]).toEqual([5, 5, 64, 1600]);
  });

  it('matches a channels-last reshape (counted, not computed) for all 1,600 places, and the inverse', () => {
    // Reference: walk r, c, k in nested order and count; the counter is the place in the line.
    let counter = 0;
    const seen = new Set<number>();
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 5; c++) {
        for (let k = 0; k < 64; k++) {
          const i = flatIndex(r, c, k);
          expect(i).toBe(counter);
          expect(positionOf(i)).toEqual({ r, c, k });
          seen.add(i);
          counter += 1;
        }
      }
    }
    expect(seen.size).toBe(1600);
  });

  it('gives the hand-computed examples', () => {
    expect(flatIndex(2, 3, 10)).toBe((2 * 5 + 3) * 64 + 10); // 842
    expect(flatIndex(2, 3, 10)).toBe(842);
    expect(flatIndex(4, 4, 63)).toBe(1599);
    expect(positionOf(64)).toEqual({ r: 0, c: 1, k: 0 });
    expect(positionOf(320)).toEqual({ r: 1, c: 0, k: 0 });
    // The lesson's small example: W = 2, C = 3, (1, 0, 2) is 8.
    expect(flatIndex(1, 0, 2, 2, 3)).toBe(8);
    expect(positionOf(8, 2, 3)).toEqual({ r: 1, c: 0, k: 2 });
  });

  it('flattens a channels-last array as numpy reshape(-1) does', () => {
    // np.arange(12).reshape(2, 2, 3).reshape(-1) is 0..11.
    const line = flattenBy((r, c, k) => r * 6 + c * 3 + k, 2, 2, 3);
    expect(Array.from(line)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('moving through the line and the grid', () => {
  it('moves by one value, one row of 64, to the ends, and stays inside', () => {
    expect(moveInLine(0, 'ArrowLeft')).toBe(0);
    expect(moveInLine(0, 'ArrowRight')).toBe(1);
    expect(moveInLine(5, 'ArrowDown')).toBe(69);
    expect(moveInLine(69, 'ArrowUp')).toBe(5);
    expect(moveInLine(5, 'ArrowUp')).toBe(5);
    expect(moveInLine(1590, 'ArrowDown')).toBe(1590);
    expect(moveInLine(1599, 'ArrowRight')).toBe(1599);
    expect(moveInLine(700, 'Home')).toBe(0);
    expect(moveInLine(7, 'End')).toBe(1599);
    expect(moveInLine(7, 'a')).toBeNull();
  });

  it('moves in the 5×5 grid keeping the channel', () => {
    expect(moveInGrid({ r: 0, c: 0, k: 9 }, 'ArrowRight')).toEqual({ r: 0, c: 1, k: 9 });
    expect(moveInGrid({ r: 0, c: 0, k: 9 }, 'ArrowUp')).toEqual({ r: 0, c: 0, k: 9 });
    expect(moveInGrid({ r: 4, c: 4, k: 9 }, 'ArrowDown')).toEqual({ r: 4, c: 4, k: 9 });
    expect(moveInGrid({ r: 2, c: 2, k: 9 }, 'ArrowLeft')).toEqual({ r: 2, c: 1, k: 9 });
    expect(moveInGrid({ r: 2, c: 2, k: 9 }, 'Enter')).toBeNull();
  });

  it('finds the cell under a point', () => {
    expect(cellAt(0, 0, 640, 250, 64, 25)).toBe(0);
    expect(cellAt(639.9, 249.9, 640, 250, 64, 25)).toBe(1599);
    expect(cellAt(15, 9, 640, 250, 64, 25)).toBe(1); // cells are 10 px square
    expect(cellAt(15, 12, 640, 250, 64, 25)).toBe(65);
    expect(cellAt(-1, 0, 640, 250, 64, 25)).toBeNull();
    expect(cellAt(640, 0, 640, 250, 64, 25)).toBeNull();
    expect(cellAt(Number.NaN, 0, 640, 250, 64, 25)).toBeNull();
  });
});
