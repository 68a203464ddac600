/* Webpack build for the Tiering add-in (shared runtime: task pane, ribbon commands and custom functions in one page).
 *
 *   npx webpack --mode production      dist/ for hosting at URL_PROD
 *   npx webpack --mode development     dist/ for https://localhost:3000/
 *   npx webpack serve --mode development, or npm start (scripts/start.cjs), to serve it
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
 * Where dist/ is hosted in production. The manifest's development URLs are rewritten to it. Defaults to the
 * development URL, so a production build still works when served from this machine (npm start serves dev builds).
 */
const URL_PROD = process.env.URL_PROD || URL_DEV;

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/**
 * The browser preview (src/preview): the pane beside the in-memory stand-in workbook, with a sample data set
 * copied from ../shared/data. Part of development builds (npm start) and of builds with env.TIERING_PREVIEW;
 * the production add-in (npm run build) leaves it out. env.TIERING_PREVIEW_ONLY builds the preview alone
 * (the e2e tests).
 */
const PREVIEW_SAMPLE = path.resolve(__dirname, "../shared/data/online_retail_sample_20k.csv");
/** The CDNOW purchases, for the preview's `?data=cdnow` (two half-years of 1997: the dynamic workflow). */
const PREVIEW_CDNOW = path.resolve(__dirname, "../shared/data/CDNOW_master.txt");
const LOCALIZE_SCRIPT = path.resolve(__dirname, "scripts/localize-functions-metadata.cjs");
const ERROR_INPUTS_SCRIPT = path.resolve(__dirname, "scripts/function-error-inputs.cjs");
/**
 * Office.js is served from the local @microsoft/office-js package instead of Microsoft's CDN: customers' data
 * never leaves the workbook, and the machines this is built and tested on have no network. Microsoft recommends
 * referencing the CDN (https://appsforoffice.microsoft.com/lib/1/hosted/office.js) for add-ins submitted to
 * AppSource; switch the <script> in the two HTML files back to it for a Store submission.
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

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  if (!/^https:\/\/.+\/$/.test(URL_PROD)) {
    throw new Error(`URL_PROD must be an https URL ending in "/", such as https://example.com/tiering/ (it is "${URL_PROD}").`);
  }

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
    new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
    new CopyWebpackPlugin({
      patterns: [
        // Missing ../shared/data leaves the preview on an empty sheet (it says so) instead of failing the build.
        { from: PREVIEW_SAMPLE, to: "sample/[name][ext]", noErrorOnMissing: true },
        { from: PREVIEW_CDNOW, to: "sample/[name][ext]", noErrorOnMissing: true },
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this page is also the custom functions' page and the ribbon's function file.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
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
          {
            from: OFFICE_JS_DIST,
            to: "office-js",
            globOptions: { ignore: OFFICE_JS_IGNORE },
            info: { minimized: true }, // already minified; keeps Terser away from 20 MB of scripts
          },
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
