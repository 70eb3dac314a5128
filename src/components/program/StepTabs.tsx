import { useRef } from 'preact/hooks';
import { stepForKey } from '../../lib/program/steps.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.programSteps;

export const tabId = (n: number) => `program-steps-tab-${n}`;
export const PANEL_ID = 'program-steps-panel';

/** The seven steps as tabs: click, or arrow keys / Home / End on the focused tab. */
export function StepTabs({ current, onSelect }: { current: number; onSelect: (step: number) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const next = stepForKey(current, e.key, t.names.length);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <div class="program-steps__tabs" role="tablist" aria-label={t.tabsLabel} ref={list} onKeyDown={onKeyDown}>
      {t.names.map((name, i) => {
        const n = i + 1;
        const selected = n === current;
        return (
          <button
            key={name}
            type="button"
            role="tab"
            id={tabId(n)}
            class="program-steps__tab"
            aria-selected={selected}
            aria-controls={PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => {
              onSelect(n);
            }}
          >
            {t.tab(n, name)}
          </button>
        );
      })}
    </div>
  );
}
