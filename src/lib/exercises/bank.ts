/**
 * The self-check questions of every lesson (issue #15, item 2). Every number a prompt, an option,
 * an answer or an explanation states that code can compute is computed here from the modules the
 * lessons and demos use (the deck's CNN, the training plan, MNIST's spec, the ○/× network, the
 * perceptron, regression, softmax, loss and descent modules), so a question can never disagree
 * with the model. The numbers that stay literal are the lessons' own worked-example inputs (a
 * threshold of 7, a pixel stored as 51, the confusion matrix of 3-11), whose results are computed.
 * Where a wrong option is a number, it is the right one after a plausible mistake, computed too.
 * Pure: no DOM.
 */
import { DECK_CNN, convParams, deckLayer, deckSettings, denseParams, summarize, totalParams } from '../cnn-architecture.ts';
import { ADAM_DEFAULTS, DECK_FIT, batching, percentOf, validationSplit } from '../training-plan.ts';
import { MNIST, MNIST_PIXELS } from '../mnist-spec.ts';
import { XO_NETWORK, mlpParams } from '../xo-network.ts';
import { CIRCLE, CROSS, HAND_SET, decision, forward } from '../xo/network.ts';
import { EXAMPLE_POINTS, START_LINE, closedForm, lineTex, lossQt, residuals, tidy } from '../regression/fit.ts';
import { DECK_EXAMPLE } from '../perceptron/perceptron-state.ts';
import { ACTIVATIONS_START } from '../perceptron/activations-state.ts';
import { activate, clean, evaluateNeuron, linearInput, sigmoid, weightedSum } from '../perceptron/neuron.ts';
import { formatOutput, termsText } from '../perceptron/formula.ts';
import { oneHot } from '../program/one-hot.ts';
import { EDGE_KERNEL, KERNEL, convolveValid } from '../viz/example-conv.ts';
import { DECK_EXAMPLE as POOL_EXAMPLE, DECK_SIDE as POOL_SIDE, POOL, poolBlocks, pooledSide } from '../pooling/blocks.ts';
import { FLAT_CHANNELS, FLAT_SIDE, FLAT_WIDTH, flatIndex, positionOf } from '../flatten/index.ts';
import { applyDropout, keepScale } from '../dropout/mask.ts';
import { softmax, twoClass } from '../softmax/softmax.ts';
import { crossEntropy, preset } from '../loss/cross-entropy.ts';
import { START as EQUATIONS_START, SYSTEM, evaluate as tryEquations } from '../equations/equations.ts';
import { LESSON_CURVE, curvatureOf, descend1d, divergenceThreshold, gradientAt } from '../descent/curve.ts';
import { EXAMPLE as DESCENT_EXAMPLE } from '../descent/facts.ts';
import { confusionTotal, correctCount, rowTotals } from '../evaluation.ts';
import { centreOfMass } from '../draw/preprocess.ts';
import { FINE_TUNE_DEFAULTS } from '../handwriting/fine-tune-settings.ts';
import { formatShape } from '../format.ts';
import { fixedValue, formatValue as v, subscript, superscript } from './format.ts';
import type { Choice, LessonSlug, NumberQuestion, Question, Text } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Helpers: a question cannot be built on a premise the code does not hold.

/** Throws when a premise of a question's wording does not hold for the code's numbers. */
function must(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`exercise bank: ${what}`);
}

function at<T>(values: readonly T[], i: number): T {
  const value = values[i];
  must(value !== undefined, `no element ${i}`);
  return value;
}

const t = (ja: string, en: string): Text => ({ ja, en });

/** The index of the one option that passes `test`; throws unless exactly one does. */
function onlyIndex<T>(options: readonly T[], test: (option: T) => boolean, what: string): number {
  const hits = options.flatMap((o, i) => (test(o) ? [i] : []));
  must(hits.length === 1, `${what}: ${hits.length} options are right`);
  return at(hits, 0);
}

function choice(id: string, prompt: Text, options: readonly Text[], correct: number, explanation: Text): Choice {
  must(correct >= 0 && correct < options.length, `${id}: no option ${correct}`);
  return { kind: 'choice', id, prompt, options, correct, explanation };
}

/** Options that are numbers: the right one among computed mistakes, all distinct. */
function numberChoice(id: string, prompt: Text, values: readonly number[], right: number, label: (n: number) => Text, explanation: Text): Choice {
  must(new Set(values).size === values.length, `${id}: two options are the same number`);
  return choice(id, prompt, values.map(label), onlyIndex(values, (x) => x === right, id), explanation);
}

function number(id: string, prompt: Text, answer: number, tolerance: number, explanation: Text, unit?: Text): NumberQuestion {
  must(Number.isFinite(answer) && tolerance >= 0, `${id}: answer ${answer}, tolerance ${tolerance}`);
  return unit === undefined ? { kind: 'number', id, prompt, answer, tolerance, explanation } : { kind: 'number', id, prompt, answer, tolerance, unit, explanation };
}

const list = (values: readonly number[]): string => values.map(v).join(', ');
const tuple = (values: readonly number[]): string => `(${list(values)})`;
/** A square of numbers, row by row: "(−1, 0, 1) / (−1, 0, 1) / (−1, 0, 1)". */
const rows = (values: readonly number[], side: number, format: (row: number[]) => string = tuple): string =>
  Array.from({ length: side }, (_, r) => format(values.slice(r * side, (r + 1) * side))).join(' / ');
/** v² written out, a negative value in parentheses: 3², (−3)². */
const squared = (x: number): string => (x < 0 ? `(${v(x)})²` : `${v(x)}²`);

const COUNT = t('個', 'parameters');

// ---------------------------------------------------------------------------------------------
// The deck's CNN, the training plan and MNIST, as src/lib/facts.ts derives them.

const layers = summarize(DECK_CNN);
const layer = deckLayer;
const conv1 = layer('conv2d');
const conv2 = layer('conv2d_1');
const pool2 = layer('max_pooling2d_1');
const flat = layer('flatten');
const dense = layer('dense');
const { kernel, pool, dropoutRate } = deckSettings();
const inChannels = at(DECK_CNN.inputShape, 2);
const c1Side = at(conv1.outputShape, 0);
const c1Filters = at(conv1.outputShape, 2);
const c2Side = at(conv2.outputShape, 0);
const c2Filters = at(conv2.outputShape, 2);
const p2Side = at(pool2.outputShape, 0);
const flatUnits = at(flat.outputShape, 0);
const classes = at(dense.outputShape, 0);
const total = totalParams(DECK_CNN);
const kernelText = `${kernel}×${kernel}`;
const poolText = `${pool}×${pool}`;
must(POOL === pool && KERNEL === kernel && FLAT_SIDE === p2Side && FLAT_CHANNELS === c2Filters, 'the demos and the deck disagree');

const split = validationSplit(MNIST.trainCount, DECK_FIT.validationSplit);
const plan = batching(split.train, DECK_FIT.batchSize);
const steps = plan.batches * DECK_FIT.epochs;
const validationPercent = `${percentOf(DECK_FIT.validationSplit)}%`;

// ---------------------------------------------------------------------------------------------
// 1-1 Linear regression and least squares

const fit = closedForm(EXAMPLE_POINTS);
must(fit.ok, 'the worked example has a least-squares line');
const points = EXAMPLE_POINTS.map((p) => tuple([p.x, p.y])).join(', ');
const startLine = lineTex(START_LINE.a, START_LINE.b);
const startResiduals = residuals(EXAMPLE_POINTS, START_LINE.a, START_LINE.b).map(tidy);
const startQt = tidy(lossQt(EXAMPLE_POINTS, START_LINE.a, START_LINE.b));
const slope = tidy(fit.a);
const fitSums = `Σ(xᵢ − x̄)(yᵢ − ȳ) ÷ Σ(xᵢ − x̄)² = ${v(tidy(fit.sxy))} ÷ ${v(tidy(fit.sxx))} = ${v(slope)}`;
const startSquares = `${startResiduals.map(squared).join(' + ')} = ${v(startQt)}`;

