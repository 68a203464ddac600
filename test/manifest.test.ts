/**
 * Offline invariants of manifest.xml: what `office-addin-manifest validate` (which needs the network) would not
 * catch, or would catch only after a sideload. See DESIGN.md, "Tests".
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../src/i18n/en";
import { zhCN } from "../src/i18n/zh-CN";
import { requireXmllint, validateManifest } from "./support/xmllint";

// xml2js comes with office-addin-manifest (a dev dependency), so no parser of our own is installed for this.
const require = createRequire(import.meta.url);
const { parseStringPromise } = require("xml2js") as {
  parseStringPromise: (xml: string, options: object) => Promise<Record<string, XmlNode>>;
};

interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: XmlNode[];
}

const ROOT = resolve(__dirname, "..");
const URL_DEV = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let manifest: XmlNode;

/** Every element below node (node included), depth first, in document order. */
function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.$$ ?? []) yield* walk(child);
}
const children = (node: XmlNode, name: string) => (node.$$ ?? []).filter((c) => c["#name"] === name);
function child(node: XmlNode, name: string): XmlNode {
  const found = children(node, name);
  expect(found, `<${node["#name"]}> has one <${name}>`).toHaveLength(1);
  return found[0];
}
/** Follows a path of element names, each step matching exactly one element. */
const at = (node: XmlNode, ...path: string[]) => path.reduce(child, node);
const all = () => [...walk(manifest)];
const byName = (name: string) => all().filter((n) => n["#name"] === name);
const attr = (node: XmlNode, name: string) => node.$?.[name];
/** The zh-CN override of a localizable element (<Override> at the top, <bt:Override> in Resources). */
const zhOverride = (node: XmlNode) =>
  (node.$$ ?? []).find((c) => /^(bt:)?Override$/.test(c["#name"]) && attr(c, "Locale") === "zh-CN")?.$?.Value;

interface Resource {
  kind: "image" | "url" | "short" | "long";
  node: XmlNode;
}
function resources(): Map<string, Resource> {
  const map = new Map<string, Resource>();
  const res = at(manifest, "VersionOverrides", "Resources");
  const groups: [string, string, Resource["kind"]][] = [
    ["bt:Images", "bt:Image", "image"],
    ["bt:Urls", "bt:Url", "url"],
    ["bt:ShortStrings", "bt:String", "short"],
    ["bt:LongStrings", "bt:String", "long"],
  ];
  for (const [group, item, kind] of groups) {
    for (const g of children(res, group)) {
      for (const node of children(g, item)) {
        const id = attr(node, "id")!;
        expect(map.has(id), `resource id ${id} is defined once`).toBe(false);
        map.set(id, { kind, node });
      }
    }
  }
  return map;
}
const resourceValue = (id: string) => attr(resources().get(id)!.node, "DefaultValue");

/** Every URL in an attribute or text, leaving out XML namespace names. */
function urls(): string[] {
  const found: string[] = [];
  for (const node of all()) {
    for (const [name, value] of Object.entries(node.$ ?? {})) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) found.push(value);
    }
    const text = node._?.trim();
    if (text && /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) found.push(text);
  }
  return found;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex"), `${file} is a PNG`).toBe("89504e470d0a1a0a");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

beforeAll(async () => {
  const xml = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");
  const parsed = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, strict: true });
  manifest = parsed.OfficeApp;
});

