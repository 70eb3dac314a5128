/**
 * The course's WebGL kernels: the three convolutions of a training step written as one packed
 * "patches" program (GLSL, run through tfjs's own WebGL backend, `runWebGLProgram`) and one
 * matrix product on tfjs's packed `BatchMatMul`.
 *
 * Measured on the emulated GPU (SwiftShader, 128 images of the deck's second layer):
 * - tfjs's `Conv2DBackpropFilter` runs one fragment per weight, each reading 2 × 15,488 single
 *   floats: about 2.5 s; the patch formulation built from tfjs's own Slice and Concat
 *   (conv2d-filter-grad.ts) about 0.67 s, most of it in the nine slices and the concatenation;
 * - here the patches are written once, already transposed ([kh·kw·cin, images·positions],
 *   packed 2 × 2 per texel), and dW is one product with the output gradients: about 0.22 s;
 * - the forward `Conv2D` (tfjs: patches per image, then a batched product read transposed) takes
 *   0.45 s; patches [images·positions, kh·kw·cin] times the filter as one matrix: 0.23 s;
 * - `Conv2DBackpropInput` (tfjs: one fragment per input value, reading every weight singly) is
 *   the product of the output gradients with the filter (the patch gradients), then each input
 *   value gathers the at most kh·kw patch entries it was copied to.
 * Dilation and NCHW fall back to tfjs's kernels. Checked against tfjs in the browser
 * (tests/e2e/kernels.gpu.spec.ts through the bench page's `checkKernels`).
 */
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { kernelRunner, type FilterGradAttrs } from './conv2d-filter-grad.ts';
import { convGeometry, type ConvGeometry } from './webgpu.ts';
import { ADAM_KERNEL, type AdamAttrs } from './adam.ts';

/** The part of tfjs-backend-webgl's `GPGPUProgram` these programs fill in. */
export interface GlslProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];
  readonly userCode: string;
  readonly packedInputs: boolean;
  readonly packedOutput: boolean;
  readonly customUniforms?: { name: string; type: 'float' }[];
}

interface WebGlBackendLike {
  runWebGLProgram(program: GlslProgram, inputs: TensorInfo[], outputDtype: 'float32', customUniformValues?: number[][]): TensorInfo;
  disposeData(dataId: object): unknown;
}

/**
 * Image patches as a packed matrix: row n = (image, output row, output column), column
 * k = (window row, window column, input channel) — the filter's own axis order — or the
 * transpose. Entries outside the image (padding) are 0.
 */
/** The patch matrix's shape: [images·positions, kh·kw·cin]. */
export function patchesShape(g: ConvGeometry): [number, number] {
  return [g.batch * g.outHeight * g.outWidth, g.filterHeight * g.filterWidth * g.inChannels];
}

export function patchesProgram(g: ConvGeometry, transposed: boolean): GlslProgram {
  const positions = g.outHeight * g.outWidth;
  const [n, k] = patchesShape(g);
  const [rows, cols] = transposed ? [k, n] : [n, k];
  let body = '';
  for (let r = 0; r <= 1; r++) {
    for (let c = 0; c <= 1; c++) {
      body += `
      row = rc.x + ${r}; col = rc.y + ${c};
      if (row < ${rows} && col < ${cols}) {
        kk = ${transposed ? 'row' : 'col'}; nn = ${transposed ? 'col' : 'row'};
        b = nn / ${positions}; p = nn - b * ${positions};
        oy = p / ${g.outWidth}; ox = p - oy * ${g.outWidth};
        q = kk / ${g.inChannels}; ch = kk - q * ${g.inChannels};
        ky = q / ${g.filterWidth}; kx = q - ky * ${g.filterWidth};
        yy = oy * ${g.strideHeight} + ky - ${g.padTop};
        xx = ox * ${g.strideWidth} + kx - ${g.padLeft};
        if (yy >= 0 && yy < ${g.inHeight} && xx >= 0 && xx < ${g.inWidth}) {
          result[${r * 2 + c}] = getChannel(getA(b, yy, xx, ch), vec2(xx, ch));
        }
      }`;
    }
  }
  return {
    variableNames: ['A'],
    packedInputs: true,
    packedOutput: true,
    outputShape: [rows, cols],
    userCode: `
    void main() {
      ivec2 rc = getOutputCoords();
      vec4 result = vec4(0);
      int row, col, kk, nn, b, p, oy, ox, q, ch, ky, kx, yy, xx;
      ${body}
      setOutput(result);
    }`,
  };
}

