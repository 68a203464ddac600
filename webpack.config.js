/* Webpack build for the Tiering add-in (shared runtime: task pane, ribbon commands and custom functions in one page).
 *
 *   URL_PROD=https://host/path/ npx webpack --mode production   dist/ for hosting at URL_PROD (Office.js from Microsoft's CDN)
 *   npx webpack --mode production --env local                    the same, for https://localhost:3000/ (asked for explicitly)
 *   npx webpack --mode development                               dist/ for https://localhost:3000/ (Office.js copied locally)
 *   npx webpack serve --mode development, or npm start (scripts/start.cjs), to serve it
 *
 *   OFFICE_CDN=21vianet   production pages load Office.js from the CDN of Office 365 operated by 21Vianet (China)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const URL_DEV = "https://localhost:3000/";
/**
 * Where dist/ is hosted in production. The manifest's development URLs are rewritten to it. A production build
 * without it (or with a localhost address) is refused, unless a local build is asked for (`--env local` or
 * TIERING_LOCAL_BUILD=1): a manifest pointing at https://localhost:3000 handed to users loads nothing.
 */
const urlProd = () => process.env.URL_PROD || URL_DEV; // read when the config is made, not when this file is loaded
const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * Office.js for production pages: Microsoft's CDN, which add-ins published to Microsoft's store must reference
 * ("If you plan to publish your Office Add-in from AppSource, you must use this CDN reference. Local references are
 * only appropriate for internal, development, and debugging scenarios":
 * https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * Office 365 operated by 21Vianet in China has its own CDN, which the same page names for add-ins used in that cloud
 * (the worldwide one may be unreachable there); build with OFFICE_CDN=21vianet for such a deployment, and host that
 * build separately: one dist/ serves one cloud.
 */
const OFFICE_CDNS = {
  worldwide: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};
/** Where development pages (dev server, `npm start`, tests) load Office.js: the copy of the @microsoft/office-js package in dist/office-js. */
const OFFICE_JS_LOCAL = "office-js/office.js";

/**
 * The Content-Security-Policy of every page, as a <meta http-equiv> written first in each page's <head> (the pages are static
 * files, so no header is assumed of the host; frame-ancestors cannot be set from a meta element and is left to the host's headers, see
 * office-js-docs-pr #4911 for the Office origins it must allow).
 * - scripts only from this origin and, in production, the Office CDN: office.js loads its Excel host scripts and
 *   locale strings from its own folder on the CDN. (office.js would load MicrosoftAjax from ajax.aspnetcdn.com, as
 *   office-js #1005 observed, only behind a flag that is off for Excel's hosts; it is not allowed.)
 * - styles inline too: Fluent UI v9 (Griffel) inserts its rules at run time, and excel-web-16.00.js sets inline
 *   styles (office-js #1687, where a style-src without 'unsafe-inline' breaks it).
 * - connect-src 'self' only: the add-in makes no network call; Office's own channel to the host is postMessage,
 *   which CSP does not govern. Office.js's optional telemetry (browser.pipe.aria.microsoft.com, office-js #1005) is
 *   not allowed: blocking it leaves a console message and nothing else. The dev server adds its live-reload socket.
 */
function contentSecurityPolicy({ officeJs, serving }) {
  const scripts = ["'self'", ...(officeJs && /^https:/.test(officeJs) ? [new URL(officeJs).origin] : [])];
  const connect = ["'self'", ...(serving ? ["ws://localhost:*", "wss://localhost:*"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/**
 * The browser preview (src/preview): the pane beside the in-memory stand-in workbook, with a sample data set
 * (the Online Retail sample from assets/sample, CDNOW from ../shared/data). Part of development builds (npm start) and of builds with env.TIERING_PREVIEW;
 * the production add-in (npm run build) leaves it out. env.TIERING_PREVIEW_ONLY builds the preview alone
 * (the e2e tests).
 */
/**
 * Whole customer histories drawn from the complete Online Retail data by scripts/sample-online-retail.mjs (seeded;
 * kept in the repository, so the preview opens on it without ../shared/data).
 */
const PREVIEW_SAMPLE = path.resolve(__dirname, "assets/sample/online_retail_customers.csv");
/** Synthetic orders with the voice of the customer (NPS, satisfaction, …), for the preview's `?data=voice` (issue 15 §4). */
const PREVIEW_VOICE = path.resolve(__dirname, "assets/sample/voice_orders.csv");
/** The CDNOW purchases, for the preview's `?data=cdnow` (two half-years of 1997: the dynamic workflow). */
const PREVIEW_CDNOW = path.resolve(__dirname, "../shared/data/CDNOW_master.txt");
/**
 * All 541,909 rows of Online Retail (47 MB), for the preview's `?data=retail-full`: copied into development builds
 * (npm start) and preview builds with env.TIERING_PREVIEW_FULL (scripts/preview-full-run.mjs), not into the e2e
 * tests' preview builds, which would only carry it around.
 */
const PREVIEW_FULL = path.resolve(__dirname, "../shared/data/online_retail.csv");
const LOCALIZE_SCRIPT = path.resolve(__dirname, "scripts/localize-functions-metadata.cjs");
const ERROR_INPUTS_SCRIPT = path.resolve(__dirname, "scripts/function-error-inputs.cjs");
const HELP_SCRIPT = path.resolve(__dirname, "scripts/docs/help-page.cjs");
/**
 * The local copy of Office.js for development builds (the machines this is built and tested on have no network).
 * The @microsoft/office-js package's README calls such a copy unsupported for production; production pages use
 * OFFICE_CDNS above.
 */
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** office.js loads only the Excel host scripts, locale strings and helpers; the other hosts' files are left out. */
const OFFICE_JS_IGNORE = [
  "**/*.d.ts",
  "**/*vsdoc*",
  "**/*.debug.js",
  "**/access-*",
  "**/onenote-*",
  "**/outlook*",
  "**/powerpoint*",
  "**/project-*",
  "**/visio*",
  "**/word*",
];

/**
 * Adds `allowErrorForDataTypeAny: true` to functions.json (scripts/function-error-inputs.cjs says why), before
 * LocalizeFunctionsMetadataPlugin makes functions.zh-CN.json from it, so both languages carry the flag.
 */
class FunctionErrorInputsPlugin {
  apply(compiler) {
    const name = "FunctionErrorInputsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL - 1 }, () => {
        const metadata = compilation.getAsset("functions.json");
        if (!metadata) return; // the metadata plugin has already reported why it made none
        compilation.fileDependencies.add(ERROR_INPUTS_SCRIPT);
        try {
          delete require.cache[require.resolve(ERROR_INPUTS_SCRIPT)];
          const flagged = require(ERROR_INPUTS_SCRIPT)(JSON.parse(metadata.source.source().toString()));
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(flagged, null, 2)));
        } catch (error) {
          compilation.errors.push(new webpack.WebpackError(`${name}: ${path.relative(__dirname, ERROR_INPUTS_SCRIPT)} failed: ${error.message}`));
        }
      });
    });
  }
}

