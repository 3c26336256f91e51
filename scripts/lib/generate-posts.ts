/**
 * Writes a synthetic content root for `npm run bench`: n realistic posts of about 6 KB each, plus
 * the real authors, courses and publishers. Every post holds what a launch article holds (sections
 * and sub-sections, a Python block, inline and display math, a table, a figure, an aside, links to
 * earlier posts and to its own sections), so a build of it does the work a real build does. The
 * output depends on the seed only: the same seed gives byte-identical files.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { fileId, SITE_DATA_FILE } from '../../src/lib/content-files.ts';
import { slugify } from '../../src/schemas/slug.ts';

/** Which kind of file each post is: MDX with components, plain Markdown, or either at random. */
export type PostFormat = 'mdx' | 'md' | 'mixed';

/** How to generate: `seed` picks every word, `format` the file kind (default mdx). */
export interface GenerateOptions {
  seed?: number;
  format?: PostFormat;
}

/** One generated post: its slug, its path relative to the root, and its size in bytes. */
export interface GeneratedPost {
  slug: string;
  path: string;
  format: 'mdx' | 'md';
  bytes: number;
}

const projectRoot = resolve(import.meta.dirname, '../..');
/** The image every figure shows, copied to <root>/posts/images/. */
const FIGURE_IMAGE = join(projectRoot, 'tests/fixtures/site/posts/images/two-tone.png');
/** Dates fall in the five years before this day, so none is in the future. */
const LAST_DAY = Date.UTC(2026, 9, 31);
const SPAN_DAYS = 5 * 365;

