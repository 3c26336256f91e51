/**
 * The Content-Security-Policy of the editor at /admin/: the narrowest one Sveltia CMS runs under
 * (measured in Chromium; docs/hosting.md says why each source is there). It is the editor page's
 * <meta> policy, and the /admin/* rule of public/_headers sends it as a header too
 * (tests/site/admin.test.ts checks that both say this). No other page gets any of it.
 */

/** The policy's directives, in order. */
export const adminPolicyDirectives: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  // Svelte writes each component's styles as <style> elements and style="" attributes.
  "style-src 'self' 'unsafe-inline'",
  // Images read from the repository are blob: URLs; Sveltia's built-in icons are data: URLs;
  // GitHub shows the signed-in editor's picture from its avatar host.
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "font-src 'self'",
  // The GitHub API, for editing through GitHub; blob: and data: for uploads and the default logo.
  "connect-src 'self' data: blob: https://api.github.com",
  // The preview pane is an iframe with a blob: address.
  'frame-src blob:',
  // Sveltia offers the editor as an installable app, from a manifest it makes of the site's icon.
  'manifest-src blob:',
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
];

/** The policy as one header value. */
export const adminPolicy = adminPolicyDirectives.join('; ');

/** The policy for a <meta> element, which ignores frame-ancestors (the header carries it). */
export const adminMetaPolicy = adminPolicyDirectives
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
