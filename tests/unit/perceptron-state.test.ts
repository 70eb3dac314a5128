import { describe, expect, it } from 'vitest';
import { initialPerceptron, perceptronResult, perceptronUrl, reducePerceptron, type PerceptronState } from '../../src/lib/perceptron/perceptron-state.ts';
import { activationsLink, perceptronLink } from '../../src/lib/perceptron/links.ts';
import { activationsUrl } from '../../src/lib/perceptron/activations-state.ts';

describe('perceptron state', () => {
  it('starts from the deck example', () => {
    expect(initialPerceptron).toEqual({ x: [1, 2, 3], w: [1, 1, 1], theta: 5, act: 'step' });
    const r = perceptronResult(initialPerceptron);
    expect([r.sum, r.comparison, r.output]).toEqual([6, '>', 1]);
  });

  it('edits one input, weight, θ or the activation at a time', () => {
    let s: PerceptronState = initialPerceptron;
    s = reducePerceptron(s, { type: 'weight', index: 2, value: 2 });
    expect(s.w).toEqual([1, 1, 2]);
    expect(perceptronResult(s).sum).toBe(9);
    s = reducePerceptron(s, { type: 'input', index: 0, value: -4 });
    expect(s.x).toEqual([-4, 2, 3]);
    expect(perceptronResult(s).sum).toBe(4);
    expect(perceptronResult(s).output).toBe(0);
    s = reducePerceptron(s, { type: 'theta', value: 3.5 });
    expect(perceptronResult(s).output).toBe(1);
    s = reducePerceptron(s, { type: 'activation', activation: 'relu' });
    expect(perceptronResult(s).output).toBe(0.5);
    expect(reducePerceptron(s, { type: 'reset' })).toEqual(initialPerceptron);
  });

  it('ignores out-of-range values and bad indices', () => {
    const s = initialPerceptron;
    expect(reducePerceptron(s, { type: 'input', index: 0, value: 11 })).toBe(s);
    expect(reducePerceptron(s, { type: 'weight', index: 0, value: NaN })).toBe(s);
    expect(reducePerceptron(s, { type: 'theta', value: Infinity })).toBe(s);
    expect(reducePerceptron(s, { type: 'input', index: 3, value: 1 }).x).toEqual([1, 2, 3]);
    expect(reducePerceptron(s, { type: 'weight', index: -1, value: 1 }).w).toEqual([1, 1, 1]);
    expect(reducePerceptron(s, { type: 'activation', activation: 'tanh' as never })).toBe(s);
  });

  it('URL round trip: only what differs from the example is written', () => {
    expect(perceptronUrl.write(initialPerceptron)).toBe('');
    const s: PerceptronState = { x: [1, -2, 0.5], w: [1, 1, 2], theta: 7, act: 'sigmoid' };
    const q = perceptronUrl.write(s);
    expect(q).toBe('x=1,-2,0.5&w=1,1,2&theta=7&act=sigmoid');
    expect(perceptronUrl.read(`?${q}`)).toEqual(s);
    expect(perceptronUrl.write(s, '?backend=cpu&theta=1')).toBe('backend=cpu&x=1,-2,0.5&w=1,1,2&theta=7&act=sigmoid');
  });

  it('URL garbage falls back field by field to the example', () => {
    expect(perceptronUrl.read('?x=1,2&w=a,b,c&theta=NaN&act=tanh')).toEqual(initialPerceptron);
    expect(perceptronUrl.read('?x=1,2,99&w=1,1,1e999&theta=1e999&act=')).toEqual(initialPerceptron);
    expect(perceptronUrl.read('?x=0x10,2,3&theta=&act=STEP')).toEqual(initialPerceptron);
    expect(perceptronUrl.read('?x=4,5,6&theta=oops')).toEqual({ ...initialPerceptron, x: [4, 5, 6] });
    expect(perceptronUrl.read('%%%&&==')).toEqual(initialPerceptron);
  });
});

describe('links between the two demos', () => {
  it('the perceptron opens the activation functions at its a and activation', () => {
    expect(activationsLink(initialPerceptron)).toEqual({ href: '../activations/?a=1&act=step', a: 1, clamped: false });
    const far = { ...initialPerceptron, theta: -100 };
    expect(activationsLink(far)).toEqual({ href: '../activations/?a=10&act=step', a: 10, clamped: true });
    expect(activationsLink({ ...initialPerceptron, theta: 6, act: 'sigmoid' }).href).toBe('../activations/');
    // What it links to reads back as the same a.
    expect(activationsUrl.read('?a=1&act=step')).toEqual({ a: 1, act: 'step' });
  });

  it('the activation functions open the perceptron with θ = 6 − a', () => {
    expect(perceptronLink(1, 'step')).toEqual({ href: '../perceptron/', theta: 5 });
    const l = perceptronLink(-2.5, 'relu');
    expect(l).toEqual({ href: '../perceptron/?theta=8.5&act=relu', theta: 8.5 });
    const s = perceptronUrl.read('?theta=8.5&act=relu');
    expect(perceptronResult(s).a).toBe(-2.5);
    expect(perceptronLink(0.3, 'sigmoid').theta).toBe(5.7);
  });
});