/** mulberry32: a tiny seeded PRNG; good enough to pick words, and the same on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, count);
  };
  return { next, int, pick, sample, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

// The word lists below keep several entries to a line (prettier-ignore): they are data.
// prettier-ignore
const subjects = [
  'Gradient Descent', 'Linear Regression', 'Logistic Regression', 'Bayesian Inference', 'Decision Trees',
  'Random Forests', 'Gradient Boosting', 'Support Vector Machines', 'Neural Networks', 'Convolutional Networks',
  'Recurrent Networks', 'Transformers', 'Principal Component Analysis', 'K-Means Clustering', 'Time Series Forecasting',
  'Anomaly Detection', 'Reinforcement Learning', 'Regularisation', 'Cross-Validation', 'Feature Engineering',
  'Hyperparameter Tuning', 'Causal Inference', 'Survival Analysis', 'Matrix Factorisation', 'Kernel Methods',
  'Probabilistic Graphical Models', 'Markov Chains', 'Monte Carlo Methods', 'Natural Language Processing', 'Recommender Systems',
  'Model Calibration', 'Ensemble Methods', 'Dimensionality Reduction', 'Optimisation Theory', 'Linear Algebra',
  'Hypothesis Testing', 'Credit Scoring Models', 'Fraud Detection Models', 'Demand Forecasting', 'Explainable Machine Learning',
];
/** What follows the subject in a title, separator included. */
// prettier-ignore
const angles = [
  ': A Practical Guide', ' for Business Leaders', ' in Retail Banking', ' for Risk Managers', ' from First Principles',
  ' in Production Systems', ' for Healthcare Analytics', ' in Energy Markets', ' for Supply Chain Teams', ' Without the Jargon',
  ' in Insurance Pricing', ' for Marketing Analysts', ' and Its Pitfalls', ' in Customer Service', ' for Portfolio Managers',
  ': Step by Step', ' in Manufacturing', ' for Public Policy', ' and the Mathematics Behind It', ' in Everyday Decisions',
];
// prettier-ignore
const audiences = [
  'analysts', 'risk teams', 'product managers', 'executives', 'data engineers', 'students', 'consultants',
  'finance professionals', 'operations teams', 'clinicians', 'policy makers', 'marketing teams',
];
// prettier-ignore
const goals = [
  'make better decisions', 'avoid costly mistakes', 'judge a model before trusting it', 'explain results to stakeholders',
  'ship reliable forecasts', 'measure what matters', 'separate signal from noise', 'choose the right technique',
];
// prettier-ignore
const topicList = [
  'finance', 'credit risk', 'fraud detection', 'trading', 'portfolio optimization', 'clustering', 'regression',
  'classification', 'optimisation', 'linear algebra', 'probability', 'statistics', 'bayesian methods', 'deep learning',
  'neural networks', 'time series', 'forecasting', 'nlp', 'computer vision', 'reinforcement learning', 'healthcare',
  'energy', 'retail', 'insurance', 'ethics', 'explainability', 'careers', 'mlops', 'data engineering', 'calculus',
];
// prettier-ignore
const sectionTitles = [
  'Understanding the Core Concepts', 'Why It Matters', 'The Mathematics Behind It', 'A Worked Example',
  'Choosing the Right Model', 'Preparing the Data', 'Training and Validation', 'Measuring Performance',
  'Common Pitfalls', 'Interpreting the Results', 'From Prototype to Production', 'Real-World Applications',
  'Scaling Up', 'Comparing the Alternatives', 'Questions to Ask Your Team', 'Where to Go Next',
  'A Brief History', 'Assumptions and Limits', 'Tuning the Hyperparameters', 'Monitoring After Launch',
  'Costs and Benefits', 'Regulation and Governance', 'Building Intuition', 'Reading the Diagnostics',
];
// prettier-ignore
const subsectionTitles = [
  'A Simple Illustration', 'Edge Cases', 'Choosing the Learning Rate', 'Handling Missing Values', 'Class Imbalance',
  'Scaling the Features', 'Sanity Checks', 'Reading the Coefficients', 'When the Data Drifts', 'A Note on Notation',
  'Practical Tips', 'What the Numbers Say', 'Baselines First', 'Uncertainty Estimates', 'Leakage and How to Avoid It',
  'A Second Example', 'Computational Cost', 'Visualising the Result',
];
// prettier-ignore
const adjectives = [
  'robust', 'sparse', 'noisy', 'linear', 'non-linear', 'convex', 'stochastic', 'probabilistic', 'high-dimensional',
  'regularised', 'calibrated', 'biased', 'unbiased', 'interpretable', 'overfitted', 'underfitted', 'hierarchical',
  'latent', 'empirical', 'marginal', 'conditional', 'seasonal', 'imbalanced', 'normalised', 'weighted', 'adaptive',
  'incremental', 'supervised', 'unsupervised', 'ordinal', 'categorical', 'continuous', 'discrete', 'smooth',
  'heavy-tailed', 'stationary', 'reproducible', 'scalable', 'expensive', 'simple', 'careful', 'practical',
];
// prettier-ignore
const nouns = [
  'model', 'estimator', 'gradient', 'loss function', 'learning rate', 'feature', 'label', 'training set',
  'validation set', 'test set', 'parameter', 'hyperparameter', 'prior', 'posterior', 'likelihood', 'distribution',
  'variance', 'bias', 'residual', 'coefficient', 'kernel', 'embedding', 'attention layer', 'decision boundary',
  'classifier', 'regressor', 'cluster', 'centroid', 'eigenvector', 'covariance matrix', 'objective', 'constraint',
  'forecast', 'baseline', 'benchmark', 'pipeline', 'dataset', 'sample', 'outlier', 'signal', 'time series',
  'confusion matrix', 'precision', 'recall', 'threshold', 'ensemble', 'tree', 'split', 'margin', 'weight vector',
  'activation', 'batch', 'epoch', 'optimiser', 'penalty', 'score', 'probability', 'hypothesis', 'p-value',
  'confidence interval', 'customer segment', 'portfolio', 'default rate', 'transaction', 'policy', 'reward',
  'state space', 'latent factor', 'scoring rule', 'calibration curve', 'feature store', 'data drift',
];
// prettier-ignore
const verbs: ReadonlyArray<readonly [string, string]> = [
  ['reduce', 'reduces'], ['estimate', 'estimates'], ['approximate', 'approximates'], ['minimise', 'minimises'],
  ['maximise', 'maximises'], ['capture', 'captures'], ['separate', 'separates'], ['predict', 'predicts'],
  ['explain', 'explains'], ['stabilise', 'stabilises'], ['shrink', 'shrinks'], ['inflate', 'inflates'],
  ['summarise', 'summarises'], ['measure', 'measures'], ['rank', 'ranks'], ['cluster', 'clusters'],
  ['smooth', 'smooths'], ['penalise', 'penalises'], ['update', 'updates'], ['transform', 'transforms'],
  ['encode', 'encodes'], ['sample', 'samples'], ['validate', 'validates'], ['monitor', 'monitors'],
  ['compare', 'compares'], ['weight', 'weights'], ['normalise', 'normalises'], ['detect', 'detects'],
];
const adverbs = [
  'quickly',
  'slowly',
  'reliably',
  'rarely',
  'often',
  'gradually',
  'sharply',
  'consistently',
  'in practice',
  'on average',
];
// prettier-ignore
const openers = [
  'In practice,', 'For most teams,', 'Put simply,', 'In our experience,', 'As a rule,', 'On real data,',
  'At scale,', 'In a regulated setting,', 'Before anything else,', 'Surprisingly often,', 'Over time,', 'By contrast,',
];
// prettier-ignore
const inlineMath = [
  '\\theta', '\\eta', '\\hat{y}', '\\lambda', 'x_i', 'y_i', 'w^\\top x', 'p(y \\mid x)', 'R^2', '\\sigma^2',
  '\\mathbb{E}[X]', '\\beta_j', '\\nabla L(\\theta)', 'O(n \\log n)', '\\alpha = 0.05', 'k', '\\mu', '\\Sigma',
  '\\lVert w \\rVert_2', 'P(A \\mid B)', 'f(x)', '\\epsilon_t', '\\hat{\\beta}', 'z = Xw + b',
];
// prettier-ignore
const displayMath: ReadonlyArray<readonly [string, string]> = [
  ['one step of gradient descent', '\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L(\\theta_t)'],
  ['the least-squares solution', '\\hat{\\beta} = (X^\\top X)^{-1} X^\\top y'],
  ['the mean squared error', '\\mathrm{MSE} = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2'],
  ["Bayes' rule", 'P(A \\mid B) = \\frac{P(B \\mid A)\\,P(A)}{P(B)}'],
  ['the softmax function', '\\mathrm{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}'],
  ['the cross-entropy loss', 'L = -\\sum_{k=1}^{K} y_k \\log \\hat{p}_k'],
  ['ridge regression', '\\min_{w} \\lVert y - Xw \\rVert_2^2 + \\lambda \\lVert w \\rVert_2^2'],
  ['the logistic model', '\\log \\frac{p}{1 - p} = \\beta_0 + \\beta_1 x_1 + \\dots + \\beta_k x_k'],
  ['the variance', '\\sigma^2 = \\mathbb{E}\\left[(X - \\mu)^2\\right]'],
  ['the posterior', 'p(\\theta \\mid D) \\propto p(D \\mid \\theta)\\, p(\\theta)'],
  ['the k-means objective', 'J = \\sum_{i=1}^{n} \\min_{j} \\lVert x_i - \\mu_j \\rVert^2'],
  ['exponential smoothing', '\\hat{y}_{t+1} = \\alpha y_t + (1 - \\alpha)\\hat{y}_t'],
];
const models = [
  'Logistic regression',
  'Random forest',
  'Gradient boosting',
  'Linear regression',
  'k-nearest neighbours',
  'Naive Bayes',
  'Small neural network',
  'ARIMA',
  'Support vector machine',
  'Decision tree',
];
const metrics = ['AUC', 'Accuracy', 'RMSE', 'MAE', 'F1 score', 'Log loss', 'Recall', 'Precision'];
const figureSubjects = [
  'loss curve',
  'decision boundary',
  'residual plot',
  'calibration curve',
  'feature importance chart',
  'forecast against actuals',
  'cluster map',
  'learning curve',
];
const calloutTypes = ['note', 'tip', 'warning'] as const;

