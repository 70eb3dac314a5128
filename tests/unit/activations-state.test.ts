import { describe, expect, it } from 'vitest';
import { activationsUrl, activationViews, clampA, initialActivations, reduceActivations, yRange, type ActivationsState } from '../../src/lib/perceptron/activations-state.ts';
import { sigmoid } from '../../src/lib/perceptron/neuron.ts';

describe('activations state', () => {
  it('starts at a = 0 with the sigmoid: σ(0) = 0.5', () => {
    expect(initialActivations).toEqual({ a: 0, act: 'sigmoid' });
    const views = activationViews(initialActivations.a);
    expect(views.map((v) => [v.kind, v.value])).toEqual([['step', 0], ['sigmoid', 0.5], ['relu', 0]]);
    expect(views.map((v) => v.mark)).toEqual([[[0, 0]], [[0, 0.5]], [[0, 0]]]);
  });

  it('moves a by value and by slider steps, clamped to [−10, 10] and free of float noise', () => {
    let s: ActivationsState = initialActivations;
    s = reduceActivations(s, { type: 'nudge', steps: 1 });
    expect(s.a).toBe(0.1);
    s = reduceActivations(s, { type: 'nudge', steps: 2 });
    expect(s.a).toBe(0.3);
    s = reduceActivations(s, { type: 'nudge', steps: -10 });
    expect(s.a).toBe(-0.7);
    s = reduceActivations(s, { type: 'a', value: 9.95 });
    s = reduceActivations(s, { type: 'nudge', steps: 10 });
    expect(s.a).toBe(10);
    s = reduceActivations(s, { type: 'a', value: -50 });
    expect(s.a).toBe(-10);
    expect(reduceActivations(s, { type: 'a', value: NaN })).toBe(s);
    expect(reduceActivations(s, { type: 'nudge', steps: Infinity })).toBe(s);
    s = reduceActivations(s, { type: 'activation', activation: 'relu' });
    expect(s.act).toBe('relu');
    expect(reduceActivations(s, { type: 'activation', activation: 'softmax' as never })).toBe(s);
    expect(reduceActivations(s, { type: 'reset' })).toEqual(initialActivations);
    expect(clampA(0.1 + 0.2)).toBe(0.3);
  });

  it('each view marks h(a) on its curve', () => {
    const views = activationViews(-2);
    expect(views.map((v) => v.value)).toEqual([0, sigmoid(-2), 0]);
    for (const v of views) {
      expect(v.curve.length).toBeGreaterThanOrEqual(4);
      expect(v.curve[0]?.[0]).toBe(-10);
      expect(v.curve.at(-1)?.[0]).toBe(10);
      const y = yRange(v.kind);
      for (const [, py] of v.curve) expect(py >= y.min && py <= y.max && Number.isFinite(py)).toBe(true);
    }
  });

  it('URL round trip and garbage', () => {
    expect(activationsUrl.write(initialActivations)).toBe('');
    const s: ActivationsState = { a: -1.5, act: 'relu' };
    expect(activationsUrl.write(s)).toBe('a=-1.5&act=relu');
    expect(activationsUrl.read('?a=-1.5&act=relu')).toEqual(s);
    for (const bad of ['?a=11&act=x', '?a=NaN', '?a=1e999&act=', '?a=Infinity', '?a=&act=Sigmoid', '?a=1,2', 'garbage']) {
      expect(activationsUrl.read(bad)).toEqual(initialActivations);
    }
    expect(activationsUrl.read('?a=abc&act=step')).toEqual({ a: 0, act: 'step' });
  });
});
