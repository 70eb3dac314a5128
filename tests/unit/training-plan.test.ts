import { describe, expect, it } from 'vitest';
import { DECK_FIT, DECK_STEPS, batching, subsetSplit, validationSplit } from '../../src/lib/training-plan.ts';

describe('Keras fit arithmetic', () => {
  it('holds out the last 10% of 60,000: 54,000 / 6,000', () => {
    expect(validationSplit(60000, DECK_FIT.validationSplit)).toEqual({ train: 54000, validation: 6000 });
  });
  it('needs 422 batches of 128, the last of 112', () => {
    expect(batching(54000, DECK_FIT.batchSize)).toEqual({ batches: 422, lastBatchSize: 112, exact: 421.875 });
  });
  it("counts the deck's whole run as 6,330 Adam steps", () => {
    expect(DECK_STEPS).toBe(422 * 15);
  });
  it('splits a subset as the lesson says: the first N images, then the last 10% of those', () => {
    expect(subsetSplit(60000, 300, DECK_FIT.validationSplit)).toEqual({ train: 270, validation: 30 });
    expect(subsetSplit(60000, null, DECK_FIT.validationSplit)).toEqual({ train: 54000, validation: 6000 });
    expect(subsetSplit(200, 1000, DECK_FIT.validationSplit)).toEqual({ train: 180, validation: 20 });
  });
  it('handles an exact multiple and tiny subsets', () => {
    expect(batching(256, 128)).toMatchObject({ batches: 2, lastBatchSize: 128 });
    expect(batching(5, 128)).toMatchObject({ batches: 1, lastBatchSize: 5 });
    expect(batching(0, 128)).toMatchObject({ batches: 0, lastBatchSize: 0 });
  });
  it('rejects nonsense', () => {
    expect(() => validationSplit(100, 1)).toThrow(RangeError);
    expect(() => validationSplit(100, Number.NaN)).toThrow(RangeError);
    expect(() => batching(100, 0)).toThrow(RangeError);
  });
});
