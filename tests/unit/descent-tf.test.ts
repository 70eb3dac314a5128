import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { BOWL, OPTIMISERS, referencePath, surfaceLoss } from '../../src/lib/descent/surface.ts';
import { allPathsTf, optimiserPathTf } from '../../src/lib/descent/optimisers-tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const close = (got: number, want: number, what: string) => {
  expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThan(1e-4 * (1 + Math.abs(want)));
};

describe('tf.train optimisers against the update rules written out', () => {
  for (const kind of OPTIMISERS) {
    it(`${kind}: tfjs takes the same path as the TypeScript rules`, async () => {
      for (const [lr, steps, start] of [[0.15, 50, { x: -3.5, y: 1.5 }], [0.05, 30, { x: 2, y: -1 }], [0.01, 10, { x: 0.3, y: 0.2 }]] as const) {
        const ref = referencePath(kind, BOWL, start, lr, steps);
        const got = await optimiserPathTf(tf, kind, BOWL, start, lr, steps);
        expect(got.path).toHaveLength(steps + 1);
        expect(got.losses).toHaveLength(steps + 1);
        got.path.forEach((p, i) => {
          const r = ref[i] ?? { x: NaN, y: NaN };
          close(p.x, r.x, `${kind} lr ${lr} x${i}`);
          close(p.y, r.y, `${kind} lr ${lr} y${i}`);
          close(got.losses[i] ?? NaN, surfaceLoss(BOWL, r), `${kind} lr ${lr} loss${i}`);
        });
      }
    });
  }

  it('leaves no tensor behind, even when a path blows up to Infinity and NaN', async () => {
    const before = tf.memory().numTensors;
    const all = await allPathsTf(tf, BOWL, { x: -3.5, y: 1.5 }, 1, 200, OPTIMISERS);
    expect(tf.memory().numTensors).toBe(before);
    const sgdEnd = all.sgd.losses.at(-1) ?? 0;
    expect(Number.isFinite(sgdEnd)).toBe(false);
    // Adam's steps stay about η long: it does not blow up.
    expect(Number.isFinite(all.adam.losses.at(-1) ?? NaN)).toBe(true);
  });
});