/**
 * After CustomFunctionsMetadataPlugin has put functions.json into the compilation, writes functions.zh-CN.json
 * (the manifest's zh-CN override of the metadata URL) with scripts/localize-functions-metadata.cjs, which
 * takes the metadata object and returns its Simplified Chinese version.
 */
class LocalizeFunctionsMetadataPlugin {
  apply(compiler) {
    const name = "LocalizeFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const metadata = compilation.getAsset("functions.json");
          if (!metadata) return; // the metadata plugin has already reported why it made none
          compilation.fileDependencies.add(LOCALIZE_SCRIPT);
          if (!fs.existsSync(LOCALIZE_SCRIPT)) {
            compilation.errors.push(
              new webpack.WebpackError(
                `${name}: ${path.relative(__dirname, LOCALIZE_SCRIPT)} is missing. It must export a function that ` +
                  "takes the functions.json object and returns its zh-CN version (the manifest points Chinese Excel at " +
                  "functions.zh-CN.json).",
              ),
            );
            return;
          }
          try {
            delete require.cache[require.resolve(LOCALIZE_SCRIPT)]; // pick up edits when serving
            const exported = require(LOCALIZE_SCRIPT);
            const localize = typeof exported === "function" ? exported : exported && exported.default;
            if (typeof localize !== "function") throw new Error("it does not export a function");
            const localized = await localize(JSON.parse(metadata.source.source().toString()));
            if (!localized || !Array.isArray(localized.functions)) {
              throw new Error("it did not return a metadata object with a functions array");
            }
            compilation.emitAsset("functions.zh-CN.json", new webpack.sources.RawSource(JSON.stringify(localized, null, 2)));
          } catch (error) {
            compilation.errors.push(
              new webpack.WebpackError(`${name}: ${path.relative(__dirname, LOCALIZE_SCRIPT)} failed: ${error.message}`),
            );
          }
        },
      );
    });
  }
}

