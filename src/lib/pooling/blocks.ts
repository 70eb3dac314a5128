/**
 * Max pooling's geometry, in plain TypeScript: which cells form each 2×2 block (reading order),
 * which cell of a block holds its maximum (the one the demo highlights), and the rows and columns
 * an odd size leaves out. The pooled values themselves are computed with tfjs (pool-tf.ts).
 */
import { DECK_CNN } from '../cnn-architecture.ts';

const spec = DECK_CNN.layers.find((l) => l.kind === 'maxPooling2d');
/** The deck's pool size (2): blocks of POOL×POOL, stride POOL, 'valid' padding. */
export const POOL = spec?.kind === 'maxPooling2d' ? spec.poolSize : 2;

/** The deck's 4×4 example (row by row), whose max pooling is 5 9 / 2 9. */
export const DECK_EXAMPLE: readonly number[] = [1, 5, 9, 5, 0, 3, 8, 3, 2, 1, 9, 6, 0, 1, 0, 2];
export const DECK_SIDE = 4;

/** The side of the pooled map: the last row/column of an odd side is dropped. */
export function pooledSide(side: number, pool = POOL): number {
  return Math.floor(side / pool);
}

export interface Block {
  /** The block's row and column in the pooled map. */
  readonly row: number;
  readonly col: number;
  /** The input cells (row·width + col) in the block, row by row. */
  readonly cells: readonly number[];
}

/** The pooling blocks of a height×width map, in reading order (the order of the pooled values). */
export function poolBlocks(height: number, width: number, pool = POOL): Block[] {
  const out: Block[] = [];
  for (let row = 0; row < pooledSide(height, pool); row++) {
    for (let col = 0; col < pooledSide(width, pool); col++) {
      const cells: number[] = [];
      for (let dr = 0; dr < pool; dr++) for (let dc = 0; dc < pool; dc++) cells.push((row * pool + dr) * width + col * pool + dc);
      out.push({ row, col, cells });
    }
  }
  return out;
}

/** The cell of `block` that holds its largest value (the first one, reading order, on a tie). */
export function argmaxCell(values: ArrayLike<number>, block: Block): number {
  let best = block.cells[0] ?? 0;
  for (const cell of block.cells) if ((values[cell] ?? -Infinity) > (values[best] ?? -Infinity)) best = cell;
  return best;
}

/** Whether a cell is in no block (the last row or column of an odd side). */
export function isDropped(cell: number, height: number, width: number, pool = POOL): boolean {
  const r = Math.floor(cell / width);
  const c = cell % width;
  return r >= pooledSide(height, pool) * pool || c >= pooledSide(width, pool) * pool;
}

/** The block holding a cell, or -1 for a dropped one. */
export function blockOf(cell: number, height: number, width: number, pool = POOL): number {
  if (isDropped(cell, height, width, pool)) return -1;
  const r = Math.floor(Math.floor(cell / width) / pool);
  const c = Math.floor((cell % width) / pool);
  return r * pooledSide(width, pool) + c;
}
