/**
 * The voice check of issue #13: flags the terms and the typography that content/AUTHORING.md
 * ("Voice and terms") decided against, in lesson MDX and in the UI strings of src/i18n/.
 * Pure: text in, findings out. Only prose is read: front matter values, paragraphs, headings,
 * tables, link texts and the `title`/`alt`/`label`/`caption` attributes of components; code, maths,
 * other JSX, link targets, URLs and import/export lines are left alone, except that the `notation`
 * rule reads maths too and `link-title` compares links to other lessons with their titles.
 *
 * A finding the author has weighed and kept is silenced by a marker naming its rule, on the same
 * line or the line before: `{/* voice-ok: grayscale *\/}` in MDX, `// voice-ok: grayscale` in TS.
 */
import type * as TS from 'typescript';

export type RuleId =
  | 'pixel'
  | 'one-hot'
  | 'training-data'
  | 'batch-count'
  | 'colaboratory'
  | 'memory'
  | 'grayscale'
  | 'counter-space'
  | 'parenthesis'
  | 'notation'
  | 'link-title';

export interface Finding {
  readonly file: string;
  /** 1-based line in the file. */
  readonly line: number;
  readonly rule: RuleId;
  /** The offending words with a little of the line around them, as written in the file. */
  readonly text: string;
  /** What to write instead. */
  readonly hint: string;
}

/** Kana, kanji, the prolonged-sound mark and full-width punctuation (、。「」〜（）： …). */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303F\u30FB\u30FC\uFF01-\uFF60]/u;
const KANA_KANJI = '\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}\\u30FC';
const WORD = new RegExp(`[${KANA_KANJI}]`, 'u');

/**
 * Counters and units that take a space after a half-width number (「2 つ」「128 枚」「3 層」).
 * 万, 億, 千 and 百 are not here: they are part of the number (「6万」). Numbers after 第 are
 * written solid (「第3章」).
 */
export const COUNTERS: readonly string[] = [
  'つ', '個', '枚', '層', '回', '行', '列', '次元', '次', '種類', '種', 'クラス', '文字', 'ピクセル', '画素',
  'マス', '組', '通り', '本', '点', '段階', '段', '時間', '分', '秒', '日', '年', '人', '件', '倍', '度', '桁',
  '割', '番目', '番', '乗', '値', '辺', '色', 'か所', 'ヶ所', '箇所', '周', 'チャンネル', 'エポック', 'バッチ',
  'ステップ', 'ニューロン', 'レッスン', 'ページ', '章', '節', '問',
].sort((a, b) => b.length - a.length);

interface Rule {
  readonly id: RuleId;
  readonly pattern: RegExp;
  readonly hint: string;
  /** True where this match is an accepted use. */
  readonly allow?: (line: string, index: number, match: RegExpExecArray) => boolean;
  /** Read the line with its maths (`$…$` kept, dollars and all) instead of prose alone. */
  readonly withMaths?: boolean;
}

