/**
 * The comments and messages of the Python program that comes with an exported model
 * (./colab.ts), in both editions side by side. They are the program's content, not the page's UI,
 * so they stay out of the per-page string tables (src/i18n/): only the export (loaded when the
 * learner exports) and the lesson's code block (rendered at build time) use them.
 */

export const COLAB_TEXT = {
  ja: {
    title: 'CNN を基礎から：このコースで書き出したモデルを Keras で評価するプログラム',
    usage: 'Google Colab での使い方：',
    uploadStep: (n: number) => `左の「ファイル」パネルに、次の ${n} つのファイルをアップロードします。`,
    uploadCell: ['パネルを使う代わりに、セルで次の 2 行を実行して', 'ファイルを選んでもかまいません。'],
    runStep: 'セルで次のどちらかを実行します。',
    result: (count: string) => [
      `テストデータ ${count} 枚での損失 Test loss と正解率 Test accuracy が表示されます。`,
      '正解率は 0〜1 の割合です（100 倍するとページの % の値）。',
      '「テストデータでの評価」のレッスンで同じモデルについて表示される正解率と',
      '同じになるはずです（計算の順序による、ごくわずかな差を除きます）。',
    ],
    elsewhere: (command: string) => [
      'Colab 以外でも、TensorFlow と numpy の入った Python で、ファイルを置いたフォルダで',
      `${command} と実行できます（ファイルが別のフォルダにあるときは、そのフォルダを最後に付けます）。`,
    ],
    importNote: (line: string) => `${line} とすれば評価は始まらず、下の関数だけを使えます。`,
    libraries: '元資料と同じライブラリ（json、os、sys はファイルを読むために使う）',
    files: '書き出したモデルのファイル（このプログラムと同じフォルダに置く）',
    errorClass: 'モデルのファイルがない、壊れている、別のモデルのものであるときのエラー',
    build: '元資料と同じ CNN を組み立てる（重みはまだ乱数）',
    read: [
      'model.json の weightsManifest に書かれた順に、weights.bin から重みを取り出す。',
      '値は 32 ビットの浮動小数点数（float32、リトルエンディアン）で、すき間なく並んでいる。',
      'ファイルの大きさ、重みの数と形が合わなければ ModelFilesError を出す。',
    ],
    group: '「paths」のファイルをつなげたものに、「weights」の重みがこの順に入っている',
    float32: '4 バイトずつ、リトルエンディアンの float32 として読む',
    load: 'CNN を組み立て、重みを書き出したものに入れ替え、元資料と同じ設定でコンパイルする',
    compile: 'evaluate が損失と正解率を計算するのに必要（学習はしないので、最適化手法は使われない）',
    data: 'MNIST を読み込み、テストデータを元資料と同じ手順で整える（学習はしないので、学習用データは使わない）',
    evaluate: '元資料の最後の 3 行と同じ：テストデータで損失と正解率を測る',
    main: '「!python」や「%run」で実行したときだけ評価する（import したときは関数を定義するだけ）',
    errors: {
      missing: (name: string, folder: string) => `${name} が見つかりません（探したフォルダ：${folder}）。model.json、weights.bin、このプログラムの 3 つを同じフォルダに置いてください。`,
      notModel: (name: string) => `${name} を TensorFlow.js のモデル（weightsManifest のある model.json）として読めませんでした。`,
      count: (file: string, found: string, expected: string) =>
        `${file} には重みが ${found} 個書かれていますが、この CNN の重みは ${expected} 個です。このコースの CNN を書き出したファイルか確かめてください。`,
      bytes: (file: string, found: string, expected: string) =>
        `${file} は ${found} バイトですが、model.json によれば ${expected} バイトのはずです。ダウンロードが途中で切れたか、別のモデルのファイルと混ざっています。もう一度書き出してください。`,
      dtype: (name: string, dtype: string) => `重み ${name} の型が ${dtype} です。このプログラムが読めるのは float32 の重みだけです。`,
      shape: (name: string, found: string, expected: string) =>
        `重み ${name} の形が ${found} ですが、この CNN では ${expected} のはずです。このコースの CNN を書き出したファイルか確かめてください。`,
    },
  },
  en: {
    title: 'CNN from the ground up: evaluate a model exported from the course with Keras',
    usage: 'How to use it in Google Colab:',
    uploadStep: (n: number) => `Upload these ${n} files with the Files panel on the left.`,
    uploadCell: ['Instead of the panel, you can also run these two lines', 'in a cell and pick the files.'],
    runStep: 'Run one of these in a cell.',
    result: (count: string) => [
      `It prints the test loss and the test accuracy on the ${count} test images.`,
      'The accuracy is a fraction from 0 to 1 (times 100, the page\'s percentage).',
      'It should be the accuracy that the lesson "Evaluating on the test set" shows',
      'for the same model (apart from tiny differences in the order of the arithmetic).',
    ],
    elsewhere: (command: string) => [
      'Outside Colab, any Python with TensorFlow and numpy runs it from the folder with the files:',
      `${command} (add a folder at the end if the model files are elsewhere).`,
    ],
    importNote: (line: string) => `After ${line} nothing is evaluated; you can use the functions below.`,
    libraries: 'The deck\'s libraries (json, os and sys read the files)',
    files: 'The exported model\'s files (put them in the same folder as this program)',
    errorClass: 'Raised when the model files are missing, damaged or belong to another model',
    build: 'The deck\'s CNN (its weights are still random here)',
    read: [
      'Reads the weights from weights.bin in the order that model.json\'s weightsManifest lists them.',
      'The values are 32-bit floating-point numbers (float32, little-endian), packed without gaps.',
      'Raises ModelFilesError if the size of the file, or the number or shapes of the weights, do not match.',
    ],
    group: 'The files listed in "paths", joined end to end, hold the weights listed in "weights", in order',
    float32: 'Four bytes each, read as little-endian float32',
    load: 'Builds the CNN, replaces its weights with the exported ones and compiles it as the deck does',
    compile: 'evaluate needs it to compute the loss and the accuracy (nothing is trained, so the optimizer is not used)',
    data: 'Loads MNIST and prepares the test data the way the deck does (nothing is trained, so the training data is not used)',
    evaluate: 'The deck\'s last three lines: the loss and the accuracy on the test data',
    main: 'Evaluates only when run ("!python" or "%run"); an import only defines the functions',
    errors: {
      missing: (name: string, folder: string) => `${name} was not found (looked in ${folder}). Put model.json, weights.bin and this program, all three, in the same folder.`,
      notModel: (name: string) => `${name} could not be read as a TensorFlow.js model (a model.json with a weightsManifest).`,
      count: (file: string, found: string, expected: string) =>
        `${file} lists ${found} weights, but this CNN has ${expected}. Check that the files were exported from this course's CNN.`,
      bytes: (file: string, found: string, expected: string) =>
        `${file} has ${found} bytes, but model.json says it should have ${expected}. The download was cut short, or the files come from different models. Export them again.`,
      dtype: (name: string, dtype: string) => `The weight ${name} is of type ${dtype}. This program reads only float32 weights.`,
      shape: (name: string, found: string, expected: string) =>
        `The weight ${name} has the shape ${found}, but in this CNN it should be ${expected}. Check that the files were exported from this course's CNN.`,
    },
  },
} as const;

export type ColabText = (typeof COLAB_TEXT)['ja'] | (typeof COLAB_TEXT)['en'];

/** The program's texts for an edition (`strings.lang`); Japanese unless it is English. */
export function colabText(lang: string): ColabText {
  return lang === 'en' ? COLAB_TEXT.en : COLAB_TEXT.ja;
}
