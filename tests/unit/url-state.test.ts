import { describe, expect, it } from 'vitest';
import { booleanField, defineUrlState, enumField, numberField, numberList } from '../../src/lib/url-state.ts';

const EDGE = [-1, 0, 1, -1, 0, 1, -1, 0, 1];
const demo = defineUrlState({
  kernel: numberList(EDGE, { min: -10, max: 10 }),
  bias: numberField(0, { min: -10, max: 10 }),
  size: numberField(8, { min: 3, max: 28, integer: true }),
  mode: enumField('signed', ['grey', 'signed']),
  dots: booleanField(false),
});

describe('url-state', () => {
  it('reads defaults from an empty or foreign query', () => {
    expect(demo.read('')).toEqual(demo.defaults);
    expect(demo.read('?backend=cpu&utm=x')).toEqual(demo.defaults);
    expect(demo.defaults).toEqual({ kernel: EDGE, bias: 0, size: 8, mode: 'signed', dots: false });
  });

  it('reads valid values of every kind', () => {
    const s = demo.read('?kernel=1,2,3,4,5,6,7,8,9&bias=-0.5&size=28&mode=grey&dots=1');
    expect(s).toEqual({ kernel: [1, 2, 3, 4, 5, 6, 7, 8, 9], bias: -0.5, size: 28, mode: 'grey', dots: true });
    expect(demo.read(new URLSearchParams('dots=true')).dots).toBe(true);
    expect(demo.read('kernel=1%2C2%2C3%2C4%2C5%2C6%2C7%2C8%2C9').kernel).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('falls back to each field’s default on garbage, field by field', () => {
    const garbage = [
      'kernel=1,2,3', // too short
      'kernel=1,2,3,4,5,6,7,8,9,10', // too long
      'kernel=1,2,3,4,NaN,6,7,8,9',
      'kernel=1,2,3,4,99,6,7,8,9', // out of range
      'kernel=1,,3,4,5,6,7,8,9',
      'bias=1e999',
      'bias=',
      'bias=0x1',
      'bias=Infinity',
      'size=7.5', // not whole
      'size=2',
      'mode=rainbow',
      'mode=',
      'dots=yes',
      '%E0%A4%A=1', // malformed escape
      '&&==&',
    ];
    for (const q of garbage) expect(demo.read(q), q).toEqual(demo.defaults);
    // One bad field does not spoil the others.
    expect(demo.read('bias=oops&size=12')).toEqual({ ...demo.defaults, size: 12 });
  });

  it('writes only the values that differ from the defaults, and reads them back', () => {
    expect(demo.write(demo.defaults)).toBe('');
    const s = { ...demo.defaults, kernel: [0, 0, 0, 0, 1, 0, 0, 0, 0], bias: 0.25, dots: true };
    const q = demo.write(s);
    expect(q).toBe('kernel=0,0,0,0,1,0,0,0,0&bias=0.25&dots=1');
    expect(demo.read(q)).toEqual(s);
  });

  it('keeps the parameters that are not its own, and replaces its own', () => {
    expect(demo.write({ ...demo.defaults, size: 5 }, '?backend=cpu&size=9&bias=3')).toBe('backend=cpu&size=5');
    expect(demo.write(demo.defaults, 'backend=webgl')).toBe('backend=webgl');
  });

  it('refuses a default that its own field would not accept', () => {
    expect(() => numberField(11, { min: 0, max: 10 })).toThrow();
    expect(() => numberList([1, 2.5], { min: 0, max: 10, integer: true })).toThrow();
    expect(() => enumField('c' as 'a', ['a', 'b'])).toThrow();
  });
});