const RULES: readonly Rule[] = [
  { id: 'pixel', pattern: /画素/gu, hint: 'ピクセル (画素値 → ピクセル値)' },
  {
    id: 'one-hot',
    pattern: new RegExp(`one-hot\\s*(?=[${KANA_KANJI}])`, 'giu'),
    hint: 'ワンホット表現 (one-hot only as a gloss in parentheses, 「ワンホット表現 (one-hot)」, or in code)',
  },
  { id: 'training-data', pattern: /訓練用データ/gu, hint: '学習用データ (the 60,000 of x_train) or 訓練データ (the 54,000 that update the weights)' },
  { id: 'batch-count', pattern: /数百枚/gu, hint: '百数十枚 (a batch of 128), or the number itself' },
  { id: 'colaboratory', pattern: /Co(?:-labo-?|labo-)ratory/giu, hint: 'Colaboratory (Google Colaboratory, Colab)' },
  { id: 'memory', pattern: /メモリー/gu, hint: 'メモリ' },
  {
    id: 'grayscale',
    pattern: /白黒/gu,
    hint: 'グレースケール for grey levels (MNIST, the drawing); for two-valued images say 二値 (or 白黒 2 値), or mark a kept use with voice-ok: grayscale',
    // Accepted: 白黒 said to be two-valued right there, or the ○/× grids of chapter 1.
    allow: (line, index) => /^白黒(?:の)?\s*(?:2\s*値|二値)/u.test(line.slice(index)) || line.includes('○'),
  },
  {
    id: 'counter-space',
    pattern: new RegExp(`(?<![\\d.,])(?<!第\\u0000*)\\d(?:[\\d.,]*\\d)?(?:${COUNTERS.join('|')})`, 'gu'),
    hint: 'a half-width space between the number and the counter: 「2 つ」「128 枚」「1 つ目」',
  },
  {
    // Only the old letters that cannot mean anything else: a as the argument of an activation
    // function or named 線形和, x named ロジット, u with the two indices of a convolution's output.
    id: 'notation',
    pattern: new RegExp(
      [
        String.raw`(?:\\sigma|σ|\bh|\bstep|ReLU\}?|\\max|\bmax)\s*\(\s*(?:0\s*,\s*)?a\s*\)`,
        String.raw`線形和\s*\$?\s*a(?![\w])`,
        String.raw`ロジット\s*\$?\s*x`,
        String.raw`\bu_\{\s*\w+\s*,`,
      ].join('|'),
      'gu',
    ),
    hint: 'z for the weighted sum before the activation (h(z), σ(z), max(0, z)), z_k for the logits, z_{r,c} for a convolution\'s sum',
    withMaths: true,
  },
];

/** A URL in prose, with balanced ( ) inside (Wikipedia's). */
const BARE_URL = /\b(?:https?|ftp):\/\/[^\s<>"'()（）「」、。]+(?:\([^\s()]*\)[^\s<>"'()（）「」、。]*)*/gu;

/** What a masked number is made of before its final "0" (so 「第<Fact … />章」 still reads 第…章). */
const FILLER = '\u0000';

// ---------------------------------------------------------------------------------------------
// Masking: non-prose becomes spaces (newlines kept), so positions and line numbers stay those of
// the file. A <Fact /> stands for a number: its last character becomes "0", so 「<Fact … />個」
// reads as a number directly followed by a counter.

class Mask {
  readonly chars: string[];
  /** For each position inside a masked span, where the span starts (to quote it whole). */
  readonly spanStart: Int32Array;

  constructor(readonly source: string) {
    this.chars = source.split('');
    this.spanStart = Int32Array.from(this.chars, (_, i) => i);
  }

  text(): string {
    return this.chars.join('');
  }

  /** Masks [from, to) as a number: filler that is neither word nor space, then "0". */
  number(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (this.chars[i] !== '\n') this.chars[i] = FILLER;
      this.spanStart[i] = from;
    }
    if (to > from) this.chars[to - 1] = '0';
  }

  blank(from: number, to: number, keepFrom = to, keepTo = to): void {
    for (let i = from; i < to; i++) {
      if (i >= keepFrom && i < keepTo) continue;
      if (this.chars[i] !== '\n') this.chars[i] = ' ';
      this.spanStart[i] = from;
    }
  }

  /** Blanks every match of `re` (global) in the current text. */
  each(re: RegExp, f: (m: RegExpExecArray) => void = (m) => { this.blank(m.index, m.index + m[0].length); }): void {
    const text = this.text();
    for (const m of text.matchAll(re)) f(m);
  }
}

const PROSE_ATTRIBUTE = /\b(?:title|alt|label|caption)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
const VOICE_OK = /voice-ok:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/gu;

type OptOuts = Map<number, Set<string>>;

function addOptOuts(optOuts: OptOuts, comment: string, firstLine: number, lastLine: number): void {
  for (const m of comment.matchAll(VOICE_OK)) {
    const rules = (m[1] ?? '').split(/\s*,\s*/u);
    for (let line = firstLine; line <= lastLine + 1; line++) {
      const set = optOuts.get(line) ?? new Set<string>();
      for (const r of rules) set.add(r);
      optOuts.set(line, set);
    }
  }
}

