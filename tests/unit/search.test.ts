import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normaliseQuery, queryFromSearch, searchWithQuery } from '../../src/lib/search/query.ts';
import { cleanLessonUrl, decodeEntities, excerptParts, toHit, toHits, type PagefindFragment } from '../../src/lib/search/results.ts';

describe('the query in the search page’s URL', () => {
  it('reads ?q= as the header’s form sends it, trimmed, with white space folded', () => {
    expect(queryFromSearch('')).toBe('');
    expect(queryFromSearch('?')).toBe('');
    expect(queryFromSearch('?q=')).toBe('');
    expect(queryFromSearch('?q=Adam')).toBe('Adam');
    // The form encodes Japanese and spaces (as +); a full-width space separates words too.
    expect(queryFromSearch('?q=%E9%81%8E%E5%AD%A6%E7%BF%92')).toBe('過学習');
    expect(queryFromSearch('?q=+learning++rate+')).toBe('learning rate');
    expect(queryFromSearch(`?q=${encodeURIComponent('過学習\u3000ドロップアウト')}`)).toBe('過学習 ドロップアウト');
    expect(queryFromSearch('?other=1&q=softmax')).toBe('softmax');
  });

  it('bounds a pasted page of text', () => {
    const long = 'a'.repeat(MAX_QUERY_LENGTH + 50);
    expect(normaliseQuery(long)).toHaveLength(MAX_QUERY_LENGTH);
    expect(queryFromSearch(`?q=${long}`)).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('writes the query back, keeping other parameters, and drops an empty one', () => {
    expect(searchWithQuery('', 'Adam')).toBe('?q=Adam');
    expect(searchWithQuery('?q=old', ' new  words ')).toBe('?q=new+words');
    expect(queryFromSearch(searchWithQuery('', '過学習'))).toBe('過学習');
    expect(searchWithQuery('?q=old', '')).toBe('');
    expect(searchWithQuery('?q=old', '   ')).toBe('');
    expect(searchWithQuery('?x=1&q=old', '')).toBe('?x=1');
    expect(searchWithQuery('x=1', 'relu')).toBe('?x=1&q=relu');
  });
});

describe('a result’s URL', () => {
  it('is the lesson’s clean URL, under any base', () => {
    expect(cleanLessonUrl('/lessons/dropout/')).toBe('/lessons/dropout/');
    expect(cleanLessonUrl('/lessons/dropout/index.html')).toBe('/lessons/dropout/');
    expect(cleanLessonUrl('/course/en/lessons/compile/index.html')).toBe('/course/en/lessons/compile/');
    expect(cleanLessonUrl('/course/en/lessons/compile')).toBe('/course/en/lessons/compile/');
    expect(cleanLessonUrl('/lessons/dropout.html')).toBe('/lessons/dropout/');
    expect(cleanLessonUrl('/lessons/dropout/#overfitting')).toBe('/lessons/dropout/');
    expect(cleanLessonUrl('/lessons/dropout/index.html?x=1#a')).toBe('/lessons/dropout/');
  });
});

describe('an excerpt', () => {
  it('decodes the character references Pagefind writes', () => {
    expect(decodeEntities('a &lt; b &amp;&amp; c &gt; d')).toBe('a < b && c > d');
    expect(decodeEntities('&quot;x&quot; &#39;y&#39; &#x27;z&#x27; &#12354;')).toBe('"x" \'y\' \'z\' あ');
    expect(decodeEntities('&unknown; &#0; & alone')).toBe('&unknown; &#0; & alone');
  });

  it('becomes runs of text, the matches marked', () => {
    expect(excerptParts('訓練データだけに合いすぎる<mark>過学習</mark>を抑える')).toEqual([
      { text: '訓練データだけに合いすぎる', mark: false },
      { text: '過学習', mark: true },
      { text: 'を抑える', mark: false },
    ]);
    expect(excerptParts('<mark>Adam</mark> keeps <mark>Adam</mark>')).toEqual([
      { text: 'Adam', mark: true },
      { text: ' keeps ', mark: false },
      { text: 'Adam', mark: true },
    ]);
    expect(excerptParts('')).toEqual([]);
    // Adjacent marks join.
    expect(excerptParts('<mark>a</mark><mark>b</mark>c')).toEqual([{ text: 'ab', mark: true }, { text: 'c', mark: false }]);
  });

  it('never turns anything but its marks into markup: other tags stay text', () => {
    const parts = excerptParts('x &lt;img src=x onerror=alert(1)&gt; <b>bold</b> <script>evil()</script> <mark>hit</mark>');
    expect(parts).toEqual([
      { text: 'x <img src=x onerror=alert(1)> <b>bold</b> <script>evil()</script> ', mark: false },
      { text: 'hit', mark: true },
    ]);
    // An entity cannot smuggle a mark in either: it is decoded after the marks are found.
    expect(excerptParts('&lt;mark&gt;no&lt;/mark&gt;')).toEqual([{ text: '<mark>no</mark>', mark: false }]);
  });
});

describe('results as the list shows them', () => {
  const fragment = (url: string, meta: Record<string, string>, excerpt = 'text'): PagefindFragment => ({ url, meta, excerpt });

  it('takes the title and number from the lesson’s meta, and links its clean URL', () => {
    expect(toHit(fragment('/course/lessons/dropout/index.html', { title: ' ドロップアウト ', number: '3-6' }, '<mark>過学習</mark>'))).toEqual({
      url: '/course/lessons/dropout/',
      title: 'ドロップアウト',
      number: '3-6',
      excerpt: [{ text: '過学習', mark: true }],
    });
    // A page without meta still gets a link text.
    expect(toHit(fragment('/lessons/x/', {}))).toMatchObject({ title: '/lessons/x/', number: '' });
  });

  it('lists each lesson once, best first', () => {
    const hits = toHits([
      fragment('/lessons/dropout/', { title: 'A' }),
      fragment('/lessons/training/index.html', { title: 'B' }),
      fragment('/lessons/dropout/index.html', { title: 'A again' }),
    ]);
    expect(hits.map((h) => [h.url, h.title])).toEqual([
      ['/lessons/dropout/', 'A'],
      ['/lessons/training/', 'B'],
    ]);
  });
});