/**
 * The input gradient from the patch gradients dP [images·positions, kh·kw·cin] (packed): each
 * input value sums the entries of the patches it was copied into.
 */
export function gatherPatchesProgram(g: ConvGeometry): GlslProgram {
  const k = g.filterWidth * g.inChannels;
  return {
    variableNames: ['dP'],
    packedInputs: true,
    packedOutput: false,
    outputShape: [g.batch, g.inHeight, g.inWidth, g.inChannels],
    userCode: `
    void main() {
      ivec4 c = getOutputCoords();
      int b = c.x; int y = c.y + ${g.padTop}; int x = c.z + ${g.padLeft}; int ch = c.w;
      float acc = 0.0;
      for (int ky = 0; ky < ${g.filterHeight}; ky++) {
        int sy = y - ky;
        if (sy < 0) break;
        int oy = sy / ${g.strideHeight};
        if (oy * ${g.strideHeight} != sy || oy >= ${g.outHeight}) continue;
        for (int kx = 0; kx < ${g.filterWidth}; kx++) {
          int sx = x - kx;
          if (sx < 0) break;
          int ox = sx / ${g.strideWidth};
          if (ox * ${g.strideWidth} != sx || ox >= ${g.outWidth}) continue;
          int row = (b * ${g.outHeight} + oy) * ${g.outWidth} + ox;
          int col = ky * ${k} + kx * ${g.inChannels} + ch;
          acc += getChannel(getDP(row, col), vec2(row, col));
        }
      }
      setOutput(acc);
    }`,
  };
}

const isFloat = (...ts: TensorInfo[]) => ts.every((t) => t.dtype === 'float32');
const empty = (g: ConvGeometry) => g.batch * g.outHeight * g.outWidth * g.outChannels === 0;

interface Step {
  readonly backend: WebGlBackendLike;
  readonly run: ReturnType<typeof kernelRunner>;
  readonly keep: (t: TensorInfo) => TensorInfo;
  /** a [m, k] · b [k, n] (or b [n, k] transposed), read as those matrices whatever their shapes, on tfjs's packed BatchMatMul. */
  readonly product: (a: TensorInfo, aRows: number, b: TensorInfo, bRows: number, transposeB?: boolean) => TensorInfo;
}

/** Runs `body` with the backend's kernels at hand, freeing every tensor it keeps. */
function withTemps(tf: Tf, backendArg: unknown, body: (s: Step) => TensorInfo): TensorInfo {
  const backend = backendArg as WebGlBackendLike;
  const temps: TensorInfo[] = [];
  try {
    const run = kernelRunner(tf, 'webgl', backend);
    const keep = (t: TensorInfo) => (temps.push(t), t);
    const size = (t: TensorInfo) => t.shape.reduce((m, d) => m * d, 1);
    const product: Step['product'] = (a, aRows, b, bRows, transposeB = false) => {
      const a3 = keep(run('Reshape', { x: a }, { shape: [1, aRows, size(a) / aRows] }));
      const b3 = keep(run('Reshape', { x: b }, { shape: [1, bRows, size(b) / bRows] }));
      return keep(run('BatchMatMul', { a: a3, b: b3 }, { transposeA: false, transposeB }));
    };
    return body({ backend, run, keep, product });
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

export function webglConv2D(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const g = isFloat(x, filter) ? convGeometry(tf, x.shape, filter.shape, args.attrs as never) : undefined;
    if (!g || empty(g)) return stock(args);
    return withTemps(tf, args.backend, ({ backend, run, keep, product }) => {
      const [n, k] = patchesShape(g);
      const patches = keep(backend.runWebGLProgram(patchesProgram(g, false), [x], 'float32'));
      const out = product(patches, n, filter, k);
      return run('Reshape', { x: out }, { shape: [g.batch, g.outHeight, g.outWidth, g.outChannels] });
    });
  };
}

export function webglFilterGrad(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const attrs = args.attrs as unknown as FilterGradAttrs;
    const g = isFloat(x, dy) ? convGeometry(tf, x.shape, attrs.filterShape, attrs) : undefined;
    if (!g || empty(g)) return stock(args);
    return withTemps(tf, args.backend, ({ backend, run, keep, product }) => {
      const [n, k] = patchesShape(g);
      const patchesT = keep(backend.runWebGLProgram(patchesProgram(g, true), [x], 'float32'));
      const dw = product(patchesT, k, dy, n);
      return run('Reshape', { x: dw }, { shape: [...attrs.filterShape] });
    });
  };
}

