// The math font a build writes (src/integrations/math-font.ts): cut to the characters given,
// with the MATH table, the same bytes every time, and its arrow assemblies repaired.
import subsetFont from 'subset-font';
import { describe, expect, test } from 'vitest';
import {
  ALWAYS,
  buildMathFont,
  mathFontSource,
  repairHorizontalAssemblies,
} from '../../../src/integrations/math-font.ts';
import { fontCodePoints, fontTables, fromWoff2 } from '../../helpers/font.ts';

const characters = [...'∑∫≤⟨⟩ℝ𝔼'].map((char) => char.codePointAt(0)!);

describe('buildMathFont', () => {
  test('holds the characters given and those every formula may draw, and nothing else', async () => {
    const font = fontCodePoints(await fromWoff2(await buildMathFont(characters)));
    for (const code of characters) expect(font.has(code), String.fromCodePoint(code)).toBe(true);
    for (const [first, last] of ALWAYS) expect(font.has(first) && font.has(last)).toBe(true);
    expect(font.has('⨁'.codePointAt(0)!)).toBe(false);
    expect(font.has('𝔉'.codePointAt(0)!)).toBe(false);
  });

  test('keeps the OpenType MATH table that large operators and stretchy brackets come from', async () => {
    expect([...fontTables(await fromWoff2(await buildMathFont(characters))).keys()]).toEqual(
      expect.arrayContaining(['MATH', 'GSUB', 'cmap', 'glyf']),
    );
  });

  test('is the same bytes for the same characters, in any order', async () => {
    expect(Buffer.compare(await buildMathFont(characters), await buildMathFont([...characters].reverse()))).toBe(0);
  });

  test('is a fraction of the packaged font', async () => {
    expect((await buildMathFont(characters)).length).toBeLessThan(mathFontSource().length / 10);
  });
});

describe('repairHorizontalAssemblies', () => {
  test('repairs the arrowheads Chromium would refuse, once', async () => {
    const font = Buffer.from(await subsetFont(mathFontSource(), '→←↔', { targetFormat: 'truetype' }));
    expect(repairHorizontalAssemblies(font)).toBe(2);
    expect(repairHorizontalAssemblies(font)).toBe(0);
  });

  test('refuses a font without a MATH table', async () => {
    const font = Buffer.from(await subsetFont(mathFontSource(), 'x', { targetFormat: 'truetype' }));
    const tables = fontTables(font);
    font.write('XXXX', 12 + 16 * [...tables.keys()].indexOf('MATH'), 'latin1');
    expect(() => repairHorizontalAssemblies(font)).toThrow('no MATH table');
  });
});
