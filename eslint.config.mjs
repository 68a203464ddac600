// ESLint flat config (`npm run lint`, run by .ci/run before the tests; issue 10).
//
// The rule sets are the recommended ones: @eslint/js, typescript-eslint's syntactic `recommended` (not the
// type-checked variants: `npm run typecheck` already runs tsc with strict on, and type-aware linting would
// type-check the project a second time on every lint) and eslint-plugin-react-hooks for the React code.
// Rules are switched off or tuned below only where they clash with a convention of the project
// (../shared/DESIGN.md, docs/ARCHITECTURE.md), each with the reason beside it; a rule that today's code
// merely breaks stays on, and the code is fixed instead.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The direction of dependencies (../shared/DESIGN.md, "Layers" and "The core, by concept") as import
// bans. `layer(dir, { src, core })` bans relative imports from src/<dir>/ into the folders `src` of src/
// and `core` of src/core/; the patterns are anchored at the importing file's depth, so `../commands/x`
// from inside src/cli/ is not mistaken for src/commands/. ESLint replaces, not merges, a rule's options
// when a later block sets it again (the core's floors after the core), so every block repeats the ban
// that holds everywhere: nothing under src/ imports from test/ (issue 10). Cycles inside one folder are
// for the import-cycle check (`npm run cycles`), which these bans cannot see.
const SRC_LAYERS = ["core", "i18n", "functions", "excel", "taskpane", "cli", "preview", "standin", "commands"];
const CORE_BELOW = {
  cells: [],
  math: ["cells"],
  transactions: ["cells", "math"],
  tiers: ["cells", "math", "transactions"],
  models: ["cells", "math", "transactions"],
  "over-time": ["cells", "math", "transactions", "tiers", "models"],
  analysis: ["cells", "math", "transactions", "tiers", "models", "over-time"],
};
const CORE_PACKAGES = ["react", "react-dom", "react-dom/*", "@fluentui/*", "node:*", "fs", "path", "child_process"];
const except = (all, ...allowed) => all.filter((name) => !allowed.includes(name));
const up = (levels) => "\\.\\./".repeat(levels);
// `only: { excel: ["port"] }` lets the folder reach src/excel/ but only its modules named there (a module at
// the folder's top, or a folder of it by its index).
function layerPatterns(depth, { src = [], core = [], packages = [], only = {}, why = "" }) {
  const patterns = [
    { regex: `^${up(depth + 1)}test(/|$)`, message: "src/ must not import from test/ (the shipped code would carry the tests' support)." },
  ];
  if (src.length) patterns.push({ regex: `^${up(depth)}(${src.join("|")})(/|$)`, message: why });
  for (const [folder, modules] of Object.entries(only)) {
    patterns.push({ regex: `^${up(depth)}${folder}(/|$)(?!(${modules.join("|")})$)`, message: why });
  }
  if (core.length) patterns.push({ regex: `^${up(depth - 1)}(${core.join("|")})(/|$)`, message: why });
  if (packages.length) patterns.push({ group: packages, message: why });
  return patterns;
}
function layer(dir, options) {
  const base = dir.split("/").length;
  // Files at src/<dir>/ and up to four folders below it.
  return [0, 1, 2, 3, 4].map((extra) => ({
    files: [`src/${dir}/${"*/".repeat(extra)}*.{ts,tsx}`],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(base + extra, options) }] },
  }));
}

