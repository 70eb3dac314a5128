/**
 * Stepping through the blocks of the 4×4 example: `done` blocks have their maximum written into
 * the output (0: none yet, `total`: all). The block being looked at is the last one done.
 */
export type StepAction = 'next' | 'previous' | 'first' | 'last';

export function step(done: number, total: number, action: StepAction): number {
  const clamp = (n: number) => Math.max(0, Math.min(total, n));
  switch (action) {
    case 'next':
      return clamp(done + 1);
    case 'previous':
      return clamp(done - 1);
    case 'first':
      return 0;
    case 'last':
      return total;
  }
}

/** The stepper's keys: → and ↓ next, ← and ↑ previous, Home none, End all. */
export function stepKey(key: string): StepAction | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return 'next';
  if (key === 'ArrowLeft' || key === 'ArrowUp') return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}

/** The block being looked at after `done` steps (the last one written), or -1 before the first. */
export function currentBlock(done: number): number {
  return done - 1;
}
