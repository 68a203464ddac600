#!/usr/bin/env node
/**
 * npm start: build the add-in in development mode and serve it on https://localhost:3000/ (the URLs in
 * manifest.xml), then say how to sideload manifest.xml, and where the browser preview (preview.html) is. Works on machines without Excel and without
 * administrator rights: it falls back to an untrusted certificate, or to plain http, and says so.
 *
 *   node scripts/start.cjs [--http]
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const PORT = 3000;
const forceHttp = process.argv.includes("--http");

const say = (text = "") => console.log(text);
const warn = (text) => console.warn(`\n[tiering] ${text}\n`);

/**
 * Ensures the Office Add-in developer certificates exist (office-addin-dev-certs, in ~/.office-addin-dev-certs).
 * Returns "trusted", "untrusted" (the files exist but the CA could not be installed) or "none".
 */
async function certificates() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch (error) {
    warn(`office-addin-dev-certs is not installed (${error.message}); run npm install.`);
    return "none";
  }
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  const haveFiles = () => files.every((file) => fs.existsSync(file));
  const stillValid = () => {
    try {
      const cert = new (require("crypto").X509Certificate)(fs.readFileSync(defaults.localhostCertificatePath));
      return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
    } catch {
      return false;
    }
  };

  try {
    if (haveFiles() && devCerts.verifyCertificates()) return "trusted";
  } catch {
    // verification runs a shell script; treat a failure as "not trusted" and go on
  }
  try {
    if (haveFiles() && stillValid()) {
      // Keep the certificate the browser may already have been told to trust; only try to trust its CA.
      await devCerts.installCaCertificate(defaults.caCertificatePath);
    } else {
      await devCerts.ensureCertificatesAreInstalled(); // creates the files, then installs the CA
    }
    return "trusted";
  } catch (error) {
    const reason = String(error && error.message ? error.message : error).trim().split("\n")[0];
    if (!haveFiles()) {
      try {
        await devCerts.generateCertificates();
      } catch {
        // reported below
      }
    }
    if (haveFiles()) {
      warn(untrustedAdvice(reason, defaults.caCertificatePath, process.platform));
      return "untrusted";
    }
    warn(`Could not create the developer certificates (${reason}).`);
    return "none";
  }
}

/**
 * What to say when the developer CA could not be trusted: the real cause, then the fixes that work here.
 * office-addin-dev-certs installs the CA with `sudo` on Linux and macOS (its lib/install.js), so on a machine
 * without sudo (a container, a locked-down laptop) the cause is "sudo: not found", not a wrong password; saying
 * "run it with administrator rights" there sends the reader after a tool that does not exist. Exported for the test.
 */
function untrustedAdvice(reason, caPath, platform) {
  const noSudo = /sudo: (?:command )?not found|sudo: not found|no such file.*sudo/i.test(reason);
  const denied = /password|permission denied|not in the sudoers|operation not permitted|access is denied/i.test(reason);
  const cause = noSudo
    ? "this machine has no `sudo`, and office-addin-dev-certs needs it to add its certificate authority to the system's trust store"
    : denied
      ? "adding a certificate authority to the system's trust store needs administrator rights, which this account was refused"
      : `office-addin-dev-certs could not add its certificate authority to the system's trust store (${reason})`;
  const lines = [
    `npm start created the developer certificates but could not make this machine trust them: ${cause}.`,
    "It serves https anyway, with a certificate the browser and Excel do not trust yet. Fix it in one of these ways:",
    `  - trust it in the browser only: import ${caPath} as a trusted certificate authority`,
    "    (Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import;",
    "    Firefox: Settings > Certificates > View Certificates > Authorities > Import), then reload;",
  ];
  if (!noSudo || platform === "win32") {
    lines.push("  - or trust it system-wide: run `npx office-addin-dev-certs install` as an administrator, then npm start again;");
  } else {
    lines.push("  - or, on a machine where you are an administrator with sudo, run `npx office-addin-dev-certs install` once;");
  }
  lines.push(
    "  - or, for the browser preview only (Excel needs https), serve plain http: `npm start -- --http`.",
    "(This message comes from scripts/start.cjs.)",
  );
  return lines.join("\n");
}

