// Types for the two font packages the math-font generator uses, which ship none.

declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    noHinting?: boolean;
    preserveNameIds?: number[];
  }
  /** HarfBuzz's subsetter: `font` cut down to the characters of `text`. */
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}

declare module 'wawoff2' {
  const wawoff2: {
    /** TrueType or OpenType bytes to WOFF2. */
    compress(font: Uint8Array): Promise<Uint8Array>;
    /** WOFF2 bytes to TrueType or OpenType. */
    decompress(font: Uint8Array): Promise<Uint8Array>;
  };
  export default wawoff2;
}
