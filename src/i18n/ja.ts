/**
 * Every UI string of the Japanese edition. Lesson prose lives in content/; this file holds the
 * words of the site's chrome and of the demos, so an English edition only adds en.ts.
 */
export const ja = {
  lang: 'ja',
  siteTitle: 'CNN を基礎から',
  siteTagline: 'ブラウザで動かして学ぶ畳み込みニューラルネットワーク',
  skipToContent: '本文へ移動',
  home: 'ホーム',
  outline: 'コースの目次',
  startCourse: '最初のレッスンから始める',
  chapter: (n: number) => `第${n}章`,
  lesson: (n: string) => `レッスン ${n}`,
  lessonCount: (n: number) => `全${n}レッスン`,
  lessonPosition: (i: number, total: number) => `${i} / ${total}`,
  previous: '前へ',
  next: '次へ',
  onThisPage: 'このページの内容',
  courseNav: 'コース内の移動',
  breadcrumb: 'パンくずリスト',
  themeToggle: 'テーマ',
  themeLight: 'ライト',
  themeDark: 'ダーク',
  themeSystem: '自動',
  footer: 'ニューラルネットワークの計算はすべてこのブラウザの中で行われ、データは外部に送信されません。',
  demoPlanned: 'デモ（準備中）',
  demoPlannedNote: 'ここには次のインタラクティブなデモが入ります。',
  erratumTitle: '元資料の訂正',
  noteTitle: '補足',
  homeIntro:
    '線形回帰から始めて、パーセプトロン、ニューラルネットワーク、そして MNIST の手書き数字を読む畳み込みニューラルネットワーク (CNN) まで、理論を読み、デモで確かめ、本物のネットワークをブラウザの中で学習させます。',
  homeFeatures: [
    '数式はすべてページに組版済み。読むだけならネットワーク接続もプラグインも不要です。',
    '学習は TensorFlow.js でこの端末の GPU (WebGPU / WebGL) を使って実行します。',
    '最後は自分で学習させた CNN に、マウスや指で書いた数字を判定させます。',
  ],
  backend: {
    label: 'TensorFlow.js バックエンド',
    loading: '読み込み中…',
    failed: '利用できるバックエンドがありません',
    forced: '(URL で指定)',
    skipped: '使わなかったバックエンド',
    names: { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' },
    reasons: {
      'no-api': 'このブラウザには API がありません',
      'no-adapter': '使える GPU アダプタがありません',
      'init-failed': '初期化に失敗しました',
      'forced-other': 'URL で別のバックエンドが指定されています',
    },
    cpuSlow: 'CPU で計算しています。GPU を使う場合より大幅に遅くなります。',
  },
  tfCheck: {
    title: 'TensorFlow.js の動作確認',
    intro: 'この端末で TensorFlow.js が動くかを確かめます。シグモイド関数 σ(x) を 5 つの点で計算します。',
    run: 'もう一度計算する',
    input: 'x',
    output: 'σ(x)',
    running: '計算中…',
    error: (msg: string) => `計算できませんでした: ${msg}`,
  },
} as const;

export type Strings = typeof ja;
