/**
 * How each kind of Callout is labelled and drawn, shared by Callout.astro and the editor's preview
 * of it (src/admin/components.ts), so the two cannot drift apart.
 */
import { mdxComponents } from './registry.ts';

/** A value of Callout's `type` prop. */
export type CalloutKind = (typeof mdxComponents.Callout.props.type.values)[number];

/** The word that starts the box, so the kind never rests on colour alone. */
export const calloutLabels: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** The icon's SVG path (24×24, stroked). */
export const calloutIcons: Record<CalloutKind, string> = {
  note: 'M12 8h.01M11 12h1v4h1M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18z',
  tip: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.6.6 1 1.4 1 2.5h6c0-1.1.4-1.9 1-2.5A6 6 0 0 0 12 3z',
  warning: 'M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
};
