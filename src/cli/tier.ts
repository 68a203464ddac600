/**
 * Entry point of the `tier` command (bundled to dist-cli/tier.cjs by `npm run build:cli`). Output
 * goes to stdout piece by piece as the command makes it (output.ts gathers rows into pieces of about
 * a megabyte), written synchronously so that memory holds one piece, not the whole output.
 */
import { writeSync } from "node:fs";
import { OutputError } from "./errors";
import { main } from "./main";

/** A pipe to a slow reader can be non-blocking: EAGAIN means "wait a moment and write the rest". */
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string): void {
  writeBytes(fd, Buffer.from(text, "utf8"));
}

function writeBytes(fd: number, all: Uint8Array): void {
  let bytes = all;
  while (bytes.length > 0) {
    try {
      const n = writeSync(fd, bytes);
      bytes = bytes.subarray(n);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      throw new OutputError(code, error instanceof Error ? error.message : String(error));
    }
  }
}

process.exitCode = main(
  process.argv.slice(2),
  process.env,
  // Text, or bytes as they are (output.ts's CsvBytes: no string made for them).
  Object.assign((s: string) => writeAll(1, s), { bytes: (b: Uint8Array) => writeBytes(1, b) }),
  (s) => {
    try {
      writeAll(2, s);
    } catch {
      // stderr itself is gone: there is no one left to tell.
    }
  },
);
