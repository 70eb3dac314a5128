/**
 * The Python program that goes with an exported model (model.json + weights.bin): it builds the
 * deck's CNN in Keras, puts the exported weights into it and runs the deck's `model.evaluate` on
 * the MNIST test images, in Colab or any Python with TensorFlow. The layer lines are generated
 * from DECK_CNN, so the program and the page's network cannot drift apart; its comments come
 * from ./colab-text.ts (both editions). Pure: no DOM, no tfjs.
 *
 * The loader (`read_weights`) needs only numpy and is what tests/unit/colab.test.ts runs against
 * a model exported with `modelToFiles`; scripts/check-colab.py runs the whole program with Keras.
 */
import type { ColabText } from './colab-text.ts';
import { DECK_CNN, type CnnSpec, type LayerSpec } from '../cnn-architecture.ts';
import { MNIST } from '../mnist-spec.ts';
import { formatInt } from '../format.ts';
import { WEIGHTS_FILE } from './files.ts';

/** The name the program is downloaded under, and the one its usage notes run. */
export const COLAB_PROGRAM_FILE = 'cnn_course_colab.py';
/** The exported model's description (its weights file is WEIGHTS_FILE). */
export const MODEL_JSON_FILE = 'model.json';

export type ColabComments = ColabText;

/** A Python string literal for any text (JSON's escapes are Python's too; non-ASCII stays as it is, UTF-8 source). */
const py = (text: string): string => JSON.stringify(text);
/** The same as an f-string: `{name}` in the text are Python expressions. */
const pyF = (text: string): string => {
  // Before Python 3.12 an f-string's expressions may hold no quotes and no backslashes.
  if (/\{[^}]*["'\\][^}]*\}/.test(text)) throw new Error(`an f-string expression with a quote or backslash: ${text}`);
  return `f${py(text)}`;
};

/** One Keras layer line of the deck's `keras.Sequential([...])`, as the deck writes it. */
export function kerasLayer(layer: LayerSpec): string {
  switch (layer.kind) {
    case 'conv2d':
      return `layers.Conv2D(${layer.filters}, kernel_size=(${layer.kernelSize}, ${layer.kernelSize}), activation=${py(layer.activation)}),`;
    case 'maxPooling2d':
      return `layers.MaxPooling2D(pool_size=(${layer.poolSize}, ${layer.poolSize})),`;
    case 'flatten':
      return 'layers.Flatten(),';
    case 'dropout':
      return `layers.Dropout(${layer.rate}),`;
    case 'dense':
      return `layers.Dense(${layer.units}, activation=${py(layer.activation)}),`;
  }
}

/** The deck's model step, `model = keras.Sequential([...])`, for a spec (DECK_CNN by default). */
export function kerasModelLines(spec: CnnSpec = DECK_CNN): string[] {
  return [
    'model = keras.Sequential(',
    '    [',
    `        keras.Input(shape=(${spec.inputShape.join(', ')})),`,
    ...spec.layers.map((l) => `        ${kerasLayer(l)}`),
    '    ]',
    ')',
  ];
}

/** The deck's compile line, as lesson 3-1 shows it. */
const PROGRAM_COMPILE = 'model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])';
/** The deck's last three lines (`model.evaluate` and its two prints), as lesson 3-1 shows them. */
const PROGRAM_EVALUATE: readonly string[] = ['score = model.evaluate(x_test, y_test, verbose=0)', 'print("Test loss:", score[0])', 'print("Test accuracy:", score[1])'];

const comment = (text: string, indent = ''): string => `${indent}# ${text}`.trimEnd();
const comments = (lines: readonly string[], indent = ''): string[] => lines.map((l) => comment(l, indent));
const indented = (lines: readonly string[], indent: string): string[] => lines.map((l) => (l === '' ? '' : `${indent}${l}`));

/** The program's text in the edition whose comments are given (`colabText(strings.lang)`). */
export function colabProgram(c: ColabComments): string {
  const files = [MODEL_JSON_FILE, WEIGHTS_FILE, COLAB_PROGRAM_FILE];
  const classes = DECK_CNN.layers.reduce<number>((n, l) => (l.kind === 'dense' ? l.units : n), MNIST.classes);
  const e = c.errors;
  const lines: string[] = [
    comment(c.title),
    '#',
    comment(c.usage),
    comment(`  1. ${c.uploadStep(files.length)}`),
    ...files.map((f) => comment(`       ${f}`)),
    ...comments(c.uploadCell.map((l) => `     ${l}`)),
    comment('       from google.colab import files'),
    comment('       files.upload()'),
    comment(`  2. ${c.runStep}`),
    comment(`       !python ${COLAB_PROGRAM_FILE}`),
    comment(`       %run ${COLAB_PROGRAM_FILE}`),
    '#',
    ...comments(c.result(formatInt(MNIST.testCount))),
    '#',
    ...comments(c.elsewhere(`python ${COLAB_PROGRAM_FILE}`)),
    comment(c.importNote(`import ${COLAB_PROGRAM_FILE.replace(/\.py$/, '')}`)),
    '',
    comment(c.libraries),
    'import json',
    'import os',
    'import sys',
    '',
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    comment(c.files),
    `MODEL_JSON = ${py(MODEL_JSON_FILE)}`,
    `WEIGHTS_BIN = ${py(WEIGHTS_FILE)}`,
    '',
    '',
    comment(c.errorClass),
    'class ModelFilesError(Exception):',
    '    pass',
    '',
    '',
    comment(c.build),
    'def build_model():',
    ...indented(kerasModelLines(), '    '),
    '    return model',
    '',
    '',
    ...comments(c.read),
    'def read_weights(folder, expected_shapes):',
    '    where = os.path.abspath(folder)',
    '    json_path = os.path.join(folder, MODEL_JSON)',
    '    if not os.path.isfile(json_path):',
    `        raise ModelFilesError(${pyF(e.missing('{MODEL_JSON}', '{where}'))})`,
    '    try:',
    '        with open(json_path, encoding="utf-8") as f:',
    '            manifest = json.load(f)["weightsManifest"]',
    '    except (ValueError, KeyError, TypeError):',
    `        raise ModelFilesError(${pyF(e.notModel('{MODEL_JSON}'))}) from None`,
    '    entries = [(group, w) for group in manifest for w in group["weights"]]',
    '    if len(entries) != len(expected_shapes):',
    `        raise ModelFilesError(${pyF(e.count('{MODEL_JSON}', '{len(entries)}', '{len(expected_shapes)}'))})`,
    '    arrays = []',
    '    for group in manifest:',
    comment(c.group, '        '),
    '        data = b""',
    '        for path in group["paths"]:',
    '            if not os.path.isfile(os.path.join(folder, path)):',
    `                raise ModelFilesError(${pyF(e.missing('{path}', '{where}'))})`,
    '            with open(os.path.join(folder, path), "rb") as f:',
    '                data += f.read()',
    '        sizes = [4 * int(np.prod(w["shape"], dtype=np.int64)) for w in group["weights"]]',
    '        if len(data) != sum(sizes):',
    '            names = " + ".join(group["paths"])',
    `            raise ModelFilesError(${pyF(e.bytes('{names}', '{len(data)}', '{sum(sizes)}'))})`,
    '        offset = 0',
    '        for w, size in zip(group["weights"], sizes):',
    '            name, shape, dtype = w["name"], tuple(w["shape"]), w.get("dtype", "float32")',
    '            expected = tuple(expected_shapes[len(arrays)])',
    '            if dtype != "float32" or "quantization" in w:',
    `                raise ModelFilesError(${pyF(e.dtype('{name}', '{dtype}'))})`,
    '            if shape != expected:',
    `                raise ModelFilesError(${pyF(e.shape('{name}', '{shape}', '{expected}'))})`,
    comment(c.float32, '            '),
    '            values = np.frombuffer(data, dtype="<f4", count=size // 4, offset=offset)',
    '            arrays.append(values.reshape(shape).astype(np.float32))',
    '            offset += size',
    '    return arrays',
    '',
    '',
    comment(c.load),
    'def load_model(folder="."):',
    '    model = build_model()',
    '    model.set_weights(read_weights(folder, [w.shape for w in model.get_weights()]))',
    comment(c.compile, '    '),
    `    ${PROGRAM_COMPILE}`,
    '    return model',
    '',
    '',
    comment(c.data),
    'def load_test_data():',
    '    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()',
    '    x_test = x_test.astype("float32") / 255',
    '    x_test = np.expand_dims(x_test, -1)',
    `    y_test = keras.utils.to_categorical(y_test, ${classes})`,
    '    return x_test, y_test',
    '',
    '',
    'def main(folder="."):',
    '    try:',
    '        model = load_model(folder)',
    '    except ModelFilesError as error:',
    '        sys.exit(str(error))',
    '    x_test, y_test = load_test_data()',
    comment(c.evaluate, '    '),
    ...indented(PROGRAM_EVALUATE, '    '),
    '    return score',
    '',
    '',
    comment(c.main),
    'if __name__ == "__main__":',
    '    main(sys.argv[1] if len(sys.argv) > 1 else ".")',
    '',
  ];
  return lines.join('\n');
}