describe("manifest.xml", () => {
  it("is a well-formed add-in-only manifest for Excel", () => {
    expect(manifest["#name"]).toBe("OfficeApp");
    expect(attr(manifest, "xsi:type")).toBe("TaskPaneApp");
    expect(children(at(manifest, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(at(manifest, "DefaultLocale")._).toBe("en-US");
    expect(at(manifest, "ProviderName")._).toBe("Tiering");
  });

  it("has a GUID for its id", () => {
    expect(at(manifest, "Id")._).toMatch(GUID);
  });

  it("resolves every resid to a resource of the right kind", () => {
    const defined = resources();
    const referenced = all().filter((n) => attr(n, "resid") !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    for (const node of referenced) {
      const id = attr(node, "resid")!;
      const resource = defined.get(id);
      expect(resource, `resid "${id}" on <${node["#name"]}> is defined in <Resources>`).toBeDefined();
      const expected =
        node["#name"] === "bt:Image"
          ? ["image"]
          : ["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(node["#name"])
            ? ["url"]
            : node["#name"] === "Namespace" || node["#name"] === "Label" || node["#name"] === "Title"
              ? ["short"]
              : ["short", "long"];
      expect(expected, `resid "${id}" on <${node["#name"]}> names a ${expected.join(" or ")} resource`).toContain(
        resource!.kind,
      );
    }
    for (const id of defined.keys()) expect(id.length, `resource id ${id} is at most 32 characters`).toBeLessThanOrEqual(32);
  });

  it("uses https for every URL, all under the development root that the production build rewrites", () => {
    const found = urls();
    expect(found.length).toBeGreaterThan(5);
    const origin = new URL(URL_DEV).origin;
    for (const url of found) {
      expect(url, "https").toMatch(/^https:\/\//);
      expect(url.startsWith(URL_DEV) || url === origin, `${url} starts with ${URL_DEV} or is ${origin}`).toBe(true);
    }
    for (const domain of byName("AppDomain")) expect(domain._).toMatch(/^https:\/\/[^/]+$/);
  });

  it("wires the shared runtime as Microsoft's Excel-Custom-Functions-Shared template does", () => {
    const sets = at(manifest, "Requirements", "Sets");
    const shared = children(sets, "Set").find((s) => attr(s, "Name") === "SharedRuntime");
    expect(shared && attr(shared, "MinVersion")).toBe("1.1");
    // Charts use ChartSeries.axisGroup (the Pareto's secondary axis) and PivotTables: ExcelApi 1.8.
    const excelApi = children(sets, "Set").find((s) => attr(s, "Name") === "ExcelApi");
    expect(excelApi && attr(excelApi, "MinVersion")).toBe("1.8");

    const host = at(manifest, "VersionOverrides", "Hosts", "Host");
    expect(attr(host, "xsi:type")).toBe("Workbook");
    expect(host.$$![0]["#name"], "<Runtimes> comes first in the host").toBe("Runtimes");
    const runtime = at(host, "Runtimes", "Runtime");
    expect(runtime.$).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });

    const customFunctions = children(at(host, "AllFormFactors"), "ExtensionPoint").find(
      (e) => attr(e, "xsi:type") === "CustomFunctions",
    )!;
    expect(customFunctions).toBeDefined();
    expect(attr(at(customFunctions, "Page", "SourceLocation"), "resid")).toBe("Taskpane.Url");
    expect(attr(at(customFunctions, "Script", "SourceLocation"), "resid")).toBe("Functions.Script.Url");
    expect(attr(at(customFunctions, "Metadata", "SourceLocation"), "resid")).toBe("Functions.Metadata.Url");
    expect(attr(at(host, "DesktopFormFactor", "FunctionFile"), "resid")).toBe("Taskpane.Url");

    expect(resourceValue("Taskpane.Url")).toBe(`${URL_DEV}taskpane.html`);
    expect(resourceValue("Functions.Script.Url")).toBe(`${URL_DEV}functions.js`);
    expect(resourceValue("Functions.Metadata.Url")).toBe(`${URL_DEV}functions.json`);
    expect(attr(at(manifest, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(resourceValue("Taskpane.Url"));

    const showTaskpane = byName("Action").filter((a) => attr(a, "xsi:type") === "ShowTaskpane");
    expect(showTaskpane).toHaveLength(1);
    expect(at(showTaskpane[0], "TaskpaneId")._).toBe("ButtonId1");
    expect(attr(at(showTaskpane[0], "SourceLocation"), "resid")).toBe("Taskpane.Url");
  });

  it("has a Build tier chart button whose function the commands bundle registers", () => {
    const execute = byName("Action").filter((a) => attr(a, "xsi:type") === "ExecuteFunction");
    expect(execute).toHaveLength(1);
    const name = at(execute[0], "FunctionName")._!;
    const commands = readFileSync(resolve(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${name}", `);
    const controls = byName("Control").map((c) => attr(c, "id"));
    expect(controls).toEqual(["Tiering.ShowTaskpane", "Tiering.BuildChart"]);
    expect(resourceValue("Tiering.BuildChart.Label")).toBe(en.ribbon.buildChartLabel);
  });

  it("names the functions' namespace TIER", () => {
    const namespace = at(manifest, "VersionOverrides", "Hosts", "Host", "AllFormFactors", "ExtensionPoint", "Namespace");
    const resource = resources().get(attr(namespace, "resid")!)!;
    expect(resource.kind).toBe("short");
    const value = attr(resource.node, "DefaultValue")!;
    expect(value).toBe("TIER");
    expect(value.length).toBeLessThanOrEqual(32);
    expect(value).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it("points Chinese Excel at the localized functions metadata", () => {
    const metadata = resources().get("Functions.Metadata.Url")!.node;
    expect(zhOverride(metadata)).toBe(`${URL_DEV}functions.zh-CN.json`);
  });

  it("takes its name, description and ribbon strings from src/i18n, with zh-CN overrides", () => {
    const displayName = at(manifest, "DisplayName");
    expect(attr(displayName, "DefaultValue")).toBe(en.product.name);
    expect(zhOverride(displayName)).toBe(zhCN.product.name);
    const description = at(manifest, "Description");
    expect(attr(description, "DefaultValue")).toBe(en.product.tagline);
    expect(zhOverride(description)).toBe(zhCN.product.tagline);

    const ribbonKeys = Object.keys(en.ribbon) as (keyof typeof en.ribbon)[];
    const strings = [...resources()].filter(([, r]) => r.kind === "short" || r.kind === "long");
    for (const [id, { kind, node }] of strings) {
      if (id === "Functions.Namespace") continue; // the same in every language
      const value = attr(node, "DefaultValue")!;
      expect(value.length, `${id} fits a ${kind} string`).toBeLessThanOrEqual(kind === "short" ? 125 : 250);
      const key = ribbonKeys.find((k) => en.ribbon[k] === value);
      expect(key, `${id} ("${value}") is a string of en.ribbon`).toBeDefined();
      expect(zhOverride(node), `${id} has a zh-CN override equal to zhCN.ribbon.${key}`).toBe(zhCN.ribbon[key!]);
    }
  });

  it("refers only to icons that exist in assets/, at the sizes it declares", () => {
    const iconUrls = urls().filter((url) => url.startsWith(`${URL_DEV}assets/`));
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      const file = resolve(ROOT, url.slice(URL_DEV.length));
      expect(existsSync(file), `${url} exists as ${file}`).toBe(true);
    }
    const declared: [string, number][] = [
      [attr(at(manifest, "IconUrl"), "DefaultValue")!, 32],
      [attr(at(manifest, "HighResolutionIconUrl"), "DefaultValue")!, 64],
    ];
    for (const [id, { kind, node }] of resources()) {
      if (kind !== "image") continue;
      const size = Number(/(\d+)x\1$/.exec(id)?.[1]);
      expect(size, `image id ${id} ends in its size`).toBeGreaterThan(0);
      declared.push([attr(node, "DefaultValue")!, size]);
    }
    for (const [url, size] of declared) {
      expect(pngSize(resolve(ROOT, url.slice(URL_DEV.length))), url).toEqual([size, size]);
    }
    // Every <bt:Image size="N"> names an image of that size.
    for (const image of byName("bt:Image").filter((n) => attr(n, "resid"))) {
      expect(attr(image, "resid")).toBe(`Icon.${attr(image, "size")}x${attr(image, "size")}`);
    }
  });
});

/**
 * The manifests against Microsoft's XML Schemas (test/support/xmllint.ts): manifest.xml as written, the production
 * manifest as the build rewrites it (the same transform webpack runs, with a hosting URL), and a few broken
 * manifests that must be refused, each for the reason a mistake would have.
 */
describe("manifest.xml against the add-in manifest schema (xmllint, offline)", () => {
  const source = () => readFileSync(resolve(ROOT, "manifest.xml"), "utf8");

  beforeAll(() => requireXmllint());

  it("validates as written", () => {
    const { valid, errors } = validateManifest(source());
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it("validates as the production build rewrites it for its host", () => {
    const makeConfig = require(resolve(ROOT, "webpack.config.js")) as (env: object, argv: object) => { plugins: { patterns?: { to: string; transform?: (content: Buffer) => string | Buffer }[] }[] };
    const saved = process.env.URL_PROD;
    process.env.URL_PROD = "https://tiering.example.com/addin/";
    let config;
    try {
      config = makeConfig({}, { mode: "production" });
    } finally {
      if (saved === undefined) delete process.env.URL_PROD;
      else process.env.URL_PROD = saved;
    }
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === "manifest.xml")!;
    const production = String(pattern.transform!(Buffer.from(source())));
    expect(production).toContain("https://tiering.example.com/addin/taskpane.html");
    expect(production.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
    const { valid, errors } = validateManifest(production);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  const broken: [string, (xml: string) => string, RegExp][] = [
    ["an Id that is not a GUID", (xml) => xml.replace(/<Id>[^<]+<\/Id>/, "<Id>tiering</Id>"), /Id.*tiering|pattern/],
    ["no Id at all", (xml) => xml.replace(/\s*<Id>[^<]+<\/Id>/, ""), /Version.*Expected is.*Id|Id/],
    ["elements out of the schema's order", (xml) => xml.replace(/(\s*<Version>[^<]+<\/Version>)(\s*<ProviderName>[^<]+<\/ProviderName>)/, "$2$1"), /ProviderName|Version/],
    ["a runtime lifetime the schema does not know", (xml) => xml.replace('lifetime="long"', 'lifetime="forever"'), /lifetime|forever/],
    ["an element Office does not know", (xml) => xml.replace("<Permissions>", "<Telemetry>on</Telemetry>\n  <Permissions>"), /Telemetry/],
    ["a resource id over 32 characters", (xml) => xml.replaceAll("Functions.Metadata.Url", "Functions.Metadata.Url.For.Every.Locale"), /Functions\.Metadata\.Url\.For\.Every\.Locale|length/],
    ["not well-formed XML", (xml) => xml.replace("</DisplayName>", ""), /DisplayName|mismatch|parser error/i],
  ];
  it.each(broken)("refuses %s, naming what is wrong", (_, breakIt, reason) => {
    const xml = breakIt(source());
    expect(xml, "the change applied").not.toBe(source());
    const { valid, errors } = validateManifest(xml);
    expect(valid).toBe(false);
    expect(errors.join("\n")).toMatch(reason);
  });
});
