import { describe, expect, it } from 'vitest';
import { checkNumber, formatNumber, keepsDraft, normaliseNumberText, parseNumber, type NumberSpec } from '../../src/lib/viz/numeric.ts';

const SPEC: NumberSpec = { min: -10, max: 10 };

describe('parseNumber', () => {
  it('accepts plain decimals within the range', () => {
    for (const [text, value] of [['1', 1], ['-0.5', -0.5], ['.5', 0.5], ['3.', 3], ['+2', 2], ['1e1', 10], [' 7 ', 7], ['-0', 0]] as const) {
      expect(parseNumber(text, SPEC), text).toEqual({ ok: true, value });
    }
  });

  it('reads full-width digits, point and signs (NFKC) and the minus sign', () => {
    expect(normaliseNumberText('　０.５　')).toBe('0.5');
    expect(parseNumber('０.５', SPEC)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('－３', SPEC)).toEqual({ ok: true, value: -3 });
    expect(parseNumber('\u22122.5', SPEC)).toEqual({ ok: true, value: -2.5 });
  });

  it('refuses what is not a finite number in range, saying why', () => {
    const reason = (text: string, spec: NumberSpec = SPEC) => {
      const r = parseNumber(text, spec);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('   ')).toBe('empty');
    expect(reason('NaN')).toBe('not-number');
    expect(reason('abc')).toBe('not-number');
    expect(reason('1,5')).toBe('not-number');
    expect(reason('0x10')).toBe('not-number');
    expect(reason('1e999')).toBe('not-finite');
    expect(reason('-Infinity')).toBe('not-finite');
    expect(reason('∞')).toBe('not-finite');
    expect(reason('10.001')).toBe('range');
    expect(reason('-11')).toBe('range');
    expect(reason('2.5', { ...SPEC, integer: true })).toBe('integer');
    expect(reason('0.3', { min: 0, max: 1, step: 0.25 })).toBe('step');
    expect(parseNumber('0.75', { min: 0, max: 1, step: 0.25 })).toEqual({ ok: true, value: 0.75 });
    expect(parseNumber('0.3', { min: 0, max: 1, step: 0.1 })).toEqual({ ok: true, value: 0.3 });
  });

  it('checks numbers already parsed by the same rule', () => {
    expect(checkNumber(Number.NaN, SPEC)).toEqual({ ok: false, reason: 'not-number' });
    expect(checkNumber(Number.POSITIVE_INFINITY, SPEC)).toEqual({ ok: false, reason: 'not-finite' });
    expect(checkNumber(-0, SPEC)).toEqual({ ok: true, value: 0 });
  });
});

describe('formatNumber', () => {
  it('hides float noise and never prints -0', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(1234.5678)).toBe('1234.57');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('keepsDraft', () => {
  it('keeps text being typed that means the value, and a refusal while the value stays', () => {
    expect(keepsDraft('1.', SPEC, 1, 0)).toBe(true); // typing "1.5": the value became 1 from this text
    expect(keepsDraft('０.５', SPEC, 0.5, 0)).toBe(true);
    expect(keepsDraft('NaN', SPEC, 2, 2)).toBe(true); // refused, value unchanged: the message stays
    expect(keepsDraft('NaN', SPEC, 0, 2)).toBe(false); // reset from outside
    expect(keepsDraft('3', SPEC, 0, 3)).toBe(false); // changed from outside
  });
});
