import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_QUESTIONS, EXERCISES } from '../../src/lib/exercises/bank.ts';
import { answerText, grade, parseNumberAnswer } from '../../src/lib/exercises/grade.ts';
import { lessonProgress, withAnswer, EMPTY_PROGRESS } from '../../src/lib/progress.ts';
import { questionIds } from '../../src/site/progress-marks.ts';
import { fixedValue, formatValue, subscript, superscript } from '../../src/lib/exercises/format.ts';
import { LESSON_SLUGS, type Choice, type NumberQuestion, type Question, type Text } from '../../src/lib/exercises/types.ts';
import { checkStrings, formatFinding, type UiString } from '../../src/lib/terminology.ts';

/** The same test for Japanese as tests/unit/i18n.test.ts (kana, kanji, full-width forms). */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u;
const KANA_KANJI = '\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}\\u30FC';

function question(id: string): Question {
  const q = ALL_QUESTIONS.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}
function numberQuestion(id: string): NumberQuestion {
  const q = question(id);
  if (q.kind !== 'number') throw new Error(`${id} is not a number question`);
  return q;
}
function choiceQuestion(id: string): Choice {
  const q = question(id);
  if (q.kind !== 'choice') throw new Error(`${id} is not a multiple-choice question`);
  return q;
}

/** Every text of a question, with where it sits. */
function texts(q: Question): [string, Text][] {
  const out: [string, Text][] = [
    [`${q.id}.prompt`, q.prompt],
    [`${q.id}.explanation`, q.explanation],
  ];
  if (q.kind === 'choice') q.options.forEach((o, i) => out.push([`${q.id}.options[${i}]`, o]));
  else if (q.unit) out.push([`${q.id}.unit`, q.unit]);
  return out;
}
const allTexts = ALL_QUESTIONS.flatMap(texts);

/** The lessons as the content has them: slug, chapter and order from each file's front matter. */
function lessonsIn(dir: string) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .map((name) => {
      const source = readFileSync(`${dir}/${name}`, 'utf8');
      const field = (f: string) => Number(new RegExp(`^${f}:\\s*(\\d+)`, 'mu').exec(source)?.[1]);
      return { slug: name.replace(/\.mdx$/u, ''), chapter: field('chapter'), order: field('order') };
    });
}

describe('the exercise bank covers every lesson', () => {
  const lessons = lessonsIn('content/lessons');

  it('knows the lessons of both editions, in course order', () => {
    const bySlug = (a: string, b: string) => a.localeCompare(b);
    expect([...LESSON_SLUGS].sort(bySlug)).toEqual(lessons.map((l) => l.slug).sort(bySlug));
    expect([...LESSON_SLUGS].sort(bySlug)).toEqual(lessonsIn('content/en/lessons').map((l) => l.slug).sort(bySlug));
    expect([...LESSON_SLUGS]).toEqual([...lessons].sort((a, b) => a.order - b.order).map((l) => l.slug));
    expect(Object.keys(EXERCISES)).toEqual([...LESSON_SLUGS]);
  });

  it('gives every lesson of every chapter of content/chapters.json two to four questions, of both kinds', () => {
    const chapters = JSON.parse(readFileSync('content/chapters.json', 'utf8')) as { number: number }[];
    for (const chapter of chapters) {
      const inChapter = lessons.filter((l) => l.chapter === chapter.number);
      expect(inChapter.length, `chapter ${chapter.number}`).toBeGreaterThan(0);
      for (const { slug } of inChapter) {
        const questions = EXERCISES[slug as keyof typeof EXERCISES];
        expect(questions.length, slug).toBeGreaterThanOrEqual(2);
        expect(questions.length, slug).toBeLessThanOrEqual(4);
        expect(questions.some((q) => q.kind === 'number'), `${slug} has a number question`).toBe(true);
        expect(questions.some((q) => q.kind === 'choice'), `${slug} has a multiple-choice question`).toBe(true);
      }
    }
    expect(lessons.every((l) => chapters.some((c) => c.number === l.chapter))).toBe(true);
  });

  it('has stable, unique ids named after their lesson', () => {
    const ids = ALL_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const slug of LESSON_SLUGS) {
      for (const q of EXERCISES[slug]) expect(q.id, q.id).toMatch(new RegExp(`^${slug}\\.[a-z0-9]+(?:-[a-z0-9]+)*$`, 'u'));
    }
  });
});