const lineAt = (text: string, index: number): number => {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

function maskMdx(source: string): { mask: Mask; maths: [number, number][]; optOuts: OptOuts; links: LessonLink[] } {
  const mask = new Mask(source);
  const optOuts: OptOuts = new Map();

  // Fenced code blocks and top-level import/export lines, line by line.
  let offset = 0;
  let fence: string | undefined;
  for (const line of source.split('\n')) {
    const end = offset + line.length;
    const opener = /^\s*(`{3,}|~{3,})/u.exec(line)?.[1];
    if (fence !== undefined) {
      mask.blank(offset, end);
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = undefined;
    } else if (opener !== undefined) {
      fence = opener;
      mask.blank(offset, end);
    } else if (/^(?:import|export)\s/u.test(line)) {
      mask.blank(offset, end);
    }
    offset = end + 1;
  }

  // Comments, which may carry voice-ok markers.
  mask.each(/\{\s*\/\*[\s\S]*?\*\/\s*\}|<!--[\s\S]*?-->/gu, (m) => {
    addOptOuts(optOuts, m[0], lineAt(source, m.index), lineAt(source, m.index + m[0].length));
    mask.blank(m.index, m.index + m[0].length);
  });
  mask.each(/(`+)(?:(?!\1)[^\n])+?\1/gu); // inline code
  const maths: [number, number][] = [];
  const keepMaths = (m: RegExpExecArray) => {
    maths.push([m.index, m.index + m[0].length]);
    mask.blank(m.index, m.index + m[0].length);
  };
  mask.each(/\$\$[\s\S]*?\$\$/gu, keepMaths); // display maths
  mask.each(/\$(?:\\.|[^$\\\n])+\$/gu, keepMaths); // inline maths
  // JSX tags: gone, but for the words of their prose attributes; a <Fact /> becomes a number.
  mask.each(/<\/?[A-Za-z][\w.:-]*(?:"[^"]*"|'[^']*'|\{[^{}]*\}|[^<>"'{}])*>/gu, (m) => {
    const from = m.index;
    const to = from + m[0].length;
    const keep: [number, number][] = [];
    for (const a of m[0].matchAll(PROSE_ATTRIBUTE)) {
      const value = a[1] ?? a[2] ?? '';
      const valueStart = from + a.index + a[0].length - value.length - 1;
      keep.push([valueStart, valueStart + value.length]);
    }
    let cursor = from;
    for (const [a, b] of keep) {
      mask.blank(cursor, a);
      cursor = b;
    }
    if (/^<Fact\b/u.test(m[0])) mask.number(from, to);
    else mask.blank(cursor, to);
  });
  // JSX expressions, innermost first.
  for (let found = true; found;) {
    found = false;
    mask.each(/\{[^{}]*\}/gu, (m) => {
      found = true;
      mask.blank(m.index, m.index + m[0].length);
    });
  }
  // Links to another lesson, for their texts; then link targets (the link text stays),
  // reference definitions and bare URLs.
  const links: LessonLink[] = [];
  mask.each(/\[([^[\]\n]+)\]\(\.\.\/([a-z0-9-]+)\/(#[^)\s]*)?\)/gu, (m) => {
    if (m[3] !== undefined) return; // a section: its words are the section's
    const textStart = m.index + 1;
    links.push({ line: lineAt(source, m.index), text: source.slice(textStart, textStart + (m[1] ?? '').length), slug: m[2] ?? '' });
  });
  mask.each(/\]\((?:<[^>\n]*>|[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/gu, (m) => {
    mask.blank(m.index + 1, m.index + m[0].length);
  });
  mask.each(/^\s*\[[^\]\n]+\]:\s*\S+.*$/gmu);
  mask.each(BARE_URL);
  return { mask, maths, optOuts, links };
}

interface LessonLink {
  /** 0-based line in the file. */
  readonly line: number;
  readonly text: string;
  readonly slug: string;
}

/** What a link to a lesson may say: its title, alone or after its number. */
export interface LessonTitle {
  readonly title: string;
  readonly number: string;
}

/** The `title` and `number` of a lesson's front matter, or undefined if it has none. */
export function lessonTitle(source: string): LessonTitle | undefined {
  const front = /^---\n([\s\S]*?)\n---/u.exec(source)?.[1];
  const field = (name: string) => {
    const value = new RegExp(`^${name}:\\s*(.*)$`, 'mu').exec(front ?? '')?.[1]?.trim();
    return value?.replace(/^(["'])(.*)\1$/u, '$2');
  };
  const title = field('title');
  const number = field('number');
  return title === undefined || number === undefined ? undefined : { title, number };
}

function linkFindings(file: string, links: readonly LessonLink[], lessons: ReadonlyMap<string, LessonTitle>, optOuts: OptOuts): Finding[] {
  const findings: Finding[] = [];
  for (const link of links) {
    if (optOuts.get(link.line)?.has('link-title')) continue;
    const lesson = lessons.get(link.slug);
    const accepted = lesson === undefined ? [] : [lesson.title, `${lesson.number} ${lesson.title}`];
    if (accepted.includes(link.text)) continue;
    findings.push({
      file,
      line: link.line + 1,
      rule: 'link-title',
      text: `[${link.text}](../${link.slug}/)`,
      hint: lesson === undefined ? `no lesson "${link.slug}"` : `the lesson's title: 「${accepted.join('」 or 「')}」`,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Rules over one line of prose.

function excerpt(original: string, from: number, to: number): string {
  const a = Math.max(0, from - 6);
  const b = Math.min(original.length, to + 6);
  return `${a > 0 ? '…' : ''}${original.slice(a, b).trim()}${b < original.length ? '…' : ''}`;
}

/**
 * Half-width parentheses in prose: a pair whose content has Japanese in it, a pair of half-width
 * content stuck to Japanese outside (「表現(one-hot)」), or a lone ( or ) next to Japanese.
 */
function parenthesisSpans(line: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  const lone: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '(') stack.push(i);
    else if (line[i] === ')') {
      const open = stack.pop();
      if (open === undefined) lone.push(i);
      else pairs.push([open, i]);
    }
  }
  lone.push(...stack);
  // Outside a pair, only a word counts: 「、(1) 」 and 「(x, y)。」 are fine.
  const word = (i: number) => WORD.test(line[i] ?? '');
  const japanese = (i: number) => JAPANESE.test(line[i] ?? '');
  for (const [open, close] of pairs) {
    const inner = line.slice(open + 1, close);
    if (JAPANESE.test(inner)) {
      out.push([open, close + 1, '（…） full-width around Japanese words; half-width ( ) only around all half-width content such as (x, y)']);
    } else if (word(open - 1) || word(close + 1)) {
      out.push([open, close + 1, 'a space between the half-width ( ) and the Japanese next to it, 「表現 (one-hot) を」, or full-width （…）']);
    }
  }
  for (const i of lone) {
    if (japanese(i - 1) || japanese(i + 1)) out.push([i, i + 1, 'full-width （ ） in Japanese prose, and both of a pair the same width']);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function checkLine(
  file: string,
  lineNumber: number,
  prose: string,
  withMaths: string,
  original: string,
  spanStart: (i: number) => number,
  optOut: ReadonlySet<string> | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const push = (rule: RuleId, from: number, to: number, hint: string) => {
    if (optOut?.has(rule)) return;
    findings.push({ file, line: lineNumber, rule, text: excerpt(original, Math.min(from, spanStart(from)), to), hint });
  };
  for (const rule of RULES) {
    const line = rule.withMaths === true ? withMaths : prose;
    for (const m of line.matchAll(rule.pattern)) {
      if (rule.allow?.(line, m.index, m)) continue;
      push(rule.id, m.index, m.index + m[0].length, rule.hint);
    }
  }
  for (const [from, to, hint] of parenthesisSpans(prose)) push('parenthesis', from, to, hint);
  return findings.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------

/**
 * The findings of masked text whose first line is line `firstLine` (0-based) of the file; the
 * spans in `maths` are put back for the rules that read maths.
 */
function checkMasked(file: string, mask: Mask, firstLine: number, optOuts: OptOuts, maths: readonly [number, number][] = []): Finding[] {
  const originalLines = mask.source.split('\n');
  const withMaths = [...mask.chars];
  for (const [from, to] of maths) for (let i = from; i < to; i++) withMaths[i] = mask.source[i] ?? ' ';
  const withMathsLines = withMaths.join('').split('\n');
  const findings: Finding[] = [];
  let offset = 0;
  mask.text().split('\n').forEach((prose, i) => {
    const base = offset;
    const starts = (j: number) => (mask.spanStart[base + j] ?? base + j) - base;
    const line = firstLine + i;
    findings.push(...checkLine(file, line + 1, prose, withMathsLines[i] ?? '', originalLines[i] ?? '', starts, optOuts.get(line)));
    offset += prose.length + 1;
  });
  return findings;
}

/**
 * The findings of one lesson's MDX source, in line order. With `lessons` (slug → title and
 * number, see `lessonTitle`), a link to another lesson, `[text](../slug/)`, must say its title.
 */
export function checkMdx(file: string, source: string, lessons?: ReadonlyMap<string, LessonTitle>): Finding[] {
  const { mask, maths, optOuts, links } = maskMdx(source);
  const findings = checkMasked(file, mask, 0, optOuts, maths);
  if (lessons !== undefined) findings.push(...linkFindings(file, links, lessons, optOuts));
  return findings.sort((a, b) => a.line - b.line);
}

export interface UiString {
  /** 1-based line where the string starts. */
  readonly line: number;
  /** The string as written between its quotes (escapes as in the source); newlines kept. */
  readonly text: string;
  /** Where `text` has a template's `${…}`, [from, to): it reads as a number, as it mostly is. */
  readonly holes: readonly (readonly [number, number])[];
}

/**
 * The string literals of a TypeScript module (the UI strings of src/i18n/), parsed with the
 * TypeScript compiler the caller passes in. Property names and module specifiers are not strings
 * of the UI.
 */
export function uiStrings(ts: typeof TS, fileName: string, source: string): UiString[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: UiString[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const isKey = (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node;
      if (!isKey) out.push({ line: lineOf(node.getStart(sf)), text: node.getText(sf).slice(1, -1), holes: [] });
      return;
    }
    if (ts.isTemplateExpression(node)) {
      // Offsets in the text between the backquotes: `${` ends the head and each middle part.
      const start = node.getStart(sf) + 1;
      const holes: [number, number][] = [];
      let holeFrom = node.head.getEnd() - 2 - start;
      for (const span of node.templateSpans) {
        const literalStart = span.literal.getStart(sf) - start;
        holes.push([holeFrom, literalStart + 1]);
        holeFrom = span.literal.getEnd() - 2 - start;
        ts.forEachChild(span.expression, visit);
      }
      out.push({ line: lineOf(start - 1), text: node.getText(sf).slice(1, -1), holes });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * The findings of UI strings (from `uiStrings`). `source` is the module's text, read for
 * `// voice-ok: rule` markers, which cover their own line and the next.
 */
export function checkStrings(file: string, strings: readonly UiString[], source = ''): Finding[] {
  const optOuts: OptOuts = new Map();
  source.split('\n').forEach((line, i) => {
    const comment = /\/\/.*$/u.exec(line)?.[0];
    if (comment !== undefined) addOptOuts(optOuts, comment, i, i);
  });
  const findings: Finding[] = [];
  for (const s of strings) {
    const mask = new Mask(s.text);
    for (const [from, to] of s.holes) mask.number(from, to);
    mask.each(BARE_URL);
    findings.push(...checkMasked(file, mask, s.line - 1, optOuts));
  }
  return findings;
}

/** One finding as an author reads it: `file:line rule: text → hint`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} ${f.rule}: ${f.text} → ${f.hint}`;
}
