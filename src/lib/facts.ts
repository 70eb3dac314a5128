/**
 * Every number a lesson states that code can compute, computed here from the same modules the
 * demos use. Lessons render them with <Fact id="..."/> (text) and <FactMath id="..."/> (a
 * formula), so the prose cannot drift from the model, the data or the training plan.
 */
import { DECK_CNN, deckLayer, deckSettings, totalParams, convParams, denseParams } from './cnn-architecture.ts';
import { ADAM_DEFAULTS, DECK_FIT, batching, percentOf, validationSplit } from './training-plan.ts';
import { MNIST, MNIST_DIGIT_BOX, MNIST_PIXELS, MNIST_SAMPLE_PER_CLASS } from './mnist-spec.ts';
import { COLLAPSE_POINTS, FINE_TUNE_DEFAULTS } from './handwriting/fine-tune-settings.ts';
import { MIN_EXAMPLES } from './handwriting/personal-set.ts';
import { XO_NETWORK, mlpParams } from './xo-network.ts';
import { XO_FACTS, XO_FORMULAS } from './xo/facts.ts';
import { formatInt, formatShape, texInt, texShape } from './format.ts';
import { PERCEPTRON_FACTS, PERCEPTRON_FORMULAS } from './perceptron/facts.ts';
import { exampleNumbers } from './regression/fit.ts';
import { OVERFIT_FACTS, OVERFIT_FORMULAS } from './overfitting/facts.ts';
import { LOSS_FORMULAS } from './loss/facts.ts';
import { DESCENT_FACTS, DESCENT_FACTS_EN, DESCENT_FORMULAS } from './descent/facts.ts';
import type { Locale } from '../i18n/locale.ts';

const regression = exampleNumbers();

const layer = deckLayer;
const conv1 = layer('conv2d');
const pool1 = layer('max_pooling2d');
const conv2 = layer('conv2d_1');
const pool2 = layer('max_pooling2d_1');
const flat = layer('flatten');
const dense = layer('dense');
const { kernel, pool, dropoutRate } = deckSettings();
const [inH] = DECK_CNN.inputShape;
const [c1h, , c1c] = conv1.outputShape as [number, number, number];
const [p1h] = pool1.outputShape as [number, number, number];
const [c2h, , c2c] = conv2.outputShape as [number, number, number];
const [p2h] = pool2.outputShape as [number, number, number];
const flatUnits = flat.outputShape[0] ?? NaN;
const classes = dense.outputShape[0] ?? NaN;
const total = totalParams(DECK_CNN);

const split = validationSplit(MNIST.trainCount, DECK_FIT.validationSplit);
const plan = batching(split.train, DECK_FIT.batchSize);
/** 54,000 / 128 = 421.875 ⇒ 422 batches, with the unit in the edition's words. */
const batchesFormula = (unit: string) => `\\frac{${texInt(split.train)}}{${DECK_FIT.batchSize}} = ${plan.exact} \\;\\Rightarrow\\; ${plan.batches}\\ \\text{${unit}}`;

/** A dense layer producing conv1's whole output from the 784 input pixels. */
const conv1Outputs = conv1.outputShape.reduce((a, b) => a * b, 1);
const denseEquivalent = denseParams(MNIST_PIXELS, conv1Outputs);

