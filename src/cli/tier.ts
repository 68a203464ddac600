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
  let bytes: Uint8Array = Buffer.from(text, "utf8");
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
  (s) => writeAll(1, s),
  (s) => {
    try {
      writeAll(2, s);
    } catch {
      // stderr itself is gone: there is no one left to tell.
    }
  },
);