/**
 * After the metadata (and its zh-CN version) exist, emits the functions' help page that each function's helpUrl
 * opens (scripts/docs/help-page.cjs, from docs/FUNCTIONS.md), and points the helpUrls at the host the build is for:
 * the JSDoc's @helpurl names https://localhost:3000/, rewritten to URL_PROD as the manifest's URLs are.
 */
class FunctionsHelpPlugin {
  constructor(urlProd) {
    this.urlProd = urlProd;
  }
  apply(compiler) {
    const name = "FunctionsHelpPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const metadata = compilation.getAsset("functions.json");
        if (!metadata) return;
        compilation.fileDependencies.add(HELP_SCRIPT);
        compilation.fileDependencies.add(path.join(__dirname, "docs/FUNCTIONS.md"));
        try {
          delete require.cache[require.resolve(HELP_SCRIPT)];
          const { helpPage, HELP_PATH } = require(HELP_SCRIPT);
          const names = JSON.parse(metadata.source.source().toString()).functions.filter((f) => f.helpUrl).map((f) => f.id);
          compilation.emitAsset(HELP_PATH, new webpack.sources.RawSource(helpPage(names)));
          for (const file of ["functions.json", "functions.zh-CN.json"]) {
            const asset = compilation.getAsset(file);
            if (!asset || this.urlProd === URL_DEV) continue;
            const json = JSON.parse(asset.source.source().toString());
            for (const fn of json.functions) if (fn.helpUrl) fn.helpUrl = fn.helpUrl.replace(URL_DEV, this.urlProd);
            compilation.updateAsset(file, new webpack.sources.RawSource(JSON.stringify(json, null, 2)));
          }
        } catch (error) {
          compilation.errors.push(new webpack.WebpackError(`${name}: ${error.message}`));
        }
      });
    });
  }
}

/**
 * HTTPS options from office-addin-dev-certs' files (~/.office-addin-dev-certs), or undefined when they are missing.
 * Creating and trusting them is left to scripts/start.cjs (or `npx office-addin-dev-certs install`), because it
 * needs administrator rights on most machines.
 */
function devCertificates() {
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((file) => fs.existsSync(file))) return undefined;
  const [ca, cert, key] = files.map((file) => fs.readFileSync(file));
  return { ca, cert, key };
}

/**
 * Refuses a production build that would hand users a manifest pointing at this machine, unless a local build was
 * asked for; says what to do. Exported for test/build.test.ts.
 */
