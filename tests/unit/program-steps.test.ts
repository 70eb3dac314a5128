import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { PROGRAM_STEPS, resolveSteps, STEP_COUNT, stepForKey } from '../../src/lib/program/steps.ts';

const read = (file: string) => readFileSync(file, 'utf8');
/** The deck's program exactly as lesson 3-1 prints it in full. */
const lessonPython = (/```python\n([\s\S]*?)```/.exec(read('content/lessons/program.mdx'))?.[1] ?? '').trim();

describe('the program steps of lesson 3-1', () => {
  it('are the deck\'s seven steps in order', () => {
    expect(PROGRAM_STEPS.map((s) => s.id)).toEqual(['libraries', 'data', 'model', 'summary', 'compile', 'fit', 'evaluate']);
    expect(STEP_COUNT).toBe(7);
  });

  it('cover the whole deck program, step after step, without a line lost or added', () => {
    expect(lessonPython).toContain('model.summary()');
    expect(PROGRAM_STEPS.map((s) => s.python).join('\n\n')).toBe(lessonPython);
    expect(PROGRAM_STEPS[1]?.python).toContain('/ 255');
    expect(PROGRAM_STEPS[1]?.python).toContain('to_categorical');
  });

  it('link each step to lessons that exist', () => {
    for (const step of PROGRAM_STEPS) {
      expect(step.lessons.length, step.id).toBeGreaterThan(0);
      for (const slug of step.lessons) expect(existsSync(`content/lessons/${slug}.mdx`), `${step.id} → ${slug}`).toBe(true);
    }
    expect(PROGRAM_STEPS.find((s) => s.id === 'compile')?.lessons[0]).toBe('compile');
    expect(PROGRAM_STEPS.find((s) => s.id === 'fit')?.lessons[0]).toBe('training');
    expect(PROGRAM_STEPS.find((s) => s.id === 'evaluate')?.lessons[0]).toBe('evaluate');
  });

  it('cut non-empty TypeScript for every step from the real sources', () => {
    const steps = resolveSteps(read);
    for (const step of steps) {
      expect(step.code.length, step.id).toBeGreaterThan(0);
      for (const part of step.code) {
        expect(part.code.trim().length, `${step.id}: ${part.file}`).toBeGreaterThan(10);
        expect(part.code, 'no marker left inside').not.toContain('#region');
        expect(read(part.file), 'the code shown is the file\'s own text, up to indentation').toContain(part.code.split('\n')[0]);
      }
    }
    const byId = Object.fromEntries(steps.map((s) => [s.id, s.code.map((c) => c.code).join('\n')]));
    expect(byId.libraries).toContain("import('@tensorflow/tfjs')");
    expect(byId.data).toContain('tf.oneHot');
    expect(byId.model).toContain('conv2d');
    expect(byId.summary).toContain('countParams');
    expect(byId.compile).toContain('tf.train.adam');
    expect(byId.fit).toContain('batchSize: 128');
    expect(byId.evaluate).toContain('categoricalCrossentropy');
  });

  it('refuse a region that is missing or empty', () => {
    const step = { id: 'data', python: 'x', ts: [{ file: 'f.ts', region: 'gone' }], lessons: ['cnn'] } as const;
    expect(() => resolveSteps(() => 'no markers here', [step])).toThrow(/deck:gone/);
    expect(() => resolveSteps(() => '// #region deck:gone\n   \n// #endregion deck:gone', [step])).toThrow(/empty/);
  });
});

describe('the stepper keys', () => {
  it('move one step, to the ends, and stop at the ends', () => {
    expect(stepForKey(3, 'ArrowRight')).toBe(4);
    expect(stepForKey(3, 'ArrowDown')).toBe(4);
    expect(stepForKey(3, 'ArrowLeft')).toBe(2);
    expect(stepForKey(3, 'ArrowUp')).toBe(2);
    expect(stepForKey(7, 'ArrowRight')).toBe(7);
    expect(stepForKey(1, 'ArrowLeft')).toBe(1);
    expect(stepForKey(4, 'Home')).toBe(1);
    expect(stepForKey(4, 'End')).toBe(7);
    expect(stepForKey(4, 'Enter')).toBeNull();
    expect(stepForKey(2, 'End', 3)).toBe(3);
  });
});
