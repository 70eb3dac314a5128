import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '@tensorflow/tfjs';
import { COLAB_TEXT } from '../../src/lib/model/colab-text.ts';
import { DECK_CNN, type LayerSpec } from '../../src/lib/cnn-architecture.ts';
import { buildCnn } from '../../src/lib/cnn-model.ts';
import { COLAB_PROGRAM_FILE, MODEL_JSON_FILE, colabProgram } from '../../src/lib/model/colab.ts';
import { WEIGHTS_FILE, modelToFiles } from '../../src/lib/model/files.ts';
import { PROGRAM_STEPS } from '../../src/lib/program/steps.ts';
import { dedent } from '../../src/lib/source-regions.ts';

/**
 * The Python program that comes with an exported model (src/lib/model/colab.ts): its Keras layers
 * are the deck's CNN, and its own loader, run in python3 with numpy and a stand-in for Keras,
 * reads an exported model's weights bit for bit as tfjs holds them. The whole program against
 * real Keras and MNIST is checked by hand: scripts/check-colab.py (README, "Checking the Python
 * side by hand").
 */

const JA = colabProgram(COLAB_TEXT.ja);
const EN = colabProgram(COLAB_TEXT.en);
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

/** The Keras layer lines of a program, parsed back into the spec's terms. */
function parseLayers(program: string): LayerSpec[] {
  const found: LayerSpec[] = [];
  for (const line of program.split('\n')) {
    const l = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^layers\.Conv2D\((\d+), kernel_size=\((\d+), (\d+)\), activation="(\w+)"\),$/.exec(l))) {
      expect(m[2]).toBe(m[3]);
      expect(m[4]).toBe('relu');
      found.push({ kind: 'conv2d', filters: Number(m[1]), kernelSize: Number(m[2]), activation: 'relu' });
    } else if ((m = /^layers\.MaxPooling2D\(pool_size=\((\d+), (\d+)\)\),$/.exec(l))) {
      expect(m[1]).toBe(m[2]);
      found.push({ kind: 'maxPooling2d', poolSize: Number(m[1]) });
    } else if (l === 'layers.Flatten(),') {
      found.push({ kind: 'flatten' });
    } else if ((m = /^layers\.Dropout\(([\d.]+)\),$/.exec(l))) {
      found.push({ kind: 'dropout', rate: Number(m[1]) });
    } else if ((m = /^layers\.Dense\((\d+), activation="(\w+)"\),$/.exec(l))) {
      expect(m[2]).toBe('softmax');
      found.push({ kind: 'dense', units: Number(m[1]), activation: 'softmax' });
    } else if (l.startsWith('layers.')) {
      throw new Error(`a layer line the test does not know: ${l}`);
    }
  }
  return found;
}

describe('the Colab program', () => {
  it('builds the deck CNN: every layer of DECK_CNN, in order, with its filters, kernels, rate and units', () => {
    for (const program of [JA, EN]) {
      expect(parseLayers(program)).toEqual(DECK_CNN.layers);
      expect(program).toContain(`keras.Input(shape=(${DECK_CNN.inputShape.join(', ')})),`);
    }
  });

  it('says what lesson 3-1 shows of the deck: the model, compile and evaluate lines, and the test half of the data step', () => {
    const step = (id: string) => PROGRAM_STEPS.find((s) => s.id === id)?.python ?? '';
    const body = (program: string) =>
      dedent(program.split('\n').filter((l) => l.startsWith('    ')).join('\n'));
    for (const program of [JA, EN]) {
      expect(body(program)).toContain(step('model'));
      expect(program).toContain(`    ${step('compile')}`);
      expect(program).toContain(step('evaluate').split('\n').map((l) => `    ${l}`).join('\n'));
      for (const line of ['import numpy as np', 'import tensorflow as tf', 'from tensorflow import keras', 'from tensorflow.keras import layers']) {
        expect(step('libraries')).toContain(line);
        expect(program).toContain(`\n${line}\n`);
      }
      const data = program.split('\n').filter((l) => /x_test|y_test/.test(l) && !/evaluate|return|load_test_data/.test(l)).map((l) => l.trim());
      expect(data).toHaveLength(4);
      for (const line of data) expect(step('data').split('\n')).toContain(line);
      expect(program).toContain('if __name__ == "__main__":');
      expect(program).toContain(`MODEL_JSON = "${MODEL_JSON_FILE}"`);
      expect(program).toContain(`WEIGHTS_BIN = "${WEIGHTS_FILE}"`);
    }
  });

  it('is commented in the edition’s language, with how to run it in Colab at the top', () => {
    expect(JA.startsWith(`# ${COLAB_TEXT.ja.title}\n`)).toBe(true);
    expect(EN.startsWith(`# ${COLAB_TEXT.en.title}\n`)).toBe(true);
    expect(EN).not.toMatch(JAPANESE);
    for (const program of [JA, EN]) {
      const head = program.slice(0, program.indexOf('\nimport '));
      for (const line of ['from google.colab import files', 'files.upload()', `!python ${COLAB_PROGRAM_FILE}`, `%run ${COLAB_PROGRAM_FILE}`, MODEL_JSON_FILE, WEIGHTS_FILE]) {
        expect(head).toContain(line);
      }
    }
  });
});

