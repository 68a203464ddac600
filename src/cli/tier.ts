/** Entry point of the `tier` command (bundled to dist-cli/tier.cjs by `npm run build:cli`). */
import { main } from "./main";

const out: string[] = [];
process.exitCode = main(
  process.argv.slice(2),
  process.env,
  (s) => out.push(s),
  (s) => process.stderr.write(s),
);
// One write of the whole output: far faster than a write per line for a 100,000-row table.
process.stdout.write(out.join(""));
// A reader that stops early (`tier predict … | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
