/**
 * Builds the browser preview (webpack, preview entry only) into a temporary folder and serves it over plain
 * http on a free port, for the e2e tests and for making the user guide's screenshots.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import webpack from "webpack";

const ROOT = resolve(__dirname, "../../..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
};

/** webpack's development build of preview.html into `outDir`. */
export async function buildPreview(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ TIERING_PREVIEW_ONLY: true }, { mode: "development" });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  config.devtool = false;
  config.stats = "errors-only";
  config.infrastructureLogging = { level: "error" };
  await new Promise<void>((done, fail) => {
    webpack(config, (error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString("errors-only")));
      done();
    });
  });
  if (!existsSync(join(outDir, "preview.html"))) throw new Error(`the build wrote no preview.html into ${outDir}`);
}

export interface PreviewServer {
  url: string;
  dir: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(dir, path === "/" ? "preview.html" : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** Builds the preview into a fresh temporary folder and serves it; `close` stops the server and removes the folder. */
export async function startPreview(): Promise<PreviewServer> {
  const dir = mkdtempSync(join(tmpdir(), "tiering-preview-"));
  await buildPreview(dir);
  const { url, server } = await serve(dir);
  return {
    url,
    dir,
    close: () =>
      new Promise<void>((done) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          done();
        }),
      ),
  };
}
