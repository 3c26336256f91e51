/**
 * The site's math font: STIX Two Math from @fontsource/stix-two-math, cut down at build time to
 * the characters the site's formulas draw (the content check renders every formula before a
 * build, and says which characters came out). HarfBuzz (subset-font) keeps the OpenType MATH
 * table and the size variants and pieces of every kept glyph, so sums grow in display math and
 * brackets stretch.
 *
 * Why a subset of the site's own characters: the package's WOFF2 is 394 KB, the Unicode blocks
 * any formula might use 178 KB, what the launch posts draw 23 KB and what the 744 formulas of
 * the fixture corpus draw 41 KB. With 178 KB, Lighthouse's mobile run scored a math article
 * 96–97 (the font is fetched before the first paint); with the site's own subset, 100. A new
 * character in a post gives the font a new name (its hash), so readers fetch it again once.
 *
 * The font is written to the Astro cache folder on every build (about 0.2 s) and reached through
 * a Vite alias, `@math-font`, from src/styles/math.css. Nothing is reused from an earlier build,
 * so no cached copy can be stale or corrupt.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import wawoff2 from 'wawoff2';
import writeFileAtomic from 'write-file-atomic';

/** The module id src/styles/math.css loads the font by. */
export const MATH_FONT_ALIAS = '@math-font';

/** Where the packaged font the subset is cut from is. */
export function mathFontSourcePath(): string {
  return createRequire(import.meta.url).resolve('@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2');
}

/** The packaged font the subset is cut from. */
export function mathFontSource(): Buffer {
  return readFileSync(mathFontSourcePath());
}

/**
 * Characters every page with math may draw whatever its formulas: printable ASCII (digits,
 * parentheses and letters of equation numbers and text) and the italic Latin and Greek letters
 * that browsers substitute for single-letter identifiers (`<mi>x</mi>` is drawn as U+1D465).
 */
export const ALWAYS: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e],
  [0x0131, 0x0131], // dotless i and j, under accents
  [0x0237, 0x0237],
  [0x210e, 0x210e], // italic h, whose slot in the math block is empty
  [0x1d434, 0x1d467], // italic Latin
  [0x1d6a4, 0x1d6a5], // italic dotless i and j
  [0x1d6e2, 0x1d71b], // italic Greek
];

/**
 * The subset for `characters` (code points) as WOFF2. Deterministic: the same characters and
 * package give the same bytes.
 */
export async function buildMathFont(characters: Iterable<number>, source: Buffer = mathFontSource()): Promise<Buffer> {
  const wanted = new Set<number>();
  for (const [first, last] of ALWAYS) for (let code = first; code <= last; code += 1) wanted.add(code);
  for (const code of characters) if (code >= 0x20) wanted.add(code);
  const font = Buffer.from(
    await subsetFont(source, String.fromCodePoint(...[...wanted].sort((a, b) => a - b)), {
      targetFormat: 'truetype',
      // TrueType hinting: a third of the bytes, and no browser needs it at reading sizes.
      noHinting: true,
      // Copyright, names, version, and the licence and its URL (OFL: the notice travels with the font).
      preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
    }),
  );
  repairHorizontalAssemblies(font);
  return Buffer.from(await wawoff2.compress(font));
}

/**
 * Writes the subset for `characters` to `dir` and returns its path. Written atomically
 * (write-file-atomic), so a build that stops half-way leaves no truncated font behind.
 */
export async function writeMathFont(dir: string, characters: Iterable<number>): Promise<string> {
  const path = join(dir, 'stix-two-math.woff2');
  mkdirSync(dir, { recursive: true });
  await writeFileAtomic(path, await buildMathFont(characters));
  return path;
}

/**
 * STIX Two Math 2.12 gives the end piece of some horizontal assemblies (→ ←) its connector on
 * the wrong side: the arrowhead that ends an arrow has no connector towards the shaft. Chromium
 * then refuses the assembly and leaves a stretchy arrow short (Firefox tolerates it). The
 * connector lengths are swapped in place, in the MATH table of the TrueType `font`. Returns how
 * many parts were repaired.
 */
export function repairHorizontalAssemblies(font: Buffer): number {
  let math = -1;
  for (let table = 0; table < font.readUInt16BE(4); table += 1) {
    const record = 12 + 16 * table;
    if (font.toString('latin1', record, record + 4) === 'MATH') math = font.readUInt32BE(record + 8);
  }
  if (math < 0) throw new Error('the math font has no MATH table');
  // MATH header → MathVariants: minConnectorOverlap, two coverage offsets, vertical and
  // horizontal counts, then one construction offset per glyph (vertical first).
  const variants = math + font.readUInt16BE(math + 8);
  const vertical = font.readUInt16BE(variants + 6);
  const horizontal = font.readUInt16BE(variants + 8);
  let repaired = 0;
  for (let index = 0; index < horizontal; index += 1) {
    const construction = variants + font.readUInt16BE(variants + 10 + 2 * (vertical + index));
    const assemblyOffset = font.readUInt16BE(construction);
    if (assemblyOffset === 0) continue;
    const assembly = construction + assemblyOffset; // italics correction (4 bytes), part count, parts
    const count = font.readUInt16BE(assembly + 4);
    if (count < 2) continue;
    // A part: glyph, start connector, end connector, full advance, flags (bit 0: extender).
    // The first part connects on its end (offset 4), the last on its start (offset 2); the
    // outer side of each is an edge, with no connector.
    for (const [part, outer, inner] of [
      [assembly + 6, 2, 4],
      [assembly + 6 + 10 * (count - 1), 4, 2],
    ] as const) {
      const extender = (font.readUInt16BE(part + 8) & 1) === 1;
      if (extender || font.readUInt16BE(part + inner) !== 0 || font.readUInt16BE(part + outer) === 0) continue;
      font.writeUInt16BE(font.readUInt16BE(part + outer), part + inner);
      font.writeUInt16BE(0, part + outer);
      repaired += 1;
    }
  }
  return repaired;
}
