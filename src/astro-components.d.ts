// What an imported .astro component is, for the tools that cannot read .astro files: tsc and
// ESLint's type-aware rules, which would otherwise see `any` in every test and page that imports
// one. `astro check` reads the component itself, and a module found on disk always wins over
// this wildcard declaration, so its props are still checked there.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
