import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteData } from '../../../src/lib/site-data.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { fixtures } from '../../helpers/build.ts';

describe('readSiteData', () => {
  const root = (text?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'site-data-'));
    if (text !== undefined) writeFileSync(join(dir, 'site.yaml'), text);
    return dir;
  };

  test('reads viewsAsOf from content/site.yaml, which the site config takes it from', () => {
    expect(readSiteData(root('# note\nviewsAsOf: "2026-11-22"\n'))).toEqual({ viewsAsOf: '2026-11-22' });
    expect(siteConfig.viewsAsOf).toBe(readSiteData(fixtures.real).viewsAsOf);
  });

  test.each([
    ['no file', undefined],
    ['an unquoted date, which the check refuses', 'viewsAsOf: 2026-11-22\n'],
    ['invalid YAML', 'viewsAsOf: a: b\n'],
  ])('gives nothing for %s', (_, text) => {
    expect(readSiteData(root(text))).toEqual({});
  });
});