const regression: readonly Question[] = [
  choice(
    'regression.why-square',
    t('直線の悪さを測るとき、残差をそのまま足さずに二乗してから足すのはなぜですか。', 'To measure how bad a line is, why are the residuals squared before they are added up?'),
    [
      t('計算を速くするため', 'To make the computation faster'),
      t('直線が必ず原点を通るようにするため', 'So that the line always passes through the origin'),
      t('正の残差と負の残差が打ち消し合わないようにするため', 'So that positive and negative residuals cannot cancel out'),
      t('点の数が多いほど損失を小さくするため', 'So that more points give a smaller loss'),
    ],
    2,
    t(
      '残差は点が直線より上なら正、下なら負になります。そのまま足すと +2 と −2 が打ち消し合って 0 になり、ずれているのに「ぴったり」に見えてしまいます。二乗すればどれも 0 以上になり、打ち消し合いません。',
      'A residual is positive above the line and negative below it. Added as they are, +2 and −2 cancel to 0, and a line that misses both points looks perfect; squared, every term is 0 or more, so nothing cancels.',
    ),
  ),
  number(
    'regression.start-qt',
    t(`点 ${points} に直線 ${startLine} を引きました。残差の二乗和 Qₜ はいくつですか。`, `For the points ${points} and the line ${startLine}, what is Qₜ, the sum of the squared residuals?`),
    startQt,
    0,
    t(
      `残差 yᵢ − (axᵢ + b) は ${list(startResiduals)} です。二乗して足すと ${startSquares} になります。`,
      `The residuals yᵢ − (axᵢ + b) are ${list(startResiduals)}. Squared and added up: ${startSquares}.`,
    ),
  ),
  number(
    'regression.slope',
    t(`点 ${points} に、最小二乗法で直線 y = ax + b を当てはめます。傾き a はいくつですか。`, `A line y = ax + b is fitted to the points ${points} by least squares. What is the slope a?`),
    slope,
    0.01,
    t(
      `x̄ = ${v(tidy(fit.xMean))}、ȳ = ${v(tidy(fit.yMean))} なので、a = ${fitSums} です。切片は b = ȳ − a x̄ = ${v(tidy(fit.b))} で、直線は ${lineTex(fit.a, fit.b)} になります。`,
      `With x̄ = ${v(tidy(fit.xMean))} and ȳ = ${v(tidy(fit.yMean))}, a = ${fitSums}. The intercept is b = ȳ − a x̄ = ${v(tidy(fit.b))}, so the line is ${lineTex(fit.a, fit.b)}.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 1-2a The perceptron

const pInputs: readonly number[] = DECK_EXAMPLE.inputs;
const pWeights: readonly number[] = DECK_EXAMPLE.weights;
const pWeight = at(pWeights, 0);
must(pWeights.every((w) => w === pWeight), 'the perceptron example has equal weights');
/** Example 2 of the lesson: the threshold raised to 7. */
const RAISED_THETA = 7;
const raised = evaluateNeuron(pInputs, pWeights, RAISED_THETA, 'step');
must(!raised.fires && raised.output === 0, 'θ = 7 stops the example from firing');
const heavier = pWeights.map((w, i) => (i === pWeights.length - 1 ? 2 : w));
const heavierRun = evaluateNeuron(pInputs, heavier, RAISED_THETA, 'step');
must(heavierRun.fires, 'w₃ = 2 makes the example fire again');
const weightsText = heavier.map((w, i) => `w${subscript(i + 1)} = ${v(w)}`).join(', ');
const lastInput = `x${subscript(pInputs.length)}`;
/** Example 3 of the lesson: two inputs of 0 or 1, both weights 1. */
const LOGIC_WEIGHTS = [1, 1];
const TRUTH_TABLE = [[0, 0], [0, 1], [1, 0], [1, 1]];
const AND = [0, 0, 0, 1];
const OR = [0, 1, 1, 1];
const LOGIC_THETAS = [2.5, 1.5, 0.5];
const truth = (theta: number) => TRUTH_TABLE.map((x) => evaluateNeuron(x, LOGIC_WEIGHTS, theta, 'step').output);
const sameOutputs = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const andIndex = onlyIndex(LOGIC_THETAS, (theta) => sameOutputs(truth(theta), AND), 'perceptron.and');
const orTheta = at(LOGIC_THETAS, onlyIndex(LOGIC_THETAS, (theta) => sameOutputs(truth(theta), OR), 'perceptron.or'));
const andTheta = at(LOGIC_THETAS, andIndex);
const logicSums = TRUTH_TABLE.map((x) => weightedSum(x, LOGIC_WEIGHTS));
const pairs = TRUTH_TABLE.map(tuple).join(', ');

const perceptron: readonly Question[] = [
  numberChoice(
    'perceptron.raised-theta',
    t(
      `入力 ${list(pInputs)}、重みはすべて ${v(pWeight)}、しきい値 θ = ${RAISED_THETA} のパーセプトロンの出力はどれですか。`,
      `A perceptron has inputs ${list(pInputs)}, every weight ${v(pWeight)} and the threshold θ = ${RAISED_THETA}. What does it output?`,
    ),
    [1 - raised.output, raised.sum, raised.a, raised.output],
    raised.output,
    (x) => t(v(x), v(x)),
    t(
      `重み付きの合計は ${termsText(pInputs, pWeights)} = ${v(raised.sum)} で、しきい値 ${RAISED_THETA} を超えないので出力は ${v(raised.output)} です。基準が厳しくなり、同じ入力でも発火しなくなりました。`,
      `The weighted total is ${termsText(pInputs, pWeights)} = ${v(raised.sum)}, which does not exceed θ = ${RAISED_THETA}, so the output is ${v(raised.output)}: with a higher bar, the same inputs no longer make it fire.`,
    ),
  ),
  number(
    'perceptron.heavier-weight',
    t(`入力 ${list(pInputs)}、重み ${weightsText} のとき、重み付きの合計はいくつですか。`, `The inputs are ${list(pInputs)} and the weights ${weightsText}. What is the weighted total?`),
    heavierRun.sum,
    0,
    t(
      `${termsText(pInputs, heavier)} = ${v(heavierRun.sum)} です。しきい値 θ = ${RAISED_THETA} を超えるので、出力は ${v(heavierRun.output)} に戻ります。${lastInput} を重視するように変えたので合計が増えました。`,
      `${termsText(pInputs, heavier)} = ${v(heavierRun.sum)}. That exceeds θ = ${RAISED_THETA}, so the output is back to ${v(heavierRun.output)}: counting ${lastInput} more raised the total.`,
    ),
  ),
  choice(
    'perceptron.and',
    t(
      `入力が 2 つ（どちらも 0 か 1）、重みがどちらも ${v(at(LOGIC_WEIGHTS, 0))} のパーセプトロンを、両方が 1 のときだけ 1 を出す AND にするしきい値はどれですか。`,
      `Two inputs of 0 or 1, both weights ${v(at(LOGIC_WEIGHTS, 0))}. Which threshold makes the output 1 only when both inputs are 1 (AND)?`,
    ),
    LOGIC_THETAS.map((theta) => t(`θ = ${v(theta)}`, `θ = ${v(theta)}`)),
    andIndex,
    t(
      `入力の組 ${pairs} に対する重み付きの合計は ${list(logicSums)} です。θ = ${v(andTheta)} なら ${v(Math.max(...logicSums))} だけがしきい値を超えるので AND になります。θ = ${v(orTheta)} にすると OR になります。`,
      `For the inputs ${pairs} the weighted totals are ${list(logicSums)}. With θ = ${v(andTheta)} only ${v(Math.max(...logicSums))} exceeds the threshold, which is AND; θ = ${v(orTheta)} would give OR.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 1-2b Activation functions

const zStart = ACTIVATIONS_START.a;
const sigmoidAtStart = sigmoid(zStart);
const zRaised = linearInput(pInputs, pWeights, RAISED_THETA);
must(zRaised < 0, 'θ = 7 gives a negative z');
const outputs = (z: number) => ({ step: activate('step', z), sigmoid: formatOutput('sigmoid', sigmoid(z)).text, relu: activate('relu', z) });
const triple = (o: { step: number; sigmoid: string; relu: number }): Text =>
  t(`ステップ関数 ${v(o.step)}、シグモイド関数 約 ${o.sigmoid}、ReLU ${v(o.relu)}`, `step ${v(o.step)}, sigmoid about ${o.sigmoid}, ReLU ${v(o.relu)}`);
const atRaised = outputs(zRaised);
const threeOptions = [
  { ...atRaised, relu: zRaised }, // ReLU taken to pass negative values through
  atRaised,
  outputs(-zRaised), // the sign of z flipped (θ = 5 instead of 7)
];
must(new Set(threeOptions.map((o) => triple(o).en)).size === threeOptions.length, 'activations.three-functions: distinct options');

const activations: readonly Question[] = [
  number(
    'activations.sigmoid-zero',
    t(`シグモイド関数 σ(z) = 1 / (1 + e⁻ᶻ) の、z = ${v(zStart)} での値はいくつですか。`, `What is the value of the sigmoid function σ(z) = 1 / (1 + e⁻ᶻ) at z = ${v(zStart)}?`),
    sigmoidAtStart,
    0.001,
    t(
      `e${superscript(zStart)} = ${v(Math.exp(zStart))} なので σ(${v(zStart)}) = 1 / (1 + ${v(Math.exp(zStart))}) = ${v(sigmoidAtStart)} です。z が大きな正の数なら 1 に、大きな負の数なら 0 に近づき、その真ん中にあたります。`,
      `Since e${superscript(zStart)} = ${v(Math.exp(zStart))}, σ(${v(zStart)}) = 1 / (1 + ${v(Math.exp(zStart))}) = ${v(sigmoidAtStart)}. The curve approaches 1 for large positive z and 0 for large negative z, and this is halfway.`,
    ),
  ),
  choice(
    'activations.three-functions',
    t(
      `入力 ${list(pInputs)}、重みすべて ${v(pWeight)}、しきい値 θ = ${RAISED_THETA} のニューロンでは z = ${v(zRaised)} です。3 つの活性化関数の出力はどれですか。`,
      `A neuron with inputs ${list(pInputs)}, every weight ${v(pWeight)} and θ = ${RAISED_THETA} has z = ${v(zRaised)}. What do the three activation functions output?`,
    ),
    threeOptions.map(triple),
    onlyIndex(threeOptions, (o) => o === atRaised, 'activations.three-functions'),
    t(
      `z = ${v(raised.sum)} − ${RAISED_THETA} = ${v(zRaised)} は 0 以下なので、ステップ関数と ReLU はどちらも 0 です。シグモイド関数は 0 にはならず、σ(${v(zRaised)}) ≈ ${atRaised.sigmoid} という「少しだけ当てはまる」値を返します。`,
      `z = ${v(raised.sum)} − ${RAISED_THETA} = ${v(zRaised)} is not above 0, so the step function and ReLU both give 0. The sigmoid never reaches 0: σ(${v(zRaised)}) ≈ ${atRaised.sigmoid}, a value that says "fits a little".`,
    ),
  ),
  choice(
    'activations.step-flat',
    t('勾配降下法で学習するとき、ステップ関数が問題になるのはなぜですか。', 'Why is the step function a problem when training by gradient descent?'),
    [
      t('グラフがほとんどの場所で平らで、重みを少し変えても出力が変わらないから', 'It is flat almost everywhere, so a small change in a weight leaves the output unchanged'),
      t('計算に時間がかかりすぎるから', 'It takes too long to compute'),
      t('出力に上限がないから', 'Its output has no upper limit'),
      t('出力が負の値にもなるから', 'Its output can be negative'),
    ],
    0,
    t(
      'ステップ関数は z = 0 で跳ぶ以外は平らなので、重みを少し動かしても出力はたいてい変わらず、どちらへ調整すればよいかの手がかりが得られません。シグモイド関数はどこでもなめらかで、z が少し変われば出力も少し変わります。',
      'Apart from its jump at z = 0 the step function is flat, so nudging a weight usually changes nothing and gives no hint which way to adjust it. The sigmoid is smooth everywhere: a small change in z makes a small change in the output.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 1-3 A neural network that tells ○ from ×

const xoShape = `${XO_NETWORK.inputs}-${XO_NETWORK.hidden}-${XO_NETWORK.outputs}`;
const hiddenParams = mlpParams([XO_NETWORK.inputs, XO_NETWORK.hidden]);
const circle = forward(HAND_SET, CIRCLE);
const cross = forward(HAND_SET, CROSS);
const neuron1 = HAND_SET.w1.slice(0, XO_NETWORK.inputs);
const neuron1Cells = neuron1.flatMap((w, i) => (w === 0 ? [] : [i]));
must(neuron1Cells.length === 1, 'hidden neuron 1 looks at one cell');
const centreCell = at(neuron1Cells, 0);
const centreWeight = at(neuron1, centreCell);
const theta1 = at(HAND_SET.t1, 0);
must(at(CIRCLE, centreCell) === 0 && at(CROSS, centreCell) === 1, 'the ○ leaves the centre empty, the × fills it');
const z1Circle = at(circle.a, 0);
const crossDecision = decision(cross);
must(crossDecision === 1, 'the hand-set weights call the × a ×');

const network: readonly Question[] = [
  number(
    'network.z1-circle',
    t(
      `中間層の 1 つ目のニューロンは x${subscript(centreCell + 1)}（中央）にだけ重み ${v(centreWeight)} を持ち、しきい値は θ₁ = ${v(theta1)} です。○の画像での z⁽¹⁾₁ はいくつですか。`,
      `Hidden neuron 1 has the weight ${v(centreWeight)} on x${subscript(centreCell + 1)} (the center) only, and θ₁ = ${v(theta1)}. What is z⁽¹⁾₁ for the ○ picture?`,
    ),
    z1Circle,
    0,
    t(
      `○は中央が空白なので x${subscript(centreCell + 1)} = 0 で、z⁽¹⁾₁ = ${v(centreWeight)} × 0 − ${v(theta1)} = ${v(z1Circle)} です。出力は y₁ = σ(${v(z1Circle)}) ≈ ${fixedValue(at(circle.y, 0), 3)} で、「中央」のニューロンはほとんど反応しません。`,
      `The ○ leaves the center empty, so x${subscript(centreCell + 1)} = 0 and z⁽¹⁾₁ = ${v(centreWeight)} × 0 − ${v(theta1)} = ${v(z1Circle)}. Its output y₁ = σ(${v(z1Circle)}) ≈ ${fixedValue(at(circle.y, 0), 3)}: the "center" neuron barely responds.`,
    ),
  ),
  number(
    'network.hidden-params',
    t(`${xoShape} のネットワークで、中間層のパラメータ（重みとしきい値）は全部で何個ですか。`, `In the ${xoShape} network, how many parameters (weights and thresholds) does the hidden layer have in all?`),
    hiddenParams,
    0,
    t(
      `中間層の ${XO_NETWORK.hidden} 個のニューロンが、それぞれ入力 ${XO_NETWORK.inputs} 個分の重みと、しきい値 1 個を持つので、(${XO_NETWORK.inputs} + 1) × ${XO_NETWORK.hidden} = ${v(hiddenParams)} 個です。`,
      `Each of the ${XO_NETWORK.hidden} hidden neurons has one weight for each of the ${XO_NETWORK.inputs} inputs plus one threshold: (${XO_NETWORK.inputs} + 1) × ${XO_NETWORK.hidden} = ${v(hiddenParams)}.`,
    ),
    COUNT,
  ),
  choice(
    'network.hidden-role',
    t('○×のネットワークで、中間層（隠れ層）の役割はどれですか。', 'In the ○/× network, what is the job of the hidden layer?'),
    [
      t('画像の値をそのまま次の層へ渡す', "Passing the picture's values on unchanged"),
      t('画像から部分的な特徴を取り出す', 'Picking partial features out of the picture'),
      t('特徴を組み合わせて○か×かを判定する', 'Combining features to decide between ○ and ×'),
      t('正解ラベルを覚えておく', 'Storing the correct labels'),
    ],
    1,
    t(
      '中間層のニューロンはそれぞれ反応するパターンが決まっていて、「中央が塗られている」のような部分的な特徴を取り出します（特徴抽出）。値をそのまま渡すのは入力層、特徴を組み合わせて判定するのは出力層の仕事です。',
      'Each hidden neuron responds to a pattern of its own, such as "the center is filled", and so picks a feature out of the picture (feature extraction). Passing values on is the input layer\'s job; combining features into a decision is the output layer\'s.',
    ),
  ),
  choice(
    'network.cross-decision',
    t('例題と同じ手で決めた重みで×の画像を計算すると、ネットワークの判定はどうなりますか。', "With the worked example's hand-set weights, what does the network decide for the × picture?"),
    [t('○と判定する', 'It decides ○'), t('×と判定する', 'It decides ×'), t('z₁ = z₂ で決まらない', 'No decision: z₁ = z₂')],
    crossDecision,
    t(
      `×では中央が塗られ、辺の真ん中が空白なので、y₁ ≈ ${fixedValue(at(cross.y, 0), 3)}、y₂ ≈ ${fixedValue(at(cross.y, 1), 3)} と○のときの逆になります。z₁ と z₂ の符号が入れ替わり、z₂ ≈ ${fixedValue(at(cross.z, 1), 2)} のほうが大きいので「×」です。`,
      `In the × the center is filled and the middles of the sides are empty, so y₁ ≈ ${fixedValue(at(cross.y, 0), 3)} and y₂ ≈ ${fixedValue(at(cross.y, 1), 3)}, the reverse of the ○. The signs of z₁ and z₂ swap, and z₂ ≈ ${fixedValue(at(cross.z, 1), 2)} is the larger, so the answer is "×".`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 1-4 Learning the parameters

const xoParams = mlpParams([XO_NETWORK.inputs, XO_NETWORK.hidden, XO_NETWORK.outputs]);
/** The worked example of 1-4: a ○ with the scores (0.8, 0.1) against its correct answer (1, 0). */
const SCORES = [0.8, 0.1];
const TARGET = [1, 0];
const gaps = SCORES.map((s, k) => clean((s - at(TARGET, k)) ** 2));
const gapSum = clean(gaps.reduce((a, b) => a + b, 0));
const gapTerms = SCORES.map((s, k) => `(${v(s)} − ${v(at(TARGET, k))})²`).join(' + ');

const learning: readonly Question[] = [
  number(
    'learning.params',
    t(`${xoShape} のネットワークで、学習で決めるパラメータ（重みとしきい値）は全部で何個ですか。`, `How many parameters (weights and thresholds) does training decide in the ${xoShape} network?`),
    xoParams,
    0,
    t(
      `ニューロン 1 個あたりのパラメータは「入力の数 + しきい値 1 個」なので、(${XO_NETWORK.inputs} + 1) × ${XO_NETWORK.hidden} + (${XO_NETWORK.hidden} + 1) × ${XO_NETWORK.outputs} = ${v(xoParams)} 個です。`,
      `Each neuron has "number of inputs + one threshold" parameters: (${XO_NETWORK.inputs} + 1) × ${XO_NETWORK.hidden} + (${XO_NETWORK.hidden} + 1) × ${XO_NETWORK.outputs} = ${v(xoParams)}.`,
    ),
    COUNT,
  ),
  choice(
    'learning.target',
    t(`○の画像の正解 ${tuple(TARGET)} は、何に対する目標ですか。`, `The correct answer ${tuple(TARGET)} for a ○ picture is a target for what?`),
    [
      t('出力層の線形和 (z₁, z₂)', "The output layer's weighted sums (z₁, z₂)"),
      t('中間層の出力 (y₁, y₂)', 'The hidden outputs (y₁, y₂)'),
      t('判定度 (σ(z₁), σ(z₂))', 'The scores (σ(z₁), σ(z₂))'),
    ],
    2,
    t(
      'z₁, z₂ はどんな大きさにもなりますが、シグモイド関数に通した判定度は 0 と 1 の間に収まるので、1 と 0 で表した正解と比べられます。学習は判定度をこの目標に近づけます。',
      'z₁ and z₂ can take any size, but the scores, passed through the sigmoid, stay between 0 and 1, so they can be compared with a correct answer written as 1 and 0. Training brings the scores close to that target.',
    ),
  ),
  number(
    'learning.squared-error',
    t(
      `○の画像で判定度が ${tuple(SCORES)}、正解が ${tuple(TARGET)} のとき、ずれの二乗の和はいくつですか。`,
      `For a ○ picture the scores are ${tuple(SCORES)} and the correct answer is ${tuple(TARGET)}. What is the sum of the squared differences?`,
    ),
    gapSum,
    0.001,
    t(
      `${gapTerms} = ${gaps.map(v).join(' + ')} = ${v(gapSum)} です。学習は、こうしたずれをすべての例で合わせた損失が小さくなるように、パラメータを調整します。`,
      `${gapTerms} = ${gaps.map(v).join(' + ')} = ${v(gapSum)}. Training adjusts the parameters to make the loss, such gaps added up over all the examples, smaller.`,
    ),
  ),
  choice(
    'learning.shared',
    t('○の画像と×の画像で、ネットワークは別々の重みを使いますか。', 'Does the network use different weights for ○ pictures and × pictures?'),
    [
      t('いいえ。1 組のパラメータをすべての入力に共通で使う', 'No: one set of parameters serves every input'),
      t('はい。○用と×用に 1 組ずつ持つ', 'Yes: it keeps one set for ○ and one for ×'),
      t('はい。画像 1 枚ごとに重みを調整し直す', 'Yes: it re-tunes the weights for each picture'),
    ],
    0,
    t(
      '学習で探すのは、用意した例全体でのずれがいちばん小さくなる 1 組のパラメータです。線形回帰で 1 本の直線をすべての点に共通で使ったのと同じです。',
      'Training looks for the one set of parameters whose error over all the prepared examples is smallest, just as linear regression used a single line for all the points.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 2 Google Colaboratory and the MNIST data

const side = `${MNIST.rows}×${MNIST.cols}`;

const colabMnist: readonly Question[] = [
  number(
    'colab-mnist.pixels',
    t(`MNIST の画像 1 枚は ${side} ピクセルです。ネットワークから見ると、入力はいくつありますか。`, `An MNIST image is ${side} pixels. How many inputs is that for a network?`),
    MNIST_PIXELS,
    0,
    t(
      `${MNIST.rows} × ${MNIST.cols} = ${v(MNIST_PIXELS)} なので、1 枚の画像は ${v(MNIST_PIXELS)} 個の数の並び、ネットワークにとっては ${v(MNIST_PIXELS)} 個の入力です。3×3 で ${XO_NETWORK.inputs} 個だった○×のネットワークを、ぐっと大きくしたものです。`,
      `${MNIST.rows} × ${MNIST.cols} = ${v(MNIST_PIXELS)}: one image is a list of ${v(MNIST_PIXELS)} numbers, ${v(MNIST_PIXELS)} inputs to a network, a much larger version of the ○/× network's 3×3 = ${XO_NETWORK.inputs}.`,
    ),
    t('個', 'inputs'),
  ),
  choice(
    'colab-mnist.training-split',
    t('このコースで「訓練データ」と呼ぶのはどの画像ですか。', 'In this course, which images are called the training split?'),
    [
      t(`x_train の ${v(MNIST.trainCount)} 枚すべて`, `All ${v(MNIST.trainCount)} images of x_train`),
      t(`重みの更新に使う ${v(split.train)} 枚`, `The ${v(split.train)} images that update the weights`),
      t(`学習の途中で成績を確かめる ${v(split.validation)} 枚`, `The ${v(split.validation)} images that check progress during training`),
      t(`最後の評価に使う ${v(MNIST.testCount)} 枚`, `The ${v(MNIST.testCount)} images kept for the final evaluation`),
    ],
    1,
    t(
      `学習用データ ${v(MNIST.trainCount)} 枚のうち ${validationPercent}（${v(split.validation)} 枚）を検証データに回し、重みの更新に使う残りの ${v(split.train)} 枚を訓練データと呼んで区別します。テストデータ ${v(MNIST.testCount)} 枚は別に取っておきます。`,
      `Of the ${v(MNIST.trainCount)} images of the training set, ${validationPercent} (${v(split.validation)} images) is set aside as the validation split; the remaining ${v(split.train)}, which update the weights, are the training split. The ${v(MNIST.testCount)} test images are kept apart.`,
    ),
  ),
  choice(
    'colab-mnist.pixel-zero',
    t(`MNIST のピクセル値（0〜${MNIST.maxPixel}）が 0 のピクセルは何を表しますか。`, `An MNIST pixel value runs from 0 to ${MNIST.maxPixel}. What does a value of 0 mean?`),
    [
      t('インクのない背景', 'Background with no ink'),
      t('インクがいちばん濃いところ', 'The darkest ink'),
      t('データが欠けているところ', 'A pixel missing from the data'),
    ],
    0,
    t(
      `値はそのマスにのっているインクの量で、0 はインクのない背景、${MNIST.maxPixel} はインクがいちばん濃いところです。値をそのまま明るさとして表示するので、MNIST の画像は黒地に白で見えます。`,
      `The value is the amount of ink in the cell: 0 is background with no ink and ${MNIST.maxPixel} the darkest ink. Shown directly as brightness, that makes MNIST images white on black.`,
    ),
  ),
  choice(
    'colab-mnist.test-apart',
    t('テストデータを学習に一度も使わずに取っておくのはなぜですか。', 'Why are the test images never used for training?'),
    [
      t('学習の時間を短くするため', 'To make training faster'),
      t('テストデータの画像は質が低いため', 'Because the test images are of lower quality'),
      t('学習に使った画像で測ると、画像を覚えただけでも高い点が出てしまうため', 'Because a network that merely memorized its training images would score highly on them'),
      t('Colaboratory の無料の範囲に収めるため', "To stay within Colaboratory's free tier"),
    ],
    2,
    t(
      '学習に使った画像で性能を測ると、たまたまその画像を覚えただけでも高い点が出ます。初めて見る画像で測ってこそ本当の実力がわかります。練習問題とは別の問題で本番の試験をするのと同じ考え方です。',
      'Measured on its own training images, a network that simply memorized them would look good; only images it has never seen show its real ability. It is the same idea as setting the real exam with questions other than the practice ones.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-1 The whole CNN program

/** The label of the lesson's one-hot example, and a pixel value to scale (lesson inputs). */
const LABEL = 2;
const STORED_PIXEL = 51;
const oneHotOptions = [
  LABEL.toString(2).split('').map(Number), // "binary" read as base 2
  oneHot(LABEL - 1), // positions counted from 1
  oneHot(LABEL).map((x) => x * LABEL), // the label's value put at its place
  oneHot(LABEL),
];
must(new Set(oneHotOptions.map(tuple)).size === oneHotOptions.length, 'program.one-hot: distinct options');
const scaled = STORED_PIXEL / MNIST.maxPixel;
const imageShape = [MNIST.rows, MNIST.cols];
must(DECK_CNN.inputShape.join() === [...imageShape, inChannels].join() && inChannels === 1, 'the model reads one channel');
const shapeOptions: readonly (readonly number[])[] = [DECK_CNN.inputShape, imageShape, [inChannels, ...imageShape], [MNIST_PIXELS, inChannels]];
must(new Set(shapeOptions.map(tuple)).size === shapeOptions.length, 'program.channel-axis: distinct options');

const program: readonly Question[] = [
  choice(
    'program.one-hot',
    t(`to_categorical(y, ${MNIST.classes}) で、ラベル ${LABEL} はどの並びになりますか。`, `What does to_categorical(y, ${MNIST.classes}) turn the label ${LABEL} into?`),
    oneHotOptions.map((o) => t(tuple(o), tuple(o))),
    onlyIndex(oneHotOptions, (o) => tuple(o) === tuple(oneHot(LABEL)), 'program.one-hot'),
    t(
      `長さ ${MNIST.classes} の並びのうち、正解の位置（0 から数えて ${LABEL} 番目）だけが 1 で、残りが 0 のワンホット表現になります。「2 値」は各要素が 0 か 1 という意味で、2 進数ではありません。`,
      `It becomes a one-hot encoding of length ${MNIST.classes}: 1 only at the correct position (entry ${LABEL}, counting from 0) and 0 everywhere else. "Binary" refers to entries that are 0 or 1, not to writing ${LABEL} in base 2.`,
    ),
  ),
  number(
    'program.scale',
    t(`プログラムはピクセル値を ${MNIST.maxPixel} で割ります。値が ${STORED_PIXEL} のピクセルはいくつになりますか。`, `The program divides every pixel value by ${MNIST.maxPixel}. What does a pixel stored as ${STORED_PIXEL} become?`),
    scaled,
    0.001,
    t(
      `${STORED_PIXEL} ÷ ${MNIST.maxPixel} = ${v(scaled)} です。割ったあとは、インクのない背景が 0、いちばん濃いインクが 1 で、すべての値が 0〜1 に収まります。`,
      `${STORED_PIXEL} ÷ ${MNIST.maxPixel} = ${v(scaled)}. After the division the background is 0, the darkest ink is 1, and every value lies between 0 and 1.`,
    ),
  ),
  choice(
    'program.channel-axis',
    t('np.expand_dims(x, -1) のあと、1 枚の画像の形はどうなりますか。', 'After np.expand_dims(x, -1), what is the shape of one image?'),
    shapeOptions.map((s) => t(tuple(s), tuple(s))),
    onlyIndex(shapeOptions, (s) => s === DECK_CNN.inputShape, 'program.channel-axis'),
    t(
      `最後に長さ 1 のチャンネルの軸が足され、${tuple(imageShape)} が ${tuple(DECK_CNN.inputShape)} になります。グレースケールの画像なのでチャンネルは 1 つで、値そのものは変わりません。`,
      `An axis of length 1, the channel axis, is added at the end: ${tuple(imageShape)} becomes ${tuple(DECK_CNN.inputShape)}. A grayscale image has a single channel, and the values themselves do not change.`,
    ),
  ),
  choice(
    'program.bias',
    t('バイアス b と、第1章のしきい値 θ の関係はどれですか。', 'How is the bias b related to the threshold θ of Chapter 1?'),
    [t('b = θ', 'b = θ'), t('b = −θ', 'b = −θ'), t('b = 1 / θ', 'b = 1 / θ'), t('関係はない', 'They are unrelated')],
    1,
    t(
      'しきい値を左辺に移して z = Σ wᵢxᵢ − θ と書き、b = −θ と置くと z = Σ wᵢxᵢ + b になります。しきい値を引くか、符号を変えたバイアスを足すかという書き方の違いだけで、計算は同じです。',
      'Moving the threshold to the left gives z = Σ wᵢxᵢ − θ; setting b = −θ turns it into z = Σ wᵢxᵢ + b. Subtracting a threshold or adding a bias with the opposite sign is only a difference in notation.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-2 Convolutional neural networks

const conv2Sum = `(${kernel} × ${kernel} × ${c1Filters} + 1) × ${c2Filters} = ${v(conv2.params)}`;
const totalSum = `${v(conv1.params)} + ${v(conv2.params)} + ${v(dense.params)} = ${v(total)}`;
must(layers.filter((l) => l.params > 0).length === 3, 'only the two convolution layers and the dense layer have parameters');
const pool2Options: readonly (readonly number[])[] = [
  conv2.outputShape, // the pooling skipped
  [Math.ceil(c2Side / pool), Math.ceil(c2Side / pool), c2Filters], // the odd side rounded up
  pool2.outputShape,
  [p2Side, p2Side, c1Filters], // the channels taken to change too
];
must(new Set(pool2Options.map(formatShape)).size === pool2Options.length, 'cnn.pool2-shape: distinct options');

const cnn: readonly Question[] = [
  numberChoice(
    'cnn.conv2-params',
    t(
      `2 つ目の畳み込み層（${kernelText} のフィルタ ${c2Filters} 枚、入力 ${c1Filters} チャンネル）のパラメータは何個ですか。`,
      `How many parameters does the second convolution layer have (${c2Filters} filters of ${kernelText} over ${c1Filters} input channels)?`,
    ),
    [
      convParams(kernel, 1, c2Filters), // each filter taken to see one channel
      conv2.params - c2Filters, // the biases forgotten
      convParams(kernel, c2Filters, c1Filters), // input and output channels swapped
      conv2.params,
    ],
    convParams(kernel, c1Filters, c2Filters),
    (x) => t(`${v(x)} 個`, v(x)),
    t(
      `フィルタ 1 枚は、前の層の ${c1Filters} チャンネルすべてにまたがる ${kernelText} の窓の重みと、バイアス 1 個を持つので、${conv2Sum} 個です。バイアスを忘れると ${v(conv2.params - c2Filters)} 個になります。`,
      `Each filter has a ${kernelText} window of weights across all ${c1Filters} channels of the previous layer, plus one bias: ${conv2Sum}. Forgetting the biases gives ${v(conv2.params - c2Filters)}.`,
    ),
  ),
  number(
    'cnn.total',
    t(
      `畳み込み層 1 が ${v(conv1.params)} 個、畳み込み層 2 が ${v(conv2.params)} 個、全結合層が ${v(dense.params)} 個のパラメータを持ちます。モデル全体では何個ですか。`,
      `Convolution layers 1 and 2 have ${v(conv1.params)} and ${v(conv2.params)} parameters, the dense layer ${v(dense.params)}. How many does the whole model have?`,
    ),
    total,
    0,
    t(
      `プーリング層、平坦化、ドロップアウトは学習するパラメータを持たないので、${totalSum} 個です。model.summary() の合計と同じ数です。`,
      `Pooling, flattening and dropout have no parameters to learn, so the total is ${totalSum}, the same as the total model.summary() prints.`,
    ),
    COUNT,
  ),
  choice(
    'cnn.pool2-shape',
    t(
      `2 つ目の畳み込み層の出力 ${formatShape(conv2.outputShape)} が、2 つ目の最大プーリング層（${poolText}）を通ると、形はどうなりますか。`,
      `The second convolution layer outputs ${formatShape(conv2.outputShape)}. What shape comes out of the second max pooling layer (${poolText})?`,
    ),
    pool2Options.map((s) => t(formatShape(s), formatShape(s))),
    onlyIndex(pool2Options, (s) => s === pool2.outputShape, 'cnn.pool2-shape'),
    t(
      `1 辺は ⌊${c2Side} / ${pool}⌋ = ${p2Side} で、割り切れない最後の 1 行と 1 列は使われません。プーリングはチャンネルごとに行うので、チャンネル数 ${c2Filters} は変わらず ${formatShape(pool2.outputShape)} になります。`,
      `Each side becomes ⌊${c2Side} / ${pool}⌋ = ${p2Side}: the last row and column, which do not fill a block, are left out. Pooling works on each channel separately, so the ${c2Filters} channels stay: ${formatShape(pool2.outputShape)}.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-3 Convolution layers

/** The lesson's hand-worked patches: a boundary 0 on the left and ink on the right, and its mirror. */
const EDGE_PATCH = [0, 1, 1, 0, 1, 1, 0, 1, 1];
const MIRROR_PATCH = [1, 1, 0, 1, 1, 0, 1, 1, 0];
const EDGE_BIAS = 0;
const edgeZ = at(Array.from(convolveValid(EDGE_PATCH, KERNEL, EDGE_KERNEL, EDGE_BIAS)), 0);
const rowProducts = (row: number) =>
  Array.from({ length: KERNEL }, (_, c) => {
    const w = at(EDGE_KERNEL, row * KERNEL + c);
    return `${w < 0 ? `(${v(w)})` : v(w)}·${v(at(EDGE_PATCH, row * KERNEL + c))}`;
  }).join(' + ');
const rowSums = Array.from({ length: KERNEL }, (_, r) => weightedSum(EDGE_KERNEL.slice(r * KERNEL, (r + 1) * KERNEL), EDGE_PATCH.slice(r * KERNEL, (r + 1) * KERNEL)));
must(rowSums.every((s) => s === at(rowSums, 0)), 'every row of the edge example gives the same sum');
const mirrorZ = at(Array.from(convolveValid(MIRROR_PATCH, KERNEL, EDGE_KERNEL, EDGE_BIAS)), 0);
const mirrorOut = activate('relu', mirrorZ);
const conv1Outputs = conv1.outputShape.reduce((a, b) => a * b, 1);
const denseEquivalent = denseParams(MNIST_PIXELS, conv1Outputs);
const positions = c1Side * c1Side;

const convolution: readonly Question[] = [
  number(
    'convolution.edge',
    t(
      `フィルタの行が ${rows(EDGE_KERNEL, KERNEL)}、バイアスが ${EDGE_BIAS} です。行が ${rows(EDGE_PATCH, KERNEL)} の区画に当てたときの z はいくつですか。`,
      `Filter rows ${rows(EDGE_KERNEL, KERNEL)}, bias ${EDGE_BIAS}; patch rows ${rows(EDGE_PATCH, KERNEL)}. What is z?`,
    ),
    edgeZ,
    0,
    t(
      `同じ位置どうしを掛けて足すと、各行が ${rowProducts(0)} = ${v(at(rowSums, 0))} を出すので、z = ${rowSums.map(v).join(' + ')} + ${EDGE_BIAS} = ${v(edgeZ)} です。左が 0 で右が大きい縦の境目で大きな値を出す、縦のエッジ検出器です。`,
      `Multiplying matching entries and adding, each row gives ${rowProducts(0)} = ${v(at(rowSums, 0))}, so z = ${rowSums.map(v).join(' + ')} + ${EDGE_BIAS} = ${v(edgeZ)}. The filter responds to a vertical boundary that is 0 on the left and larger on the right: a vertical edge detector.`,
    ),
  ),
  numberChoice(
    'convolution.relu',
    t(
      `同じフィルタを、行が ${rows(MIRROR_PATCH, KERNEL)} の区画に当てると z = ${v(mirrorZ)} です。ReLU をかけた畳み込み層の出力はいくつですか。`,
      `The same filter on a patch with rows ${rows(MIRROR_PATCH, KERNEL)} gives z = ${v(mirrorZ)}. What is the output after ReLU?`,
    ),
    [mirrorOut, mirrorZ, -mirrorZ],
    mirrorOut,
    (x) => t(v(x), v(x)),
    t(
      `ReLU は y = max(0, z) なので、負の z = ${v(mirrorZ)} は ${v(mirrorOut)} になります。探している模様がない場所は 0 にそろえ、模様がある場所だけがその強さに応じた値を持ちます。`,
      `ReLU is y = max(0, z), so the negative z = ${v(mirrorZ)} becomes ${v(mirrorOut)}. Places without the pattern are all set to 0; only places where it appears keep a value, in proportion to its strength.`,
    ),
  ),
  number(
    'convolution.conv1-params',
    t(
      `1 つ目の畳み込み層は、${inChannels} チャンネルの入力に ${kernelText} のフィルタを ${c1Filters} 枚当てます。バイアスも含めたパラメータは何個ですか。`,
      `The first convolution layer has ${c1Filters} filters of ${kernelText} on a ${inChannels}-channel input. How many parameters, biases included?`,
    ),
    conv1.params,
    0,
    t(
      `フィルタ 1 枚は窓の中の重み ${kernel * kernel} 個とバイアス 1 個を持ち、それが ${c1Filters} 枚あるので、(${kernel} × ${kernel} × ${inChannels} + 1) × ${c1Filters} = ${v(conv1.params)} 個です。`,
      `Each filter has ${kernel * kernel} weights in its window and one bias, and there are ${c1Filters} filters: (${kernel} × ${kernel} × ${inChannels} + 1) × ${c1Filters} = ${v(conv1.params)}.`,
    ),
    COUNT,
  ),
  choice(
    'convolution.sharing',
    t(
      `同じ ${formatShape(conv1.outputShape)} の出力を全結合層で作ると ${v(denseEquivalent)} 個のパラメータが必要です。畳み込み層が ${v(conv1.params)} 個で済むのはなぜですか。`,
      `A dense layer making the same ${formatShape(conv1.outputShape)} output needs ${v(denseEquivalent)} parameters. Why does the convolution layer need only ${v(conv1.params)}?`,
    ),
    [
      t('画像の端を使わないから', 'It ignores the edges of the image'),
      t('ReLU が重みの半分を 0 にするから', 'ReLU sets half of its weights to 0'),
      t('フィルタの重みは学習せず固定だから', 'Its filter weights are fixed, not learned'),
      t('同じフィルタを画像のすべての場所で使い回すから（重みの共有）', 'It reuses the same filters at every position of the image (weight sharing)'),
    ],
    3,
    t(
      `重みの共有により、${v(positions)} か所のどこで計算するときも同じ重みを使うので、フィルタ 1 枚のパラメータは窓の中の重みとバイアス 1 個だけです。全結合層では出力 1 つごとに ${v(MNIST_PIXELS)} 個の重みが要るため、約 ${v(Math.round(denseEquivalent / conv1.params))} 倍にもなります。`,
      `With weight sharing the same weights serve all ${v(positions)} positions, so a filter's only parameters are the weights in its window and one bias. A dense layer needs ${v(MNIST_PIXELS)} weights for every single output: about ${v(Math.round(denseEquivalent / conv1.params))} times as many parameters.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-4 Max pooling layers

const poolExampleBlocks = poolBlocks(POOL_SIDE, POOL_SIDE);
const pooled = poolExampleBlocks.map((b) => Math.max(...b.cells.map((c) => at(POOL_EXAMPLE, c))));
const pooledSideOfExample = pooledSide(POOL_SIDE);
const bottomLeftIndex = onlyIndex(poolExampleBlocks, (b) => b.row === pooledSideOfExample - 1 && b.col === 0, 'the bottom-left block');
const bottomLeft = at(poolExampleBlocks, bottomLeftIndex).cells.map((c) => at(POOL_EXAMPLE, c));
const spaced = (row: readonly number[]) => row.map(v).join(' ');
const oddSide = pooledSide(c2Side);
must(c2Side % pool !== 0, 'the second pooling layer gets an odd side');
/** The lesson's shift example: a strong response of 8 in one corner of a block, then the other. */
const STRONG = 8;
const cornerA = [STRONG, 0, 0, 0];
const cornerB = [0, 0, 0, STRONG];
const blockMax = (cells: readonly number[]) => Math.max(...at(poolBlocks(pool, pool), 0).cells.map((c) => at(cells, c)));
must(blockMax(cornerA) === blockMax(cornerB) && blockMax(cornerA) === STRONG, 'a shift inside a block keeps its maximum');
const blockCells = pool * pool;

const pooling: readonly Question[] = [
  number(
    'pooling.deck-example',
    t(
      `行が ${rows(POOL_EXAMPLE, POOL_SIDE, spaced)} の ${POOL_SIDE}×${POOL_SIDE} の表に ${poolText} の最大プーリングをかけます。出力の左下の値はいくつですか。`,
      `${poolText} max pooling on the ${POOL_SIDE}×${POOL_SIDE} map with rows ${rows(POOL_EXAMPLE, POOL_SIDE, spaced)}: what is the bottom-left output?`,
    ),
    at(pooled, bottomLeftIndex),
    0,
    t(
      `左下の区画は ${list(bottomLeft)} で、最大値は max(${list(bottomLeft)}) = ${v(at(pooled, bottomLeftIndex))} です。出力全体は ${rows(pooled, pooledSideOfExample, spaced)} になります。`,
      `The bottom-left block holds ${list(bottomLeft)}, and max(${list(bottomLeft)}) = ${v(at(pooled, bottomLeftIndex))}. The whole output is ${rows(pooled, pooledSideOfExample, spaced)}.`,
    ),
  ),
  number(
    'pooling.odd-side',
    t(`${c2Side}×${c2Side} の特徴マップに ${poolText} の最大プーリングをかけると、出力の 1 辺は何マスになりますか。`, `${poolText} max pooling is applied to an ${c2Side}×${c2Side} feature map. How many cells long is each side of the output?`),
    oddSide,
    0,
    t(
      `${c2Side} ÷ ${pool} = ${v(c2Side / pool)} で、小数点以下を切り捨てて ${oddSide} マスです。1 辺が奇数なので、区画に入りきらない最後の 1 行と 1 列は捨てられます。`,
      `${c2Side} ÷ ${pool} = ${v(c2Side / pool)}, rounded down to ${oddSide}. The side is odd, so the last row and column, which do not fill a block, are dropped.`,
    ),
    t('マス', 'cells'),
  ),
  numberChoice(
    'pooling.params',
    t(`${poolText} の最大プーリング層には、学習するパラメータがいくつありますか。`, `How many parameters to learn does a ${poolText} max pooling layer have?`),
    [blockCells, blockCells + 1, 0],
    at(layers.filter((l) => l.kind === 'maxPooling2d').map((l) => l.params), 0),
    (x) =>
      x === blockCells
        ? t(`${x} 個（区画のマスごとに重み 1 個）`, `${x} (one weight per cell of the block)`)
        : x === blockCells + 1
          ? t(`${x} 個（重み ${blockCells} 個とバイアス 1 個）`, `${x} (${blockCells} weights and a bias)`)
          : t(`${x} 個`, `${x}`),
    t(
      '最大プーリングは「区画の中で最大値を選ぶ」という決まった手順を実行するだけで、重みもバイアスもありません。model.summary() でも、パラメータを持たない層として表示されます。',
      'Max pooling just carries out a fixed procedure, picking the largest value in each block; it has no weights and no bias, and model.summary() lists it as a layer with no parameters.',
    ),
  ),
  choice(
    'pooling.shift',
    t(
      `${poolText} の区画 1 つの中で、強い反応 ${STRONG} の位置が左上から右下に移りました（ほかは 0）。プーリング後の値はどうなりますか。`,
      `A response of ${STRONG} moves from the top left to the bottom right of a ${poolText} block (rest 0). What happens to the pooled value?`,
    ),
    [
      t('0 になる', 'It becomes 0'),
      t(`${STRONG} のまま変わらない`, `It stays ${STRONG}`),
      t(`平均の ${v(STRONG / blockCells)} になる`, `It becomes the average, ${v(STRONG / blockCells)}`),
      t('隣の区画に移る', 'It moves to the next block'),
    ],
    1,
    t(
      `最大値は、区画の中のどこにあっても同じ ${STRONG} です。区画の中に収まる小さなずれなら、プーリング後の値はまったく変わりません。`,
      `The maximum is ${STRONG} wherever it sits in the block. A small shift that stays inside a block leaves the pooled value unchanged.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-5 Flattening (Flatten)

const flatShape = formatShape(pool2.outputShape);
/** The position the lesson's formula is tried on. */
const CELL = { r: 1, c: 2, k: 3 } as const;
const cellIndex = flatIndex(CELL.r, CELL.c, CELL.k);
const first = positionOf(0);
const second = positionOf(1);
const AXES = ['r', 'c', 'k'] as const;
const fastest = onlyIndex(AXES, (axis) => first[axis] !== second[axis], 'flatten.fastest');
const axisNames: Readonly<Record<(typeof AXES)[number], Text>> = {
  r: t('行 r', 'The row r'),
  c: t('列 c', 'The column c'),
  k: t('チャンネル k', 'The channel k'),
};
const axisOrder = ['c', 'k', 'r'] as const;

const flatten: readonly Question[] = [
  number(
    'flatten.units',
    t(`${flatShape} の立体を平坦化すると、値はいくつ並びますか。`, `How many values does flattening the ${flatShape} block give?`),
    flatUnits,
    0,
    t(
      `平坦化は値を並べ替えるだけで数を変えないので、${pool2.outputShape.join(' × ')} = ${v(flatUnits)} 個です。これが全結合層の入力になります。`,
      `Flattening only reorders values, so the count stays ${pool2.outputShape.join(' × ')} = ${v(flatUnits)}; they become the inputs of the dense layer.`,
    ),
    t('個', 'values'),
  ),
  number(
    'flatten.index',
    t(
      `${flatShape} の立体（channels last）を平坦化します。行 ${CELL.r}・列 ${CELL.c}・チャンネル ${CELL.k} の値は、一列の何番目に来ますか（どれも 0 から数えます）。`,
      `The ${flatShape} block (channels last) is flattened. Counting from 0, where does row ${CELL.r}, column ${CELL.c}, channel ${CELL.k} land?`,
    ),
    cellIndex,
    0,
    t(
      `i = (r × W + c) × C + k に W = ${FLAT_WIDTH}、C = ${FLAT_CHANNELS} を入れると、(${CELL.r} × ${FLAT_WIDTH} + ${CELL.c}) × ${FLAT_CHANNELS} + ${CELL.k} = ${v(cellIndex)} です。チャンネルがいちばん速く変わり、次に列、最後に行が進みます。`,
      `With W = ${FLAT_WIDTH} and C = ${FLAT_CHANNELS}, i = (r × W + c) × C + k = (${CELL.r} × ${FLAT_WIDTH} + ${CELL.c}) × ${FLAT_CHANNELS} + ${CELL.k} = ${v(cellIndex)}. The channel changes fastest, then the column, then the row.`,
    ),
  ),
  choice(
    'flatten.fastest',
    t('平坦化した一列を先頭から順に見ると、いちばん速く入れ替わるのはどれですか。', 'Reading the flattened line from the start, which index changes fastest?'),
    axisOrder.map((axis) => axisNames[axis]),
    axisOrder.indexOf(at(AXES, fastest)),
    t(
      'Keras は形を「行 × 列 × チャンネル」の順（channels last）で持ち、いちばん後ろの軸から先に動かして並べます。マス 1 つごとに、そのマスの全チャンネルを書き出していくイメージです。',
      'Keras holds shapes as rows × columns × channels (channels last) and lines the values up with the last axis moving first: cell after cell, all the channels of each cell are written out.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-6 Dropout and overfitting

const keep = keepScale(dropoutRate);
/** The lesson's small example: four values and one draw. */
const DROP_VALUES = [0.8, 0.2, 0.6, 0.4];
const DROP_MASK = [1, 0, 0, 1];
const dropped = Array.from(applyDropout(DROP_VALUES, DROP_MASK, keep), (x) => Number(x.toPrecision(6)));
const droppedSum = Number(dropped.reduce((a, b) => a + b, 0).toPrecision(6));
const keptPositions = DROP_MASK.flatMap((m, i) => (m === 1 ? [i + 1] : []));
const dropPercent = `${Math.round(dropoutRate * 100)}%`;

const dropout: readonly Question[] = [
  number(
    'dropout.scale',
    t(`ドロップアウトの割合が ${v(dropoutRate)} のとき、学習中に止められなかった出力は何倍されますか。`, `With a dropout rate of ${v(dropoutRate)}, by what factor are the outputs that are not switched off multiplied during training?`),
    keep,
    0,
    t(
      `1 / (1 − ${v(dropoutRate)}) = ${v(keep)} 倍です。出力の一部が 0 になっても、次の層に届く値の合計の期待値が変わらないようにするためです。`,
      `1 / (1 − ${v(dropoutRate)}) = ${v(keep)}. With part of the outputs set to 0, scaling up the rest keeps the expected total reaching the next layer unchanged.`,
    ),
    t('倍', 'times'),
  ),
  number(
    'dropout.example',
    t(
      `4 つの値 ${tuple(DROP_VALUES)} に、割合 ${v(dropoutRate)} のドロップアウトでくじ ${tuple(DROP_MASK)} が当たりました。出力の合計はいくつですか。`,
      `Dropout at rate ${v(dropoutRate)} applies the draw ${tuple(DROP_MASK)} to the values ${tuple(DROP_VALUES)}. What is the sum of the output?`,
    ),
    droppedSum,
    0.01,
    t(
      `${keptPositions.map((i) => `${i} 番目`).join('と ')}だけが残り、${v(keep)} 倍されて ${tuple(dropped)} になるので、合計は ${v(droppedSum)} です。`,
      `Only entries ${keptPositions.join(' and ')} remain, multiplied by ${v(keep)}: ${tuple(dropped)}, which adds up to ${v(droppedSum)}.`,
    ),
  ),
  choice(
    'dropout.inference',
    t('学習が終わって新しい画像を判定するとき、ドロップアウトの層は何をしますか。', 'After training, when the model classifies a new image, what does the dropout layer do?'),
    [
      t(`学習中と同じく、出力の ${dropPercent} を無作為に 0 にする`, `Switches off ${dropPercent} of the outputs at random, as in training`),
      t(`すべての出力を ${v(1 - dropoutRate)} 倍する`, `Multiplies every output by ${v(1 - dropoutRate)}`),
      t('止めていたニューロンをモデルから取り除く', 'Removes the switched-off neurons from the model'),
      t('何もしない。すべての出力をそのまま次の層に渡す', 'Nothing: every output passes to the next layer unchanged'),
    ],
    3,
    t(
      `ドロップアウトが働くのは学習中だけです。学習中に、残った出力へあらかじめ ${v(keep)} 倍をかけておいたので、判定のときは何も調整しなくても値の大きさがそろっています。`,
      `Dropout acts only during training. Because the kept outputs were already scaled by ${v(keep)} in training, the values have the right size at prediction time without any adjustment.`,
    ),
  ),
  choice(
    'dropout.overfitting-sign',
    t('過学習のサインはどれですか。', 'Which of these is a sign of overfitting?'),
    [
      t('訓練データの損失も、検証データの損失も下がり続ける', 'The loss keeps falling on both the training split and the validation split'),
      t('訓練データの損失は下がり続けるのに、検証データの損失が上がり始める', 'The loss on the training split keeps falling while the loss on the validation split starts to rise'),
      t('検証データの損失が、訓練データの損失より小さい', 'The loss on the validation split is lower than on the training split'),
      t('最初のエポックで損失が大きい', 'The loss is high in the first epoch'),
    ],
    1,
    t(
      'モデルが訓練データの癖や雑音にまで合わせ込むと、訓練データでの成績は良くなり続けるのに、学習に使っていないデータでの成績が落ちます。検証データの損失が上がり始めたら過学習を疑います。',
      'A model that adapts to the quirks and noise of the training split keeps improving there while it gets worse on data it was not trained on. A validation loss that starts to rise is the sign.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-7 Dense layers and softmax

/** The lesson's logits, and the shift it adds to them. */
const LOGITS = [2, 1, 0];
const SHIFT = 10;
const probabilities = softmax(LOGITS);
const y1 = Number(at(probabilities, 0).toFixed(3));
const shifted = softmax(LOGITS.map((z) => z + SHIFT));
must(shifted.every((p, i) => Math.abs(p - at(probabilities, i)) < 1e-12), 'softmax ignores a common shift');
const exps = LOGITS.map((z) => Math.exp(z));
const expSum = exps.reduce((a, b) => a + b, 0);
const approx = (x: number, digits: number) => (Number(x.toFixed(digits)) === x ? `= ${v(x)}` : `≈ ${fixedValue(x, digits)}`);
const expTerms = LOGITS.map((z, i) => `e${superscript(z)} ${approx(at(exps, i), 3)}`);
const pair = twoClass(at(LOGITS, 0), at(LOGITS, 1));
must(Math.abs(pair.p1 - pair.sigmoid) < 1e-12 && Math.abs(pair.p1 - sigmoid(at(LOGITS, 0))) > 0.01, 'two-class softmax is the sigmoid of the difference');
must(dense.params / total > 0.4 && dense.params / total < 0.5, 'the dense layer holds nearly half of the parameters');

const denseSoftmax: readonly Question[] = [
  number(
    'dense-softmax.params',
    t(
      `全結合層は ${v(flatUnits)} 個の入力を、${classes} 個の出力すべてにつなぎます。重みとバイアスを合わせたパラメータは何個ですか。`,
      `The dense layer connects ${v(flatUnits)} inputs to each of ${classes} outputs. How many parameters (weights and biases) does it have?`,
    ),
    dense.params,
    0,
    t(
      `出力 1 つにつき入力と同じ ${v(flatUnits)} 個の重みとバイアス 1 個があるので、${v(flatUnits)} × ${classes} + ${classes} = ${v(dense.params)} 個です。重みを使い回さないので、この 1 層でモデル全体 ${v(total)} 個の半分近くを占めます。`,
      `Each output has one weight per input plus one bias: ${v(flatUnits)} × ${classes} + ${classes} = ${v(dense.params)}. A dense layer does not reuse its weights, so this one layer holds nearly half of the model's ${v(total)} parameters.`,
    ),
    COUNT,
  ),
  number(
    'dense-softmax.y1',
    t(
      `ロジット z = ${tuple(LOGITS)} をソフトマックス関数に通すと、1 つ目の出力 y₁ はいくつですか（小数第3位まで）。`,
      `Softmax is applied to the logits z = ${tuple(LOGITS)}. What is the first output y₁, to 3 decimal places?`,
    ),
    y1,
    0.001,
    t(
      `${expTerms.join('、')} で、合計は約 ${fixedValue(expSum, 3)} です。y₁ = ${fixedValue(at(exps, 0), 3)} ÷ ${fixedValue(expSum, 3)} ≈ ${v(y1)} になります。`,
      `${expTerms.join(', ')} add up to about ${fixedValue(expSum, 3)}, so y₁ = ${fixedValue(at(exps, 0), 3)} ÷ ${fixedValue(expSum, 3)} ≈ ${v(y1)}.`,
    ),
  ),
  choice(
    'dense-softmax.shift',
    t(`すべてのロジットに同じ数 ${SHIFT} を足すと、ソフトマックスの出力（確率）はどうなりますか。`, `What happens to the softmax outputs (the probabilities) when the same number, ${SHIFT}, is added to every logit?`),
    [
      t('どれも大きくなる', 'They all grow'),
      t('一番大きいものだけが大きくなる', 'Only the largest one grows'),
      t('まったく変わらない', 'They do not change at all'),
      t('合計が 1 より大きくなる', 'They add up to more than 1'),
    ],
    2,
    t(
      `exp(zₖ + c) = eᶜ exp(zₖ) なので、分子と分母の eᶜ が打ち消し合います。ソフトマックスが見ているのはロジットの差だけで、${tuple(LOGITS.map((z) => z + SHIFT))} の確率は ${tuple(LOGITS)} と同じです。`,
      `exp(zₖ + c) = eᶜ exp(zₖ), and the factor eᶜ cancels between numerator and denominator. Softmax looks only at the differences between the logits, so ${tuple(LOGITS.map((z) => z + SHIFT))} gives the same probabilities as ${tuple(LOGITS)}.`,
    ),
  ),
  choice(
    'dense-softmax.two-outputs',
    t('出力が 2 つ（ロジット z₁, z₂）のとき、ソフトマックスの y₁ と一致するのはどれですか。', "With two outputs (logits z₁ and z₂), which expression equals softmax's y₁?"),
    [t('σ(z₁)', 'σ(z₁)'), t('z₁ / (z₁ + z₂)', 'z₁ / (z₁ + z₂)'), t('σ(z₁) / (σ(z₁) + σ(z₂))', 'σ(z₁) / (σ(z₁) + σ(z₂))'), t('σ(z₁ − z₂)', 'σ(z₁ − z₂)')],
    3,
    t(
      `y₁ = exp(z₁) / (exp(z₁) + exp(z₂)) の分子と分母を exp(z₁) で割ると、1 / (1 + exp(−(z₁ − z₂))) = σ(z₁ − z₂) になります。各ロジットではなく 2 つのロジットの差にシグモイドをかけたもので、たとえば z = ${tuple(LOGITS.slice(0, 2))} ならどちらも約 ${fixedValue(pair.p1, 3)} です。`,
      `Dividing the numerator and the denominator of y₁ = exp(z₁) / (exp(z₁) + exp(z₂)) by exp(z₁) gives 1 / (1 + exp(−(z₁ − z₂))) = σ(z₁ − z₂): the sigmoid of the difference, not of each logit. For z = ${tuple(LOGITS.slice(0, 2))}, for example, both are about ${fixedValue(pair.p1, 3)}.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-8 Setting up training: loss, optimizer and metrics

const unsure = preset('unsure', LABEL);
const unsureY = at(unsure, LABEL);
const unsureLoss = crossEntropy(unsure, LABEL);
must(unsureLoss.ok, 'the unsure prediction has a loss');
const ce = Number(unsureLoss.loss.toFixed(3));
const firstTry = tryEquations(EQUATIONS_START.x, EQUATIONS_START.y);
const equation = (q: { a: number; b: number; c: number }) => `${v(q.a)}x + ${v(q.b)}y = ${v(q.c)}`;
const [eq1, eq2] = SYSTEM.map(equation);
const tryText = `x = ${v(EQUATIONS_START.x)}、y = ${v(EQUATIONS_START.y)}`;
const tryTextEn = `x = ${v(EQUATIONS_START.x)}, y = ${v(EQUATIONS_START.y)}`;

const compile: readonly Question[] = [
  number(
    'compile.cross-entropy',
    t(
      `正解が ${LABEL} の画像で、モデルが ${LABEL} に確率 ${v(unsureY)} を割り当てました。交差エントロピーの損失 L = −log y${subscript(LABEL)} はいくつですか（自然対数、小数第3位まで）。`,
      `The model gives the correct digit, ${LABEL}, the probability ${v(unsureY)}. What is the loss L = −log y${subscript(LABEL)} (natural log, 3 decimals)?`,
    ),
    ce,
    0.001,
    t(
      `正解がワンホット表現なので、和の中で残るのは正解の項だけで、L = −log ${v(unsureY)} ≈ ${v(ce)} です。正解の確率が 1 なら 0 で、0 に近づくほど損失は限りなく大きくなります。`,
      `With a one-hot answer, only the correct digit's term of the cross-entropy remains: L = −log ${v(unsureY)} ≈ ${v(ce)}. It is 0 when that probability is 1 and grows without limit as it approaches 0.`,
    ),
  ),
  choice(
    'compile.optimizer',
    t('model.compile の optimizer="adam" が決めることはどれですか。', 'What does optimizer="adam" in model.compile decide?'),
    [
      t('予測と正解のずれを何で測るか', 'How to measure how far the predictions are from the correct answers'),
      t('学習の様子を何で測って表示するか', 'What to measure and report while training runs'),
      t('損失を小さくするために、パラメータをどう動かすか', 'How to move the parameters to make the loss smaller'),
      t('学習を何エポック行うか', 'How many epochs to train for'),
    ],
    2,
    t(
      `optimizer は最適化手法、つまり損失をどうやって小さくするかを決めます。Adam は勾配降下法に、モメンタムとパラメータごとの歩幅の自動調整を加えたもので、Keras の既定の学習率は ${v(ADAM_DEFAULTS.learningRate)} です。何を小さくするかは loss、何を表示するかは metrics が決めます。`,
      `The optimizer decides how to make the loss smaller. Adam is gradient descent with momentum and automatic step sizes for each parameter (Keras's default learning rate is ${v(ADAM_DEFAULTS.learningRate)}); what to make small is set by loss, and what to report by metrics.`,
    ),
  ),
  choice(
    'compile.accuracy-not-loss',
    t('学習が正解率を直接大きくしようとせず、交差エントロピーを小さくするのはなぜですか。', 'Why does training make the cross-entropy smaller instead of raising the accuracy directly?'),
    [
      t('正解率はとびとびにしか変わらず、パラメータをどちらへ動かせばよいかを教えてくれないから', 'Accuracy changes only in jumps, so it cannot tell which way to move the parameters'),
      t('正解率は計算に時間がかかるから', 'Accuracy takes too long to compute'),
      t('正解率は検証データでしか測れないから', 'Accuracy can only be measured on the validation split'),
    ],
    0,
    t(
      'パラメータを少し動かしただけでは、一番確率の高い数字はめったに入れ替わらないので、正解率は変わりません。なめらかに変化する交差エントロピーを小さくし、その結果として正解率が上がるのを確かめます。',
      'Moving the parameters a little hardly ever changes which digit gets the highest probability, so the accuracy does not move. Training makes the smoothly changing cross-entropy smaller and checks that the accuracy goes up as a result.',
    ),
  ),
  number(
    'compile.equations',
    t(`連立方程式 ${eq1}、${eq2} に ${tryText} を入れたとき、ずれの二乗和 E はいくつですか。`, `Put ${tryTextEn} into ${eq1} and ${eq2}. What is E, the sum of the squared errors?`),
    firstTry.squared,
    0,
    t(
      `左辺は ${list(firstTry.lhs)} で、右辺とのずれは ${list(firstTry.errors)} なので、E = ${firstTry.errors.map(squared).join(' + ')} = ${v(firstTry.squared)} です。E は損失関数そのもので、値を試して E を 0 に近づけるのは学習と同じ作業です。`,
      `The left-hand sides are ${firstTry.lhs.map(v).join(' and ')}, off by ${firstTry.errors.map(v).join(' and ')}, so E = ${firstTry.errors.map(squared).join(' + ')} = ${v(firstTry.squared)}. E is a loss function, and trying values to bring it down to 0 is exactly what training does.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-9 Gradient descent

const curve = LESSON_CURVE;
must(curve.a === 1, 'the lesson curve is (w − w*)²');
/** The lesson's worked example: η = 0.1 from w = 0. */
const LR = DESCENT_EXAMPLE.lr;
const W0 = DESCENT_EXAMPLE.w0;
const w1 = clean(at(descend1d(curve, W0, LR, 1), 1));
const grad0 = gradientAt(curve, W0);
const curvature = curvatureOf(curve);
const threshold = divergenceThreshold(curve);
const lossText = `L(w) = (w − ${v(curve.wStar)})²`;
const paren = (x: number) => (x < 0 ? `(${v(x)})` : v(x));

const gradientDescent: readonly Question[] = [
  number(
    'gradient-descent.first-step',
    t(
      `損失 ${lossText} で、学習率 η = ${v(LR)}、初期値 w = ${v(W0)} から勾配降下法で 1 回更新すると、w はいくつになりますか。`,
      `The loss is ${lossText}. After one step of gradient descent with learning rate η = ${v(LR)} from w = ${v(W0)}, what is w?`,
    ),
    w1,
    0.001,
    t(
      `勾配は ${v(curvature)}(w − ${v(curve.wStar)}) = ${v(grad0)} なので、w ← ${v(W0)} − ${v(LR)} × ${paren(grad0)} = ${v(w1)} です。勾配が負なので w は増え、谷底の ${v(curve.wStar)} に近づきます。`,
      `The gradient is ${v(curvature)}(w − ${v(curve.wStar)}) = ${v(grad0)}, so w ← ${v(W0)} − ${v(LR)} × ${paren(grad0)} = ${v(w1)}. The gradient is negative, so w increases, toward the bottom of the valley at ${v(curve.wStar)}.`,
    ),
  ),
  number(
    'gradient-descent.threshold',
    t(`${lossText} で勾配降下法が発散するのは、学習率 η がいくつを超えたときですか。`, `For ${lossText}, above which learning rate η does gradient descent diverge?`),
    threshold,
    0,
    t(
      `1 回の更新で w − ${v(curve.wStar)} は (1 − ${v(curvature)}η) 倍になり、その大きさが 1 を超えると谷底から遠ざかります。境目は η = 2 / L″ = 2 / ${v(curvature)} = ${v(threshold)} です。`,
      `Each update multiplies w − ${v(curve.wStar)} by (1 − ${v(curvature)}η), and once its size exceeds 1 the point moves away from the bottom. The boundary is η = 2 / L″ = 2 / ${v(curvature)} = ${v(threshold)}.`,
    ),
  ),
  choice(
    'gradient-descent.direction',
    t('勾配降下法では、パラメータをどちらへ動かしますか。', 'In gradient descent, which way are the parameters moved?'),
    [
      t('勾配が指す向き', 'In the direction the gradient points'),
      t('勾配と逆の向き', 'Against the gradient'),
      t('勾配と直角の向き', 'At right angles to the gradient'),
      t('ランダムな向き', 'In a random direction'),
    ],
    1,
    t(
      '勾配は損失が最も急に増える向きを指します。損失を下げるには、更新式 w ← w − η ∂L/∂w のマイナス記号のとおり、勾配と逆向きに動かします。',
      'The gradient points where the loss increases most steeply. To lower the loss we move against it, as the minus sign in the update w ← w − η ∂L/∂w says.',
    ),
  ),
  numberChoice(
    'gradient-descent.batch',
    t('このコースの学習では、1 回の更新に使う勾配を何枚の画像から求めますか。', "In this course's training, from how many images is the gradient for one update computed?"),
    [MNIST.trainCount, split.train, 1, DECK_FIT.batchSize],
    DECK_FIT.batchSize,
    (x) => t(`${v(x)} 枚`, x === 1 ? '1 image' : `${v(x)} images`),
    t(
      `訓練データ全部ではなく、${DECK_FIT.batchSize} 枚ずつのバッチごとに勾配を求めて更新します。シャッフルした訓練データから取るので、その勾配は全データの勾配をランダムに見積もったものになります（確率的勾配降下法）。`,
      `Not from the whole training split: the gradient is computed from each batch of ${DECK_FIT.batchSize} images, with one update per batch. The batches come from the shuffled training split, so each gradient is a random estimate of the gradient over all the data (stochastic gradient descent).`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-10 Running the training

const fullBatches = plan.batches - 1;
const fullImages = fullBatches * DECK_FIT.batchSize;
must(plan.lastBatchSize < DECK_FIT.batchSize, 'the last batch is smaller');

const training: readonly Question[] = [
  number(
    'training.batches',
    t(`訓練データ ${v(split.train)} 枚を、バッチサイズ ${DECK_FIT.batchSize} で学習します。1 エポックは何バッチですか。`, `The training split of ${v(split.train)} images is trained with a batch size of ${DECK_FIT.batchSize}. How many batches make one epoch?`),
    plan.batches,
    0,
    t(
      `${v(split.train)} ÷ ${DECK_FIT.batchSize} = ${v(plan.exact)} で割り切れないので、余った画像も 1 つのバッチにします。切り上げて ${v(plan.batches)} バッチです。`,
      `${v(split.train)} ÷ ${DECK_FIT.batchSize} = ${v(plan.exact)} does not come out even, so the leftover images form one more batch: rounded up, ${v(plan.batches)} batches.`,
    ),
    t('バッチ', 'batches'),
  ),
  number(
    'training.last-batch',
    t(`訓練データ ${v(split.train)} 枚を ${DECK_FIT.batchSize} 枚ずつのバッチに分けると、最後のバッチは何枚ですか。`, `Split into batches of ${DECK_FIT.batchSize}, how many images does the last batch of the ${v(split.train)}-image training split hold?`),
    plan.lastBatchSize,
    0,
    t(
      `${v(fullBatches)} バッチで ${v(fullBatches)} × ${DECK_FIT.batchSize} = ${v(fullImages)} 枚を使うので、残りは ${v(split.train)} − ${v(fullImages)} = ${v(plan.lastBatchSize)} 枚です。`,
      `${v(fullBatches)} full batches use ${v(fullBatches)} × ${DECK_FIT.batchSize} = ${v(fullImages)} images, which leaves ${v(split.train)} − ${v(fullImages)} = ${v(plan.lastBatchSize)}.`,
    ),
    t('枚', 'images'),
  ),
  numberChoice(
    'training.total-steps',
    t(`バッチサイズ ${DECK_FIT.batchSize}、${DECK_FIT.epochs} エポックの学習で、パラメータは全部で何回更新されますか。`, `With a batch size of ${DECK_FIT.batchSize} and ${DECK_FIT.epochs} epochs, how many times are the parameters updated in all?`),
    [
      steps,
      fullBatches * DECK_FIT.epochs, // the last, smaller batch forgotten
      batching(MNIST.trainCount, DECK_FIT.batchSize).batches * DECK_FIT.epochs, // counted on the whole training set
      plan.batches, // the epochs forgotten
    ],
    steps,
    (x) => t(`${v(x)} 回`, v(x)),
    t(
      `1 バッチごとに 1 回更新するので、1 エポック ${v(plan.batches)} バッチ × ${DECK_FIT.epochs} エポック = ${v(steps)} 回です。学習用データ ${v(MNIST.trainCount)} 枚ではなく、訓練データ ${v(split.train)} 枚から数えます。`,
      `Each batch gives one update: ${v(plan.batches)} batches per epoch × ${DECK_FIT.epochs} epochs = ${v(steps)}. The count starts from the ${v(split.train)} images of the training split, not the ${v(MNIST.trainCount)} of the training set.`,
    ),
  ),
  choice(
    'training.validation-which',
    t(`validation_split=${v(DECK_FIT.validationSplit)} で検証データになるのはどの画像ですか。`, `Which images does validation_split=${v(DECK_FIT.validationSplit)} make the validation split?`),
    [
      t(`学習用データの最初の ${v(split.validation)} 枚`, `The first ${v(split.validation)} images of the training set`),
      t(`エポックごとに無作為に選んだ ${v(split.validation)} 枚`, `${v(split.validation)} images picked at random each epoch`),
      t(`学習用データの最後の ${v(split.validation)} 枚（シャッフルの前に取り分ける）`, `The last ${v(split.validation)} images of the training set, set aside before shuffling`),
      t(`テストデータの ${v(MNIST.testCount)} 枚`, `The ${v(MNIST.testCount)} images of the test set`),
    ],
    2,
    t(
      `Keras は配列の最後の ${validationPercent}、つまり最後の ${v(split.validation)} 枚を検証データにします。シャッフルの前に取り分けるので毎回同じ画像で、シャッフルされるのは訓練データの側だけです。`,
      `Keras takes the last ${validationPercent} of the arrays, the last ${v(split.validation)} images, as the validation split. This happens before shuffling, so it is the same images every time; only the training split is shuffled.`,
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 3-11 Evaluating on the test set

/** The lesson's small confusion matrix: 10 images each of 4, 7 and 9 (rows: true digit). */
const EXAMPLE_DIGITS = [4, 7, 9];
const EXAMPLE_CONFUSION = [
  [9, 0, 1],
  [0, 8, 2],
  [2, 1, 7],
];
const perDigit = rowTotals(EXAMPLE_CONFUSION);
must(perDigit.every((n) => n === at(perDigit, 0)), 'the example has as many images of each digit');
const right = correctCount(EXAMPLE_CONFUSION);
const judged = confusionTotal(EXAMPLE_CONFUSION);
const accuracy = right / judged;
const diagonal = EXAMPLE_CONFUSION.map((row, i) => at(row, i));
const matrixRows = EXAMPLE_CONFUSION.map(tuple).join(', ');

const evaluate: readonly Question[] = [
  number(
    'evaluate.accuracy',
    t(
      `${EXAMPLE_DIGITS.join('・')} を ${at(perDigit, 0)} 枚ずつ判定した混同行列の行（正解ごと）が ${matrixRows} です。正解率はいくつですか（0〜1 の小数）。`,
      `Confusion matrix rows (true ${EXAMPLE_DIGITS.join(', ')}; ${at(perDigit, 0)} images each): ${matrixRows}. What is the accuracy (a decimal)?`,
    ),
    accuracy,
    0.001,
    t(
      `正しく判定できたのは対角線の ${diagonal.join(' + ')} = ${right} 枚なので、正解率は ${right} / ${judged} = ${v(accuracy)} です。対角線以外のマスが間違いです。`,
      `The diagonal holds the images classified correctly, ${diagonal.join(' + ')} = ${right}, so the accuracy is ${right} / ${judged} = ${v(accuracy)}. Every cell off the diagonal is a mistake.`,
    ),
  ),
  number(
    'evaluate.cells-total',
    t(`本物のモデルの ${MNIST.classes} 行 ${MNIST.classes} 列の混同行列で、全マスの値を合計するといくつですか。`, `What do all the cells of the real model's ${MNIST.classes} × ${MNIST.classes} confusion matrix add up to?`),
    MNIST.testCount,
    0,
    t(
      `各マスはその組み合わせになったテスト画像の枚数なので、合計はテストデータの枚数 ${v(MNIST.testCount)} です。対角線の合計をこの枚数で割ると、テスト正解率になります。`,
      `Each cell counts the test images with that combination, so the total is the size of the test set, ${v(MNIST.testCount)}. The diagonal's sum divided by it is the test accuracy.`,
    ),
    t('枚', 'images'),
  ),
  choice(
    'evaluate.score',
    t('score = model.evaluate(x_test, y_test, verbose=0) の score[1] は何ですか。', 'In score = model.evaluate(x_test, y_test, verbose=0), what is score[1]?'),
    [
      t('テストデータでの損失', 'The loss on the test set'),
      t('テストデータでの正解率', 'The accuracy on the test set'),
      t('検証データでの正解率', 'The accuracy on the validation split'),
      t('間違えた画像の枚数', 'The number of misclassified images'),
    ],
    1,
    t(
      '結果のリストは先頭がいつも損失で、そのあとに compile の metrics に書いた指標が続きます。このプログラムの指標は正解率 1 つだけなので、score[0] が損失、score[1] が正解率です。',
      'The list always starts with the loss, followed by the metrics named in compile. This program\'s only metric is accuracy, so score[0] is the loss and score[1] the accuracy.',
    ),
  ),
  choice(
    'evaluate.no-update',
    t('model.evaluate を実行しているあいだ、パラメータとドロップアウトはどうなっていますか。', 'While model.evaluate runs, what happens to the parameters and to dropout?'),
    [
      t('パラメータを更新し、ドロップアウトも働く', 'The parameters are updated and dropout is active'),
      t('パラメータは更新しないが、ドロップアウトは働く', 'The parameters are not updated, but dropout is active'),
      t('パラメータを更新するが、ドロップアウトは働かない', 'The parameters are updated, but dropout is off'),
      t('パラメータは更新せず、ドロップアウトも働かない', 'The parameters are not updated and dropout is off'),
    ],
    3,
    t(
      '評価は答え合わせだけで、パラメータは一切更新しません。ドロップアウトも学習中だけ働くので、すべての出力を使って判定します。',
      'Evaluation only checks answers: no parameter is updated. Dropout acts only in training, so every output takes part in the prediction.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// 4 Recognizing digits drawn with the mouse

/** The lesson's centre-of-mass example: three pixels in a row. */
const INK = [0, 1, 3];
const centre = centreOfMass({ data: Float32Array.from(INK), width: INK.length, height: 1 });
must(centre !== null, 'the example has ink');
const moment = INK.reduce((s, ink, x) => s + x * ink, 0);
const mass = INK.reduce((a, b) => a + b, 0);
const xs = INK.map((_, x) => x);

const draw: readonly Question[] = [
  number(
    'draw.centre',
    t(
      `横一列に並んだ ${INK.length} つのピクセル x = ${list(xs)} のインクの量が ${list(INK)} です。重心の x 座標はいくつですか。`,
      `Pixels in a row at x = ${list(xs)} hold the ink amounts ${list(INK)}. What is the x coordinate of the center of mass?`,
    ),
    centre.x,
    0.01,
    t(
      `インクの量を重みにした座標の平均なので、(${INK.map((ink, x) => `${x}·${ink}`).join(' + ')}) ÷ (${INK.join(' + ')}) = ${moment} ÷ ${mass} = ${v(centre.x)} です。重心はインクの多い側へ引き寄せられます。`,
      `It is the average of the coordinates weighted by the ink: (${INK.map((ink, x) => `${x}·${ink}`).join(' + ')}) ÷ (${INK.join(' + ')}) = ${moment} ÷ ${mass} = ${v(centre.x)}, pulled toward the inkier side.`,
    ),
  ),
  choice(
    'draw.invert',
    t('書いた絵を整えるとき、最初に明るさを反転してインクの量にするのはなぜですか。', 'When your drawing is prepared, why is its brightness first inverted into amounts of ink?'),
    [
      t('画像のデータを小さくするため', 'To make the image data smaller'),
      t('線を太くするため', 'To make the strokes thicker'),
      t('MNIST の値に合わせるため。反転しないと重心が余白の真ん中に引っ張られる', "To match MNIST's values; otherwise the center of mass would be pulled into the blank space"),
      t('ソフトマックス関数の計算を速くするため', 'To speed up the softmax'),
    ],
    2,
    t(
      'キャンバスは白い紙が最大、黒いインクが 0 に近い値ですが、MNIST の値はその逆のインクの量です。反転前の明るさを重みにすると、重みが大きいのは白い紙のほうなので、重心が数字ではなく余白の真ん中に引っ張られてしまいます。',
      'On the canvas the white paper is brightest and the black ink close to 0, while MNIST stores the opposite, amounts of ink. With brightness as the weight the paper would weigh most, and the center of mass would land in the middle of the blank space instead of on the digit.',
    ),
  ),
  choice(
    'draw.principle',
    t('書いた数字をモデルに渡す前に、MNIST の作り方どおりに整えるのはなぜですか。', 'Why is your digit prepared the way MNIST was made before it goes to the model?'),
    [
      t('モデルが知っているのは、学習に使った MNIST のような画像だけだから', 'The model only knows images like the MNIST ones it was trained on'),
      t('MNIST の画像のほうが画質がよいから', 'MNIST images have better quality'),
      t('整えないとモデルのパラメータが変わってしまうから', "Otherwise the model's parameters would change"),
      t('最大プーリング層が、どんな大きさの違いも吸収できるから', 'Max pooling can absorb any difference in size'),
    ],
    0,
    t(
      '判定するときの入力は、学習に使ったデータと同じ手順で作るのが機械学習の大切な原則です。隅に小さく書かれた数字のような、学習で一度も見たことのない画像は、最大プーリングでも吸収できません。',
      'An important principle of machine learning is to build the input at prediction time by the same procedure as the training data. A digit tucked small into a corner, unlike anything seen in training, is more than max pooling can absorb.',
    ),
  ),
  choice(
    'draw.forgetting',
    t(
      `自分の手書きを学ばせるとき、1 ステップごとに手書き ${FINE_TUNE_DEFAULTS.personalPerBatch} 枚と MNIST の学習用データ ${FINE_TUNE_DEFAULTS.mnistPerBatch} 枚を混ぜるのはなぜですか。`,
      `When the model learns your handwriting, why does every step mix ${FINE_TUNE_DEFAULTS.personalPerBatch} of your drawings with ${FINE_TUNE_DEFAULTS.mnistPerBatch} MNIST training images?`,
    ),
    [
      t('手書きの枚数が少なく、1 つのミニバッチが埋まらないから', 'There are too few drawings to fill a mini-batch'),
      t('手書きだけで学習すると、MNIST の数字の読み方を急に忘れてしまうから', 'Trained on your drawings alone, it would suddenly forget how to read MNIST'),
      t('MNIST の画像を混ぜると学習率が小さくなるから', 'Mixing in MNIST images lowers the learning rate'),
      t('手書きの画像は 28×28 ではないから', 'Your drawings are not 28×28'),
    ],
    1,
    t(
      '新しい例だけで学習すると、ネットワークはそれに合わせることばかり進め、それまでできていたことを忘れてしまいます（破滅的忘却）。毎回 MNIST の画像を混ぜれば、新しい書き方を覚えながら、MNIST の読み方も保てます。手書きの絵はモデルに渡したのと同じ 28×28 の画像です。',
      'Trained on new examples alone, a network bends itself to them and forgets what it could do before (catastrophic forgetting). Mixing MNIST images into every step lets it learn the new hand while keeping MNIST. Your drawings are the same 28×28 images the model was given.',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------

/** Every lesson's questions, in the order the lesson shows them. */
export const EXERCISES: Readonly<Record<LessonSlug, readonly Question[]>> = {
  regression,
  perceptron,
  activations,
  network,
  learning,
  'colab-mnist': colabMnist,
  program,
  cnn,
  convolution,
  pooling,
  flatten,
  dropout,
  'dense-softmax': denseSoftmax,
  compile,
  'gradient-descent': gradientDescent,
  training,
  evaluate,
  draw,
};

/** Every question of the bank, lesson by lesson. */
export const ALL_QUESTIONS: readonly Question[] = Object.values(EXERCISES).flat();
