import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkMdx, checkStrings, formatFinding, lessonTitle, uiStrings, type Finding, type LessonTitle, type RuleId } from '../../src/lib/terminology.ts';

/** The rules that flag an MDX snippet, in order. */
const rules = (mdx: string): RuleId[] => checkMdx('x.mdx', mdx).map((f) => f.rule);
/** The rules that flag a UI string. */
const uiRules = (source: string): RuleId[] => checkStrings('ja.ts', uiStrings(ts, 'ja.ts', source), source).map((f) => f.rule);

describe('the voice check, rule by rule', () => {
  it('pixel: ピクセル, not 画素', () => {
    expect(rules('1 画素ずつずらす。')).toEqual(['pixel']);
    expect(rules('画素値を 255 で割る。')).toEqual(['pixel']);
    expect(rules('1 ピクセルずつずらす。ピクセル値を 255 で割る。')).toEqual([]);
  });

  it('one-hot: ワンホット表現, with one-hot only as a gloss or in code', () => {
    expect(rules('ラベルを one-hot 表現にする。')).toEqual(['one-hot']);
    expect(rules('ラベルを one-hot表現にする。')).toEqual(['one-hot']);
    expect(rules('One-hot の $t_k$ は')).toEqual(['one-hot']);
    expect(rules('ラベルをワンホット表現 (one-hot) にする。')).toEqual([]);
    expect(rules('`to_categorical` は one-hot encoding と呼ばれる処理で')).toEqual([]);
  });

  it('training-data: 学習用データ or 訓練データ, not 訓練用データ', () => {
    expect(rules('訓練用データの 1 割を検証に回す。')).toEqual(['training-data']);
    expect(rules('学習用データの 1 割を検証に回し、残りが訓練データになる。')).toEqual([]);
  });

  it('batch-count: 128 is 百数十枚, not 数百枚', () => {
    expect(rules('数百枚ずつまとめて')).toEqual(['batch-count']);
    expect(rules('百数十枚ずつまとめて')).toEqual([]);
  });

  it('colaboratory and memory: Colaboratory, メモリ', () => {
    expect(rules('Google Co-labo-ratory で')).toEqual(['colaboratory']);
    expect(rules('Colabo-ratory と Co-laboratory')).toEqual(['colaboratory', 'colaboratory']);
    expect(rules('Google Colaboratory で')).toEqual([]);
    expect(rules('GPU のメモリーが足りない')).toEqual(['memory']);
    expect(rules('GPU のメモリが足りない')).toEqual([]);
  });

  it('grayscale: グレースケール for grey levels; 白黒 only where it is two-valued, or marked', () => {
    expect(rules('28×28 ピクセル（白黒）')).toEqual(['grayscale']);
    expect(rules('28×28 ピクセル（グレースケール）')).toEqual([]);
    expect(rules('もともと白黒 2 値だった画像')).toEqual([]);
    expect(rules('白黒の 2 値ではなく、白黒の二値でもなく')).toEqual([]);
    expect(rules('小さな白黒画像が「○」か「×」か')).toEqual([]);
    expect(rules('白黒の写真{/* voice-ok: grayscale */}')).toEqual([]);
    expect(rules('{/* voice-ok: grayscale */}\n白黒の写真')).toEqual([]);
    expect(rules('{/* voice-ok: pixel */}\n白黒の写真')).toEqual(['grayscale']);
    expect(rules('{/* voice-ok: grayscale */}\n\n白黒の写真'), 'a marker covers its line and the next only').toEqual(['grayscale']);
  });

  it('counter-space: a space between a half-width number and its counter', () => {
    expect(rules('2つの層')).toEqual(['counter-space']);
    expect(rules('1つ目の畳み込み層')).toEqual(['counter-space']);
    expect(rules('128枚ずつ、3層、1,600個、0.5倍、12時間、2次元、10クラス、784ピクセル')).toHaveLength(8);
    expect(rules('2 つの層、1 つ目、128 枚、1,600 個、12 時間、2 次元、10 クラス')).toEqual([]);
    expect(rules('<Fact id="mnist.pixels" />個の値')).toEqual(['counter-space']);
    expect(rules('<Fact id="mnist.pixels" /> 個の値')).toEqual([]);
    // 万 and 億 belong to the number; 第3章 is written solid; a number before other words is not a count.
    expect(rules('6万枚、約1,698万、第3章、第1章で、MNIST の 28×28、0〜255 の値、3-1 のレッスン')).toEqual([]);
  });

  it('counter-space: the finding quotes the number and the counter as written', () => {
    const [f] = checkMdx('a.mdx', '入力は <Fact id="mnist.pixels" />個の値');
    expect(f).toMatchObject({ file: 'a.mdx', line: 1, rule: 'counter-space' });
    expect(f?.text).toContain('<Fact id="mnist.pixels" />個');
  });

  it('parenthesis: full-width （…） around Japanese, half-width ( ) around half-width content', () => {
    expect(rules('損失 (学習データ全体の平均) を')).toEqual(['parenthesis']);
    expect(rules('値 (0〜255) を')).toEqual(['parenthesis']);
    expect(rules('ワンホット表現(one-hot)にする')).toEqual(['parenthesis']);
    expect(rules('（0 ならインクなし)')).toEqual(['parenthesis']);
    expect(rules('損失（学習データ全体の平均）を')).toEqual([]);
    expect(rules('ネットワーク (CNN) のプログラム、座標 (x, y) の点、| (1) | 表')).toEqual([]);
    expect(rules('位置 ($r$, $c$) の値、形は (<Fact id="mnist.side" />, <Fact id="mnist.side" />) になる')).toEqual([]);
    expect(rules('1) 読み込む、(1) 読み込み、(2) 準備。形は (28, 28)。')).toEqual([]);
  });

  it('notation: z for the sum and the logits, found in maths and prose alike', () => {
    expect(rules('出力は $h(a)$ で、$\\sigma(a)$ と $\\max(0, a)$ と $\\operatorname{ReLU}(a)$')).toEqual(['notation', 'notation', 'notation', 'notation']);
    expect(rules('入力の線形和 $a$ を動かす')).toEqual(['notation']);
    expect(rules('ロジット $x_k$ をソフトマックスに通す。ロジット x₀〜x₉')).toEqual(['notation', 'notation']);
    expect(rules('出力 $u_{r,c}$ は')).toEqual(['notation']);
    expect(rules('出力は $h(z)$ で、$\\sigma(z)$、$\\max(0, z)$、線形和 $z$、ロジット $z_k$、出力 $z_{r,c}$')).toEqual([]);
    // a as the slope of 1-1, x as the input: not the old letters.
    expect(rules('$y = ax + b$ の傾き $a$、入力 $x_i$、$Q(a, b)$、$\\sigma(x)$')).toEqual([]);
    expect(uiRules("const t = { relu: 'ReLU(a) = max(0, a)', z: 'σ(z)' };")).toEqual(['notation', 'notation']);
  });

  it('link-title: a link to another lesson says its title, alone or after its number', () => {
    const lessons = new Map<string, LessonTitle>([['perceptron', { title: 'パーセプトロン', number: '1-2a' }]]);
    const links = (mdx: string) => checkMdx('x.mdx', mdx, lessons).map((f) => `${f.rule}: ${f.hint}`);
    expect(links('「[パーセプトロン](../perceptron/)」と[1-2a パーセプトロン](../perceptron/)、[節](../perceptron/#sum)')).toEqual([]);
    expect(links('[パーセプトロンのレッスン](../perceptron/)')).toEqual(['link-title: the lesson\'s title: 「パーセプトロン」 or 「1-2a パーセプトロン」']);
    expect(links('[前の章](../perceptorn/)')).toEqual(['link-title: no lesson "perceptorn"']);
    expect(links('{/* voice-ok: link-title */}[第1章](../perceptron/)')).toEqual([]);
    expect(checkMdx('x.mdx', '[第1章](../perceptron/)'), 'without the titles, links are not checked').toEqual([]);
    expect(lessonTitle('---\ntitle: 平坦化（Flatten）\nnumber: "3-5"\nchapter: 3\n---\n本文')).toEqual({ title: '平坦化（Flatten）', number: '3-5' });
    expect(lessonTitle('本文だけ')).toBeUndefined();
  });

  it('reads prose only: maths, code, JSX tags and attributes, link targets, URLs and imports are left alone', () => {
    const mdx = [
      '---',
      'title: 画素の話',
      '---',
      'import Demo from "../画素.astro";',
      'export const メモリー = 1;',
      '',
      '式 $f(画素) = 2つ$ と $$',
      '\\text{画素}(x)',
      '$$ の後。',
      '',
      '```python',
      'x = 2つ  # 画素 (白黒)',
      '```',
      '',
      '~~~',
      'メモリー',
      '~~~',
      '',
      'コード `one-hot 表現(画素)` は読まない。',
      '<Fact id="画素" /> と <DemoSlot id="白黒" data-x=\'メモリー\' /> と <Note\n  id="訓練用データ"\n>',
      '[ピクセルの表](../画素/(a)) と https://example.com/画素(白黒) と <https://example.com/数百枚>',
      '{/* 画素 */}と{"メモリー"}',
    ].join('\n');
    expect(checkMdx('x.mdx', mdx).map((f) => `${f.line} ${f.rule}`)).toEqual(['2 pixel']);
  });

  it('reads the prose attributes of components', () => {
    expect(checkMdx('x.mdx', '<Note title="白黒の写真">\n\n本文\n\n</Note>').map((f) => `${f.line} ${f.rule}`)).toEqual(['1 grayscale']);
    expect(rules('<Note title="グレースケールの写真" id="画素">')).toEqual([]);
  });

  it('gives 1-based lines of the file and formats a finding for the author', () => {
    const findings = checkMdx('content/lessons/a.mdx', '---\ntitle: t\n---\n\n本文\n1 画素ずつ');
    expect(findings).toEqual([{ file: 'content/lessons/a.mdx', line: 6, rule: 'pixel', text: '1 画素ずつ', hint: 'ピクセル (画素値 → ピクセル値)' }]);
    expect(formatFinding(findings[0] as Finding)).toBe('content/lessons/a.mdx:6 pixel: 1 画素ずつ → ピクセル (画素値 → ピクセル値)');
  });

  it('reads the strings of a TypeScript module, not its keys, imports or comments', () => {
    const source = [
      "import { x } from './画素.ts';",
      'export const ja = {',
      "  '画素': 'ピクセル',",
      "  pixels: (n: string) => `${n} 個の画素値`,",
      "  count: (n: number) => `${n}個`,",
      '  chapter: (n: number) => `第${n}章`,',
      "  loss: '損失 (平均)', // 画素",
      "  ok: 'グレースケールの画像 (0〜255 は括弧の外)',",
      '  long: `1 行目',
      '2 行目の画素`,',
      '  // voice-ok: memory',
      "  kept: 'メモリー',",
      "  link: 'https://example.com/(画素)',",
      '};',
    ].join('\n');
    const findings = checkStrings('ja.ts', uiStrings(ts, 'ja.ts', source), source);
    expect(findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['4 pixel', '5 counter-space', '7 parenthesis', '8 parenthesis', '10 pixel']);
    expect(uiRules("const a = '2 つ';")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The course itself: every lesson and every UI string speaks with one voice.

const LESSONS = 'content/lessons';
const UI = 'src/i18n/ja.ts';
function courseFindings(): Finding[] {
  const findings: Finding[] = [];
  const sources = readdirSync(LESSONS).filter((n) => n.endsWith('.mdx')).sort().map((name) => {
    const file = `${LESSONS}/${name}`;
    return { file, slug: name.replace(/\.mdx$/u, ''), source: readFileSync(file, 'utf8') };
  });
  const titles = new Map<string, LessonTitle>();
  for (const l of sources) {
    const t = lessonTitle(l.source);
    if (t) titles.set(l.slug, t);
  }
  for (const l of sources) findings.push(...checkMdx(l.file, l.source, titles));
  const source = readFileSync(UI, 'utf8');
  findings.push(...checkStrings(UI, uiStrings(ts, UI, source), source));
  return findings;
}

describe('the course in one voice (content/AUTHORING.md, "Voice and terms")', () => {
  it('has no term or typography that the course decided against', () => {
    const findings = courseFindings();
    if (findings.length > 0) {
      const perFile = new Map<string, number>();
      for (const f of findings) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
      console.log(
        [
          `${findings.length} voice findings (file:line rule: text → hint):`,
          ...findings.map(formatFinding),
          '',
          'per file:',
          ...[...perFile].map(([file, n]) => `  ${file}: ${n}`),
        ].join('\n'),
      );
    }
    expect(findings.map(formatFinding)).toEqual([]);
  });
});
