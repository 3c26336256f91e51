/**
 * `npm run new -- "Title" [flags]`: scaffolds content/posts/<slug>.mdx as a draft that passes the
 * content check. In a terminal it asks for the author, course and topics not given as flags;
 * elsewhere (CI, pipes, --yes) a missing one is an error. Reads CONTENT_ROOT like the build does.
 * The decisions live in scripts/lib/new-post.ts; this file parses, asks, writes and prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkContent, formatProblems } from '../src/check/index.ts';
import { contentRoot } from '../src/build-env.ts';
import {
  existingTopics,
  parseTopics,
  planNewPost,
  previewUrl,
  readChoices,
  resolveChoice,
  type AskableField,
  type NewPostOptions,
} from './lib/new-post.ts';
import { didYouMean } from '../src/schemas/suggest.ts';

const usage = `Usage: npm run new -- "Post title" [options]

Creates content/posts/<slug>.mdx as a draft (draft: true) with an outline to fill in.

Options:
  --author <id>          id of a file in content/authors/
  --course <id>          id of a file in content/courses/
  --topics "<a, b>"      1 to 8 topics, separated by commas
  --description "<text>" 20 to 200 characters (default: a TODO placeholder to replace)
  --slug <slug>          the file name and URL, lower-case words joined by hyphens
                         (default: made from the title)
  --date <YYYY-MM-DD>    publication day (default: today in the site's time zone)
  -y, --yes              never ask: a missing author, course or topics is an error
  -h, --help             show this help

In a terminal, the author, course and topics not given are asked for.`;

const options = {
  author: { type: 'string' },
  course: { type: 'string' },
  topics: { type: 'string' },
  description: { type: 'string' },
  slug: { type: 'string' },
  date: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;
const knownFlags = Object.keys(options).map((name) => `--${name}`);

function fail(messages: readonly string[]): never {
  for (const message of messages) console.error(`✗ ${message}`);
  process.exit(1);
}

/** util.parseArgs, with its errors rewritten for an editor. */
function readArgs() {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      fail([`unknown option "${option}" (${didYouMean(option, knownFlags)}); known options: ${knownFlags.join(', ')}`]);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      fail([`${option} needs a value, e.g. ${option} "…" (see npm run new -- --help)`]);
    }
    fail([`${message} (see npm run new -- --help)`]);
  }
}

const { values, positionals } = readArgs();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const root = contentRoot();
const display = (path: string) => relative(process.cwd(), join(root, path));
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !values.yes;
const known = existingTopics(root);
const given: NewPostOptions = {
  title: positionals.join(' '),
  slug: values.slug,
  author: values.author,
  course: values.course,
  topics: values.topics === undefined ? undefined : parseTopics(values.topics, known),
  description: values.description,
  date: values.date,
};

// Check what was given before asking anything, so a taken slug or a typo in a flag is reported
// before the editor answers questions; only missing fields that can be asked for may remain.
const first = planNewPost(root, given, new Date(), display);
if (!first.ok) {
  const blocking = first.errors.filter((error) => !(interactive && error.missing));
  if (blocking.length > 0) fail(blocking.map((error) => error.message));
  const missing = new Set(first.errors.flatMap((error) => (error.missing ? [error.missing] : [])));
  Object.assign(given, await ask(missing));
}

const plan = planNewPost(root, given, new Date(), display);
if (!plan.ok) fail(plan.errors.map((error) => error.message));

mkdirSync(dirname(plan.path), { recursive: true });
try {
  // 'wx' fails if the file appeared since the check, so a race never overwrites a post.
  writeFileSync(plan.path, plan.text, { flag: 'wx' });
} catch (error) {
  if ((error as { code?: string }).code === 'EEXIST')
    fail([`${display(plan.file)} already exists; nothing was written`]);
  throw error;
}

console.log(`✓ Created ${display(plan.file)}`);
console.log(`  Preview: ${previewUrl(plan.slug)} (start the dev server first: npm run dev)`);
console.log('  It has draft: true, which keeps it out of the production build; delete that line to publish.');
if (given.description === undefined)
  console.log('  Replace the TODO description in the frontmatter before publishing.');

const problems = checkContent(root, display).problems.filter((problem) => problem.file === display(plan.file));
if (problems.length > 0) {
  console.error(`\n✗ the new post does not pass the content check:\n${formatProblems(problems)}`);
  process.exit(1);
}

/** Asks in the terminal for each missing field; exits 1 on an answer that is not valid. */
async function ask(missing: ReadonlySet<AskableField>): Promise<NewPostOptions> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answers: NewPostOptions = {};
  try {
    if (missing.has('title')) answers.title = await rl.question('Title: ');
    for (const field of ['author', 'course'] as const) {
      if (!missing.has(field)) continue;
      const choices = readChoices(root, field === 'author' ? 'authors' : 'courses');
      console.log(`\n${field === 'author' ? 'Authors' : 'Courses'}:`);
      choices.forEach((choice, index) =>
        console.log(`  ${index + 1}) ${choice.id}${choice.name ? `  ${choice.name}` : ''}`),
      );
      const hint = choices.length === 1 ? ` [${choices[0]?.id}]` : '';
      let answer = '';
      // An empty answer asks again, unless there is only one choice: then it picks that one.
      do answer = await rl.question(`${field === 'author' ? 'Author' : 'Course'} (number or id)${hint}: `);
      while (!answer.trim() && choices.length > 1);
      const result = resolveChoice(field, answer, choices);
      if ('error' in result) fail([result.error]);
      answers[field] = result.id;
    }
    if (missing.has('topics')) {
      if (known.length > 0) console.log(`\nTopics in use: ${known.slice(0, 20).join(', ')}`);
      let topics: string[] = [];
      while (topics.length === 0)
        topics = parseTopics(await rl.question('Topics (at least one, separated by commas): '), known);
      answers.topics = topics;
    }
  } catch (error) {
    // Ctrl+C or Ctrl+D while a question is open.
    if ((error as { code?: string }).code === 'ABORT_ERR') fail(['cancelled; nothing was written']);
    throw error;
  } finally {
    rl.close();
  }
  console.log('');
  return answers;
}
