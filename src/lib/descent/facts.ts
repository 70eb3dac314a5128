/**
 * Numbers lesson 3-9 states about gradient descent, computed from the code the demos run
 * (src/lib/facts.ts spreads these in): the worked example L(w) = (w − 3)² with its steps and
 * learning rates, its divergence threshold 2 / L'', and the 2-D bowl's thresholds. Pure.
 */
import { curvatureOf, descend1d, divergenceThreshold, gradientAt, LESSON_CURVE, lossAt, stepFactor } from './curve.ts';
import { BOWL, MOMENTUM, momentumThreshold, sgdThreshold } from './surface.ts';

const C = LESSON_CURVE;
/** The worked example: η = 0.1 from w = 0, steps 0 to 3 shown, then 20 steps. */
export const EXAMPLE = { lr: 0.1, w0: 0, shownSteps: 3, longRun: 20 } as const;
/** The learning rates of the lesson's table. */
export const EXAMPLE_RATES = [0.01, 0.1, 0.9, 1.1] as const;

/** A number as the lesson prints it: at most `digits` decimals, a real minus sign. */
export function printed(v: number, digits = 6): string {
  const r = Number(v.toFixed(digits));
  const s = String(r === 0 ? 0 : Math.abs(r));
  return r < 0 ? `−${s}` : s;
}

const ws = descend1d(C, EXAMPLE.w0, EXAMPLE.lr, EXAMPLE.longRun);

type StepFactId = `descent.example.${'w' | 'loss' | 'grad'}${0 | 1 | 2 | 3}`;
type RateFactId = `descent.rate${0 | 1 | 2 | 3}.${'lr' | 'factor' | 'w20'}`;

function stepFacts(): Record<StepFactId, string> {
  const out: Record<string, string> = {};
  for (let t = 0; t <= EXAMPLE.shownSteps; t++) {
    const w = ws[t] ?? NaN;
    out[`descent.example.w${t}`] = printed(w);
    out[`descent.example.loss${t}`] = printed(lossAt(C, w), 2);
    out[`descent.example.grad${t}`] = printed(gradientAt(C, w));
  }
  return out;
}

/** Where each example rate has taken w after the long run, in words (Japanese or English). */
const RATE_END_WORDS = {
  ja: { away: '谷から離れていく', about: (w: string) => `約 ${w}` },
  en: { away: 'moves away from the valley', about: (w: string) => `about ${w}` },
} as const;

function rateFacts(words: (typeof RATE_END_WORDS)['ja' | 'en'] = RATE_END_WORDS.ja): Record<RateFactId, string> {
  const out: Record<string, string> = {};
  EXAMPLE_RATES.forEach((lr, i) => {
    const end = descend1d(C, EXAMPLE.w0, lr, EXAMPLE.longRun).at(-1) ?? NaN;
    out[`descent.rate${i}.lr`] = printed(lr);
    out[`descent.rate${i}.factor`] = printed(stepFactor(C, lr));
    out[`descent.rate${i}.w20`] = Math.abs(end - C.wStar) > Math.abs(EXAMPLE.w0 - C.wStar) ? words.away : words.about(printed(end, 2));
  });
  return out;
}

/** The example rates' end points in English words (the English edition's `<Fact>`). */
export const DESCENT_FACTS_EN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(rateFacts(RATE_END_WORDS.en)).filter(([id]) => id.endsWith('.w20')),
);

export const DESCENT_FACTS = {
  'descent.wStar': C.wStar,
  'descent.curvature': curvatureOf(C),
  'descent.threshold': divergenceThreshold(C),
  'descent.example.lr': EXAMPLE.lr,
  'descent.example.factor': printed(stepFactor(C, EXAMPLE.lr)),
  'descent.example.w20': printed(ws[EXAMPLE.longRun] ?? NaN, 2),
  'descent.momentum': MOMENTUM,
  'descent.bowl.cy': BOWL.cy,
  'descent.sgdThreshold': sgdThreshold(BOWL),
  'descent.momentumThreshold': Number(momentumThreshold(BOWL).toFixed(6)),
  ...stepFacts(),
  ...rateFacts(),
} as const;

export const DESCENT_FORMULAS = {
  'descent.threshold': `\\eta \\gt \\frac{2}{L''} = \\frac{2}{${curvatureOf(C)}} = ${divergenceThreshold(C)}`,
  'descent.factor': `w - ${C.wStar} \\;\\leftarrow\\; (1 - ${curvatureOf(C)}\\eta)(w - ${C.wStar})`,
} as const;