function checkProductionTarget({ urlProd, local }) {
  if (local) return;
  if (!urlProd) {
    throw new Error(
      "A production build needs URL_PROD, the https address where dist/ will be hosted (for example " +
        "URL_PROD=https://example.com/tiering/ npm run build). For a build that points at https://localhost:3000/, " +
        "ask for it: npm run build -- --env local (or TIERING_LOCAL_BUILD=1).",
    );
  }
  if (LOCAL_HOSTS.test(new URL(urlProd).hostname)) {
    throw new Error(
      `URL_PROD is ${urlProd}, an address on this machine: users' Excel cannot load the add-in from it. Give the ` +
        "address where dist/ will be hosted, or ask for a local build: npm run build -- --env local.",
    );
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const URL_PROD = urlProd();
  if (!/^https:\/\/.+\/$/.test(URL_PROD)) {
    throw new Error(`URL_PROD must be an https URL ending in "/", such as https://example.com/tiering/ (it is "${URL_PROD}").`);
  }
  const cdn = process.env.OFFICE_CDN || "worldwide";
  if (!Object.hasOwn(OFFICE_CDNS, cdn)) {
    throw new Error(`OFFICE_CDN must be one of ${Object.keys(OFFICE_CDNS).join(", ")} (it is "${cdn}").`);
  }
  if (!dev && !env.TIERING_PREVIEW_ONLY) {
    checkProductionTarget({ urlProd: process.env.URL_PROD, local: Boolean(env.local) || process.env.TIERING_LOCAL_BUILD === "1" });
  }
  const officeJs = dev ? OFFICE_JS_LOCAL : OFFICE_CDNS[cdn];
  // Each template writes it first in <head>, before any script, as <meta http-equiv="Content-Security-Policy">.
  const csp = (withOffice) => contentSecurityPolicy({ officeJs: withOffice ? officeJs : null, serving: Boolean(env.WEBPACK_SERVE) });

  let server;
  if (env.WEBPACK_SERVE) {
    const certificates = env.TIERING_HTTP ? undefined : devCertificates();
    server = certificates ? { type: "https", options: certificates } : { type: "http" };
    if (!certificates && !env.TIERING_HTTP) {
      console.warn(
        "No Office Add-in developer certificates found (~/.office-addin-dev-certs): serving plain http. " +
          "Excel only loads add-ins over https; run `npx office-addin-dev-certs install`, or use `npm start`.",
      );
    }
  }

  const previewOnly = Boolean(env.TIERING_PREVIEW_ONLY);
  const preview = dev || previewOnly || Boolean(env.TIERING_PREVIEW);
  const previewPlugins = [
    new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"], csp: csp(false) }),
    new CopyWebpackPlugin({
      patterns: [
        // Missing ../shared/data leaves the preview on an empty sheet (it says so) instead of failing the build.
        { from: PREVIEW_SAMPLE, to: "sample/[name][ext]", noErrorOnMissing: true },
        { from: PREVIEW_CDNOW, to: "sample/[name][ext]", noErrorOnMissing: true },
        { from: PREVIEW_VOICE, to: "sample/[name][ext]", noErrorOnMissing: true },
        ...((dev && !previewOnly) || env.TIERING_PREVIEW_FULL ? [{ from: PREVIEW_FULL, to: "sample/[name][ext]", noErrorOnMissing: true, info: { minimized: true } }] : []),
        ...(previewOnly ? [{ from: "assets/*.png", to: "assets/[name][ext]" }] : []),
      ],
    }),
  ];
  const addin = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    functions: FUNCTIONS_SOURCE,
  };

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      ...(previewOnly ? {} : addin),
      ...(preview ? { preview: "./src/preview/preview.tsx" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npx tsc -p .`'s job; tsconfig's noEmit is for that run only.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: previewOnly ? previewPlugins : [
      ...(preview ? previewPlugins : []),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FunctionErrorInputsPlugin(),
      new LocalizeFunctionsMetadataPlugin(),
      new FunctionsHelpPlugin(dev ? URL_DEV : URL_PROD),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this page is also the custom functions' page and the ribbon's function file.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        officeJs,
        csp: csp(true),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs,
        csp: csp(true),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev) return content;
              // URLs first, then bare origins (AppDomain).
              return content
                .toString()
                .replaceAll(URL_DEV, URL_PROD)
                .replaceAll(new URL(URL_DEV).origin, new URL(URL_PROD).origin);
            },
          },
          // Production pages take Office.js from the CDN; only development builds carry the local copy.
          ...(dev
            ? [
                {
                  from: OFFICE_JS_DIST,
                  to: "office-js",
                  globOptions: { ignore: OFFICE_JS_IGNORE },
                  info: { minimized: true }, // already minified; keeps Terser away from 20 MB of scripts
                },
              ]
            : []),
        ],
      }),
    ],
    performance: {
      // Office.js is loaded from its own files; only our bundles count.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server,
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

module.exports.checkProductionTarget = checkProductionTarget;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_CDNS = OFFICE_CDNS;
