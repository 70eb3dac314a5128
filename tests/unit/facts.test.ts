import { describe, expect, it } from 'vitest';
import { FACTS, FACT_FORMULAS, factText, isFactId, isFormulaId } from '../../src/lib/facts.ts';
import katex from 'katex';

describe('lesson facts', () => {
  it('states the numbers of the course map', () => {
    expect(factText('cnn.totalParams')).toBe('34,826');
    expect(factText('cnn.conv2.params')).toBe('18,496');
    expect(factText('cnn.dense.params')).toBe('16,010');
    expect(factText('fit.trainImages')).toBe('54,000');
    expect(factText('fit.validationImages')).toBe('6,000');
    expect(factText('fit.batchesPerEpoch')).toBe('422');
    expect(factText('fit.batchesExact')).toBe('421.9');
    expect(factText('fit.lastBatch')).toBe('112');
    expect(factText('cnn.conv1.shape')).toBe('26×26×32');
    expect(factText('cnn.pool2.shape')).toBe('5×5×64');
    expect(factText('cnn.flatten.units')).toBe('1,600');
    expect(FACTS['cnn.dropout.scale']).toBe(2);
    // A dense layer doing conv1's job needs about 17 million parameters.
    expect(FACTS['cnn.denseEquivalent.params']).toBeGreaterThan(16.9e6);
    expect(FACTS['cnn.denseEquivalent.params']).toBeLessThan(17.1e6);
  });

  it('builds every formula as valid TeX', () => {
    for (const [id, tex] of Object.entries(FACT_FORMULAS)) {
      expect(() => katex.renderToString(tex, { throwOnError: true }), id).not.toThrow();
    }
    expect(FACT_FORMULAS['cnn.total']).toBe('320 + 18{,}496 + 16{,}010 = 34{,}826');
  });

  it('knows its ids', () => {
    expect(isFactId('cnn.totalParams')).toBe(true);
    expect(isFactId('toString')).toBe(false);
    expect(isFormulaId('fit.batches')).toBe(true);
    expect(isFormulaId('nope')).toBe(false);
  });
});
