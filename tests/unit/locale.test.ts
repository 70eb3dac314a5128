import { describe, expect, it } from 'vitest';
import { browserLocale, counterpartHash, counterpartPath, localeOfPath, localePrefix, suggestedLocale } from '../../src/i18n/locale.ts';
import { lessonPath } from '../../src/lib/paths.ts';

describe('the two editions’ paths', () => {
  it('puts English under en/ and Japanese at the root', () => {
    expect(localePrefix('ja')).toBe('');
    expect(localePrefix('en')).toBe('en/');
    expect(lessonPath('regression')).toBe('lessons/regression/');
    expect(lessonPath('regression', 'en')).toBe('en/lessons/regression/');
  });

  it('tells which edition a path belongs to', () => {
    expect(localeOfPath('')).toBe('ja');
    expect(localeOfPath('lessons/cnn/')).toBe('ja');
    expect(localeOfPath('en/')).toBe('en');
    expect(localeOfPath('/en/lessons/cnn/')).toBe('en');
    // A lesson slug that starts with "en" is not the English edition.
    expect(localeOfPath('lessons/en/')).toBe('ja');
    expect(localeOfPath('english/')).toBe('ja');
  });

  it('maps each page to the same page of the other edition, both ways', () => {
    const pages = ['', 'lessons/convolution/', 'glossary/', 'tools/kit/'];
    for (const p of pages) {
      const en = counterpartPath(p, 'en');
      expect(en).toBe(`en/${p}`);
      expect(counterpartPath(en, 'ja')).toBe(p);
      expect(counterpartPath(p, 'ja')).toBe(p);
      expect(counterpartPath(en, 'en')).toBe(en);
    }
  });
});

describe('the language switch', () => {
  const ja = ['学習の流れ', 'バッチ', 'まとめ'];
  const en = ['how-training-runs', 'batches', 'summary'];

  it('lands on the same section: the n-th heading here is the n-th there', () => {
    expect(counterpartHash('#バッチ', ja, en)).toBe('#batches');
    expect(counterpartHash(`#${encodeURIComponent('まとめ')}`, ja, en)).toBe('#summary');
    expect(counterpartHash('#summary', en, ja)).toBe(`#${encodeURIComponent('まとめ')}`);
  });

  it('keeps the top of the page, and an anchor that is not a heading', () => {
    expect(counterpartHash('', ja, en)).toBe('');
    expect(counterpartHash('#', ja, en)).toBe('');
    expect(counterpartHash('#demo-1', ja, en)).toBe('#demo-1');
    // A heading with no counterpart (the other edition is shorter) goes to the top.
    expect(counterpartHash('#まとめ', ja, en.slice(0, 2))).toBe('');
  });

  it('suggests the browser’s language on a first visit, the learner’s choice after, and nothing when they match', () => {
    expect(browserLocale(['en-GB', 'ja'])).toBe('en');
    expect(browserLocale(['fr-FR', 'JA-jp'])).toBe('ja');
    expect(browserLocale(['fr', 'de'])).toBeNull();
    expect(suggestedLocale('ja', null, ['en-US'])).toBe('en');
    expect(suggestedLocale('ja', null, ['ja-JP', 'en'])).toBeNull();
    expect(suggestedLocale('en', null, ['fr'])).toBeNull();
    // Once chosen, the choice wins over the browser's language, both ways.
    expect(suggestedLocale('ja', 'ja', ['en-US'])).toBeNull();
    expect(suggestedLocale('ja', 'en', ['ja'])).toBe('en');
    expect(suggestedLocale('en', 'garbage', ['ja'])).toBe('ja');
  });
});

describe('the inline script’s functions', () => {
  // The language switch runs them in the browser from their source text (src/site/language-switch.ts):
  // rebuilt from it here, with nothing else in scope, they must still work.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- rebuilding from source text is the point
  const rebuild = <F>(f: F): F => (new Function(`return (${String(f)});`) as () => F)();

  it('are self-contained', () => {
    const hash = rebuild(counterpartHash);
    const suggest = rebuild(suggestedLocale);
    expect(hash('#b', ['a', 'b'], ['x', 'y'])).toBe('#y');
    expect(hash('#z', ['a'], ['x'])).toBe('#z');
    expect(suggest('ja', null, ['en-US'])).toBe('en');
    expect(suggest('ja', 'ja', ['en-US'])).toBeNull();
  });

  it('make one script that parses', async () => {
    const { languageSwitchScript } = await import('../../src/site/language-switch.ts');
    const code = languageSwitchScript();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the script must parse as the browser reads it
    expect(() => new Function(code)).not.toThrow();
    expect(code).toContain('cnn-course-locale');
  });
});
