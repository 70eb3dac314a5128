/**
 * The glossary of both editions: each term in Japanese and in English, with the lesson that
 * introduces it. The glossary pages (/glossary/, /en/glossary/) list them, each linked to that
 * lesson; tests/unit/glossary.test.ts checks that both words appear in that lesson's two editions.
 */
export interface GlossaryTerm {
  readonly ja: string;
  readonly en: string;
  /** The lesson that introduces the term (its slug). */
  readonly lesson: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { ja: '線形回帰', en: 'linear regression', lesson: 'regression' },
  { ja: '最小二乗法', en: 'least squares', lesson: 'regression' },
  { ja: 'パーセプトロン', en: 'perceptron', lesson: 'perceptron' },
  { ja: '重み', en: 'weight', lesson: 'perceptron' },
  { ja: 'しきい値', en: 'threshold', lesson: 'perceptron' },
  { ja: '活性化関数', en: 'activation function', lesson: 'activations' },
  { ja: 'ステップ関数', en: 'step function', lesson: 'activations' },
  { ja: 'シグモイド関数', en: 'sigmoid function', lesson: 'activations' },
  { ja: 'ReLU', en: 'ReLU', lesson: 'activations' },
  { ja: '中間層', en: 'hidden layer', lesson: 'network' },
  { ja: '出力層', en: 'output layer', lesson: 'network' },
  { ja: 'ピクセル', en: 'pixel', lesson: 'colab-mnist' },
  { ja: 'グレースケール', en: 'grayscale', lesson: 'colab-mnist' },
  { ja: '学習用データ', en: 'training set', lesson: 'colab-mnist' },
  { ja: '訓練データ', en: 'training split', lesson: 'colab-mnist' },
  { ja: '検証データ', en: 'validation split', lesson: 'colab-mnist' },
  { ja: 'テストデータ', en: 'test set', lesson: 'colab-mnist' },
  { ja: 'ワンホット表現', en: 'one-hot encoding', lesson: 'program' },
  { ja: 'バイアス', en: 'bias', lesson: 'program' },
  { ja: 'チャンネル', en: 'channel', lesson: 'program' },
  { ja: '畳み込み', en: 'convolution', lesson: 'cnn' },
  { ja: 'フィルタ', en: 'filter', lesson: 'convolution' },
  { ja: '特徴マップ', en: 'feature map', lesson: 'convolution' },
  { ja: '最大プーリング', en: 'max pooling', lesson: 'pooling' },
  { ja: '平坦化', en: 'flattening', lesson: 'flatten' },
  { ja: 'ドロップアウト', en: 'dropout', lesson: 'dropout' },
  { ja: '過学習', en: 'overfitting', lesson: 'dropout' },
  { ja: '正則化', en: 'regularization', lesson: 'dropout' },
  { ja: '全結合層', en: 'dense layer', lesson: 'dense-softmax' },
  { ja: 'ソフトマックス関数', en: 'softmax function', lesson: 'dense-softmax' },
  { ja: 'ロジット', en: 'logit', lesson: 'dense-softmax' },
  { ja: '損失関数', en: 'loss function', lesson: 'compile' },
  { ja: '交差エントロピー', en: 'cross-entropy', lesson: 'compile' },
  { ja: '最適化手法', en: 'optimizer', lesson: 'compile' },
  { ja: '正解率', en: 'accuracy', lesson: 'compile' },
  { ja: '勾配', en: 'gradient', lesson: 'gradient-descent' },
  { ja: '勾配降下法', en: 'gradient descent', lesson: 'gradient-descent' },
  { ja: '学習率', en: 'learning rate', lesson: 'gradient-descent' },
  { ja: 'モメンタム', en: 'momentum', lesson: 'gradient-descent' },
  { ja: 'エポック', en: 'epoch', lesson: 'training' },
  { ja: 'バッチサイズ', en: 'batch size', lesson: 'training' },
  { ja: '重心', en: 'center of mass', lesson: 'draw' },
  { ja: 'ファインチューニング', en: 'fine-tuning', lesson: 'draw' },
  { ja: '破滅的忘却', en: 'catastrophic forgetting', lesson: 'draw' },
];

/** The terms sorted for an edition: by the English word, or in Japanese collation. */
export function sortedGlossary(locale: 'ja' | 'en', terms: readonly GlossaryTerm[] = GLOSSARY): GlossaryTerm[] {
  const collator = new Intl.Collator(locale);
  return [...terms].sort((a, b) => collator.compare(a[locale], b[locale]));
}