/** "a" or "an", by the first letter only (good enough for this vocabulary). */
function article(word: string): string {
  return /^[aeio]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** A sentence of ML prose, sometimes with inline math, inline code or bold text. */
function sentence(r: Random): string {
  const np = () => `${r.chance(0.5) ? `${r.pick(adjectives)} ` : ''}${r.pick(nouns)}`;
  const [base, third] = r.pick(verbs);
  const templates = [
    () => `The ${np()} ${third} the ${np()} ${r.pick(adverbs)}.`,
    () => `${r.pick(openers)} the ${np()} ${third} the ${np()} when the ${np()} is ${r.pick(adjectives)}.`,
    () => `Teams ${base} the ${np()} before they trust the ${np()}, because ${article(np())} can mislead.`,
    () => `The ${np()} is written as $${r.pick(inlineMath)}$, and it ${third} the ${np()} of the ${np()}.`,
    () =>
      `Calling \`${r.pick(['model.fit(X, y)', 'np.mean(errors)', 'train_test_split(X, y)', 'scaler.transform(X)', 'model.predict_proba(X)'])}\` ${third} the ${np()} in one line.`,
    () => `The **${r.pick(nouns)}** matters more than the ${np()}, since it ${third} the ${np()}.`,
    () => `If $${r.pick(inlineMath)}$ grows, the ${np()} ${third} the ${np()} and the ${np()}.`,
    () => `${r.pick(openers)} ${article(np())} and ${article(np())} ${base} different parts of the ${np()}.`,
  ];
  return r.pick(templates)();
}

function paragraph(r: Random, min: number, max: number): string[] {
  return Array.from({ length: r.int(min, max) }, () => sentence(r));
}

function codeBlock(r: Random): string {
  const n = r.int(2, 50) * 100;
  const p = r.int(2, 12);
  const seed = r.int(0, 99);
  const lr = r.pick(['0.01', '0.05', '0.1', '0.5']);
  const variants = [
    `import numpy as np

rng = np.random.default_rng(${seed})
X = rng.normal(size=(${n}, ${p}))
w_true = rng.normal(size=${p})
y = X @ w_true + rng.normal(scale=0.${r.int(1, 9)}, size=${n})

w = np.zeros(${p})
for step in range(${r.int(1, 20) * 50}):
    grad = X.T @ (X @ w - y) / len(y)   # gradient of the mean squared error
    w -= ${lr} * grad
print("distance to the true weights:", np.linalg.norm(w - w_true).round(4))`,
    `from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

X, y = make_classification(n_samples=${n}, n_features=${p}, weights=[0.${r.int(6, 9)}], random_state=${seed})
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
model = LogisticRegression(C=${lr}).fit(X_train, y_train)
print("hold-out AUC:", round(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]), 3))`,
    `import numpy as np
from sklearn.cluster import KMeans

rng = np.random.default_rng(${seed})
centres = rng.uniform(-5, 5, size=(${r.int(2, 6)}, 2))
X = np.vstack([c + rng.normal(size=(${r.int(5, 30) * 10}, 2)) for c in centres])
labels = KMeans(n_clusters=len(centres), n_init=10, random_state=0).fit_predict(X)
sizes = {k: int((labels == k).sum()) for k in set(labels)}
print("cluster sizes:", sizes)`,
    `import numpy as np

# Beta-binomial update: prior belief plus observed successes and failures
alpha, beta = ${r.int(1, 5)}, ${r.int(1, 5)}
successes, failures = ${r.int(5, 90)}, ${r.int(5, 90)}
alpha_post, beta_post = alpha + successes, beta + failures
mean = alpha_post / (alpha_post + beta_post)
samples = np.random.default_rng(${seed}).beta(alpha_post, beta_post, size=10_000)
print(f"posterior mean {mean:.3f}, 95% interval {np.percentile(samples, [2.5, 97.5]).round(3)}")`,
    `import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import cross_val_score

df = pd.read_csv("data/${r.pick(['sales', 'loans', 'claims', 'energy', 'visits'])}.csv")
X, y = df.drop(columns="target"), df["target"]
for alpha in [${lr}, 1.0, 10.0]:
    scores = cross_val_score(Ridge(alpha=alpha), X, y, cv=${r.int(3, 10)}, scoring="neg_root_mean_squared_error")
    print(alpha, -scores.mean().round(3))`,
  ];
  return `\`\`\`python\n${r.pick(variants)}\n\`\`\``;
}

function table(r: Random): string {
  const [m1, m2] = r.sample(metrics, 2) as [string, string];
  const rows = r
    .sample(models, r.int(3, 5))
    .map((model) => `| ${model} | ${(0.5 + r.next() / 2).toFixed(3)} | ${(r.next() * 10).toFixed(2)} |`);
  return [`| Model | ${m1} | ${m2} |`, '| --- | ---: | ---: |', ...rows].join('\n');
}

function figure(r: Random, format: 'mdx' | 'md'): string {
  const what = r.pick(figureSubjects);
  const alt = `A two-tone placeholder standing in for the ${what} of the ${r.pick(nouns)} example`;
  if (format === 'md') return `![${alt}](./images/two-tone.png)`;
  return `<Figure\n  src="./images/two-tone.png"\n  alt="${alt}"\n  caption="The ${what} for ${article(r.pick(adjectives))} ${r.pick(nouns)}."\n/>`;
}

function aside(r: Random, format: 'mdx' | 'md', last: boolean): string {
  const points = Array.from({ length: r.int(2, 4) }, () => `- ${sentence(r)}`).join('\n');
  if (format === 'md')
    return last ? `> **Key takeaways**\n>\n${points.replaceAll(/^/gm, '> ')}` : `> **Note:** ${sentence(r)}`;
  if (last) return `<KeyTakeaways>\n${points}\n</KeyTakeaways>`;
  const type = r.pick(calloutTypes);
  const title = r.chance(0.5) ? ` title="${r.pick(sectionTitles)}"` : '';
  return `<Callout type="${type}"${title}>\n${sentence(r)} ${sentence(r)}\n</Callout>`;
}

interface PostPlan {
  slug: string;
  subject: string;
  title: string;
}

/** One post's text. `earlier` are posts it may link to (all published before it). */
function renderPost(
  r: Random,
  plan: PostPlan,
  date: string,
  format: 'mdx' | 'md',
  earlier: readonly PostPlan[],
  ids: { authors: string[]; courses: string[] },
): string {
  const description =
    `${plan.subject} for ${r.pick(audiences)} who want to ${r.pick(goals)}, with a worked example, the key formula and the pitfalls to avoid.`.slice(
      0,
      200,
    );
  const front = [
    '---',
    `title: ${JSON.stringify(plan.title)}`,
    `description: ${JSON.stringify(description)}`,
    `date: "${date}"`,
    `author: ${r.pick(ids.authors)}`,
    `course: ${r.pick(ids.courses)}`,
    `views: ${Math.floor(Math.exp(r.next() * 9.5))}`,
    `topics: ${JSON.stringify(r.sample(topicList, r.int(1, 4))).replaceAll('","', '", "')}`,
    '---',
  ].join('\n');

  // Headings first, so the intro can link to one of them by the id the site will give it.
  const sections = r.sample(sectionTitles, r.int(4, 6)).map((title) => ({
    title,
    subsections: r.chance(0.35) ? r.sample(subsectionTitles, r.int(1, 2)) : [],
  }));
  const slugger = new GithubSlugger();
  const headingIds = sections
    .flatMap((s) => [s.title, ...s.subsections])
    .map((text) => ({ text, id: slugger.slug(text) }));
  const target = r.pick(headingIds.slice(1));

  // Blocks: a string is fixed text, a string[] a paragraph that may grow to reach the target size.
  const blocks: Array<string | string[]> = [];
  const intro = paragraph(r, 2, 3);
  const links = r.sample(earlier, r.int(1, 2)).map((post) => `[${post.title}](/posts/${post.slug}/)`);
  if (links.length > 0) intro.push(`This article builds on ${links.join(' and ')}.`);
  intro.push(`If you are short of time, skip to [${target.text.toLowerCase()}](#${target.id}).`);
  blocks.push(intro);

  const place = (count: number) => r.int(0, count - 1);
  const at = {
    code: place(sections.length),
    math: place(sections.length),
    table: place(sections.length),
    figure: place(sections.length),
    callout: place(sections.length - 1),
  };
  sections.forEach((section, i) => {
    blocks.push(`## ${section.title}`, paragraph(r, 2, 4));
    if (i === at.math) {
      const [name, tex] = r.pick(displayMath);
      blocks.push(`Written out, ${name} is:`, `$$\n${tex}\n$$`, paragraph(r, 1, 2));
    }
    if (i === at.code) blocks.push('The sketch below shows the idea on synthetic data:', codeBlock(r));
    if (i === at.table) blocks.push('Typical results on a held-out set look like this:', table(r));
    if (i === at.figure) blocks.push(figure(r, format));
    if (i === at.callout) blocks.push(aside(r, format, false));
    for (const sub of section.subsections) blocks.push(`### ${sub}`, paragraph(r, 1, 3));
    if (i === sections.length - 1) blocks.push(aside(r, format, true));
  });

  // Grow paragraphs sentence by sentence until the post reaches its size (5.4–6.6 KB).
  const targetBytes = r.int(5400, 6600);
  const paragraphs = blocks.filter((b): b is string[] => Array.isArray(b));
  let size = front.length + blocks.reduce((sum, b) => sum + (Array.isArray(b) ? b.join(' ').length : b.length) + 2, 0);
  while (size < targetBytes) {
    const extra = sentence(r);
    r.pick(paragraphs).push(extra);
    size += extra.length + 1;
  }
  return `${front}\n\n${blocks.map((b) => (Array.isArray(b) ? b.join(' ') : b)).join('\n\n')}\n`;
}

function idsIn(root: string, folder: string): string[] {
  return readdirSync(join(root, folder))
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_'))
    .map(fileId)
    .sort();
}

/**
 * Writes n posts into `root`/posts/ (plus the image they show) and copies authors, courses,
 * publishers and the site data from the project's content/. Post i is dated on or after post i − 1 and links only to
 * earlier posts, so every link resolves. Returns the posts in date order.
 */
export function generatePosts(
  root: string,
  n: number,
  { seed = 1, format = 'mdx' }: GenerateOptions = {},
): GeneratedPost[] {
  const r = prng(seed);
  for (const folder of ['authors', 'courses', 'publishers']) {
    cpSync(join(projectRoot, 'content', folder), join(root, folder), { recursive: true });
  }
  cpSync(join(projectRoot, 'content', SITE_DATA_FILE), join(root, SITE_DATA_FILE));
  mkdirSync(join(root, 'posts/images'), { recursive: true });
  cpSync(FIGURE_IMAGE, join(root, 'posts/images/two-tone.png'));
  const ids = { authors: idsIn(root, 'authors'), courses: idsIn(root, 'courses') };

  const width = String(n).length;
  const plans: PostPlan[] = Array.from({ length: n }, (_, i) => {
    const subject = r.pick(subjects);
    const title = `${subject}${r.pick(angles)}`;
    return { subject, title, slug: `${slugify(title)}-${String(i + 1).padStart(width, '0')}` };
  });
  return plans.map((plan, i) => {
    const day = Math.floor(((i + r.next()) / n) * SPAN_DAYS);
    const date = new Date(LAST_DAY - (SPAN_DAYS - 1 - Math.min(day, SPAN_DAYS - 1)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const postFormat = format === 'mixed' ? (r.chance(0.5) ? 'mdx' : 'md') : format;
    const text = renderPost(r, plan, date, postFormat, plans.slice(Math.max(0, i - 50), i), ids);
    const path = `posts/${plan.slug}.${postFormat}`;
    writeFileSync(join(root, path), text);
    return { slug: plan.slug, path, format: postFormat, bytes: Buffer.byteLength(text) };
  });
}
