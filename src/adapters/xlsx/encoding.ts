/**
 * Which encoding a text export is in: a BOM says so (UTF-8, UTF-16), else valid UTF-8 is UTF-8,
 * else a single-byte code page chosen by plausibility: Windows-1251 (Russian, Ukrainian) or
 * Latin-1 (Windows-1252: Spanish, French, German…).
 */
import { isUtf8 } from "node:buffer";
import { at } from "../../core/indexed";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251" | "windows-1252";

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of BOM to skip. */
  bom: number;
}

/** The encoding given by a byte-order mark, or null. */
export function bomEncoding(bytes: Uint8Array): Sniffed | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  return null;
}

const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isHighLetter = (b: number) => b >= 0xc0;

/**
 * Windows-1251 or Latin-1 for bytes that are not UTF-8. Cyrillic words are runs of high bytes
 * (every letter is one), while in Latin-script languages an accented letter sits between ASCII
 * letters ("Gesti\xf3n", "Dise\xf1o"): whichever neighbourhood dominates decides.
 */
export function singleByteEncoding(bytes: Uint8Array): "windows-1251" | "windows-1252" {
  let cyrillicLike = 0;
  let latinLike = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = at(bytes, i);
    if (!isHighLetter(b)) continue;
    // Before the first byte and after the last one: as if a space.
    const prev = bytes[i - 1] ?? 0x20;
    const next = bytes[i + 1] ?? 0x20;
    if (isHighLetter(prev) || isHighLetter(next)) cyrillicLike++;
    else if (isAsciiLetter(prev) || isAsciiLetter(next)) latinLike++;
  }
  return latinLike > cyrillicLike ? "windows-1252" : "windows-1251";
}

/** Bytes cut at the last whole UTF-8 character (a chunk may end inside one). */
export function wholeUtf8Prefix(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  // Step back over at most 3 continuation bytes to the lead byte of the last character.
  for (let k = 1; k <= 4 && end - k >= 0; k++) {
    const b = at(bytes, end - k);
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? bytes.subarray(0, end - k) : bytes;
  }
  return bytes;
}

/** The encoding of a text file from its first bytes (the sample may end mid-character). */
export function sniffEncoding(sample: Uint8Array): Sniffed {
  const bom = bomEncoding(sample);
  if (bom) return bom;
  if (isUtf8(wholeUtf8Prefix(sample))) return { encoding: "utf-8", bom: 0 };
  return { encoding: singleByteEncoding(sample), bom: 0 };
}

/** Bytes → text in the sniffed encoding (BOM stripped). */
export function decodeText(bytes: Uint8Array): string {
  const s = bomEncoding(bytes) ?? {
    encoding: isUtf8(bytes) ? "utf-8" : singleByteEncoding(bytes),
    bom: 0,
  };
  return new TextDecoder(s.encoding).decode(bytes.subarray(s.bom));
}
