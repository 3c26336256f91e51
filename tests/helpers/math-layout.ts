/**
 * Math as a reader sees it: the laid-out geometry of display formulas in a browser, and what
 * TeX would have done with the same source. Used by tests/e2e/math.test.ts and by
 * scripts/measure-math-layout.ts (which compares renderers on the same formulas).
 *
 * The page side ({@link measureDisplayMath}) runs in the browser through `page.evaluate` and
 * must stay self-contained. The TeX side ({@link expectedTables}) reads environments from the
 * source, so an expectation never comes from the renderer under test.
 */

/** One table cell's content box (its child elements' union), in CSS pixels; null when empty. */
export type CellBox = { left: number; right: number; top: number; bottom: number; glue: boolean } | null;

/** What the browser drew for one display formula. */
export interface MeasuredFormula {
  tex: string;
  /** Every `mtable` in document order, as rows of cells; wrappers that only carry a \tag are marked. */
  tables: Array<{
    rows: CellBox[][];
    tagWrapper: boolean;
    displayStyle: boolean;
    rowInk: Array<{ top: number; bottom: number } | null>;
  }>;
  /** ∑ ∏ ∫ drawn at display size: not in a fraction, a script or a text-style table. */
  largeOperators: Array<{ char: string; height: number }>;
}

/**
 * Runs in the page: measures every display formula (`.math-display`). Row ink comes from every
 * token's glyphs, so font ascent and line gaps do not count as ink.
 */
export function measureDisplayMath(): MeasuredFormula[] {
  const SCRIPTS = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts']);
  // A glyph's ink, not its line box: the text's baseline (from the font's ascent) plus the ink
  // extents a canvas measures in the same font. Stretched operators are drawn from pieces the
  // canvas does not know; their box is their ink.
  const canvas = document.createElement('canvas').getContext('2d')!;
  const inkOf = (element: Element) => {
    const text = element.textContent ?? '';
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0 || text.trim() === '') return null;
    const style = getComputedStyle(element);
    const fontSize = Number.parseFloat(style.fontSize);
    const box = element.getBoundingClientRect();
    if (element.localName === 'mo' && box.height > 1.6 * fontSize) return { top: box.top, bottom: box.bottom };
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const metrics = canvas.measureText(text);
    const top = Math.min(...rects.map((r) => r.top));
    const baseline = top + metrics.fontBoundingBoxAscent;
    return { top: baseline - metrics.actualBoundingBoxAscent, bottom: baseline + metrics.actualBoundingBoxDescent };
  };
  const boxOf = (cell: Element): CellBox => {
    const children = [...cell.children];
    const rects = children.map((child) => child.getBoundingClientRect()).filter((r) => r.width > 0);
    if (rects.length === 0)
      return cell.classList.contains('tml-w-half') || cell.classList.contains('tml-w-gutter')
        ? { left: 0, right: 0, top: 0, bottom: 0, glue: true }
        : null;
    // The empty glue columns and the number column that numbered environments add.
    const glue = cell.classList.contains('tml-w-half') || cell.classList.contains('tml-w-gutter');
    return {
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      glue,
    };
  };
  const tokenInk = (row: Element) => {
    const tokens = [...row.querySelectorAll('mi, mn, mo, mtext')].filter((token) => token.closest('mtr') === row);
    const inks = tokens.map(inkOf).filter((ink): ink is { top: number; bottom: number } => ink !== null);
    if (inks.length === 0) return null;
    return { top: Math.min(...inks.map((i) => i.top)), bottom: Math.max(...inks.map((i) => i.bottom)) };
  };
  const atDisplaySize = (element: Element, math: Element) => {
    for (let node: Element = element; node !== math && node.parentElement; node = node.parentElement) {
      const parent = node.parentElement;
      if (parent.localName === 'mfrac') return false;
      if (SCRIPTS.has(parent.localName) && parent.firstElementChild !== node) return false;
      if (parent.localName === 'mtable' && parent.getAttribute('displaystyle') !== 'true') return false;
    }
    return true;
  };
  return [...document.querySelectorAll('.math-display')].map((wrapper) => {
    const math = wrapper.querySelector('math')!;
    const tables = [...math.querySelectorAll('mtable')].map((table) => {
      const rows = [...table.children].filter((row) => row.localName === 'mtr');
      return {
        tagWrapper: rows.length === 1 && rows[0]!.classList.contains('tml-tageqn'),
        displayStyle: table.getAttribute('displaystyle') === 'true',
        rows: rows.map((row) => [...row.children].filter((cell) => cell.localName === 'mtd').map(boxOf)),
        rowInk: rows.map(tokenInk),
      };
    });
    const largeOperators = [...math.querySelectorAll('mo')]
      .filter((mo) => /^[∑∏∫]$/.test(mo.textContent ?? '') && atDisplaySize(mo, math))
      // An operator's box is its glyph's: the display-size variant's when one is drawn.
      .map((mo) => ({ char: mo.textContent ?? '', height: mo.getBoundingClientRect().height }));
    return { tex: math.querySelector('annotation')?.textContent ?? '', tables, largeOperators };
  });
}

/** How TeX aligns a table's columns: r, l or c per column; `pairs` is align's r, l, r, l… */
export interface Alignment {
  env: string;
  columns: Array<'l' | 'c' | 'r'> | 'pairs';
}

