/**
 * The components an MDX post may use without importing them. This list is the single source for
 * the article page (which passes the components to <Content>), the content check (which flags
 * unknown names, missing or invalid props) and the editing guide.
 */
export interface PropSpec {
  required: boolean;
  /** When set, the only values the prop accepts. */
  values?: readonly string[];
  /** The default when the prop is left out. */
  default?: string;
  /**
   * What the content check verifies beyond presence and `values`:
   * - `local-image`: an image file next to the post ("./images/chart.png"): not an address or a
   *   path in public/ (astro:assets optimises only local files), and the file must exist;
   * - `alt-text`: describes the component's `local-image` for readers who cannot see it: not
   *   empty, and not only the image's file name.
   */
  kind?: 'local-image' | 'alt-text';
  description: string;
}

export interface ComponentSpec {
  description: string;
  /** Whether the component wraps Markdown written between its opening and closing tags. */
  children: 'required' | 'none';
  props: Record<string, PropSpec>;
  example: string;
}

export const mdxComponents = {
  Callout: {
    description: 'A boxed aside: a note, a tip or a warning, with an optional title.',
    children: 'required',
    props: {
      type: {
        required: false,
        values: ['note', 'tip', 'warning'],
        default: 'note',
        description: 'note, tip or warning; sets the colour, icon and the label read by screen readers',
      },
      title: {
        required: false,
        description: 'a short heading for the box; without it, the box is labelled Note, Tip or Warning',
      },
    },
    example:
      '<Callout type="tip" title="Try it yourself">\n  Change the learning rate to 0.5 and watch the loss.\n</Callout>',
  },
  Figure: {
    description:
      'An image, optimised at build time (resized, modern formats, width and height set), with alt text and a visible caption.',
    children: 'none',
    props: {
      src: {
        required: true,
        kind: 'local-image',
        description:
          'the image file, relative to the post, e.g. "./images/loss-curve.png" (PNG, JPEG, WebP, AVIF or SVG)',
      },
      alt: { required: true, kind: 'alt-text', description: 'what the image shows, for readers who cannot see it' },
      caption: { required: true, description: 'the caption shown under the image' },
      credit: { required: false, description: 'who made the image, shown after the caption' },
    },
    example:
      '<Figure\n  src="./images/loss-curve.png"\n  alt="The loss falls steeply for ten steps, then flattens near zero"\n  caption="Gradient descent on a convex loss."\n/>',
  },
  KeyTakeaways: {
    description: 'A summary box of the points a reader should remember; write a Markdown list inside it.',
    children: 'required',
    props: {
      title: { required: false, default: 'Key takeaways', description: 'the heading of the box' },
    },
    example:
      '<KeyTakeaways>\n- Regression predicts a number; classification predicts a label.\n- Always score a model on data it did not see in training.\n</KeyTakeaways>',
  },
} as const satisfies Record<string, ComponentSpec>;

export type MdxComponentName = keyof typeof mdxComponents;
export const mdxComponentNames = Object.keys(mdxComponents) as MdxComponentName[];