/** Plain facts, rendered as text. Numbers are formatted with thousands separators. */
export const FACTS = {
  'mnist.train': MNIST.trainCount,
  'mnist.test': MNIST.testCount,
  'mnist.side': MNIST.rows,
  'mnist.pixels': MNIST_PIXELS,
  'mnist.maxPixel': MNIST.maxPixel,
  'mnist.classes': MNIST.classes,
  'mnist.digitBox': MNIST_DIGIT_BOX,
  'mnist.digitBoxSize': `${MNIST_DIGIT_BOX}×${MNIST_DIGIT_BOX}`,
  'xo.inputs': XO_NETWORK.inputs,
  'xo.hidden': XO_NETWORK.hidden,
  'xo.outputs': XO_NETWORK.outputs,
  'xo.shape': `${XO_NETWORK.inputs}-${XO_NETWORK.hidden}-${XO_NETWORK.outputs}`,
  'xo.params': mlpParams([XO_NETWORK.inputs, XO_NETWORK.hidden, XO_NETWORK.outputs]),
  ...XO_FACTS,
  'adam.learningRate': ADAM_DEFAULTS.learningRate,
  'handwriting.minExamples': MIN_EXAMPLES,
  'handwriting.steps': FINE_TUNE_DEFAULTS.steps,
  'handwriting.personalPerBatch': FINE_TUNE_DEFAULTS.personalPerBatch,
  'handwriting.mnistPerBatch': FINE_TUNE_DEFAULTS.mnistPerBatch,
  'handwriting.images': FINE_TUNE_DEFAULTS.steps * (FINE_TUNE_DEFAULTS.personalPerBatch + FINE_TUNE_DEFAULTS.mnistPerBatch),
  'handwriting.learningRate': FINE_TUNE_DEFAULTS.learningRate,
  'handwriting.collapsePoints': COLLAPSE_POINTS,
  'handwriting.sample': MNIST_SAMPLE_PER_CLASS * MNIST.classes,
  'mnist.sample.perClass': MNIST_SAMPLE_PER_CLASS,
  'adam.beta1': ADAM_DEFAULTS.beta1,
  'adam.beta2': ADAM_DEFAULTS.beta2,
  'fit.batchSize': DECK_FIT.batchSize,
  'fit.epochs': DECK_FIT.epochs,
  'fit.validationSplit': DECK_FIT.validationSplit,
  'fit.validationPercent': `${percentOf(DECK_FIT.validationSplit)}%`,
  'fit.trainImages': split.train,
  'fit.validationImages': split.validation,
  'fit.batchesPerEpoch': plan.batches,
  'fit.batchesExact': plan.exact.toFixed(1),
  'fit.lastBatch': plan.lastBatchSize,
  'fit.totalSteps': plan.batches * DECK_FIT.epochs,
  'cnn.kernel': `${kernel}×${kernel}`,
  'cnn.kernel.area': kernel * kernel,
  'cnn.pool': `${pool}×${pool}`,
  'cnn.pool.side': pool,
  'cnn.pool2.side': p2h,
  'cnn.conv2.side': `${c2h}×${c2h}`,
  'cnn.conv1.filters': c1c,
  'cnn.conv2.filters': c2c,
  'cnn.conv1.params': conv1.params,
  'cnn.conv2.params': conv2.params,
  'cnn.dense.params': dense.params,
  'cnn.totalParams': total,
  'cnn.input.shape': formatShape(DECK_CNN.inputShape.slice(0, 2)),
  'cnn.input.fullShape': formatShape(DECK_CNN.inputShape),
  'cnn.conv1.shape': formatShape(conv1.outputShape),
  'cnn.pool1.shape': formatShape(pool1.outputShape),
  'cnn.conv2.shape': formatShape(conv2.outputShape),
  'cnn.pool2.shape': formatShape(pool2.outputShape),
  'cnn.conv1.side': `${c1h}×${c1h}`,
  'cnn.conv1.positions': c1h * c1h,
  'cnn.flatten.units': flatUnits,
  'cnn.dropout.rate': dropoutRate,
  'cnn.dropout.percent': `${Math.round(dropoutRate * 100)}%`,
  'cnn.dropout.scale': 1 / (1 - dropoutRate),
  'cnn.classes': classes,
  'cnn.conv1.outputs': conv1Outputs,
  'cnn.denseEquivalent.params': denseEquivalent,
  'cnn.denseEquivalent.rounded': `約${formatInt(Math.round(denseEquivalent / 1e4))}万`,
  'cnn.denseEquivalent.ratio': Math.round(denseEquivalent / conv1.params),
  'regression.points': regression.points,
  'regression.xMean': regression.xMean,
  'regression.yMean': regression.yMean,
  'regression.a': regression.a,
  'regression.b': regression.b,
  'regression.qt': regression.qt,
  'regression.start.qt': regression.startQt,
  'regression.ratio': regression.ratio,
  ...PERCEPTRON_FACTS,
  ...OVERFIT_FACTS,
  ...DESCENT_FACTS,
} as const satisfies Record<string, number | string>;

export type FactId = keyof typeof FACTS;