describe('every question is well formed', () => {
  it('multiple choice: three or four distinct options, the right one in range', () => {
    for (const q of ALL_QUESTIONS) {
      if (q.kind !== 'choice') continue;
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.options.length, q.id).toBeLessThanOrEqual(4);
      expect(Number.isInteger(q.correct) && q.correct >= 0 && q.correct < q.options.length, q.id).toBe(true);
      expect(new Set(q.options.map((o) => o.ja)).size, `${q.id} ja`).toBe(q.options.length);
      expect(new Set(q.options.map((o) => o.en)).size, `${q.id} en`).toBe(q.options.length);
    }
  });

  it('multiple choice: the right answer is not always in the same place', () => {
    const choices = ALL_QUESTIONS.filter((q): q is Choice => q.kind === 'choice');
    const perIndex = [0, 1, 2, 3].map((i) => choices.filter((q) => q.correct === i).length);
    for (const n of perIndex) expect(n, `right answers per position: ${perIndex.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(Math.max(...perIndex) / choices.length).toBeLessThanOrEqual(0.4);
  });

  it('number questions: a finite answer, a tolerance of 0 for whole numbers, the answer stated in the explanation', () => {
    for (const q of ALL_QUESTIONS) {
      if (q.kind !== 'number') continue;
      expect(Number.isFinite(q.answer), q.id).toBe(true);
      expect(q.tolerance >= 0 && Number.isFinite(q.tolerance), q.id).toBe(true);
      if (Number.isInteger(q.answer)) expect(q.tolerance, q.id).toBe(0);
      else expect(q.tolerance, q.id).toBeGreaterThan(0);
      expect(q.explanation.ja, q.id).toContain(answerText(q));
      expect(q.explanation.en, q.id).toContain(answerText(q));
    }
  });

  it('has both editions of every text, short prompts, and no TeX', () => {
    for (const [where, text] of allTexts) {
      expect(text.ja.trim(), where).not.toBe('');
      expect(text.en.trim(), where).not.toBe('');
      for (const s of [text.ja, text.en]) {
        expect(s, where).not.toMatch(/[$\\]/u);
        expect(s, where).toBe(s.trim());
      }
    }
    const long = ALL_QUESTIONS.flatMap((q) => (['ja', 'en'] as const).filter((l) => q.prompt[l].length > 120).map((l) => `${q.id} ${l}: ${q.prompt[l].length}`));
    expect(long, 'prompts over 120 characters').toEqual([]);
    for (const q of ALL_QUESTIONS) {
      expect(q.prompt.ja, q.id).toMatch(JAPANESE);
      expect(q.explanation.ja, q.id).toMatch(JAPANESE);
    }
  });

  it('has no Japanese in the English texts', () => {
    expect(allTexts.filter(([, text]) => JAPANESE.test(text.en)).map(([where, text]) => `${where}: ${text.en}`)).toEqual([]);
  });

  it('speaks in the course voice in Japanese (src/lib/terminology.ts)', () => {
    // The check reads these strings as it reads src/i18n/ja.ts: a slip would be found.
    expect(checkStrings('x', [{ line: 1, text: '2つの画素', holes: [] }]).map((f) => f.rule)).toEqual(['pixel', 'counter-space']);
    const strings: UiString[] = allTexts.map(([, text], i) => ({ line: i + 1, text: text.ja, holes: [] }));
    const findings = checkStrings('exercises', strings).map((f) => {
      const [where] = allTexts[f.line - 1] ?? ['?'];
      return formatFinding({ ...f, file: where });
    });
    expect(findings).toEqual([]);
  });

  it('sets half-width numbers and words off from Japanese with a space (「2 つ」「MNIST の」), except after 第 (第1章)', () => {
    const stuck = new RegExp(`(?<!第)[${KANA_KANJI}][0-9A-Za-z]|[0-9A-Za-z][${KANA_KANJI}]`, 'u');
    expect(allTexts.filter(([, text]) => stuck.test(text.ja.replace(/第\d+/gu, '第'))).map(([where, text]) => `${where}: ${text.ja}`)).toEqual([]);
  });
});

/** 28 → conv 3×3 → 26 → pool 2×2 → 13 → conv → 11 → pool → 5. */
const POOL2_SIDE = Math.floor((Math.floor((28 - 3 + 1) / 2) - 3 + 1) / 2);

describe('answers that code computes agree with references worked out by hand', () => {
  /** Each number question's answer, worked out here independently of the course's modules. */
  const EXPECTED: Record<string, number> = {
    'regression.start-qt': (2 - 2) ** 2 + (3 - 3) ** 2 + (5 - 4) ** 2 + (6 - 5) ** 2, // y = x + 1 on (1,2) (2,3) (3,5) (4,6)
    'regression.slope': 7 / 5,
    'perceptron.heavier-weight': 1 * 1 + 2 * 1 + 3 * 2,
    'activations.sigmoid-zero': 1 / (1 + Math.exp(0)),
    'network.z1-circle': 4 * 0 - 2,
    'network.hidden-params': (9 + 1) * 3,
    'learning.params': (9 + 1) * 3 + (3 + 1) * 2,
    'learning.squared-error': (0.8 - 1) ** 2 + (0.1 - 0) ** 2,
    'colab-mnist.pixels': 28 * 28,
    'program.scale': 51 / 255,
    'cnn.total': 34826, // Keras's model.summary(): "Total params: 34,826"
    'convolution.edge': 3 * (-1 * 0 + 0 * 1 + 1 * 1) + 0,
    'convolution.conv1-params': 3 * 3 * 1 * 32 + 32,
    'pooling.deck-example': Math.max(2, 1, 0, 1),
    'pooling.odd-side': Math.floor(11 / 2),
    'flatten.units': 5 * 5 * 64,
    'flatten.index': (1 * 5 + 2) * 64 + 3,
    'dropout.scale': 1 / (1 - 0.5),
    'dropout.example': 0.8 * 2 + 0.4 * 2,
    'dense-softmax.params': 1600 * 10 + 10,
    'dense-softmax.y1': Math.exp(2) / (Math.exp(2) + Math.exp(1) + Math.exp(0)),
    'compile.cross-entropy': -Math.log(0.5),
    'compile.equations': (13 - (3 * 2 + 2 * 2)) ** 2 + (21 - (5 * 2 + 3 * 2)) ** 2,
    'gradient-descent.first-step': 0 - 0.1 * 2 * (0 - 3),
    'gradient-descent.threshold': 2 / 2,
    'training.batches': Math.ceil(54000 / 128), // Keras's progress bar: 422/422
    'training.last-batch': 54000 - 421 * 128,
    'evaluate.accuracy': (9 + 8 + 7) / 30,
    'evaluate.cells-total': 10000,
    'draw.centre': (0 * 0 + 1 * 1 + 2 * 3) / (0 + 1 + 3),
  };

  it('has a reference for every number question', () => {
    const numberIds = ALL_QUESTIONS.filter((q) => q.kind === 'number').map((q) => q.id);
    expect(numberIds.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s matches its reference', (id, expected) => {
    const q = numberQuestion(id);
    expect(Math.abs(q.answer - expected), `${id}: ${q.answer}`).toBeLessThanOrEqual(q.tolerance + 1e-12);
    expect(grade(q, expected).correct).toBe(true);
    expect(grade(q, String(expected)).correct).toBe(true);
  });

  it('states the deck CNN figures of Keras (3*3*32*64+64, 34,826, 54,000/128 → 422)', () => {
    expect(numberQuestion('cnn.total').answer).toBe(34826);
    expect(answerText(numberQuestion('cnn.total'))).toBe('34,826');
    expect(numberQuestion('training.batches').answer).toBe(422);
    const conv2 = choiceQuestion('cnn.conv2-params');
    expect(conv2.options[conv2.correct]?.en).toBe((3 * 3 * 32 * 64 + 64).toLocaleString('en-US'));
    // The wrong options are the right one after a mistake: the biases forgotten.
    expect(conv2.options.map((o) => o.en)).toContain((3 * 3 * 32 * 64).toLocaleString('en-US'));
    expect(numberQuestion('cnn.total').explanation.en).toContain('320 + 18,496 + 16,010 = 34,826');
    expect(choiceQuestion('convolution.sharing').prompt.en).toContain(((28 * 28 + 1) * 26 * 26 * 32).toLocaleString('en-US'));
  });

  it.each([
    ['perceptron.raised-theta', '0'],
    ['perceptron.and', 'θ = 1.5'],
    ['activations.three-functions', 'step 0, sigmoid about 0.269, ReLU 0'],
    ['network.cross-decision', 'It decides ×'],
    ['program.one-hot', '(0, 0, 1, 0, 0, 0, 0, 0, 0, 0)'],
    ['program.channel-axis', '(28, 28, 1)'],
    ['cnn.pool2-shape', `${POOL2_SIDE}×${POOL2_SIDE}×64`],
    ['convolution.relu', '0'],
    ['pooling.params', '0'],
    ['flatten.fastest', 'The channel k'],
    ['gradient-descent.batch', '128 images'],
    ['training.total-steps', (Math.ceil(54000 / 128) * 15).toLocaleString('en-US')],
  ])('%s: the right option says %s', (id, expected) => {
    const q = choiceQuestion(id);
    expect(q.options[q.correct]?.en).toBe(expected);
  });
});

describe('parseNumberAnswer', () => {
  it.each([
    ['１，２３４', 1234],
    ['1,234', 1234],
    ['12,345.5', 12345.5],
    [' 3.5 ', 3.5],
    ['\u30003.5\u3000', 3.5],
    ['０．５', 0.5],
    ['.5', 0.5],
    ['-2', -2],
    ['−2', -2],
    ['－２', -2],
    ['+7', 7],
    ['2e-3', 0.002],
    ['34826', 34826],
  ])('reads %j as %d', (input, expected) => {
    expect(parseNumberAnswer(input)).toBe(expected);
  });

  it('reads -0 as 0', () => {
    expect(Object.is(parseNumberAnswer('-0'), 0)).toBe(true);
  });

  it.each(['', '   ', 'abc', '1e999', '-1e999', 'Infinity', '∞', 'NaN', '1,23', '12,34,567', '1.2.3', '3 4', '0x10', '1/2', '3つ', '--2'])('refuses %j', (input) => {
    expect(parseNumberAnswer(input)).toBeNull();
  });
});

describe('grade', () => {
  it('multiple choice: right, wrong, and responses that are not an option', () => {
    const q = choiceQuestion('cnn.conv2-params');
    expect(grade(q, q.correct)).toEqual({ kind: 'choice', correct: true, valid: true, chosen: q.correct, answer: q.correct });
    const wrong = (q.correct + 1) % q.options.length;
    expect(grade(q, wrong)).toEqual({ kind: 'choice', correct: false, valid: true, chosen: wrong, answer: q.correct });
    for (const bad of [-1, q.options.length, 1.5, Number.NaN]) {
      expect(grade(q, bad), String(bad)).toMatchObject({ correct: false, valid: false, chosen: null });
    }
    expect(grade(q as Question, String(q.correct))).toMatchObject({ correct: false, valid: false });
  });

  it('number: exact answers, typed the way a Japanese keyboard types them', () => {
    const q = numberQuestion('cnn.total');
    expect(grade(q, '34,826')).toEqual({ kind: 'number', correct: true, valid: true, value: 34826, answer: 34826, answerText: '34,826' });
    expect(grade(q, '３４８２６').correct).toBe(true);
    expect(grade(q, 34826).correct).toBe(true);
    expect(grade(q, '34825')).toMatchObject({ correct: false, valid: true, value: 34825 });
    expect(grade(q, '34826.5')).toMatchObject({ correct: false, valid: true });
    expect(grade(q, 'たくさん')).toMatchObject({ correct: false, valid: false, value: null });
    expect(grade(q, '')).toMatchObject({ correct: false, valid: false, value: null });
    expect(grade(q, Number.POSITIVE_INFINITY)).toMatchObject({ correct: false, valid: false, value: null });
    const negative = numberQuestion('network.z1-circle');
    expect(answerText(negative)).toBe('−2');
    expect(grade(negative, '-2').correct).toBe(true);
    expect(grade(negative, '−2').correct).toBe(true);
    expect(grade(negative, '2').correct).toBe(false);
  });

  it('number: within the tolerance the prompt asks for', () => {
    const q = numberQuestion('dense-softmax.y1');
    expect(q.answer).toBe(0.665);
    expect(grade(q, '0.665').correct).toBe(true);
    expect(grade(q, '0.6652').correct).toBe(true);
    expect(grade(q, '0.664').correct).toBe(true);
    expect(grade(q, '0.67').correct).toBe(false);
    expect(grade(q, '0.5').correct).toBe(false);
    const scale = numberQuestion('program.scale');
    expect(grade(scale, '0.2').correct).toBe(true);
    expect(grade(scale, '０．２').correct).toBe(true);
    expect(grade(scale, '0.25').correct).toBe(false);
  });
});

describe('a lesson’s score (src/lib/progress.ts, over the bank’s ids)', () => {
  const rightOn = (ids: Iterable<string>) => [...ids].reduce((p, id) => withAnswer(p, id, { right: true, response: '0' }), EMPTY_PROGRESS);
  const lessonScore = (slug: string, ids: Iterable<string>) => {
    const { right, total } = lessonProgress(rightOn(ids), slug, questionIds(slug));
    return { right, total };
  };
  it('counts the right answers of one lesson out of its questions', () => {
    const cnn = EXERCISES.cnn.map((q) => q.id);
    expect(lessonScore('cnn', [])).toEqual({ right: 0, total: cnn.length });
    expect(lessonScore('cnn', [cnn[0] ?? ''])).toEqual({ right: 1, total: cnn.length });
    // Other lessons' ids, unknown ids and repeats do not count.
    expect(lessonScore('cnn', [...cnn, ...cnn, 'training.batches', 'cnn.nope'])).toEqual({ right: cnn.length, total: cnn.length });
    expect(lessonScore('training', new Set(['training.batches']))).toEqual({ right: 1, total: EXERCISES.training.length });
  });
});

describe('how the exercises write numbers', () => {
  it('writes whole numbers exactly, others without float noise, with a true minus sign', () => {
    expect(formatValue(34826)).toBe('34,826');
    expect(formatValue(16981120)).toBe('16,981,120');
    expect(formatValue(0.6000000000000001)).toBe('0.6');
    expect(formatValue(-2)).toBe('−2');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(421.875)).toBe('421.875');
    expect(fixedValue(0.66524, 3)).toBe('0.665');
    expect(subscript(12)).toBe('₁₂');
    expect(superscript(2)).toBe('²');
  });
});
