import type { EliminationStep } from '../../lib/equations/equations.ts';
import { STEPS, type EquationEvent } from '../../lib/equations/state.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.equations.elimination;

function text(s: EliminationStep): string {
  switch (s.kind) {
    case 'scale':
      return t.scale(s.m1, s.m2, s.first, s.second);
    case 'subtract':
      return t.subtract(s.b1, s.b2, s.c1, s.c2);
    case 'solve-y':
      return t.solveY(s.b, s.c, s.y);
    case 'substitute':
      return t.substitute(s.a, s.by, s.c, s.rest);
    case 'solve-x':
      return t.solveX(s.x, s.y);
    case 'check':
      return t.check(s.x, s.y, s.lhs[0], s.lhs[1]);
  }
}

/** Elimination revealed one step per press, ending at x = 3, y = 2 and a check of both equations. */
export function Elimination({ id, shown, dispatch }: { id: string; shown: number; dispatch: (e: EquationEvent) => void }) {
  const done = shown === STEPS.length;
  return (
    <div class="equations__elimination" data-testid={`${id}-elimination`} data-step={shown}>
      <p class="equations__subtitle">{t.title}</p>
      <p class="viz-help">{t.help}</p>
      <ol class="equations__steps" aria-live="polite">
        {STEPS.slice(0, shown).map((s, i) => (
          <li key={i} data-testid={`${id}-step-${i + 1}`}>
            {text(s)}
          </li>
        ))}
      </ol>
      <p class="viz-caption" data-testid={`${id}-step-count`}>{t.progress(shown, STEPS.length)}</p>
      <div class="viz-buttons">
        <button type="button" disabled={done} onClick={() => { dispatch({ type: 'next' }); }}>
          {t.next}
        </button>
        <button type="button" disabled={shown === 0} onClick={() => { dispatch({ type: 'back' }); }}>
          {t.back}
        </button>
        <button type="button" disabled={shown === 0} onClick={() => { dispatch({ type: 'restart-elimination' }); }}>
          {t.restart}
        </button>
      </div>
    </div>
  );
}
