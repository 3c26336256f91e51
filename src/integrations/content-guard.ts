/**
 * Runs the editor check (src/check/) before Astro loads any content, so a build
 * fails on every bad file at once, with lines and fixes, instead of Astro's first error (or, for
 * a dangling id or a duplicate slug, no error at all). It also makes sure a failed build leaves
 * no dist/ behind that could be mistaken for a good one.
 *
 * Once the check passes, a build hands the checked content to `onChecked`, which starts the
 * social cards (src/integrations/social-cards.ts) while Astro loads the content and renders.
 *
 * The check renders every formula; the characters they draw are what the site's math font is
 * cut to (./math-font.ts), written here before Vite reads src/styles/math.css.
 *
 * List it last in `integrations`: its `astro:build:done` then runs after every other one's.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, formatProblems, type CheckResult } from '../check/index.ts';
import { MATH_FONT_ALIAS, mathFontSourcePath, writeMathFont } from './math-font.ts';
import { todayIn } from '../lib/dates.ts';
import { heldBack } from '../lib/posts.ts';
import { writeSchedule } from '../build-cache/site-snapshot.ts';
import { siteConfig } from '../site.config.ts';

/** What a build does with the checked content once the check passes (src/integrations/social-cards.ts). */
export type OnChecked = (valid: CheckResult['valid'], today: string, logger: AstroIntegrationLogger) => void;

/** Astro integration: the content check as the first step of `astro build` (a warning in dev), and the draft policy. */
export function contentGuard({ root, onChecked }: { root: string; onChecked?: OnChecked }): AstroIntegration {
  let completed = false;
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        // Drafts follow the command, not NODE_ENV: an inherited NODE_ENV=development or =test
        // makes import.meta.env.DEV true even in `astro build`.
        updateConfig({ vite: { define: { 'import.meta.env.INCLUDE_DRAFTS': JSON.stringify(command === 'dev') } } });
        if (command !== 'build' && command !== 'dev') {
          // `astro check`, tests: the whole packaged font stands in for the site's subset.
          updateConfig({ vite: { resolve: { alias: { [MATH_FONT_ALIAS]: mathFontSourcePath() } } } });
          return;
        }
        if (command === 'build') {
          // Astro empties outDir only once a build gets going; without this, a failure at any
          // step would leave the previous or a partial site in place.
          const outDir = fileURLToPath(config.outDir);
          process.once('exit', () => {
            if (!completed) rmSync(outDir, { recursive: true, force: true });
          });
        }
        const display = (path: string) => relative(process.cwd(), `${root}/${path}`);
        const { problems, posts, valid, mathCharacters } = checkContent(root, display);
        // The math font of exactly what the formulas draw, for src/styles/math.css.
        const fontPath = await writeMathFont(fileURLToPath(new URL('math-font/', config.cacheDir)), mathCharacters);
        updateConfig({ vite: { resolve: { alias: { [MATH_FONT_ALIAS]: fontPath } } } });
        const today = todayIn(siteConfig.timeZone, new Date());
        if (command === 'build') {
          // Nothing is dropped silently: say which posts this build leaves out, and why.
          const held = posts.flatMap((post) => {
            const reason = heldBack(post, today);
            return reason ? [`  ${post.file}: ${reason}`] : [];
          });
          if (held.length > 0)
            logger.info(
              `${held.length} post(s) held back from this build (today is ${today} in ${siteConfig.timeZone}):\n${held.join('\n')}`,
            );
        }
        if (problems.length === 0) {
          if (command === 'build') {
            // When the site next changes by itself: the day the first scheduled post appears.
            const scheduled = posts.filter((post) => !post.draft && post.date > today).map((post) => post.date);
            writeSchedule(fileURLToPath(config.cacheDir), scheduled.sort()[0] ?? null);
            onChecked?.(valid, today, logger);
          }
          return;
        }
        const report = formatProblems(problems);
        if (command === 'dev') {
          logger.warn(`content has ${problems.length} problem(s); a production build refuses it:\n${report}`);
          return;
        }
        const error = new Error(
          `Content check failed with ${problems.length} problem(s):\n${report}\n\nFix them, then run \`npm run check:content\`.`,
        );
        error.stack = error.message; // the report is what matters; a stack trace would bury it
        throw error;
      },
      'astro:build:done': () => {
        completed = true;
      },
    },
  };
}
