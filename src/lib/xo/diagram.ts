/**
 * Geometry of the ○/× network's drawing: 9 inputs, 3 hidden neurons, 2 outputs in three
 * columns, one edge per weight whose colour is the weight's sign and whose width grows with its
 * size. Pure: no DOM; the view turns this into SVG.
 */
import { HIDDEN, INPUTS, OUTPUTS, type XoParams } from './network.ts';

export const DIAGRAM_WIDTH = 320;
export const DIAGRAM_HEIGHT = 260;
export const NODE_RADIUS = 10;
const COLUMNS = [40, 160, 280] as const;
/** Edge width for |w| = 0 (a hairline) up to a weight of WIDE_AT or more. */
const THIN = 0.5;
const THICK = 7;

export interface Node {
  readonly x: number;
  readonly y: number;
}

export interface Edge {
  readonly from: Node;
  readonly to: Node;
  readonly weight: number;
  readonly width: number;
  /** Layer (1: input→hidden, 2: hidden→output), and indices as in the lesson: w_{to,from}. */
  readonly layer: 1 | 2;
  readonly toIndex: number;
  readonly fromIndex: number;
}

function column(x: number, n: number): Node[] {
  const gap = DIAGRAM_HEIGHT / n;
  return Array.from({ length: n }, (_, i) => ({ x, y: gap * (i + 0.5) }));
}

export const INPUT_NODES = column(COLUMNS[0], INPUTS);
export const HIDDEN_NODES = column(COLUMNS[1], HIDDEN);
export const OUTPUT_NODES = column(COLUMNS[2], OUTPUTS);

/** Width of an edge: proportional to |w| / scale, at least a hairline, at most THICK. */
export function edgeWidth(weight: number, scale: number): number {
  if (!Number.isFinite(weight) || !(scale > 0)) return THIN;
  return THIN + (THICK - THIN) * Math.min(1, Math.abs(weight) / scale);
}

/** Every edge of the network for these parameters; `scale` is the |weight| drawn thickest. */
export function edges(p: XoParams, scale: number): Edge[] {
  const out: Edge[] = [];
  for (let j = 0; j < HIDDEN; j++)
    for (let i = 0; i < INPUTS; i++) {
      const weight = p.w1[j * INPUTS + i] ?? 0;
      out.push({ from: INPUT_NODES[i] as Node, to: HIDDEN_NODES[j] as Node, weight, width: edgeWidth(weight, scale), layer: 1, toIndex: j, fromIndex: i });
    }
  for (let k = 0; k < OUTPUTS; k++)
    for (let j = 0; j < HIDDEN; j++) {
      const weight = p.w2[k * HIDDEN + j] ?? 0;
      out.push({ from: HIDDEN_NODES[j] as Node, to: OUTPUT_NODES[k] as Node, weight, width: edgeWidth(weight, scale), layer: 2, toIndex: k, fromIndex: j });
    }
  return out;
}

/** How many weights are positive, negative and zero (the drawing's text alternative). */
export function signCounts(p: XoParams): { positive: number; negative: number; zero: number } {
  const all = [...p.w1, ...p.w2];
  return { positive: all.filter((w) => w > 0).length, negative: all.filter((w) => w < 0).length, zero: all.filter((w) => w === 0).length };
}