/** Where a desktop Excel that office-addin-debugging can sideload into would be, or undefined. */
function desktopExcel() {
  const candidates = {
    win32: [
      path.join(process.env.ProgramFiles || "C:\\Program Files", "Microsoft Office", "root", "Office16", "EXCEL.EXE"),
      path.join(process.env["ProgramFiles(x86)"] || "C:\\Program Files (x86)", "Microsoft Office", "root", "Office16", "EXCEL.EXE"),
    ],
    darwin: ["/Applications/Microsoft Excel.app"],
  }[process.platform];
  return (candidates || []).find((file) => fs.existsSync(file));
}

function instructions(protocol, trust) {
  const base = `${protocol}://localhost:${PORT}/`;
  say();
  say("Tiering add-in (development build) is served at:");
  say(`  ${base}taskpane.html          task pane, and the shared runtime of the custom functions`);
  say(`  ${base}functions.js           custom functions`);
  say(`  ${base}functions.json         function metadata (English)`);
  say(`  ${base}functions.zh-CN.json   function metadata (Simplified Chinese)`);
  say(`  ${base}commands.html          ribbon commands`);
  say(`  ${base}manifest.xml           the manifest to sideload`);
  say(`  ${base}preview.html           browser preview without Excel: the pane beside an in-memory workbook`);
  say("                                         with sample data (open it in any browser)");
  say(`  files are also written to ${path.relative(process.cwd(), path.join(ROOT, "dist")) || "dist"}/`);
  say();
  say(`No Excel here? Open ${base}preview.html to try the whole flow (data, Run, tier charts) in a browser.`);
  say();
  if (protocol === "http") {
    say("Plain http: Excel loads add-ins only over https, so this serves the pane for a browser only.");
    say("Create trusted certificates with `npx office-addin-dev-certs install`, then run npm start again.");
    say();
  } else if (trust === "untrusted") {
    say("The certificate is not trusted yet (see above): Excel will refuse the add-in until it is.");
    say();
  }
  say("Sideload manifest.xml into Excel:");
  say("  Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins >");
  say("    Upload My Add-in, and choose manifest.xml. The browser must trust the localhost certificate.");
  const excel = desktopExcel();
  if (excel) {
    say(`  Excel desktop (found ${excel}): in another terminal run`);
    say("    npm run sideload      (office-addin-debugging start manifest.xml desktop)");
  } else if (process.platform === "linux") {
    say("  Excel desktop: there is none on Linux; use Excel on the web.");
  } else {
    say("  Excel desktop: not found on this machine; once installed, run npm run sideload.");
  }
  say();
  say("Press Ctrl+C to stop.");
}

/** Resolves when nothing listens on localhost:PORT; rejects with EADDRINUSE (and the like) otherwise. */
function portIsFree() {
  return new Promise((resolve, reject) => {
    const probe = require("net").createServer();
    probe.once("error", reject);
    probe.listen(PORT, "localhost", () => probe.close(() => resolve()));
  });
}

function fail(error) {
  const message =
    error && error.code === "EADDRINUSE"
      ? `Port ${PORT} is in use, and the manifest's URLs need it. Stop what serves on it (an earlier npm start?) and try again.`
      : `npm start failed: ${error && error.message ? error.message : error}`;
  console.error(`\n[tiering] ${message}\n`);
  process.exit(1);
}

async function main() {
  await portIsFree();
  const trust = forceHttp ? "none" : await certificates();
  const https = trust !== "none";
  if (!https && !forceHttp) warn("Falling back to plain http.");

  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ WEBPACK_SERVE: true, TIERING_HTTP: !https }, { mode: "development" });
  // Write the build to dist/ too, and keep the log to errors, warnings and one line per build
  // (the full asset list holds every Office.js file).
  config.devServer = { ...config.devServer, port: PORT, devMiddleware: { writeToDisk: true } };
  config.stats = "minimal";
  config.infrastructureLogging = { level: "warn" };

  const compiler = webpack(config);
  let first = true;
  compiler.hooks.done.tap("tiering-start", (stats) => {
    if (stats.hasErrors()) {
      warn("The build has errors (listed above); fix them and save, and the server rebuilds.");
    }
    if (first) {
      first = false;
      // After webpack-dev-middleware has printed the build's stats.
      setImmediate(() => instructions(https ? "https" : "http", trust));
    }
  });

  const server = new WebpackDevServer(config.devServer, compiler);
  const stop = async () => {
    await server.stop().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await server.start();
}

// webpack-dev-server rethrows listen errors from an event handler, out of reach of main()'s promise.
if (require.main === module) {
  process.on("uncaughtException", fail);
  main().catch(fail);
}

module.exports = { untrustedAdvice };
