/**
 * The production build, as Excel will load it: webpack into a temporary folder, then the files the
 * manifest points at. Excel reads functions.json (and functions.zh-CN.json in Chinese) and runs
 * functions.js, whose CustomFunctions.associate calls bind each id to its JavaScript function.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "tier-dist-"));
const IDS = ["RFM", "RFMSCORE", "ABCCLASS", "ABCNEXT", "CLV", "CLVPREDICT", "CLVFIT", "PALIVE", "LIFECYCLE", "MIGRATION", "PILOT", "SCORE"];

beforeAll(() => {
  execFileSync(join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production", "--output-path", out], { cwd: ROOT, stdio: "pipe" });
}, 180_000);

describe("npm run build", () => {
  it("emits the metadata Excel reads, in English and Chinese", () => {
    const en = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    const zh = JSON.parse(readFileSync(join(out, "functions.zh-CN.json"), "utf8"));
    expect(en.functions.map((f: { id: string }) => f.id)).toEqual(IDS);
    expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(IDS);
    expect(zh.functions[0].description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("lets error cells reach the functions in both languages (allowErrorForDataTypeAny, added at build)", () => {
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const metadata = JSON.parse(readFileSync(join(out, file), "utf8"));
      expect(metadata.allowErrorForDataTypeAny, file).toBe(true);
    }
  });

  it("associates every id with its function in functions.js", () => {
    const js = readFileSync(join(out, "functions.js"), "utf8");
    for (const id of IDS) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("ships the pages, the manifest, the icons and a local Office.js", () => {
    for (const f of ["taskpane.html", "commands.html", "taskpane.js", "commands.js", "manifest.xml", "assets/icon-32.png", "office-js/office.js"]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toContain("functions.js");
    expect(html).toContain("taskpane.js");
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // nothing is fetched from the internet
  });
});
