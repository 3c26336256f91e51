/**
 * `npm run views:import -- <export.csv> [--as-of YYYY-MM-DD] [--dry-run]`: sets each post's
 * `views` from an analytics export and `viewsAsOf` in content/site.yaml. The work is in
 * scripts/lib/views-import.ts and views-export.ts; this file reads the command line and prints.
 * Reads CONTENT_ROOT like the build does. Exit codes: 0 done, 1 refused (nothing written), 2 wrong
 * command line.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/build-env.ts';
import { isCalendarDay, todayIn } from '../src/lib/dates.ts';
import { COUNT_COLUMNS, PATH_COLUMNS, ViewsImportError } from './lib/views-export.ts';
import { formatReport, importViews } from './lib/views-import.ts';
import { siteConfig } from '../src/site.config.ts';

const usage = `Usage: npm run views:import -- <export.csv> [options]

Sets "views" in every post found in an analytics page-views export (CSV), and "viewsAsOf" in
content/site.yaml to the export's date (unless no row matched a post). The export is the total
to date: views are SET, not added. Rows for one post (e.g. /posts/a/ and /posts/a/?utm_source=x)
are summed. Pages match a post by their last /posts/<slug> segment (full URLs and base paths are
fine) or by a bare slug.

Options:
  --as-of YYYY-MM-DD  the day the export was made (default: today in ${siteConfig.timeZone})
  --dry-run           print what would change, write nothing
  -h, --help          show this help

Accepted columns (any case; GA4 "#" comment lines above the table are skipped):
  page:  ${PATH_COLUMNS.join(', ')}
  views: ${COUNT_COLUMNS.join(', ')}
  (visitors, users, sessions, visits, "count" and "total" are not accepted: they are not page views
  or do not say what they count; rename a page-views column to "Views" if needed)

Exit codes: 0 done, 1 refused (the file or a post is wrong; nothing was written), 2 usage error.`;

function usageError(message: string): never {
  console.error(`views:import: ${message}\n\nRun "npm run views:import -- --help" for usage.`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      strict: true,
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains strict-mode errors at length; the first sentence is what an editor needs.
    return usageError((error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
}

const args = parse();
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
if (args.positionals.length !== 1) {
  usageError(
    args.positionals.length === 0
      ? 'give the export file, e.g. npm run views:import -- pages.csv'
      : `give one export file (got ${args.positionals.length}: ${args.positionals.join(', ')})`,
  );
}
const asOf = args.values['as-of'] ?? todayIn(siteConfig.timeZone, new Date());
if (!isCalendarDay(asOf)) {
  usageError(`--as-of must be a real day written YYYY-MM-DD (got "${asOf}")`);
}

const dryRun = args.values['dry-run'] ?? false;
try {
  const plan = importViews({
    csvPath: resolve(args.positionals[0]!),
    contentRoot: contentRoot(),
    asOf,
    dryRun,
    display: (path) => relative(process.cwd(), path) || path,
  });
  console.log(formatReport(plan, { dryRun }));
} catch (error) {
  if (!(error instanceof ViewsImportError)) throw error;
  console.error(`✗ ${error.message}\nNothing was changed.`);
  process.exit(1);
}