/** Formulas built from the same numbers, in TeX, rendered by KaTeX at build time. */
export const FACT_FORMULAS = {
  'fit.split': `${texInt(MNIST.trainCount)} \\times ${1 - DECK_FIT.validationSplit} = ${texInt(split.train)},\\quad ${texInt(MNIST.trainCount)} \\times ${DECK_FIT.validationSplit} = ${texInt(split.validation)}`,
  'fit.batches': batchesFormula('バッチ'),
  'fit.lastBatch': `${texInt(split.train)} - ${plan.batches - 1} \\times ${DECK_FIT.batchSize} = ${plan.lastBatchSize}`,
  'cnn.conv1.side': `${inH} - ${kernel} + 1 = ${c1h}`,
  'cnn.pool1.side': `\\left\\lfloor ${c1h} / ${pool} \\right\\rfloor = ${p1h}`,
  'cnn.conv2.side': `${p1h} - ${kernel} + 1 = ${c2h}`,
  'cnn.pool2.side': `\\left\\lfloor ${c2h} / ${pool} \\right\\rfloor = ${p2h}`,
  'cnn.conv1.params': `(${kernel} \\times ${kernel} \\times 1 + 1) \\times ${c1c} = ${texInt(convParams(kernel, 1, c1c))}`,
  'cnn.conv2.params': `(${kernel} \\times ${kernel} \\times ${c1c} + 1) \\times ${c2c} = ${texInt(convParams(kernel, c1c, c2c))}`,
  'cnn.flatten': `${texShape(pool2.outputShape)} = ${texInt(flatUnits)}`,
  'cnn.dense.params': `${texInt(flatUnits)} \\times ${classes} + ${classes} = ${texInt(dense.params)}`,
  'cnn.total': `${texInt(conv1.params)} + ${texInt(conv2.params)} + ${texInt(dense.params)} = ${texInt(total)}`,
  'cnn.dropout.scale': `\\frac{1}{1 - ${dropoutRate}} = ${1 / (1 - dropoutRate)}`,
  'cnn.denseEquivalent': `${texInt(MNIST_PIXELS)} \\times ${texInt(conv1Outputs)} + ${texInt(conv1Outputs)} = ${texInt(denseEquivalent)}`,
  'xo.params': `(${XO_NETWORK.inputs} + 1) \\times ${XO_NETWORK.hidden} + (${XO_NETWORK.hidden} + 1) \\times ${XO_NETWORK.outputs} = ${mlpParams([XO_NETWORK.inputs, XO_NETWORK.hidden, XO_NETWORK.outputs])}`,
  ...XO_FORMULAS,
  'flatten.index': `i = (r \\times ${p2h} + c) \\times ${c2c} + k`,
  'mnist.pixels': `${MNIST.rows} \\times ${MNIST.cols} = ${texInt(MNIST_PIXELS)}`,
  'regression.fit': regression.fitTex,
  'regression.qt': regression.qtTex,
  'regression.line': regression.lineTex,
  'regression.start.line': regression.startLineTex,
  ...PERCEPTRON_FORMULAS,
  ...OVERFIT_FORMULAS,
  ...LOSS_FORMULAS,
  ...DESCENT_FORMULAS,
} as const satisfies Record<string, string>;

export type FormulaId = keyof typeof FACT_FORMULAS;

export function isFactId(id: string): id is FactId {
  return Object.hasOwn(FACTS, id);
}
export function isFormulaId(id: string): id is FormulaId {
  return Object.hasOwn(FACT_FORMULAS, id);
}

/**
 * The facts and formulas whose words differ in the English edition; every other fact is a number
 * or a shape, written the same in both (60,000, 28×28).
 */
const FACTS_EN: Partial<Record<FactId, string>> = {
  'cnn.denseEquivalent.rounded': `about ${(denseEquivalent / 1e6).toFixed(1)} million`,
  ...DESCENT_FACTS_EN,
};
const FORMULAS_EN: Partial<Record<FormulaId, string>> = {
  'fit.batches': batchesFormula('batches'),
};

/** The text a lesson shows for a fact: integers get thousands separators. */
export function factText(id: FactId, locale: Locale = 'ja'): string {
  const v = (locale === 'en' ? FACTS_EN[id] : undefined) ?? FACTS[id];
  return typeof v === 'number' && Number.isInteger(v) ? formatInt(v) : String(v);
}

/** A formula's TeX in the edition's words. */
export function formulaTex(id: FormulaId, locale: Locale = 'ja'): string {
  return (locale === 'en' ? FORMULAS_EN[id] : undefined) ?? FACT_FORMULAS[id];
}
