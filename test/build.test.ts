/**
 * The production build, as Excel will load it: webpack into a temporary folder, then the files the
 * manifest points at. Excel reads functions.json (and functions.zh-CN.json in Chinese) and runs
 * functions.js, whose CustomFunctions.associate calls bind each id to its JavaScript function.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { functionsMetadataProblems } from "./support/functions-schema";
import { requireXmllint, validateManifest } from "./support/xmllint";

const ROOT = new URL("../", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "tier-dist-"));
const IDS = ["RFM", "RFMSCORE", "ABCCLASS", "ABCNEXT", "CLV", "CLVPREDICT", "CLVFIT", "PALIVE", "NEXTPURCHASE", "LIFECYCLE", "MIGRATION", "PILOT", "SCORE", "MOVERS", "COHORT", "LEVELS"];
/** Where the production build under test is to be hosted. */
const URL_PROD = "https://tiering.example.com/addin/";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

beforeAll(() => {
  execFileSync(join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production", "--output-path", out], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, URL_PROD, OFFICE_CDN: "", TIERING_LOCAL_BUILD: "" },
  });
}, 420_000); // a production webpack build: about a minute alone, several on a machine busy with other work

interface WebpackConfig {
  plugins: { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: { from: string; to: string }[] }[];
}
type MakeConfig = ((env: Record<string, unknown>, argv: { mode: string }) => WebpackConfig) & {
  checkProductionTarget(options: { urlProd: string | undefined; local: boolean }): void;
  contentSecurityPolicy(options: { officeJs: string | null; serving: boolean }): string;
};
const makeConfig = createRequire(import.meta.url)(join(ROOT, "webpack.config.js")) as MakeConfig;
const pageOptions = (config: WebpackConfig, file: string) =>
  config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin" && p.userOptions?.filename === file)!.userOptions!;

