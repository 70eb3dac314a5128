import type { ComponentChildren } from 'preact';
import { strings } from '../../i18n/index.ts';
import { PANEL_ID, tabId } from './StepTabs.tsx';
import type { StepNumbers, StepView } from './types.ts';

const t = strings.programSteps;

/** Code highlighted at build time from the site's own sources (never from the learner). */
function CodeBlock({ caption, html, lang }: { caption: ComponentChildren; html: string; lang: 'python' | 'ts' }) {
  return (
    <figure class="program-steps__code" data-lang={lang}>
      <figcaption class="program-steps__caption">{caption}</figcaption>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}

/** One step: its title and explanation, the Python beside the TypeScript, and its lessons. */
export function StepPanel({ n, step, numbers, children }: { n: number; step: StepView; numbers: StepNumbers; children?: ComponentChildren }) {
  const words = t.steps[n - 1];
  if (!words) return null;
  return (
    <div class="program-steps__panel" role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(n)} data-step-id={step.id}>
      <h3 class="program-steps__title">
        <span class="program-steps__position">{t.position(n, t.names.length)}</span> {words.title}
      </h3>
      <p>{words.text(numbers)}</p>
      <div class="program-steps__pair">
        <div class="program-steps__side" data-testid="program-python">
          <p class="program-steps__lang">{t.python}</p>
          <CodeBlock lang="python" caption={<span class="visually-hidden">{t.python}</span>} html={step.pythonHtml} />
        </div>
        <div class="program-steps__side" data-testid="program-typescript">
          <p class="program-steps__lang">{t.typescript}</p>
          {step.code.map((part, i) => (
            <CodeBlock key={`${part.file}#${i}`} lang="ts" caption={<code>{part.file}</code>} html={part.html} />
          ))}
        </div>
      </div>
      {children}
      <nav class="program-steps__lessons" aria-label={t.lessons}>
        <p class="program-steps__lang">{t.lessons}</p>
        <ul>
          {step.lessons.map((l) => (
            <li key={l.slug}>
              <a href={l.href}>{t.lesson(l.number, l.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
