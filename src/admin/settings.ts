/**
 * What the editor learns from the build rather than from the schemas: where to save (the GitHub
 * repository, and how to sign in), the site's stylesheet for the preview, and the topics in use.
 * The integration writes it into the editor's page as JSON; the browser entry reads it.
 */

/** The GitHub backend: the repository the site is built from, and how editors sign in. */
export interface GitHubBackend {
  name: 'github';
  repo: string;
  branch: string;
  /** "token": a fine-grained personal access token; "oauth" too once an OAuth proxy is set up. */
  auth_methods: Array<'token' | 'oauth'>;
  /** The OAuth proxy's origin (e.g. a Sveltia CMS Authenticator on Cloudflare Workers). */
  base_url?: string;
}

/** The settings in the page's `editor-settings` JSON. */
export interface EditorSettings {
  backend?: GitHubBackend;
  /** The site's icon, shown on the sign-in page. */
  logo?: string;
  /** The site's stylesheets, as pages link them, for the preview. */
  previewStyles?: string[];
  /** Topics of published posts (all posts in `npm run dev`), most used first. */
  topics?: string[];
}

/** The owner named when a build is told no repository: local editing works, GitHub sign-in cannot. */
export const PLACEHOLDER_OWNER = 'local';

/**
 * The backend for a build: CMS_REPOSITORY, or GITHUB_REPOSITORY, which GitHub Actions sets to the
 * repository being built, on CMS_BRANCH or main; CMS_OAUTH_URL adds GitHub sign-in through that
 * OAuth proxy. Without a repository, "local/<folder>": the editor then asks for that folder when
 * working with the local repository. Errors name the variable and the form it takes.
 */
export function backendFromEnv(env: Record<string, string | undefined>, folder: string): GitHubBackend {
  const repo =
    env['CMS_REPOSITORY'] || env['GITHUB_REPOSITORY'] || `${PLACEHOLDER_OWNER}/${folder.replace(/[^\w.-]/g, '-')}`;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new Error(`CMS_REPOSITORY "${repo}" is not a GitHub repository: write it as owner/name`);
  const branch = env['CMS_BRANCH'] || 'main';
  // Git's own rules for a branch name, as far as a mistyped variable would break them.
  if (!/^[\w./-]+$/.test(branch) || /^[-/.]|\.\.|\/\/|[/.]$|\.lock$/.test(branch))
    throw new Error(`CMS_BRANCH "${branch}" is not a branch name: write it like main or content/drafts`);
  const oauth = env['CMS_OAUTH_URL'];
  if (oauth && !/^https:\/\/[^/]+\/?$/.test(oauth))
    throw new Error(
      `CMS_OAUTH_URL "${oauth}" must be the https:// origin of the OAuth proxy, e.g. https://sveltia-cms-auth.example.workers.dev`,
    );
  return {
    name: 'github',
    repo,
    branch,
    auth_methods: oauth ? ['oauth', 'token'] : ['token'],
    ...(oauth ? { base_url: oauth.replace(/\/$/, '') } : {}),
  };
}
