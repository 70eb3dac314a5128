/**
 * Which stored model is "the learner's model", one rule for every lesson that offers it
 * (evaluation in 3-11, drawing in 4): the model of the last run that finished ('trained');
 * without one, the latest saved epoch of a run that stopped part way ('run'), said to be so.
 */
import type { Checkpoint } from '../training/checkpoint.ts';
import { storedModelInfo, type StoredModelInfo } from '../evaluation.ts';
import { loadCheckpoint } from './checkpoint-store.ts';

export interface LearnerModel {
  readonly checkpoint: Checkpoint;
  readonly info: StoredModelInfo;
}

/** The learner's model, or null when none is stored (or storage cannot be read). */
export async function findLearnerModel(factory?: IDBFactory): Promise<LearnerModel | null> {
  try {
    const trained = await (factory ? loadCheckpoint('trained', factory) : loadCheckpoint('trained'));
    if (trained) return { checkpoint: trained, info: storedModelInfo(trained, true) };
    const run = await (factory ? loadCheckpoint('run', factory) : loadCheckpoint('run'));
    if (run) return { checkpoint: run, info: storedModelInfo(run, false) };
  } catch {
    /* no IndexedDB (private mode, blocked storage): as if nothing were stored */
  }
  return null;
}
