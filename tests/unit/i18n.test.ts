import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ja } from '../../src/i18n/ja.ts';
import { en } from '../../src/i18n/en.ts';
import { currentLocale, setLocale, strings, stringsFor } from '../../src/i18n/index.ts';
import { factText, formulaTex } from '../../src/lib/facts.ts';

/** Every path to a leaf of a string table, with the leaf's kind (a function's arity too). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (Array.isArray(value)) return [`${path}: array/${value.length}`, ...value.flatMap((v, i) => shape(v, `${path}[${i}]`))];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}: ${typeof value}`];
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

afterEach(() => {
  setLocale('ja');
});

describe('the two string tables', () => {
  it('have the same keys, kinds, arities and array lengths', () => {
    const a = shape(ja);
    const b = shape(en);
    expect(b.filter((k) => !a.includes(k)), 'in en.ts only').toEqual([]);
    expect(a.filter((k) => !b.includes(k)), 'in ja.ts only').toEqual([]);
  });

  it('the English one has no Japanese text', () => {
    const found: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string' && JAPANESE.test(value)) found.push(`${path}: ${value}`);
      else if (typeof value === 'function') {
        // Call with plausible arguments and read what it says.
        const args = Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 3 : 'x'));
        try {
          const out: unknown = (value as (...a: unknown[]) => unknown)(...args);
          if (typeof out === 'string' && JAPANESE.test(out)) found.push(`${path}(): ${out}`);
        } catch {
          // Functions that need real objects are left to the end-to-end tests.
        }
      } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(en, 'en');
    expect(found).toEqual([]);
  });
});

describe('strings: the table of the edition in use', () => {
  it('reads the locale the page set, and follows a change, also through a view kept at a module’s top', () => {
    const kept = strings.backend;
    setLocale('ja');
    expect(currentLocale()).toBe('ja');
    expect(strings.lang).toBe('ja');
    expect(kept.label).toBe(ja.backend.label);
    setLocale('en');
    expect(strings.lang).toBe('en');
    expect(kept.label).toBe(en.backend.label);
    expect(strings.chapter(3)).toBe(en.chapter(3));
    expect(stringsFor('ja').chapter(3)).toBe(ja.chapter(3));
  });

  it('views arrays as arrays and objects as objects', () => {
    setLocale('en');
    expect(Array.isArray(strings.homeFeatures)).toBe(true);
    expect(strings.homeFeatures.length).toBe(en.homeFeatures.length);
    expect(strings.homeFeatures.map((f) => f)).toEqual(en.homeFeatures);
    expect([...strings.homeFeatures]).toEqual(en.homeFeatures);
    expect(Object.keys(strings.backend.names)).toEqual(Object.keys(en.backend.names));
    expect(JSON.parse(JSON.stringify(strings.backend.names))).toEqual(en.backend.names);
    expect('label' in strings.backend).toBe(true);
  });
});

describe('facts in each edition', () => {
  it('words differ only where a fact is words; numbers and shapes are the same', () => {
    expect(factText('cnn.denseEquivalent.rounded', 'ja')).toBe('約1,698万');
    expect(factText('cnn.denseEquivalent.rounded', 'en')).toBe('about 17.0 million');
    expect(factText('descent.rate3.w20', 'en')).toBe('moves away from the valley');
    expect(factText('descent.rate1.w20', 'en')).toBe('about 2.97');
    expect(factText('mnist.train', 'en')).toBe(factText('mnist.train', 'ja'));
    expect(formulaTex('fit.batches', 'en')).toContain('\\text{batches}');
    expect(formulaTex('fit.batches', 'en').replace('batches', 'バッチ')).toBe(formulaTex('fit.batches', 'ja'));
  });
});

describe('the English lessons', () => {
  const dir = (l: string) => (l === 'en' ? 'content/en/lessons' : 'content/lessons');
  const slugs = readdirSync(dir('ja')).filter((f) => f.endsWith('.mdx'));
  const read = (l: string, f: string) => readFileSync(`${dir(l)}/${f}`, 'utf8');
  const front = (src: string, key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(src)?.[1]?.trim();
  const sections = (src: string) => src.replace(/```[\s\S]*?```/g, '').split('\n').filter((l) => /^#{2,3} /.test(l)).map((l) => l.match(/^#+/)?.[0].length);
  const tags = (src: string, name: string) => [...src.matchAll(new RegExp(`<${name}\\b[^>]*?id="([^"]+)"`, 'g'))].map((m) => m[1]).sort();
  const demos = (src: string) => [...src.matchAll(/<([A-Z][A-Za-z]+Demo|MnistExplorer|ModelSummary)\b/g)].map((m) => m[1]).sort();

  it('exist for every Japanese lesson, and no more', () => {
    expect(readdirSync(dir('en')).filter((f) => f.endsWith('.mdx')).sort()).toEqual([...slugs].sort());
  });

  for (const f of slugs) {
    it(`${f}: same number, chapter, order, sections, facts, formulas and demos as the Japanese`, () => {
      const j = read('ja', f);
      const e = read('en', f);
      for (const key of ['number', 'chapter', 'order']) expect(front(e, key), key).toBe(front(j, key));
      expect(sections(e), 'section levels in order').toEqual(sections(j));
      expect(new Set(tags(e, 'Fact')), 'fact ids used').toEqual(new Set(tags(j, 'Fact')));
      expect(new Set(tags(e, 'FactMath')), 'formula ids used').toEqual(new Set(tags(j, 'FactMath')));
      expect(demos(e), 'demos').toEqual(demos(j));
    });

    it(`${f}: Japanese only in glossary glosses and quotations of the deck`, () => {
      const prose = read('en', f)
        .replace(/```[\s\S]*?```/g, '')
        .replace(/「[^」]*」/g, '')
        .replace(/\(([^()]*)\)/g, (m, inner: string) => (inner.split(/[,、]\s*/).every((t) => !JAPANESE.test(t) || /^[\u3040-\u30ff\u3400-\u9fffー（）・A-Za-z]+$/u.test(t.trim())) ? '' : m));
      const lines = prose.split('\n').map((l, i) => [i + 1, l] as const).filter(([, l]) => JAPANESE.test(l));
      expect(lines.map(([n, l]) => `${n}: ${l.trim()}`)).toEqual([]);
    });
  }
});
