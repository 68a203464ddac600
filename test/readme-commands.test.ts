/**
 * Every `tier` command in README.md and the guides (docs/*.md) runs as written from the repository root, on files
 * the repository or ../shared/data provides: a newcomer's first hour starts by pasting them. The fenced `sh`
 * blocks are parsed, each `node bin/tier.cjs …` or `tier …` line is run against the freshly bundled CLI (exit 0,
 * some output), and any file it names must exist, so an `orders.csv` that is nowhere fails here with its line.
 * The same holds for the example each command's `--help` ends with (`tier COMMAND --help`, both languages share it).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/main";

const ROOT = new URL("../", import.meta.url).pathname;
const run = promisify(execFile);

type Command = { where: string; args: string[] };

/** Splits a shell line into words: whitespace, '…' and "…" quoting; a `#` starting a word begins a comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else word = (word ?? "") + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word = word ?? "";
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "#" && word === null) {
      break;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${line}`);
  if (word !== null) words.push(word);
  return words;
}

/** The `tier` commands of the fenced sh/bash/shell blocks of a Markdown file, with file:line. */
function tierCommands(file: string, text: string): Command[] {
  const out: Command[] = [];
  let inBlock = false;
  text.split("\n").forEach((line, i) => {
    const fence = /^\s*```\s*(\S*)/.exec(line);
    if (fence) {
      inBlock = !inBlock && /^(sh|bash|shell|console)$/.test(fence[1]);
      return;
    }
    if (!inBlock) return;
    const words = shellWords(line.replace(/^\s*\$\s+/, ""));
    if (words[0] === "node" && words[1] === "bin/tier.cjs") out.push({ where: `${file}:${i + 1}`, args: words.slice(2) });
    else if (words[0] === "tier") out.push({ where: `${file}:${i + 1}`, args: words.slice(1) });
  });
  return out;
}

/** Runs each command with the bundled CLI from the repository root; the failures, each with where it is written. */
async function runAll(commands: Command[]): Promise<string[]> {
  const failures: string[] = [];
  // Two at a time: the machine is shared; each takes under a second or two.
  const queue = [...commands];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      try {
        const { stdout } = await run(process.execPath, [join(ROOT, "dist-cli/tier.cjs"), ...c.args], {
          cwd: ROOT,
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, LANG: "en_US.UTF-8" },
        });
        if (stdout.trim() === "") failures.push(`${c.where}: no output`);
      } catch (error) {
        const e = error as { code?: number; stderr?: string };
        failures.push(`${c.where}: exit ${e.code}: ${String(e.stderr ?? error).trim().split("\n")[0]}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return failures;
}

/** Files a command names (by extension) that are not there. */
function missingFiles(commands: Command[]): string[] {
  return commands.flatMap((c) => c.args.filter((a) => /\.(csv|txt|tsv|xlsx)$/i.test(a) && !existsSync(join(ROOT, a))).map((a) => `${c.where}: ${a}`));
}

/** The example lines of `tier --help` in a language: the line after each "Example:" heading, as a command. */
function helpExamples(lang: string): Command[] {
  const help = execFileSync(process.execPath, [join(ROOT, "dist-cli/tier.cjs"), "--help"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: lang, LC_ALL: "" } });
  const lines = help.split("\n");
  return lines.flatMap((line, i) => {
    if (!/^(Example:|示例：)$/.test(line.trim())) return [];
    const words = shellWords(lines[i + 1] ?? "");
    return words[0] === "tier" ? [{ where: `tier ${words[1]} --help (${lang})`, args: words.slice(1) }] : [];
  });
}

const files = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const commands = files.flatMap((f) => tierCommands(f, readFileSync(join(ROOT, f), "utf8")));

beforeAll(() => {
  // Run today's source, never a stale bundle.
  execFileSync("npm", ["run", "build:cli"], { cwd: ROOT });
}, 60_000);

describe("README and guide commands", () => {

  it("parses shell lines as a shell would (quotes, comments)", () => {
    expect(shellWords(`node bin/tier.cjs rfm "my file.csv" --x 'a b'   # note`)).toEqual(["node", "bin/tier.cjs", "rfm", "my file.csv", "--x", "a b"]);
    expect(tierCommands("x.md", "```sh\ntier rfm a.csv\nnpm test\n```\ntier not-in-a-block\n```\ntier no-language\n```")).toEqual([
      { where: "x.md:2", args: ["rfm", "a.csv"] },
    ]);
  });

  it("finds the README's commands", () => {
    expect(commands.length).toBeGreaterThan(10);
    for (const name of ["rfm", "abc", "clv", "fit", "predict", "score", "migrate", "pilot", "history", "trends", "movers", "cohort"]) {
      expect(commands.some((c) => c.args[0] === name), `no README/guide example of tier ${name}`).toBe(true);
    }
  });

  it("names only files that exist", () => {
    expect(missingFiles(commands)).toEqual([]);
  });

  it("runs every one from the repository root: exit 0 and some output", async () => {
    expect(await runAll(commands)).toEqual([]);
  }, 60_000);
});

describe("every command's --help example", () => {
  let examples: Command[] = [];
  beforeAll(() => {
    examples = helpExamples("en_US.UTF-8");
  });

  it("every command has one, and the Chinese help shows the same", () => {
    expect(examples.map((e) => e.args[0]).sort()).toEqual(Object.keys(COMMANDS).sort());
    expect(helpExamples("zh_CN.UTF-8").map((e) => e.args)).toEqual(examples.map((e) => e.args));
  });

  it("names only files the repository or ../shared/data provides", () => {
    expect(missingFiles(examples)).toEqual([]);
    // Every file named is one a fresh clone has (not a generated .bench file) or the shared data.
    for (const e of examples) for (const a of e.args.filter((x) => /\.(csv|txt)$/.test(x))) expect(a, e.where).toMatch(/^(assets\/sample\/|\.\.\/shared\/data\/)/);
  });

  it("runs each from the repository root: exit 0 and some output", async () => {
    expect(await runAll(examples)).toEqual([]);
  }, 60_000);
});
