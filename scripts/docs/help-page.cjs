/**
 * Build step: the functions' help page (help/functions.html), which each function's `helpUrl` in the metadata opens
 * (custom-functions-metadata's @helpurl tag; Excel shows "More help on this function" in the Insert Function dialog,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json "helpUrl"). It is docs/FUNCTIONS.md,
 * served with the add-in so the link works offline and at whatever host the add-in is deployed to (the build rewrites
 * https://localhost:3000/ to URL_PROD, as it does for the manifest). Each `## ` section becomes an anchored heading
 * and its Markdown is shown as preformatted text: Markdown is written to read as plain text, and this keeps the page
 * free of a renderer dependency and of any script. Every function gets an anchor `tier-<name>` on the section that
 * names it in its heading, or else the first section that uses it.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const DOC = path.join(__dirname, "..", "..", "docs", "FUNCTIONS.md");
const HELP_PATH = "help/functions.html";

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The anchor of a function's help: `tier-rfm` for TIER.RFM. */
const anchorOf = (name) => `tier-${name.toLowerCase()}`;

/** The `## ` sections of the doc: heading text and body lines (the part before the first heading is the intro). */
function sections(markdown) {
  const out = [{ heading: "", body: [] }];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) out.push({ heading: line.slice(3).trim(), body: [] });
    else out[out.length - 1].body.push(line);
  }
  return out;
}

/** Which section each function's anchor goes on: the one naming it in its heading, else the first (after the intro) using it. */
function anchorSections(parts, names) {
  const where = new Map();
  for (const name of names) {
    const re = new RegExp(`TIER\\.${name}\\b`);
    let i = parts.findIndex((p, k) => k > 0 && re.test(p.heading));
    if (i < 0) i = parts.findIndex((p, k) => k > 0 && p.body.some((l) => re.test(l)));
    if (i < 0) throw new Error(`docs/FUNCTIONS.md says nothing about TIER.${name}: its helpUrl would lead nowhere`);
    where.set(i, [...(where.get(i) || []), anchorOf(name)]);
  }
  return where;
}

/** The help page's HTML for the functions that have a helpUrl (their metadata ids, upper case). */
function helpPage(names, markdown = fs.readFileSync(DOC, "utf8")) {
  const parts = sections(markdown);
  const anchors = anchorSections(parts, names);
  const html = parts.map((p, i) => {
    const ids = anchors.get(i) || [];
    const marks = ids.map((id) => `<a id="${id}"></a>`).join("");
    const heading = p.heading ? `<h2 id="section-${i}">${marks}${escapeHtml(p.heading)}</h2>\n` : marks;
    return `${heading}<pre>${escapeHtml(p.body.join("\n").trim())}</pre>`;
  });
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    "<title>Tiering: TIER functions · TIER 函数</title>",
    "<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}",
    "pre{white-space:pre-wrap;word-break:break-word;font-size:.9rem;line-height:1.45}h2{border-top:1px solid #ccc;padding-top:1rem}</style>",
    "</head><body>",
    ...html,
    "</body></html>",
    "",
  ].join("\n");
}

module.exports = { helpPage, anchorOf, HELP_PATH };
