import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GLOSSARY, sortedGlossary } from '../../src/lib/glossary.ts';

const read = (dir: string, slug: string) => readFileSync(`${dir}/${slug}.mdx`, 'utf8');

describe('the glossary', () => {
  it('names each term once per language', () => {
    expect(new Set(GLOSSARY.map((t) => t.ja)).size).toBe(GLOSSARY.length);
    expect(new Set(GLOSSARY.map((t) => t.en.toLowerCase())).size).toBe(GLOSSARY.length);
  });

  for (const term of GLOSSARY) {
    it(`${term.ja} / ${term.en}: both words are in the lesson that introduces it (${term.lesson})`, () => {
      expect(read('content/lessons', term.lesson)).toContain(term.ja);
      expect(read('content/en/lessons', term.lesson).toLowerCase()).toContain(term.en.toLowerCase());
    });
  }

  it('sorts by the edition’s own word', () => {
    const en = sortedGlossary('en').map((t) => t.en);
    expect(en).toEqual([...en].sort((a, b) => a.localeCompare(b, 'en')));
    expect(sortedGlossary('ja')).toHaveLength(GLOSSARY.length);
  });
});
