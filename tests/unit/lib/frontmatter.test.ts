import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

describe('splitFrontmatter', () => {
  test.each([
    ['---\na: 1\n---\nbody', 'a: 1'],
    ['\uFEFF---\r\na: 1\r\n---\r\n', 'a: 1'],
    ['---\n---\n', ''],
  ])('finds the YAML in %j', (source, yaml) => {
    expect(splitFrontmatter(source)?.yaml).toBe(yaml);
  });

  test('says where the YAML starts in the file', () => {
    expect(splitFrontmatter('\uFEFF---\r\na: 1\r\n---\r\n')).toEqual({ yaml: 'a: 1', firstLine: 2, offset: 6 });
    expect(splitFrontmatter('---\n---\n')).toEqual({ yaml: '', firstLine: 2, offset: 4 });
  });

  test('finds none without a leading ---', () => {
    expect(splitFrontmatter('# Title\n---\na: 1\n---')).toBeUndefined();
  });
});
