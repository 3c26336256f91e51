/**
 * The components every MDX post can use without importing them, passed by the article page to
 * <Content components={…}>. The registry beside them describes their props for the content check
 * and the editing guide; a test keeps the two lists equal.
 */
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import KeyTakeaways from './KeyTakeaways.astro';

export const mdxComponentMap = { Callout, Figure, KeyTakeaways };
