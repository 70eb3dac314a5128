import type { ComponentChildren } from 'preact';
import type { BackendReport } from '../../lib/tf-runtime.ts';
import { BackendBadge } from '../BackendBadge.tsx';

/** `data-*` attributes, passed through to the section: how islands show their state to tests. */
export type DataAttributes = { readonly [K in `data-${string}`]?: string | number | undefined };

export type DemoFrameProps = DataAttributes & {
  /** Unique on the page: the title's id is `${id}-title`. */
  id: string;
  title: string;
  /** A paragraph under the title. */
  intro?: string | undefined;
  /** Show the TensorFlow.js backend badge (for demos that compute with tfjs): the report, once known, or a start-up error. */
  backend?: { readonly report: BackendReport | undefined; readonly error?: string | undefined } | undefined;
  /** Extra classes: the island's block name, for its own styles. */
  class?: string | undefined;
  children?: ComponentChildren;
};

/**
 * The frame every demo sits in: a section named by its title (as the lesson islands have it:
 * `demo` box, `demo__title`), an optional intro and backend badge, then the demo.
 */
export function DemoFrame({ id, title, intro, backend, class: extra, children, ...data }: DemoFrameProps) {
  const titleId = `${id}-title`;
  return (
    <section class={extra === undefined ? 'demo' : `demo ${extra}`} aria-labelledby={titleId} {...data}>
      <p class="demo__title" id={titleId}>
        {title}
      </p>
      {intro !== undefined && <p>{intro}</p>}
      {backend && <BackendBadge report={backend.report} error={backend.error} />}
      {children}
    </section>
  );
}
