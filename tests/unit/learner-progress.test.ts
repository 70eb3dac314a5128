import { describe, expect, it } from 'vitest';
import {
  courseProgress, EMPTY_PROGRESS, lessonProgress, loadProgress, parseProgress, PROGRESS_KEY, saveProgress, serializeProgress,
  withAnswer, withoutAnswer, withRead,
} from '../../src/lib/progress.ts';
import { progressScript } from '../../src/site/progress-script.ts';
import { questionIds } from '../../src/site/progress-marks.ts';
import { EXERCISES } from '../../src/lib/exercises/bank.ts';
import { attempt, draftFromAnswer, emptyDraft, regrade } from '../../src/lib/exercises/session.ts';
import type { Question } from '../../src/lib/exercises/types.ts';

const memory = () => {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      data.set(k, v);
    },
    data,
  };
};

describe('progress', () => {
  it('round-trips through its stored text', () => {
    let p = withRead(EMPTY_PROGRESS, 'cnn');
    p = withAnswer(p, 'cnn.conv2-params', { right: true, response: '18,496' });
    p = withAnswer(p, 'cnn.x', { right: false, response: '2' });
    expect(parseProgress(serializeProgress(p))).toEqual(p);
    expect(withRead(p, 'cnn')).toBe(p);
    expect(withRead(p, 'pooling').read).toEqual(['cnn', 'pooling']);
    expect(withoutAnswer(p, 'cnn.x').answers).toEqual({ 'cnn.conv2-params': { right: true, response: '18,496' } });
    expect(withoutAnswer(p, 'nothing')).toBe(p);
  });

  it('reads damaged or foreign stores as no progress, keeping what is sound', () => {
    for (const bad of [null, undefined, '', '{', 'null', '[]', '42', '"x"', '{"read":"cnn","answers":[1]}']) {
      expect(parseProgress(bad)).toEqual({ read: [], answers: {} });
    }
    const mixed = parseProgress(JSON.stringify({ read: ['cnn', 3, '', 'cnn', 'pooling'], answers: { a: { right: true, response: '1' }, b: { right: 'yes', response: '1' }, c: null, d: { right: false } } }));
    expect(mixed).toEqual({ read: ['cnn', 'pooling'], answers: { a: { right: true, response: '1' } } });
  });

  it('counts a lesson and the course', () => {
    let p = withRead(EMPTY_PROGRESS, 'cnn');
    p = withAnswer(p, 'q1', { right: true, response: '0' });
    p = withAnswer(p, 'q2', { right: false, response: '1' });
    p = withAnswer(p, 'other', { right: true, response: '1' });
    expect(lessonProgress(p, 'cnn', ['q1', 'q2', 'q3'])).toEqual({ read: true, right: 1, answered: 2, total: 3 });
    expect(lessonProgress(p, 'pooling', [])).toEqual({ read: false, right: 0, answered: 0, total: 0 });
    expect(courseProgress(p, [{ slug: 'cnn', questions: ['q1', 'q2', 'q3'] }, { slug: 'pooling', questions: ['other'] }])).toEqual({ read: 1, lessons: 2, right: 2, total: 4 });
  });

  it('loads and saves through a storage, and survives one that refuses', () => {
    const s = memory();
    expect(loadProgress(s)).toEqual(EMPTY_PROGRESS);
    expect(saveProgress(withRead(EMPTY_PROGRESS, 'cnn'), s)).toBe(true);
    expect(s.data.get(PROGRESS_KEY)).toContain('cnn');
    expect(loadProgress(s).read).toEqual(['cnn']);
    const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceeded'); } };
    expect(loadProgress(refusing)).toEqual(EMPTY_PROGRESS);
    expect(saveProgress(EMPTY_PROGRESS, refusing)).toBe(false);
  });
});

describe('the inline progress script', () => {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- rebuilding from source text is the point
  const rebuild = <F>(f: F): F => (new Function(`return (${String(f)});`) as () => F)();

  it('uses functions that work rebuilt from their source text alone', () => {
    const parse = rebuild(parseProgress);
    const read = rebuild(withRead);
    const lesson = rebuild(lessonProgress);
    const course = rebuild(courseProgress);
    const p = read(parse(JSON.stringify({ read: [], answers: { q: { right: true, response: '1' } } })), 'cnn');
    expect(lesson(p, 'cnn', ['q', 'r'])).toEqual({ read: true, right: 1, answered: 1, total: 2 });
    expect(course(p, [{ slug: 'cnn', questions: ['q', 'r'] }])).toEqual({ read: 1, lessons: 1, right: 1, total: 2 });
    expect(parse('{')).toEqual({ read: [], answers: {} });
  });

  it('is one script that parses, with the edition’s words', () => {
    const code = progressScript({ read: 'Read', score: 'Questions {right}/{total}', summary: '{read} of {lessons}', confirmReset: 'Sure?' });
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the script must parse as the browser reads it
    expect(() => new Function(code)).not.toThrow();
    expect(code).toContain(PROGRESS_KEY);
    expect(code).toContain('Questions {right}/{total}');
  });

  it('marks each outline link with its lesson’s question ids', () => {
    expect(questionIds('cnn')).toEqual(EXERCISES.cnn.map((q) => q.id));
    expect(questionIds('no-such-lesson')).toEqual([]);
  });
});

describe('an exercise session', () => {
  const number = EXERCISES.convolution.find((q) => q.id === 'convolution.conv1-params') as Extract<Question, { kind: 'number' }>;
  const choice = Object.values(EXERCISES).flat().find((q) => q.kind === 'choice') as Extract<Question, { kind: 'choice' }>;

  it('grades the first convolution layer’s parameters against 3·3·1·32 + 32', () => {
    expect(number.answer).toBe(3 * 3 * 1 * 32 + 32);
    expect(attempt(number, { kind: 'number', text: ' ３２０ ' })).toEqual({ kind: 'graded', right: true, response: '３２０' });
    expect(attempt(number, { kind: 'number', text: '288' })).toEqual({ kind: 'graded', right: false, response: '288' });
  });

  it('refuses to grade nothing: no option chosen, or text that is not a number', () => {
    expect(attempt(choice, emptyDraft(choice))).toEqual({ kind: 'invalid', reason: 'choose' });
    for (const text of ['', 'abc', 'NaN', '1e999']) expect(attempt(number, { kind: 'number', text })).toEqual({ kind: 'invalid', reason: 'number' });
  });

  it('grades a choice and restores it from the stored answer', () => {
    const wrong = (choice.correct + 1) % choice.options.length;
    expect(attempt(choice, { kind: 'choice', chosen: choice.correct })).toEqual({ kind: 'graded', right: true, response: String(choice.correct) });
    expect(attempt(choice, { kind: 'choice', chosen: wrong })).toEqual({ kind: 'graded', right: false, response: String(wrong) });
    expect(draftFromAnswer(choice, { right: false, response: String(wrong) })).toEqual({ kind: 'choice', chosen: wrong });
    expect(draftFromAnswer(choice, { right: true, response: '99' })).toBeUndefined();
  });

  it('re-grades a stored answer against the bank as it is now', () => {
    // Stored as right, but the answer is not the bank's: the record follows the code.
    expect(regrade(number, { right: true, response: '1' })).toEqual({ right: false, response: '1' });
    expect(regrade(number, { right: false, response: '320' })).toEqual({ right: true, response: '320' });
    expect(regrade(number, { right: true, response: 'garbage' })).toBeUndefined();
  });
});
