// Builds the launch content and the fixture site once for every test in tests/site/.
import { buildSite, fixtures } from '../helpers/build.ts';

export default function setup() {
  for (const [name, root] of [['real', fixtures.real], ['fixture', fixtures.site]] as const) {
    const { status, output } = buildSite(name, root);
    if (status !== 0) throw new Error(`building the ${name} site failed:\n${output}`);
  }
}