interface InputGradAttrs {
  readonly inputShape: readonly [number, number, number, number];
  readonly strides: number | readonly [number, number];
  readonly pad: unknown;
  readonly dataFormat?: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export function webglInputGrad(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const attrs = args.attrs as unknown as InputGradAttrs;
    const g = isFloat(dy, filter) ? convGeometry(tf, attrs.inputShape, filter.shape, attrs) : undefined;
    if (!g || empty(g)) return stock(args);
    return withTemps(tf, args.backend, ({ backend, run, keep, product }) => {
      const [n, k] = patchesShape(g);
      // The patch gradients dy · Wᵀ [n, k], then each input value gathers its entries.
      const dp = keep(run('Reshape', { x: product(dy, n, filter, k, true) }, { shape: [n, k] }));
      return backend.runWebGLProgram(gatherPatchesProgram(g), [dp], 'float32');
    });
  };
}

/** One of Adam's three element-wise programs, packed (four values per texel), its constants as uniforms. */
function adamProgram(shape: readonly number[], variableNames: string[], uniforms: string[], result: string): GlslProgram {
  return {
    variableNames,
    outputShape: [...shape],
    packedInputs: true,
    packedOutput: true,
    customUniforms: uniforms.map((name) => ({ name, type: 'float' })),
    userCode: `
      void main() {
        setOutput(${result});
      }`,
  };
}

/**
 * Adam's update of one variable (src/lib/kernels/adam.ts): the new first moment, the new second
 * moment, then the weights from both; three programs instead of tfjs's fourteen.
 */
export function webglAdam(): KernelFunc {
  return (args) => {
    const { value, m, v, g } = args.inputs as { value: TensorInfo; m: TensorInfo; v: TensorInfo; g: TensorInfo };
    if ([value, m, v, g].some((t) => t.dtype !== 'float32')) throw new Error(`${ADAM_KERNEL} takes float32 tensors`);
    const a = args.attrs as unknown as AdamAttrs;
    const backend = args.backend as unknown as WebGlBackendLike;
    const shape = value.shape;
    const newM = backend.runWebGLProgram(adamProgram(shape, ['M', 'G'], ['courseB1', 'courseOb1'], 'courseB1 * getMAtOutCoords() + courseOb1 * getGAtOutCoords()'), [m, g], 'float32', [[a.beta1], [1 - a.beta1]]);
    const newV = backend.runWebGLProgram(
      adamProgram(shape, ['V', 'G'], ['courseB2', 'courseOb2'], 'courseB2 * getVAtOutCoords() + courseOb2 * (getGAtOutCoords() * getGAtOutCoords())'),
      [v, g],
      'float32',
      [[a.beta2], [1 - a.beta2]],
    );
    const newValue = backend.runWebGLProgram(
      adamProgram(shape, ['X', 'M', 'V'], ['courseC1', 'courseC2', 'courseEps', 'courseStep'], 'getXAtOutCoords() + getMAtOutCoords() / courseC1 / (sqrt(getVAtOutCoords() / courseC2) + courseEps) * courseStep'),
      [value, newM, newV],
      'float32',
      [[a.correction1], [a.correction2], [a.epsilon], [-a.learningRate]],
    );
    return [newValue, newM, newV];
  };
}
