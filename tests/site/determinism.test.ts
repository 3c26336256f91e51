// The same content gives the same bytes, whatever the build machine's time zone, build after build.
import { expect, test } from 'vitest';
import { buildDir, buildSite, fingerprint, fixtures } from '../helpers/build.ts';

test.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
  'a build under TZ=%s is byte-identical to the reference build',
  (tz) => {
    const name = `tz-${tz.replace('/', '-')}`;
    const { status, output } = buildSite(name, fixtures.real, { TZ: tz });
    expect(status, output).toBe(0);
    expect(fingerprint(buildDir(name))).toEqual(fingerprint(buildDir('real')));
  },
);

test('posts answered from the MDX compile cache give the same bytes as posts compiled afresh', () => {
  // The global setup's 'real' build filled the cache for this content, so this one reads it.
  const cached = buildSite('mdx-cached', fixtures.real, {}, { silent: false });
  expect(cached.status, cached.output).toBe(0);
  expect(cached.output).toMatch(/MDX posts: [1-9]\d* from the cache, 0 compiled/);
  const fresh = buildSite('mdx-fresh', fixtures.real, { MDX_COMPILE_CACHE: '0' }, { silent: false });
  expect(fresh.status, fresh.output).toBe(0);
  expect(fresh.output).not.toMatch(/MDX posts:/);
  expect(fingerprint(buildDir('mdx-fresh'))).toEqual(fingerprint(buildDir('mdx-cached')));
});
