// npm run build passes Astro's output through without the page list that concurrent rendering jumbles.
import { describe, expect, test } from 'vitest';
import { withoutPageList } from '../../../scripts/build.ts';

describe('withoutPageList', () => {
  test.each([
    [
      '21:14:23   ├─ /404.html21:14:23   ├─ /authors/a/index.html21:14:23   ├─ /authors/b/index.html (+76ms) ',
      undefined,
    ],
    ['21:14:23   ├─ /authors/index.html (+78ms) ', undefined],
    [' (+9ms) ', undefined],
    ['21:14:23   └─ /index.html (+10ms)', undefined],
    // In a terminal (FORCE_COLOR=1) every piece of an entry is wrapped in colour codes.
    [
      '\x1b[2m02:08:31\x1b[22m   \x1b[34m├─\x1b[39m \x1b[2m/posts/a/index.html\x1b[22m \x1b[2m(+15ms)\x1b[22m ',
      undefined,
    ],
    [' \x1b[2m(+7ms)\x1b[22m ', undefined],
  ])('drops the page list: %j', (line, kept) => {
    expect(withoutPageList(line)).toBe(kept);
  });

  test.each([
    '21:15:39 [build] 28 page(s) built in 4.33s',
    '21:15:39 ✓ Completed in 507ms.',
    ' generating static routes ',
    '21:15:39   ▶ /_astro/figure.svg (reused cache entry) (+1ms) (1/1)',
    'Content check failed with 3 problem(s):',
    '\x1b[2m02:08:32\x1b[22m \x1b[34m[build]\x1b[39m \x1b[32m✓ Completed in 3.27s.\x1b[39m',
    '',
  ])('keeps everything else: %j', (line) => {
    expect(withoutPageList(line)).toBe(line);
  });
});