/** The directives of a page's Content-Security-Policy meta element, which must come before any script. */
function policyOf(html: string): Map<string, string[]> {
  // The production pages are minified (attributes unquoted where they can be).
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
  expect(meta, "the page has a Content-Security-Policy meta element").not.toBeNull();
  expect(html.indexOf(meta![0]), "the policy comes before the first script").toBeLessThan(html.indexOf("<script"));
  return new Map(meta![1].split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("npm run build", () => {
  it("emits the metadata Excel reads, in English and Chinese", () => {
    const en = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    const zh = JSON.parse(readFileSync(join(out, "functions.zh-CN.json"), "utf8"));
    expect(en.functions.map((f: { id: string }) => f.id)).toEqual(IDS);
    expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(IDS);
    expect(zh.functions[0].description).toMatch(/[\u4e00-\u9fff]/);
    // Both files as shipped, against the project's schema of Microsoft's metadata reference (custom-functions-json.md).
    expect(functionsMetadataProblems(en), "functions.json").toEqual([]);
    expect(functionsMetadataProblems(zh), "functions.zh-CN.json").toEqual([]);
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

  // Issue 11 changed this: production pages take Office.js from Microsoft's CDN and no local copy is shipped
  // (it used to assert dist/office-js/office.js and no internet URL in the page).
  it("ships the pages, the manifest and the icons, with Office.js from Microsoft's CDN and no local copy", () => {
    for (const f of ["taskpane.html", "commands.html", "taskpane.js", "commands.js", "manifest.xml", "assets/icon-32.png"]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(existsSync(join(out, "office-js")), "no local Office.js in a production build").toBe(false);
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = readFileSync(join(out, page), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
      expect(scripts[0], `${page} loads Office.js first, from the CDN`).toBe(CDN);
      // Every other script is the page's own bundle; nothing else comes from the internet.
      for (const src of scripts.slice(1)) expect(src, page).toMatch(/^[a-z]+\.js$/);
    }
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toContain("functions.js");
    expect(html).toContain("taskpane.js");
  });

  it("puts a Content-Security-Policy on every page: scripts from itself and the Office CDN, no connection elsewhere", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const policy = policyOf(readFileSync(join(out, page), "utf8"));
      expect(policy.get("default-src"), page).toEqual(["'self'"]);
      expect(policy.get("script-src"), page).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(policy.get("connect-src"), page).toEqual(["'self'"]);
      expect(policy.get("object-src"), page).toEqual(["'none'"]);
      expect(policy.get("script-src"), `${page}: no inline or eval'd script`).not.toContain("'unsafe-inline'");
      expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    }
    // Without 'unsafe-eval' the policy blocks eval, so the bundles may hold only the two uses that survive it:
    // @stdlib's generator-support test (an alias `var t=eval`, called in a try that takes the fallback on the
    // EvalError) and webpack's globalThis shim (`this||new Function("return this")()`, reached only without globalThis).
    for (const bundle of ["taskpane.js", "functions.js", "commands.js"]) {
      const js = readFileSync(join(out, bundle), "utf8");
      for (const [use] of js.matchAll(/.{0,12}\beval\b.?/g)) expect(use, bundle).toMatch(/var \w+=eval;$/);
      for (const [use] of js.matchAll(/.{0,8}new Function\(/g)) expect(use, bundle).toMatch(/this\|\|new Function\($/);
    }
  });

  it("rewrites every manifest URL to URL_PROD, leaving nothing on localhost", () => {
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`${URL_PROD}taskpane.html`);
    expect(manifest).toContain(`${URL_PROD}functions.zh-CN.json`);
    expect(manifest).toContain("<AppDomain>https://tiering.example.com</AppDomain>");
    // dist/manifest.xml, as shipped, against Microsoft's schema (offline, xmllint).
    requireXmllint();
    const { valid, errors } = validateManifest(readFileSync(join(out, "manifest.xml"), "utf8"));
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe("where a build points", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("refuses a production manifest on localhost unless a local build is asked for, saying what to do", () => {
    const { checkProductionTarget } = makeConfig;
    expect(() => checkProductionTarget({ urlProd: undefined, local: false })).toThrow(/needs URL_PROD.*--env local/s);
    expect(() => checkProductionTarget({ urlProd: "https://localhost:3000/", local: false })).toThrow(/this machine.*--env local/s);
    expect(() => checkProductionTarget({ urlProd: "https://127.0.0.1:8443/x/", local: false })).toThrow(/this machine/);
    expect(() => checkProductionTarget({ urlProd: undefined, local: true })).not.toThrow();
    expect(() => checkProductionTarget({ urlProd: URL_PROD, local: false })).not.toThrow();
    // The config itself refuses before compiling anything.
    delete process.env.URL_PROD;
    delete process.env.TIERING_LOCAL_BUILD;
    expect(() => makeConfig({}, { mode: "production" })).toThrow(/needs URL_PROD/);
    expect(pageOptions(makeConfig({ local: true }, { mode: "production" }), "taskpane.html").officeJs).toBe(CDN);
  });

  it("uses the local Office.js only in development builds, and 21Vianet's CDN when asked", () => {
    const dev = makeConfig({}, { mode: "development" });
    expect(pageOptions(dev, "taskpane.html").officeJs).toBe("office-js/office.js");
    expect(pageOptions(dev, "commands.html").officeJs).toBe("office-js/office.js");
    const copies = dev.plugins.filter((p) => p.constructor.name === "CopyPlugin").flatMap((p) => p.patterns ?? []);
    expect(copies.some((c) => c.to === "office-js")).toBe(true);
    expect(String(pageOptions(dev, "taskpane.html").csp)).toContain("script-src 'self'; ");

    process.env.OFFICE_CDN = "21vianet";
    process.env.URL_PROD = URL_PROD;
    const china = makeConfig({}, { mode: "production" });
    const cn = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
    expect(pageOptions(china, "taskpane.html").officeJs).toBe(cn);
    expect(String(pageOptions(china, "taskpane.html").csp)).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    process.env.OFFICE_CDN = "mars";
    expect(() => makeConfig({}, { mode: "production" })).toThrow(/OFFICE_CDN must be one of worldwide, 21vianet/);
  });

  it("copies all of Online Retail (47 MB) only into builds that ask for it: npm start's, and the full-scale script's", () => {
    const copied = (config: WebpackConfig) =>
      config.plugins.filter((p) => p.constructor.name === "CopyPlugin").flatMap((p) => p.patterns ?? []).some((c) => c.from.endsWith("online_retail.csv"));
    expect(copied(makeConfig({}, { mode: "development" }))).toBe(true);
    expect(copied(makeConfig({ TIERING_PREVIEW_ONLY: true }, { mode: "development" }))).toBe(false);
    expect(copied(makeConfig({ TIERING_PREVIEW_ONLY: true, TIERING_PREVIEW_FULL: true }, { mode: "development" }))).toBe(true);
    expect(copied(makeConfig({ local: true }, { mode: "production" }))).toBe(false);
  });

  it("lets the dev server's live reload connect, and nothing else", () => {
    const { contentSecurityPolicy } = makeConfig;
    expect(contentSecurityPolicy({ officeJs: null, serving: true })).toContain("connect-src 'self' ws://localhost:* wss://localhost:*;");
    expect(contentSecurityPolicy({ officeJs: CDN, serving: false })).toContain("connect-src 'self';");
  });
});
