/**
 * What editors write, made into TeX that the renderer reads as MathJax-based blogs do, and
 * editor-facing advice for what it still refuses. Pure string functions: no renderer here.
 */

/** Commands whose argument is text, not math: inside them `’` is an apostrophe and `_` a letter. */
const TEXT_COMMANDS = new Set([
  'text',
  'textrm',
  'textit',
  'textbf',
  'textsf',
  'texttt',
  'textup',
  'textmd',
  'textnormal',
  'textsl',
  'emph',
  'mbox',
  'hbox',
  'fbox',
  'textsc',
]);

/**
 * Commands that take arguments, with how many braced or single-token arguments follow (an
 * optional `[…]` first is kept too). After `^` or `_` TeX needs them in braces; MathJax reads
 * `Q^\vec{\mu}` anyway, so these are braced for the renderer.
 */
const ARGUMENT_COMMANDS: Record<string, number> = {
  vec: 1,
  hat: 1,
  widehat: 1,
  bar: 1,
  overline: 1,
  underline: 1,
  tilde: 1,
  widetilde: 1,
  dot: 1,
  ddot: 1,
  breve: 1,
  check: 1,
  acute: 1,
  grave: 1,
  mathring: 1,
  overrightarrow: 1,
  overleftarrow: 1,
  underbrace: 1,
  overbrace: 1,
  mathbf: 1,
  mathbb: 1,
  mathcal: 1,
  mathscr: 1,
  mathfrak: 1,
  mathrm: 1,
  mathit: 1,
  mathsf: 1,
  mathtt: 1,
  boldsymbol: 1,
  bm: 1,
  operatorname: 1,
  text: 1,
  textrm: 1,
  textbf: 1,
  textit: 1,
  sqrt: 1,
  frac: 2,
  dfrac: 2,
  tfrac: 2,
  binom: 2,
  tbinom: 2,
  dbinom: 2,
};

/** Where a command name ends: TeX control words are letters only. */
function readCommand(tex: string, at: number): string {
  let end = at + 1;
  if (!/[A-Za-z]/.test(tex[end] ?? '')) return tex.slice(at, end + 1); // \{ \\ \, …
  while (/[A-Za-z]/.test(tex[end] ?? '')) end += 1;
  return tex.slice(at, end);
}

/** The end (exclusive) of the group or token that starts at `at`, skipping spaces before it. */
function argumentEnd(tex: string, at: number, open = '{', close = '}'): number {
  let i = at;
  while (tex[i] === ' ') i += 1;
  if (tex[i] === '\\') return i + readCommand(tex, i).length;
  if (tex[i] !== open) return i < tex.length ? i + 1 : i;
  let depth = 0;
  for (; i < tex.length; i += 1) {
    if (tex[i] === '\\') {
      i += 1;
      continue;
    }
    if (tex[i] === open) depth += 1;
    if (tex[i] === close && --depth === 0) return i + 1;
  }
  return tex.length;
}

/**
 * TeX as editors write it, made into TeX the renderer accepts, the way MathJax-based blogs
 * accept it:
 * - a curly apostrophe `’` (what word processors and phones type) is a prime outside text;
 * - `_` inside `\text{…}` is an underscore (`\_`), not a subscript that LaTeX would refuse;
 * - a command with arguments right after `^` or `_` is braced: `Q^\vec{\mu}` is `Q^{\vec{\mu}}`.
 * Everything else is left exactly as written.
 */