// ---- The program's own loader, run in Python -------------------------------------------------

const PYTHON = process.env.PYTHON ?? 'python3';

/** Why the Python cases cannot run here, or null when python3 with numpy is available. */
function pythonMissing(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import numpy, sys; print(sys.version.split()[0], numpy.__version__)'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} was not found (${r.error.message})`;
  if (r.status !== 0) return `${PYTHON} has no numpy (${r.stderr.trim().split('\n').pop() ?? ''})`;
  return null;
}
const missing = pythonMissing();
if (missing) {
  console.warn(`colab.test.ts: the Python cases are skipped: ${missing}. Install python3 and numpy (Debian: apt-get install python3-numpy) to run them.`);
}

/**
 * Imports the program with `tensorflow` and `tensorflow.keras` stood in for (a Sequential that
 * records its layers, works out its weights' shapes as Keras does, and keeps what set_weights is
 * given), calls its `load_model(folder)`, and writes what it got: the arrays' bytes as
 * little-endian float32 in order, their shapes and dtypes, the layers, the compile settings; or
 * the loader's error message.
 */
const HARNESS = String.raw`
import importlib.util, json, sys, types
import numpy as np

program, folder, out = sys.argv[1:4]

class Layer:
    def __init__(self, kind, args, kwargs):
        self.kind, self.args, self.kwargs = kind, list(args), dict(kwargs)

def layer(kind):
    return lambda *args, **kwargs: Layer(kind, args, kwargs)

class Sequential:
    def __init__(self, layers):
        self.layers, self.given, self.compiled = list(layers), None, None

    def get_weights(self):
        shape, weights = None, []
        for l in self.layers:
            if l.kind == "Input":
                shape = tuple(l.kwargs["shape"])
            elif l.kind == "Conv2D":
                (kh, kw), (h, w, c), f = l.kwargs["kernel_size"], shape, l.args[0]
                weights += [np.zeros((kh, kw, c, f), np.float32), np.zeros((f,), np.float32)]
                shape = (h - kh + 1, w - kw + 1, f)
            elif l.kind == "MaxPooling2D":
                (ph, pw), (h, w, c) = l.kwargs["pool_size"], shape
                shape = (h // ph, w // pw, c)
            elif l.kind == "Flatten":
                shape = (int(np.prod(shape)),)
            elif l.kind == "Dense":
                weights += [np.zeros((shape[0], l.args[0]), np.float32), np.zeros((l.args[0],), np.float32)]
                shape = (l.args[0],)
        return weights

    def set_weights(self, arrays):
        self.given = list(arrays)

    def compile(self, **kwargs):
        self.compiled = kwargs

layers = types.ModuleType("tensorflow.keras.layers")
for kind in ["Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"]:
    setattr(layers, kind, layer(kind))
keras = types.ModuleType("tensorflow.keras")
keras.Sequential, keras.Input, keras.layers = Sequential, layer("Input"), layers
tensorflow = types.ModuleType("tensorflow")
tensorflow.keras = keras
sys.modules.update({"tensorflow": tensorflow, "tensorflow.keras": keras, "tensorflow.keras.layers": layers})

spec = importlib.util.spec_from_file_location("cnn_course_colab", program)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
try:
    model = module.load_model(folder)
except module.ModelFilesError as error:
    with open(out + ".json", "w", encoding="utf-8") as f:
        json.dump({"error": str(error)}, f, ensure_ascii=False)
    sys.exit(0)
with open(out + ".bin", "wb") as f:
    for a in model.given:
        f.write(np.ascontiguousarray(a, dtype="<f4").tobytes())
with open(out + ".json", "w", encoding="utf-8") as f:
    json.dump({
        "shapes": [list(a.shape) for a in model.given],
        "dtypes": [str(a.dtype) for a in model.given],
        "layers": [[l.kind, l.args, l.kwargs] for l in model.layers],
        "compiled": model.compiled,
    }, f)
`;

interface LoaderRun {
  readonly error?: string;
  readonly shapes?: number[][];
  readonly dtypes?: string[];
  readonly layers?: [string, unknown[], Record<string, unknown>][];
  readonly compiled?: Record<string, unknown>;
  readonly bytes?: Buffer;
}