const PAIRED = new Set([
  'aligned',
  'align',
  'align*',
  'alignat',
  'alignat*',
  'alignedat',
  'split',
  'flalign',
  'flalign*',
]);
const CENTRED = new Set([
  'gathered',
  'gather',
  'gather*',
  'equation',
  'equation*',
  'matrix',
  'pmatrix',
  'bmatrix',
  'Bmatrix',
  'vmatrix',
  'Vmatrix',
  'smallmatrix',
]);
const LEFT = new Set(['cases', 'dcases', 'rcases', 'drcases']);

/** Column letters of an array spec such as `{l|cr}` or `{c|*{3}{c}}` (p{…} columns are left). */
function specColumns(spec: string): Array<'l' | 'c' | 'r'> {
  const expanded = spec.replace(/\*\{(\d+)\}\{([^{}]*)\}/g, (_whole, count: string, body: string) =>
    body.repeat(Number(count)),
  );
  const columns: Array<'l' | 'c' | 'r'> = [];
  for (let i = 0; i < expanded.length; i += 1) {
    const char = expanded[i]!;
    if (char === 'l' || char === 'c' || char === 'r') columns.push(char);
    if (char === 'p' || char === 'm' || char === 'b') {
      columns.push('l');
      if (expanded[i + 1] === '{') i = expanded.indexOf('}', i);
    }
  }
  return columns;
}

/** The environments of a formula in the order they open, with the alignment TeX gives each. */
export function expectedTables(tex: string): Alignment[] {
  const tables: Alignment[] = [];
  const pattern =
    /\\begin\s*\{([A-Za-z]+\*?)\}(?:\s*\[([lcr])\])?(?:\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\})?|\\substack\b/g;
  for (const match of tex.matchAll(pattern)) {
    if (match[0].startsWith('\\substack')) {
      tables.push({ env: 'substack', columns: ['c'] });
      continue;
    }
    const env = match[1]!;
    const option = match[2] as 'l' | 'c' | 'r' | undefined;
    if (PAIRED.has(env)) tables.push({ env, columns: 'pairs' });
    else if (CENTRED.has(env)) tables.push({ env, columns: ['c'] });
    else if (env.endsWith('matrix*')) tables.push({ env, columns: [option ?? 'c'] });
    else if (LEFT.has(env)) tables.push({ env, columns: ['l'] });
    else if (env === 'array' || env === 'subarray') tables.push({ env, columns: specColumns(match[3] ?? '') });
    else tables.push({ env, columns: ['c'] }); // multline and others: not measured by column
  }
  return tables;
}

/** Column `index` of `alignment`: a spec's last letter repeats, as TeX's `*` does for matrices. */
function columnAlignment(alignment: Alignment, index: number): 'l' | 'c' | 'r' {
  if (alignment.columns === 'pairs') return index % 2 === 0 ? 'r' : 'l';
  return alignment.columns[Math.min(index, alignment.columns.length - 1)]!;
}

/** The tables of a formula that TeX environments made: without the one-row wrappers of `\tag`. */
function environmentTables(formula: MeasuredFormula, expected: number): MeasuredFormula['tables'] | undefined {
  const withoutWrappers = formula.tables.filter((table) => !table.tagWrapper);
  if (withoutWrappers.length === expected) return withoutWrappers;
  if (formula.tables.length === expected) return formula.tables;
  return undefined;
}

/**
 * Alignment and overlap problems of one measured formula against what TeX asks, within
 * `tolerance` pixels: each column's cells share a right edge, left edge or centre; no row's ink
 * crosses the row above. The glue columns and the number column that numbered environments
 * add are not TeX columns and are left out.
 */
export function layoutProblems(formula: MeasuredFormula, tolerance = 1): string[] {
  const expected = expectedTables(formula.tex);
  const tables = environmentTables(formula, expected.length);
  if (!tables) return [`${formula.tex}: ${formula.tables.length} tables drawn for ${expected.length} environments`];
  const problems: string[] = [];
  tables.forEach((table, t) => {
    const alignment = expected[t]!;
    const width = Math.max(0, ...table.rows.map((row) => row.length));
    const columns = Array.from({ length: width }, (_unused, c) => table.rows.map((row) => row[c] ?? null)).filter(
      (cells) => !cells.every((cell) => cell?.glue),
    );
    columns.forEach((cells, c) => {
      const filled = cells.filter((cell): cell is NonNullable<CellBox> => cell !== null && !cell.glue);
      if (filled.length < 2) return;
      const align = columnAlignment(alignment, c);
      const edge = (cell: NonNullable<CellBox>) =>
        align === 'l' ? cell.left : align === 'r' ? cell.right : (cell.left + cell.right) / 2;
      const spread = Math.max(...filled.map(edge)) - Math.min(...filled.map(edge));
      const side = { l: 'left', r: 'right', c: 'centre' }[align];
      if (spread > tolerance)
        problems.push(
          `${formula.tex}: column ${c + 1} of ${alignment.env} should be ${side}-aligned but its cells differ by ${spread.toFixed(1)} px`,
        );
    });
    for (let r = 1; r < table.rowInk.length; r += 1) {
      const above = table.rowInk[r - 1];
      const below = table.rowInk[r];
      if (above && below && below.top < above.bottom - tolerance) {
        problems.push(
          `${formula.tex}: row ${r + 1} of ${alignment.env} overlaps the row above by ${(above.bottom - below.top).toFixed(1)} px`,
        );
      }
    }
  });
  return problems;
}
