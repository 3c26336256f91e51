// Builds the launch content and the fixture site once for every test in tests/site/, and the
// fixture site again under a base path, as a GitHub Pages project site is served.
import { buildSite, fixtures, SUBPATH } from '../helpers/build.ts';

export default function setup() {
  const builds = [['real', fixtures.real, {}], ['fixture', fixtures.site, {}], ['subpath', fixtures.site, { BASE_PATH: SUBPATH }]] as const;
  for (const [name, root, env] of builds) {
    const { status, output } = buildSite(name, root, env);
    if (status !== 0) throw new Error(`building the ${name} site failed:\n${output}`);
  }
}
