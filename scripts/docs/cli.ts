/** The `tier` command run as a reader would run it, its output shown as a shell transcript. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { EXAMPLES, ROOT } from "./paths";

export const ZH = "zh_CN.UTF-8";

/** Runs `tier` in `cwd` (the examples folder unless given); `head` keeps the first lines of stdout, as `| head -n` would. */
export function cli(args: string[], langEnv?: string, opts: { cwd?: string; head?: number } = {}) {
  const TIER = join(ROOT, "bin", "tier.cjs");
  const env = { ...process.env, LANG: langEnv ?? "C", LC_ALL: "", LC_MESSAGES: "" };
  const r = spawnSync("node", [TIER, ...args], { cwd: opts.cwd ?? EXAMPLES, env, encoding: "utf8" });
  let cmd = `${langEnv ? `LANG=${langEnv} ` : ""}tier ${args.map((a) => (/[\s%]/.test(a) ? `"${a}"` : a)).join(" ")}`;
  let stdout = r.stdout;
  if (opts.head !== undefined) {
    cmd += ` | head${opts.head === 10 ? "" : ` -${opts.head}`}`;
    stdout = stdout.split("\n").slice(0, opts.head).join("\n") + "\n";
  }
  let text = `$ ${cmd}\n${stdout}`;
  if (r.stderr) text += (text.endsWith("\n") ? "" : "\n") + r.stderr.split("\n").filter(Boolean).map((s) => `[stderr] ${s}`).join("\n") + "\n";
  if (opts.head === undefined) text += `[exit code ${r.status}]`;
  else if (r.status !== 0) throw new Error("tier failed: " + cmd + "\n" + r.stderr);
  else text = text.replace(/\n$/, "");
  return "```text\n" + text + "\n```";
}
