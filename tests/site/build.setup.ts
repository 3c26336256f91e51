// Builds the launch content and the fixture site once for every test in tests/site/, and the
// fixture site again under a base path, as a GitHub Pages project site is served.
import { buildSite, fixtures, SUBPATH } from '../helpers/build.ts';

export default function setup() {
  const builds = [
    ['real', fixtures.real, {}],
    ['fixture', fixtures.site, {}],
    ['subpath', fixtures.site, { BASE_PATH: SUBPATH }],
  ] as const;
  for (const [name, root, env] of builds) {
    // Not silent: what a build prints is checked too (tests/site/build-output.test.ts).
    const { status, output } = buildSite(name, root, env, { silent: false });
    if (status !== 0) throw new Error(`building the ${name} site failed:\n${output}`);
  }
}
