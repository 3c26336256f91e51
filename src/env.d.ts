interface ImportMetaEnv {
  /** True in `astro dev` only (set by src/integrations/content-guard.ts): drafts are shown. */
  readonly INCLUDE_DRAFTS: boolean;
}