export default defineConfig(
  // Build output, installed packages and test artefacts: generated, never edited by hand.
  globalIgnores([
    "dist/**",
    "dist-cli/**",
    "node_modules/**",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
    ".bench/**",
  ]),
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: {
      // A `// eslint-disable` that no longer silences anything is a stale excuse: report it.
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      // The same leniency tsc's noUnusedLocals / noUnusedParameters have, so the two never disagree:
      // a leading `_` marks a binding that must exist but is not read (a callback's position, a
      // destructured tuple slot), and a rest sibling (`const { drop, ...kept } = o`) is how an object
      // is copied without a key.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // Two checks beyond the recommended sets that only write down what the code already does:
      // strict equality everywhere except `== null`, the one idiom that means "null or undefined"
      // (omitted optional arguments of a custom function arrive as null, omitted TypeScript ones as
      // undefined); and type-only imports marked `import type`, as nearly every module already does, so a
      // reader sees which edges carry only types, with no inline `import("…")` types, which hide an edge
      // from the reader and from the layer bans below.
      eqeqeq: ["error", "always", { null: "ignore" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Golden values in the tests are pasted as the reference printed them (mpmath to 17 or more digits,
    // the published tables), so they can be checked against the source by eye; the double nearest to
    // the printed value is what the assertion compares. Rounding them to what a double holds would change
    // the golden text for no gain. In src/ the rule stays on: a constant there that cannot be
    // represented is a slip.
    files: ["test/**"],
    rules: { "no-loss-of-precision": "off" },
  },
  {
    // Node scripts (build helpers, the benchmark, the manifest localiser) run in Node directly, not
    // through the bundler, so Node's globals are real there.
    files: ["scripts/**/*.{js,mjs,cjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    // `.cjs` files are CommonJS on purpose (package.json says `"type": "commonjs"`, and webpack and
    // `node` load them as they are), so `require` is their import statement, not a slip.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Layers (DESIGN.md): what each folder of src/ must not import.
  layer("standin", {}),
  layer("core", {
    src: except(SRC_LAYERS, "core"),
    packages: CORE_PACKAGES,
    why: "The core knows nothing of Excel, React, the DOM, Node I/O or wording: columns and options in, results and problem codes out (DESIGN.md).",
  }),
  // The core's floors, ground floor first: each imports only the floors below it; tiers/ and models/
  // share a floor and do not import each other (a helper both need moves down to math/ or cells/, issue 10).
  ...Object.entries(CORE_BELOW).map(([floor, below]) =>
    layer(`core/${floor}`, {
      src: except(SRC_LAYERS, "core"),
      core: except(Object.keys(CORE_BELOW), floor, ...below),
      packages: CORE_PACKAGES,
      why: `src/core/${floor}/ imports ${below.length ? `only ${below.join(", ")} of the core` : "no other folder of the core"}, and nothing outside the core (DESIGN.md, "The core, by concept").`,
    }),
  ),
  layer("i18n", { src: except(SRC_LAYERS, "core", "i18n"), why: "src/i18n imports only the core's types and constants (DESIGN.md, Layers)." }),
  layer("functions", { src: except(SRC_LAYERS, "core", "i18n", "functions"), why: "Custom functions reach only the core and i18n (DESIGN.md, Layers)." }),
  layer("cli", { src: except(SRC_LAYERS, "core", "i18n", "cli"), why: "The tier command reaches only the core and i18n (DESIGN.md, Layers)." }),
  layer("excel", { src: except(SRC_LAYERS, "core", "i18n", "excel"), why: "Workbook jobs reach only the core and i18n; the pane and the stand-in come to them (DESIGN.md, Layers)." }),
  layer("commands", { src: except(SRC_LAYERS, "excel", "i18n", "commands"), why: "Ribbon commands go through the workbook port (docs/ARCHITECTURE.md)." }),
  // The pane sees the workbook through the port's contract (port.ts) and hears the ribbon through the
  // DOM-event contract the commands share with it (notices.ts); the jobs behind the port are for the one
  // file that builds the production port, index.tsx, with the Office host it runs them on (host.ts). So
  // the pane is tested against a fake port and never reaches a job, Office.js or the stand-in by accident.
  layer("taskpane", {
    src: except(SRC_LAYERS, "core", "i18n", "excel", "taskpane"),
    only: { excel: ["port", "notices"] },
    why: "The pane reaches src/excel only through port.ts and notices.ts; index.tsx alone also builds the port from jobs and host (DESIGN.md, Layers).",
  }),
  {
    files: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: layerPatterns(1, {
            src: except(SRC_LAYERS, "core", "i18n", "excel", "taskpane"),
            only: { excel: ["port", "notices", "jobs", "host"] },
            why: "index.tsx builds the production port: it may reach src/excel's port, notices, jobs and host, and nothing else of it (DESIGN.md, Layers).",
          }),
        },
      ],
    },
  },
  layer("preview", { src: except(SRC_LAYERS, "core", "i18n", "excel", "taskpane", "standin", "preview"), why: "The preview is the pane, the workbook jobs and the stand-in put together (DESIGN.md, Layers)." }),
  {
    // Microsoft's Office Add-in rules (eslint-plugin-office-addins), at the levels of its `recommended` config:
    // load before read, sync after load and before read, isNullObject for null tests, no sync in a loop, no
    // empty or navigational load, no Office.initialize. Only the rules are taken: the plugin's `recommended`
    // config also brings Prettier, its own parser and @eslint/js at other settings, which would restyle the
    // project rather than check its use of Office.js. Warnings fail the lint like errors (--max-warnings 0).
    // Where the code calls Excel: the workbook jobs and what they use, the ribbon commands, the pane's entry.
    files: ["src/excel/**/*.ts", "src/commands/**/*.ts", "src/taskpane/index.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(
      Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) => name.startsWith("office-addins/")),
    ),
  },
  {
    // The React code: the task pane (components and its hooks) and the browser preview, which renders
    // the same way. The recommended set includes the React Compiler's checks (purity, refs,
    // set-state-in-effect, …), which catch the bugs the pane's one-state-hook design relies on avoiding.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/preview/**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended],
  },
);
