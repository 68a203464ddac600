/**
 * A file read in chunks, and the text encoding it is in. `tier` never holds a whole file: a string
 * stops at about 512 MB in Node (ERR_STRING_TOO_LONG) and a Buffer at a few GB, while the files
 * people feed it (a year of a shop's orders, a database export) are larger. So a file is read into
 * one reused buffer of CHUNK_BYTES at a time, and whoever reads it keeps only what it needs.
 *
 * Files as people have them: Excel on Chinese Windows saves "CSV" in GB18030 (GBK), its "Unicode
 * Text" is UTF-16 with a byte-order mark, Excel for Mac's "CSV (Macintosh)" ends lines with CR. The
 * encoding is given (`--encoding`, any label of the WHATWG Encoding Standard that Node's full-ICU
 * TextDecoder knows: utf-8, utf-16le, utf-16be, gb18030, gbk, big5, shift_jis, windows-1252 …) or
 * detected from the first chunk: a byte-order mark; NUL bytes on alternate positions (UTF-16
 * without a mark); valid UTF-8; otherwise GB18030, the one legacy encoding Excel writes that a
 * UTF-8 check cannot tell from binary. Decoding is the maintained TextDecoder, not a table of ours.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Messages } from "../../i18n";
import { UsageError } from "../errors";

/** 1 MiB: large enough that the per-chunk work vanishes, small enough to stay out of the memory figures. */
export const CHUNK_BYTES = 1 << 20;

export interface Encoding {
  /** The TextDecoder's name for it ("utf-8", "utf-16le", "gb18030" …). */
  name: string;
  how: "given" | "bom" | "detected" | "default";
}

/** A file opened for reading in chunks; read errors (a folder, a vanished disk) become UsageError. */
export class FileChunks {
  private readonly fd: number;
  private readonly buffer: Uint8Array;
  /** Bytes read so far: where the next chunk starts. */
  offset = 0;

  constructor(readonly file: string, private readonly m: Messages, chunkBytes = CHUNK_BYTES) {
    try {
      this.fd = openSync(file, "r");
    } catch (error) {
      throw new UsageError(m.cli.unreadable(file, reason(error)));
    }
    this.buffer = new Uint8Array(Math.max(4, chunkBytes));
  }

  /** The next chunk (a view of the reused buffer: copy what must outlive the next call), or null at the end. */
  next(): Uint8Array | null {
    let n: number;
    try {
      n = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
    } catch (error) {
      this.close();
      throw new UsageError(this.m.cli.unreadable(this.file, reason(error)));
    }
    this.offset += n;
    return n === 0 ? null : this.buffer.subarray(0, n);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed: nothing left to release.
    }
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The decoder's name for a label a person gave, or null when TextDecoder does not know it. */
export function encodingNamed(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * The encoding of a file from its first bytes (see the module comment). Throws when the bytes are
 * not text at all (NUL bytes that are not UTF-16's), such as a sparse or binary file.
 */
export function detectEncoding(head: Uint8Array, file: string, m: Messages): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: "utf-8", how: "bom" };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: "utf-16le", how: "bom" };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: "utf-16be", how: "bom" };
  const n = Math.min(head.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  if (evenNul + oddNul > 0) {
    // UTF-16 text of ASCII has a NUL in every other byte and none in the others.
    const half = Math.floor(n / 2);
    if (oddNul > half / 4 && evenNul === 0) return { name: "utf-16le", how: "detected" };
    if (evenNul > half / 4 && oddNul === 0) return { name: "utf-16be", how: "detected" };
    throw new UsageError(m.cli.notText(file));
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return { name: "utf-8", how: "default" };
  } catch {
    return { name: "gb18030", how: "detected" };
  }
}

/**
 * A streaming decoder for one file: chunks of bytes in, text out. UTF-8 is decoded strictly, so a
 * file detected as UTF-8 from its start that turns out not to be names the byte and the fix instead
 * of turning cells into U+FFFD. A NUL character (a binary or sparse file) stops the read.
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;

  constructor(readonly encoding: Encoding, private readonly file: string, private readonly m: Messages) {
    this.decoder = new TextDecoder(encoding.name, { fatal: encoding.name === "utf-8" });
  }

  /** The text of `bytes` (which start at byte `offset` of the file); null flushes a split character at the end. */
  decode(bytes: Uint8Array | null, offset: number): string {
    let text: string;
    try {
      text = bytes ? this.decoder.decode(bytes, { stream: true }) : this.decoder.decode();
    } catch {
      throw new UsageError(this.m.cli.badUtf8(this.file, offset));
    }
    if (text.indexOf("\0") >= 0) throw new UsageError(this.m.cli.notText(this.file));
    return text;
  }
}
