/**
 * Whether a file is a whole PNG of the expected size: the signature, then chunks whose CRC-32s
 * all match, IHDR first with the card's dimensions, IEND last with nothing after it. A cached
 * card that an interrupted write truncated, a disk error flipped or anything else replaced fails
 * here and is drawn again. Checking every chunk's CRC costs a hash of the file (microseconds),
 * where decoding the pixels would cost milliseconds a card.
 */
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** True when `png` is a complete, uncorrupted PNG of `width` × `height` pixels. */
export function isCompletePng(png: Uint8Array, width: number, height: number): boolean {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < SIGNATURE.length || !bytes.subarray(0, 8).equals(SIGNATURE)) return false;
  let offset = SIGNATURE.length;
  let first = true;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return false;
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length))
      return false;
    if (first) {
      if (type !== 'IHDR' || length !== 13) return false;
      if (bytes.readUInt32BE(offset + 8) !== width || bytes.readUInt32BE(offset + 12) !== height) return false;
      first = false;
    }
    if (type === 'IEND') return end === bytes.length;
    offset = end;
  }
  return false;
}
