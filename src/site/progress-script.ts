/**
 * The progress shown on the outlines (home page, lesson sidebar), the "read" mark a lesson gets
 * when the learner reaches its end, and the home page's reset button. It runs as an inline
 * script (src/components/site/ProgressScript.astro), so that a page without demos still loads no
 * JavaScript file: `progressScript()` writes it from the source text of `wireProgress` and of the
 * self-contained functions of src/lib/progress.ts, so there is one implementation of each.
 *
 * Markup it looks for:
 * - `[data-progress-slug]` (an outline link) with `data-progress-questions` (the lesson's
 *   question ids, space-separated) and a `[data-progress-badge]` inside;
 * - `[data-progress-summary]` and `[data-progress-reset]` (home page);
 * - `[data-progress-lesson]` (the lesson being read) and `[data-progress-end]` (its end).
 */
import { courseProgress, lessonProgress, parseProgress, PROGRESS_EVENT, PROGRESS_KEY, withRead } from '../lib/progress.ts';

/** The words the script writes; numbers go in for `{read}`, `{lessons}`, `{right}`, `{total}`. */
export interface ProgressLabels {
  readonly read: string;
  readonly score: string;
  readonly summary: string;
  readonly confirmReset: string;
}

interface ProgressHelpers {
  readonly parseProgress: typeof parseProgress;
  readonly withRead: typeof withRead;
  readonly lessonProgress: typeof lessonProgress;
  readonly courseProgress: typeof courseProgress;
  readonly key: string;
  readonly event: string;
  readonly labels: ProgressLabels;
}

/** Wires the page's progress marks; uses nothing but its argument and the DOM. */
export function wireProgress(h: ProgressHelpers): void {
  const load = () => {
    try {
      return h.parseProgress(localStorage.getItem(h.key));
    } catch {
      return h.parseProgress(null);
    }
  };
  const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  const questions = (el: HTMLElement) => (el.dataset['progressQuestions'] ?? '').split(' ').filter((s) => s !== '');
  const render = () => {
    const p = load();
    const lessons: { slug: string; questions: string[] }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-progress-slug]')) {
      const slug = el.dataset['progressSlug'] ?? '';
      const ids = questions(el);
      if (!lessons.some((l) => l.slug === slug)) lessons.push({ slug, questions: ids });
      const lp = h.lessonProgress(p, slug, ids);
      el.dataset['progressRead'] = String(lp.read);
      el.dataset['progressRight'] = String(lp.right);
      const badge = el.querySelector('[data-progress-badge]');
      if (!badge) continue;
      const parts: string[] = [];
      if (lp.read) parts.push(h.labels.read);
      if (lp.answered > 0) parts.push(fill(h.labels.score, { right: lp.right, total: lp.total }));
      badge.textContent = parts.join(' ');
    }
    const total = h.courseProgress(p, lessons);
    const summary = document.querySelector('[data-progress-summary]');
    if (summary) summary.textContent = fill(h.labels.summary, total);
    const reset = document.querySelector<HTMLButtonElement>('[data-progress-reset]');
    if (reset) reset.disabled = p.read.length === 0 && Object.keys(p.answers).length === 0;
  };
  const lesson = document.querySelector<HTMLElement>('[data-progress-lesson]');
  const end = document.querySelector('[data-progress-end]');
  const slug = lesson?.dataset['progressLesson'];
  if (slug && end) {
    // Read once the end of the text has been on screen or above it, however fast it was passed.
    let queued = false;
    const check = () => {
      queued = false;
      if (end.getBoundingClientRect().top > window.innerHeight) return;
      window.removeEventListener('scroll', onScroll);
      const before = load();
      const after = h.withRead(before, slug);
      if (after === before) return;
      try {
        localStorage.setItem(h.key, JSON.stringify({ read: after.read, answers: after.answers }));
      } catch {
        // Storage refused (a private mode): the lesson is only not marked.
      }
      render();
    };
    const onScroll = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(check);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    onScroll();
  }
  document.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    if (!window.confirm(h.labels.confirmReset)) return;
    try {
      localStorage.removeItem(h.key);
    } catch {
      // Nothing was stored.
    }
    render();
    window.dispatchEvent(new CustomEvent(h.event));
  });
  window.addEventListener(h.event, render);
  window.addEventListener('storage', (e) => {
    if (e.key === h.key || e.key === null) render();
  });
  render();
}

/** The inline script: the functions' own source text, with this edition's words. */
export function progressScript(labels: ProgressLabels): string {
  const helpers = [
    `parseProgress: ${parseProgress.toString()}`,
    `withRead: ${withRead.toString()}`,
    `lessonProgress: ${lessonProgress.toString()}`,
    `courseProgress: ${courseProgress.toString()}`,
    `key: ${JSON.stringify(PROGRESS_KEY)}`,
    `event: ${JSON.stringify(PROGRESS_EVENT)}`,
    `labels: ${JSON.stringify(labels)}`,
  ];
  return `(${wireProgress.toString()})({ ${helpers.join(', ')} });`;
}
