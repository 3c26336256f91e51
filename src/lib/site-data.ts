/**
 * content/site.yaml for src/site.config.ts: read leniently, because the config is loaded before
 * the content check runs. A missing file gives no data; an invalid one gives none either, and the
 * check (src/check/) reports what is wrong with it, at its line, before anything is built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { siteDataSchema, type SiteData } from '../schemas/site.ts';
import { SITE_DATA_FILE } from './content-files.ts';

/** The site data under a content root, or nothing when the file is missing or not valid. */
export function readSiteData(root: string): Partial<SiteData> {
  let text: string;
  try {
    text = readFileSync(join(root, SITE_DATA_FILE), 'utf8');
  } catch {
    return {};
  }
  try {
    // The `timestamp` tag reads an unquoted date as the check does: as a Date, which is refused.
    const result = siteDataSchema.safeParse(parse(text, { customTags: ['timestamp'] }) ?? {});
    return result.success ? result.data : {};
  } catch {
    return {};
  }
}
