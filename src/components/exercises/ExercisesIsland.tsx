import { useEffect, useState } from 'preact/hooks';
import { strings } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { answerText } from '../../lib/exercises/grade.ts';
import { attempt, draftFromAnswer, emptyDraft, regrade, type Draft } from '../../lib/exercises/session.ts';
import type { Question } from '../../lib/exercises/types.ts';
import { lessonProgress, loadProgress, PROGRESS_EVENT, PROGRESS_KEY, saveProgress, withAnswer, withoutAnswer, type Answer } from '../../lib/progress.ts';
import { useHydrated } from '../useHydrated.ts';

interface Props {
  slug: string;
  locale: Locale;
  questions: readonly Question[];
}

type Stored = Readonly<Record<string, Answer>>;

/** The stored answers to these questions, each re-graded against the bank as it is now. */
function storedAnswers(questions: readonly Question[]): Stored {
  const all = loadProgress().answers;
  const out: Record<string, Answer> = {};
  for (const q of questions) {
    const a = all[q.id];
    const now = a ? regrade(q, a) : undefined;
    if (now) out[q.id] = now;
  }
  return out;
}

/**
 * The self-check questions at the end of a lesson (issue #15): choose an option or type a number,
 * check, and read whether it was right and why. The latest answer to each question is kept in the
 * browser (src/lib/progress.ts) and shown again after a reload; the outlines count them.
 */
export default function ExercisesIsland({ slug, locale, questions }: Props) {
  const t = strings.exercises;
  const hydrated = useHydrated();
  const [answers, setAnswers] = useState<Stored>({});
  const [drafts, setDrafts] = useState<Readonly<Record<string, Draft>>>({});
  const [problems, setProblems] = useState<Readonly<Record<string, 'choose' | 'number'>>>({});
  const [saved, setSaved] = useState(true);

  useEffect(() => {
    const sync = () => {
      const stored = storedAnswers(questions);
      setAnswers(stored);
      const restored: Record<string, Draft> = {};
      for (const q of questions) {
        const a = stored[q.id];
        const d = a ? draftFromAnswer(q, a) : undefined;
        if (d) restored[q.id] = d;
      }
      setDrafts((current) => ({ ...current, ...restored }));
    };
    sync();
    const onStorage = (e: StorageEvent) => {
      if (e.key === PROGRESS_KEY || e.key === null) sync();
    };
    window.addEventListener(PROGRESS_EVENT, sync);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(PROGRESS_EVENT, sync);
      window.removeEventListener('storage', onStorage);
    };
  }, [questions]);

  const clearProblem = (id: string) => {
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== id)));
  };
  const store = (update: (p: ReturnType<typeof loadProgress>) => ReturnType<typeof loadProgress>) => {
    setSaved(saveProgress(update(loadProgress())));
    window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  };
  const check = (q: Question) => {
    const result = attempt(q, drafts[q.id] ?? emptyDraft(q));
    if (result.kind === 'invalid') {
      setProblems((p) => ({ ...p, [q.id]: result.reason }));
      return;
    }
    clearProblem(q.id);
    const answer = { right: result.right, response: result.response };
    setAnswers((a) => ({ ...a, [q.id]: answer }));
    store((p) => withAnswer(p, q.id, answer));
  };
  const retry = (q: Question) => {
    setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== q.id)));
    setDrafts((d) => ({ ...d, [q.id]: emptyDraft(q) }));
    store((p) => withoutAnswer(p, q.id));
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`[data-question="${q.id}"] input`)?.focus();
    });
  };
  const { right, answered } = lessonProgress({ read: [], answers }, slug, questions.map((q) => q.id));

  return (
    <section class="exercises" aria-labelledby="exercises-title" data-testid="exercises" data-hydrated={String(hydrated)} data-lesson={slug}
      data-right={right} data-answered={answered}>
      <h2 id="exercises-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ol class="exercises__list">
        {questions.map((q, i) => {
          const answer = answers[q.id];
          const draft = drafts[q.id] ?? emptyDraft(q);
          const problem = problems[q.id];
          const name = `exercise-${q.id}`;
          const promptId = `${name}-prompt`;
          const feedbackId = `${name}-feedback`;
          const state = answer ? (answer.right ? 'right' : 'wrong') : 'open';
          const locked = answer !== undefined || !hydrated;
          return (
            <li key={q.id} class={`exercise exercise--${state}`} data-question={q.id} data-state={state}>
              <fieldset aria-describedby={answer || problem ? feedbackId : undefined}>
                <legend id={promptId}>
                  <span class="exercise__number">{t.question(i + 1, questions.length)}</span>
                  <span class="exercise__prompt">{q.prompt[locale]}</span>
                </legend>
                {q.kind === 'choice' ? (
                  <div class="exercise__options">
                    {q.options.map((o, k) => {
                      const chosen = draft.kind === 'choice' && draft.chosen === k;
                      const mark = answer && k === q.correct ? 'exercise__option--right' : answer && chosen ? 'exercise__option--chosen' : '';
                      return (
                        <label key={k} class={`exercise__option ${mark}`}>
                          <input type="radio" name={name} value={k} checked={chosen} disabled={locked}
                            onChange={() => {
                              setDrafts((d) => ({ ...d, [q.id]: { kind: 'choice', chosen: k } }));
                              clearProblem(q.id);
                            }} />
                          <span>{o[locale]}</span>
                        </label>
                      );
                    })}
                  </div>
                ) : (
                  <div class="exercise__number-field">
                    <label for={`${name}-input`}>{t.numberLabel}</label>
                    <input id={`${name}-input`} type="text" inputMode="decimal" autocomplete="off" spellcheck={false} disabled={locked}
                      value={draft.kind === 'number' ? draft.text : ''} aria-invalid={problem === 'number' ? 'true' : undefined}
                      onInput={(e) => {
                        const text = e.currentTarget.value;
                        setDrafts((d) => ({ ...d, [q.id]: { kind: 'number', text } }));
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          check(q);
                        }
                      }} />
                    {q.unit && <span class="exercise__unit">{q.unit[locale]}</span>}
                  </div>
                )}
                {answer ? (
                  <button type="button" class="button" onClick={() => { retry(q); }}>{t.retry}</button>
                ) : (
                  <button type="button" class="button button--primary" disabled={!hydrated} onClick={() => { check(q); }}>{t.check}</button>
                )}
                <div id={feedbackId} class="exercise__feedback" role="status">
                  {problem && !answer && <p class="exercise__problem">{problem === 'choose' ? t.chooseFirst : t.notANumber}</p>}
                  {answer && (
                    <>
                      <p class="exercise__verdict">
                        <strong>{answer.right ? t.right : t.wrong}</strong>{' '}
                        {!answer.right && t.answerIs(q.kind === 'choice' ? (q.options[q.correct]?.[locale] ?? '') : answerText(q))}
                      </p>
                      <p class="exercise__explanation">{q.explanation[locale]}</p>
                    </>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p class="exercises__score" aria-live="polite" data-testid="exercises-score">{answered > 0 ? t.score(right, questions.length) : ''}</p>
      {!saved && <p class="exercises__unsaved" role="alert">{t.notSaved}</p>}
    </section>
  );
}