export function normalizeTex(tex: string): string {
  let out = '';
  // Brace depths at which a text-mode argument was opened; math inside `$…$` in text is not text.
  const textDepths: number[] = [];
  let depth = 0;
  let inTextMath = false;
  const inText = () => textDepths.length > 0 && !inTextMath;
  for (let i = 0; i < tex.length; i += 1) {
    const char = tex[i]!;
    if (char === '\\') {
      const command = readCommand(tex, i);
      const name = command.slice(1);
      if (TEXT_COMMANDS.has(name)) {
        let next = i + command.length;
        while (tex[next] === ' ') next += 1;
        if (tex[next] === '{') {
          out += tex.slice(i, next + 1);
          depth += 1;
          textDepths.push(depth);
          i = next;
          continue;
        }
      }
      out += command;
      i += command.length - 1;
      continue;
    }
    if (char === '{') depth += 1;
    if (char === '}') {
      if (textDepths.at(-1) === depth) textDepths.pop();
      depth -= 1;
    }
    if (char === '$' && textDepths.length > 0) inTextMath = !inTextMath;
    if (char === '’' && !inText()) {
      out += "'";
      continue;
    }
    if (char === '_' && inText()) {
      out += '\\_';
      continue;
    }
    if ((char === '^' || char === '_') && !inText()) {
      let next = i + 1;
      while (tex[next] === ' ') next += 1;
      if (tex[next] === '\\') {
        const command = readCommand(tex, next);
        const count = ARGUMENT_COMMANDS[command.slice(1)];
        if (count !== undefined) {
          let end = next + command.length;
          if (tex[end] === '[') end = argumentEnd(tex, end, '[', ']');
          for (let n = 0; n < count; n += 1) end = argumentEnd(tex, end);
          out += `${char}{${normalizeTex(tex.slice(next, end))}}`;
          i = end - 1;
          continue;
        }
      }
    }
    out += char;
  }
  return out;
}

/**
 * The renderer's message for a refused formula, without its position drawing, plus the change
 * that fixes it where one is known: "… (write x_{1,2} or {x_1}_2)".
 */
export function explainTexError(reason: string): string {
  const message = reason
    .replace(/\s+at position \d+:[\s\S]*$/, '')
    .replace(/^\s*(ParseError:\s*)?/, '')
    .trim();
  const fix = TEX_FIXES.find(([pattern]) => pattern.test(message))?.[1];
  const advice = typeof fix === 'function' ? fix(message) : fix;
  return `${message} (${advice ?? 'fix the formula; write words inside \\text{…}'})`;
}

/** Known refusals and the change an editor makes. */
const TEX_FIXES: ReadonlyArray<readonly [RegExp, string | ((message: string) => string)]> = [
  [/^Double subscript/, 'write x_{1,2} or {x_1}_2'],
  [/^Double superscript/, 'write x^{2^3} or {x^2}^3'],
  [/Expected 'EOF', got '&'/, '& separates columns only inside an environment such as \\begin{aligned}…\\end{aligned}'],
  [/Expected 'EOF', got '\}'/, 'there is a } without its {; for a literal brace write \\}'],
  [
    /Expected 'EOF', got '\\\\'/,
    '\\\\ starts a new line only inside an environment such as \\begin{aligned}…\\end{aligned}',
  ],
  [/Unexpected end of input|expected '\}'/, 'a { has no closing }; for a literal brace write \\{'],
  [/^Mismatch: /, 'every \\begin{…} needs the \\end{…} with the same name'],
  [
    /^(Unsupported function name: |Function ")\\(href|url|includegraphics|html\w*|class|id|style|data)\b/,
    'links and images cannot be part of a formula: put a Markdown link or image next to it',
  ],
  [
    /^Unsupported function name: (\\[A-Za-z]+)/,
    (message) =>
      `${/(\\[A-Za-z]+)/.exec(message)?.[1] ?? 'this command'} is not a command the site knows: check its spelling, or write words inside \\text{…}`,
  ],
  [/^Undefined control sequence/, 'check the spelling of the command, or write words inside \\text{…}'],
  [/\\tag works only in display mode/, 'put the formula on its own lines between $$ and $$ to number it'],
  [/Unicode text character|Accented Unicode/, 'write the character inside \\text{…}'],
  [
    /No such environment: ([A-Za-z*]+)/,
    'use aligned, align, gather, cases, matrix, pmatrix, bmatrix, vmatrix or array',
  ],
];
