import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { strings } from '../../i18n/index.ts';
import { MAX_QUERY_LENGTH, normaliseQuery, queryFromSearch, searchWithQuery } from '../../lib/search/query.ts';
import { toHits, type SearchHit } from '../../lib/search/results.ts';
import { useHydrated } from '../useHydrated.ts';
import { loadPagefind } from './pagefind.ts';

const t = strings.search;
/** How long typing must pause before the index is searched (ms). */
const DEBOUNCE_MS = 250;

type State =
  | { readonly phase: 'idle' }
  | { readonly phase: 'searching'; readonly query: string }
  | { readonly phase: 'done'; readonly query: string; readonly hits: readonly SearchHit[] }
  | { readonly phase: 'unavailable' };

interface Props {
  /** The search page's own URL: the form's action, so it works before the island runs. */
  readonly action: string;
  /** The site's base (import.meta.env.BASE_URL), where the Pagefind bundle lives. */
  readonly base: string;
}

/**
 * The search page: a form, and the lessons whose prose holds the query, searched in the build's
 * Pagefind index (loaded on this page only) as the learner types and when the form is sent. The
 * query lives in the page's URL (`?q=`), which is how the header's script-free form hands it over.
 */
export default function SearchIsland({ action, base }: Props) {
  const hydrated = useHydrated();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = async (raw: string) => {
    clearTimeout(timer.current);
    const q = normaliseQuery(raw);
    const id = ++run.current;
    history.replaceState(history.state, '', `${location.pathname}${searchWithQuery(location.search, q)}${location.hash}`);
    if (q === '') {
      setState({ phase: 'idle' });
      return;
    }
    setState({ phase: 'searching', query: q });
    try {
      const pagefind = await loadPagefind(base);
      const found = await pagefind.search(q);
      const fragments = await Promise.all((found?.results ?? []).map((r) => r.data()));
      if (id === run.current) setState({ phase: 'done', query: q, hits: toHits(fragments) });
    } catch {
      if (id === run.current) setState({ phase: 'unavailable' });
    }
  };

  useEffect(() => {
    const q = queryFromSearch(location.search);
    setQuery(q);
    if (q !== '') void search(q);
    else
      loadPagefind(base).catch(() => {
        // Said as soon as the page knows, before the learner types.
        if (run.current === 0) setState({ phase: 'unavailable' });
      });
    return () => {
      clearTimeout(timer.current);
    };
    // Once, when the page opens: later searches come from the form.
  }, []);

  const onInput = (e: TargetedEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void search(value);
    }, DEBOUNCE_MS);
  };
  const onSubmit = (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    void search(query);
  };

  const status =
    state.phase === 'idle' ? t.prompt
    : state.phase === 'searching' ? t.searching
    : state.phase === 'unavailable' ? t.unavailable
    : state.hits.length === 0 ? t.none(state.query)
    : t.count(state.hits.length, state.query);

  return (
    <div class="search" data-hydrated={hydrated ? 'true' : 'false'} data-phase={state.phase}>
      <form class="search__form" role="search" action={action} method="get" onSubmit={onSubmit}>
        <label for="search-query">{t.label}</label>
        <div class="search__row">
          <input id="search-query" type="search" name="q" value={query} onInput={onInput} autocomplete="off" enterkeyhint="search" maxLength={MAX_QUERY_LENGTH} />
          <button type="submit">{t.submit}</button>
        </div>
      </form>
      <p class={state.phase === 'unavailable' ? 'search__status error' : 'search__status'} role="status">{status}</p>
      {state.phase === 'done' && state.hits.length > 0 && (
        <ol class="search__results" aria-label={t.results}>
          {state.hits.map((hit) => (
            <li key={hit.url}>
              <a class="search__title" href={hit.url}>
                {hit.number !== '' && <span class="lesson-number">{hit.number}</span>} {hit.title}
              </a>
              <p class="search__excerpt">
                {hit.excerpt.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
