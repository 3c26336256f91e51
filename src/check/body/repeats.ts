/**
 * Text the page adds by itself: every article ends with its course's call to action and its
 * publisher's disclaimer, so a heading or paragraph that repeats one was pasted by hand.
 */
import type { NodeOf, PostCheck, Repeat, SiteFacts } from './context.ts';
import { writtenText } from './headings.ts';
import { short, textOf } from './text.ts';

/** Lower case, letters and digits only, single spaces: "Ready to Transform Your Career?" → "ready to transform your career". */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map(normalise)
    .filter(Boolean);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What the old site had editors paste above the page's own call to action: a sentence that
// starts with one of these is a pasted call to action.
const CTA_OPENINGS = ['ready to transform your career', 'ready to take the next step', 'enrol now', 'enroll now'];
// Pieces of the old pasted disclaimer. A strong one is a disclaimer on its own; a weak one
// ("at your own risk") is ordinary prose unless another piece comes with it.
const STRONG_DISCLAIMER = [
  'the views expressed in this article',
  'for educational purposes only',
  'accepts no liability',
  'do not necessarily reflect the views of',
];
const WEAK_DISCLAIMER = ['at your own risk', 'no liability', 'no guarantee'];

interface Disclaimer {
  pattern: RegExp;
  first: string;
  from: string;
}

/**
 * Every sentence of every disclaimer; `{publisher}` (and, in a publisher's own text, its name)
 * may be any text, so a disclaimer pasted from another publisher still matches.
 */
function disclaimerSentences(facts: SiteFacts): Disclaimer[] {
  const disclaimers: Disclaimer[] = [];
  const add = (text: string, from: string, name?: string) => {
    const template = name ? text.replaceAll(name, '{publisher}') : text;
    for (const sentence of template.split(/(?<=[.!?])\s+/)) {
      const parts = sentence.split('{publisher}').map(normalise);
      if (parts.join(' ').split(' ').length < 5) continue; // too short to tell from prose
      disclaimers.push({
        pattern: new RegExp(parts.map(escapeRegExp).join('.*')),
        first: parts.find(Boolean) ?? '',
        from,
      });
    }
  };
  add(facts.disclaimer, 'src/site.config.ts');
  for (const publisher of facts.publishers) {
    if (publisher.disclaimer) add(publisher.disclaimer, `content/publishers/${publisher.id}.yaml`, publisher.name);
  }
  return disclaimers;
}

/** The test of a text against the site's call to action and disclaimers, compiled once per run. */
export function compileRepeats(facts: SiteFacts): (text: string) => Repeat | undefined {
  const ctaSentences = new Map<string, string>();
  for (const course of facts.courses) {
    for (const text of [course.ctaHeading, course.pitch]) {
      if (text) ctaSentences.set(normalise(text), `content/courses/${course.id}.yaml`);
    }
  }
  const disclaimers = disclaimerSentences(facts);
  // Most paragraphs share no words with any of these; one test of the whole paragraph against
  // every phrase lets them through without splitting them into sentences.
  const phrases = [
    ...ctaSentences.keys(),
    ...CTA_OPENINGS,
    'disclaimer',
    ...STRONG_DISCLAIMER,
    ...WEAK_DISCLAIMER,
    ...disclaimers.map((d) => d.first),
  ];
  const mention = new RegExp(phrases.filter(Boolean).map(escapeRegExp).join('|'));

  return (text) => {
    const whole = ` ${normalise(text)} `;
    if (!mention.test(whole)) return undefined;
    for (const sentence of sentences(text)) {
      const course = ctaSentences.get(sentence);
      if (course) return { field: 'call to action', from: course };
      if (CTA_OPENINGS.some((opening) => sentence === opening || sentence.startsWith(`${opening} `))) {
        return { field: 'call to action', from: "the post's course" };
      }
      if (sentence === 'disclaimer' || sentence.startsWith('disclaimer '))
        return { field: 'disclaimer', from: 'src/site.config.ts' };
      const pasted = disclaimers.find((d) => d.pattern.test(sentence));
      if (pasted) return { field: 'disclaimer', from: pasted.from };
    }
    const has = (phrase: string) => whole.includes(` ${phrase} `);
    if (STRONG_DISCLAIMER.some(has) || WEAK_DISCLAIMER.filter(has).length >= 2)
      return { field: 'disclaimer', from: 'src/site.config.ts' };
    return undefined;
  };
}

/** Reports a heading or paragraph that repeats the call to action or the disclaimer. */
export function checkRepeats(node: NodeOf<'heading'> | NodeOf<'paragraph'>, post: PostCheck): void {
  const text = node.type === 'heading' ? writtenText(node) : textOf(node, (math) => math.value);
  const found = post.site.repeats(text);
  if (!found) return;
  const what =
    found.field === 'disclaimer'
      ? 'the disclaimer that the page adds under every article'
      : 'the call to action that the page adds after every article';
  post.report(post.at(node), found.field, `"${short(text)}" repeats ${what} (from ${found.from}); delete it`);
}
