/** Reading a font's tables and character map, for tests of the math font. */
import wawoff2 from 'wawoff2';

/** Offset of each table of a TrueType font, by tag. */
export function fontTables(font: Buffer): Map<string, number> {
  const found = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i += 1)
    found.set(font.toString('latin1', 12 + 16 * i, 16 + 16 * i), font.readUInt32BE(20 + 16 * i));
  return found;
}

/** The code points a TrueType font maps, from its format 12 cmap subtable. */
export function fontCodePoints(font: Buffer): Set<number> {
  const cmap = fontTables(font).get('cmap')!;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i += 1) {
    const subtable = cmap + font.readUInt32BE(cmap + 4 + 8 * i + 4);
    if (font.readUInt16BE(subtable) !== 12) continue;
    const points = new Set<number>();
    for (let group = 0; group < font.readUInt32BE(subtable + 12); group += 1) {
      const at = subtable + 16 + 12 * group;
      for (let code = font.readUInt32BE(at); code <= font.readUInt32BE(at + 4); code += 1) points.add(code);
    }
    return points;
  }
  throw new Error('no format 12 cmap');
}

/** A WOFF2 file as TrueType bytes. */
export async function fromWoff2(woff2: Buffer): Promise<Buffer> {
  return Buffer.from(await wawoff2.decompress(woff2));
}