// Each case starts python3 (and numpy) a few times: generous time on a loaded machine.
describe.skipIf(missing !== null)(`the program's own loader, in Python${missing ? ` (skipped: ${missing})` : ''}`, { timeout: 90_000 }, () => {
  let dir = '';
  let runs = 0;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dir = mkdtempSync(join(tmpdir(), 'colab-test-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the program and the files into a fresh folder and runs the loader on them. */
  function runLoader(program: string, files: { readonly modelJson?: string; readonly weights?: Uint8Array }): LoaderRun {
    const folder = join(dir, `run-${++runs}`);
    mkdirSync(folder);
    writeFileSync(join(folder, COLAB_PROGRAM_FILE), program);
    if (files.modelJson !== undefined) writeFileSync(join(folder, MODEL_JSON_FILE), files.modelJson);
    if (files.weights !== undefined) writeFileSync(join(folder, WEIGHTS_FILE), files.weights);
    const out = join(folder, 'out');
    const r = spawnSync(PYTHON, ['-c', HARNESS, join(folder, COLAB_PROGRAM_FILE), folder, out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
    const result = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as LoaderRun;
    return result.error === undefined ? { ...result, bytes: readFileSync(`${out}.bin`) } : result;
  }

  /** A model's weights as tfjs holds them, in the order it saves them: bytes and shapes. */
  function tfjsWeights(model: LayersModel): { bytes: Buffer; shapes: number[][] } {
    const parts = model.weights.map((w) => {
      const t = w.read();
      const data = t.dataSync();
      return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    });
    return { bytes: Buffer.concat(parts), shapes: model.weights.map((w) => [...w.shape] as number[]) };
  }

  async function exported(model: LayersModel) {
    const files = await modelToFiles(tf, model);
    return { modelJson: JSON.stringify(files.modelJson), weights: new Uint8Array(files.weights) };
  }

  async function shippedModel(): Promise<LayersModel> {
    const json = JSON.parse(readFileSync('public/models/pretrained/model.json', 'utf8')) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
    const bin = readFileSync('public/models/pretrained/weights.bin');
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData }));
  }

  it('reads an exported deck CNN (random weights) bit for bit, in manifest order, into the Keras model the program builds', async () => {
    const model = buildCnn(tf, DECK_CNN);
    try {
      const files = await exported(model);
      const expected = tfjsWeights(model);
      const run = runLoader(JA, files);
      expect(run.error).toBeUndefined();
      expect(run.shapes).toEqual(expected.shapes);
      expect(run.dtypes).toEqual(expected.shapes.map(() => 'float32'));
      expect(run.bytes?.length).toBe(expected.bytes.length);
      expect(run.bytes?.equals(expected.bytes)).toBe(true);
      // The layers it built are the deck's, and it compiles as the deck does.
      expect(run.layers?.map(([kind]) => kind)).toEqual(['Input', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense']);
      expect(run.layers?.[0]?.[2]).toEqual({ shape: [...DECK_CNN.inputShape] });
      expect(run.compiled).toEqual({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    } finally {
      model.dispose();
    }
  });

  it('reads the shipped model, exported again as the page does, bit for bit (the English program too)', async () => {
    const model = await shippedModel();
    try {
      const files = await exported(model);
      const expected = tfjsWeights(model);
      // What the page exports is the shipped weights.bin, byte for byte.
      expect(Buffer.from(files.weights).equals(readFileSync('public/models/pretrained/weights.bin'))).toBe(true);
      for (const program of [JA, EN]) {
        const run = runLoader(program, files);
        expect(run.error).toBeUndefined();
        expect(run.shapes).toEqual(expected.shapes);
        expect(run.bytes?.equals(expected.bytes)).toBe(true);
      }
    } finally {
      model.dispose();
    }
  });

  it('refuses a truncated weights.bin, a missing one and another model, each with its message', async () => {
    const model = buildCnn(tf, DECK_CNN);
    const narrow = buildCnn(tf, { ...DECK_CNN, layers: DECK_CNN.layers.map((l) => (l.kind === 'conv2d' && l.filters === 64 ? { ...l, filters: 16 } : l)) });
    try {
      const files = await exported(model);
      const n = files.weights.length;
      const e = COLAB_TEXT.ja.errors;
      expect(runLoader(JA, { ...files, weights: files.weights.slice(0, n - 4) }).error).toBe(e.bytes(WEIGHTS_FILE, String(n - 4), String(n)));
      expect(runLoader(EN, { ...files, weights: files.weights.slice(0, n - 4) }).error).toBe(COLAB_TEXT.en.errors.bytes(WEIGHTS_FILE, String(n - 4), String(n)));
      const noBin = runLoader(JA, { modelJson: files.modelJson });
      expect(noBin.error).toContain(e.missing(WEIGHTS_FILE, '').split('（')[0]);
      expect(runLoader(JA, { weights: files.weights }).error).toContain(e.missing(MODEL_JSON_FILE, '').split('（')[0]);
      expect(runLoader(JA, { modelJson: '{"not": "a model"}', weights: files.weights }).error).toBe(e.notModel(MODEL_JSON_FILE));
      // A network of another shape: the first weight that differs is named with both shapes.
      const narrowFiles = await exported(narrow);
      const other = runLoader(JA, narrowFiles);
      const name = (JSON.parse(narrowFiles.modelJson) as { weightsManifest: { weights: { name: string }[] }[] }).weightsManifest[0]?.weights[2]?.name ?? '';
      expect(name).toMatch(/kernel$/);
      expect(other.error).toBe(e.shape(name, '(3, 3, 32, 16)', '(3, 3, 32, 64)'));
    } finally {
      model.dispose();
      narrow.dispose();
    }
  });

  it('is valid Python in both editions (compiled, not run)', () => {
    for (const program of [JA, EN]) {
      const r = spawnSync(PYTHON, ['-c', 'import sys; compile(sys.stdin.read(), "cnn_course_colab.py", "exec")'], { input: program, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });
});
