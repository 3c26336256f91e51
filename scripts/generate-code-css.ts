/** `npm run generate:code-css`: writes src/styles/code-theme.css from the code themes' palettes. */
import { writeFileSync } from 'node:fs';
import { codeThemeCss } from '../src/markdown/code-theme.ts';

writeFileSync('src/styles/code-theme.css', codeThemeCss());
console.log('wrote src/styles/code-theme.css');
