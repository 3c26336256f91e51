/**
 * Benchmark of the editor check (src/lib/content-check.ts): writes N realistic posts (about 6 KB
 * each, with headings, links between posts, code, math, a component and an image) into a
 * temporary content root next to copies of the real authors, courses and publishers, times
 * `checkContent` and deletes the root again. The check should grow linearly with N.
 *
 *   node scripts/bench-content-check.ts            # 1000 and 5000 posts
 *   node scripts/bench-content-check.ts 200 20000  # other sizes
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent } from '../src/lib/content-check.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const realContent = join(projectRoot, 'content');
const ids = (folder: string) => readdirSync(join(realContent, folder)).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

const slug = (i: number) => `post-${String(i).padStart(5, '0')}`;

/** One post of about 6 KB; formulas vary with `i`, as they do between real articles. */
function post(i: number, n: number, authors: string[], courses: string[]): string {
  const next = slug((i + 1) % n);
  const far = slug((i * 7 + 3) % n);
  const paragraph = (topic: string) =>
    `Models of ${topic} earn their place when they are validated on data they did not see. ` +
    `With weights $w_{${i % 50}}$ and a learning rate $\\eta = 0.${(i % 9) + 1}$, each step moves the parameters ` +
    `against the gradient $\\nabla_\\theta L$, and the loss $L(\\theta)$ falls until it flattens. ` +
    `A manager does not need to derive this, but should ask what the model assumes, what it predicts and how we know it works; ` +
    `see [the previous discussion](/posts/${next}/#evaluating-the-model) or [a related case](/posts/${far}/). `;
  return `---
title: "Benchmark post ${i}: practical machine learning for professionals"
description: "A generated article used to time the content check on a large site."
date: "2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}"
author: ${authors[i % authors.length]}
course: ${courses[i % courses.length]}
views: ${i * 13}
topics: ["benchmarks", "topic ${i % 40}"]
---

${paragraph('credit risk')}

## Defining the problem

${paragraph('fraud detection')}

${paragraph('demand forecasting')}

### A worked formula

$$
\\hat{y}_{t+1} = \\alpha_{${i % 97}} \\, y_t + (1 - \\alpha_{${i % 97}}) \\, \\hat{y}_t + \\sum_{k=1}^{${(i % 5) + 2}} \\beta_k x_{t-k}
$$

${paragraph('time series')}

## Fitting the model

\`\`\`python
import numpy as np

rng = np.random.default_rng(${i})
X = rng.normal(size=(200, 3))
true_w = np.array([2.0, -1.0, 0.5])
y = X @ true_w + rng.normal(scale=0.1, size=200)
w = np.zeros(3)
for step in range(500):
    w -= 0.1 * 2 / len(y) * X.T @ (X @ w - y)   # {not an MDX expression}
print(np.round(w, 2))
\`\`\`

${paragraph('portfolio construction')}

${paragraph('retail banking')}

<Callout type="tip" title="Try it yourself">
  Change the learning rate to 0.5 and watch the loss $L$ for post ${i}.
</Callout>

## Evaluating the model

${paragraph('customer segmentation')}

![A loss curve that falls steeply and then flattens near zero](./images/loss-curve.png)

| Measure | Formula |
| --- | --- |
| Precision | $\\frac{TP}{TP + FP}$ |
| Recall | $\\frac{TP}{TP + FN}$ |

${paragraph('healthcare imaging')}

## Conclusion

${paragraph('energy')} Back to [the definition](#defining-the-problem).
`;
}

function bench(n: number): void {
  const root = mkdtempSync(join(tmpdir(), 'bench-content-check-'));
  try {
    for (const folder of ['authors', 'courses', 'publishers']) cpSync(join(realContent, folder), join(root, folder), { recursive: true });
    mkdirSync(join(root, 'posts/images'), { recursive: true });
    copyFileSync(join(projectRoot, 'tests/fixtures/site/posts/images/two-tone.png'), join(root, 'posts/images/loss-curve.png'));
    const authors = ids('authors');
    const courses = ids('courses');
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const text = post(i, n, authors, courses);
      bytes += text.length;
      writeFileSync(join(root, 'posts', `${slug(i)}.mdx`), text);
    }
    const started = performance.now();
    const { problems, counts } = checkContent(root, undefined, { today: '2026-01-01' });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${counts.posts} posts (${Math.round(bytes / n / 100) / 10} KB each): ${seconds.toFixed(2)} s, ` +
        `${Math.round(counts.posts / seconds)} posts/s, ${problems.length} problems`,
    );
    if (problems.length > 0) console.log(problems.slice(0, 5));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
for (const n of sizes.length > 0 ? sizes : [1000, 5000]) bench(n);
