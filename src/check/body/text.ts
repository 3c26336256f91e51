/** Text helpers shared by the body rules: a node's text, a short quote of it, a decoded path. */
import type { MdastNode } from 'satteri';
import type { NodeOf } from './context.ts';

/**
 * A node's text as the build's heading ids see it: text, inline code, math (via `math`) and, as
 * Sätteri's textContent has it, the source of MDX expressions, comments included.
 */
export function textOf(node: MdastNode, math: (node: NodeOf<'inlineMath'>) => string): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'mdxTextExpression') return node.value;
  if (node.type === 'inlineMath') return math(node);
  if (node.type === 'break') return '\n';
  return 'children' in node ? node.children.map((child: MdastNode) => textOf(child, math)).join('') : '';
}

/** The text on one line, cut to `max` characters with an ellipsis: a quote for a message. */
export function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A URL part with its %-escapes decoded, or as written when they are malformed. */
export function decode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
