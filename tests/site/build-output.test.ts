// What a build says: an editor reads warnings as faults, so a good build prints none.
import { describe, expect, test } from 'vitest';
import { buildLog } from '../helpers/build.ts';

describe.each(['real', 'fixture', 'subpath'])('the %s build', (name) => {
  test('prints no warning and no error', () => {
    const problems = buildLog(name)
      .split('\n')
      .filter((line) => /\[(WARN|ERROR)\]|\bwarn(ing)?\b/i.test(line));
    expect(problems).toEqual([]);
  });

  test('lists what it held back and what it indexed, as information', () => {
    expect(buildLog(name)).toMatch(/\[search-index\] indexed \d+ articles/);
  });
});
