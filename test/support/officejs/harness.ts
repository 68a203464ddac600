/**
 * Microsoft's Office.js Excel client in the loop: a local HTTP server answers the client's RichApi requests
 * from a stand-in workbook (wire.ts), and headless Debian Chromium (playwright-core, no browser download) loads
 * excel-web-16.00.js from @microsoft/office-js and the real workbook port (page.ts, bundled here with esbuild).
 * Each context.sync() of a job is one POST; the server records its bytes as they crossed the wire.
 *
 *   const harness = await startHarness(book);
 *   await harness.call("run", settings, { locale: "en" });
 *   harness.records  // one WireRecord per round trip
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { WorkbookPort } from "../../../src/excel/port";
import type { StandIn } from "../../../src/standin";
import { actionKinds, interpret, isCleanup, References, type RequestBody, type WireRecord } from "./wire";

/** The checkout: the folder above this file (or above the script bundling it, in dist-cli/) with package.json. */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(resolve(dir, "package.json"))) return dir;
  throw new Error(`No package.json above ${from}.`);
}
const ROOT = findRoot(__dirname);
export const CHROMIUM = "/usr/bin/chromium";
/** Microsoft's Excel client as published in @microsoft/office-js: the file office.js loads for Excel on the web. */
export const EXCEL_CLIENT = resolve(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.js");
/** Office's limit on one request (and one response): https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins */
export const FIVE_MB = 5 * 1024 * 1024;

export interface Harness {
  /** The stand-in the server answers from; swap it between scenarios with `use`. */
  book: StandIn;
  use(book: StandIn): void;
  /** Every request since the last `reset`, in order. */
  readonly records: WireRecord[];
  reset(): void;
  /** Calls a method of the workbook port in the page, with JSON arguments; resolves to its JSON result. */
  call<K extends keyof WorkbookPort>(method: K, ...args: Parameters<WorkbookPort[K]>): Promise<Awaited<ReturnType<WorkbookPort[K]>>>;
  /**
   * Resolves once no request is in flight and none has arrived for `quietMs`. Excel.run does not wait for its
   * release of tracked ranges (ClientRequestContext._runBatch calls attemptCleanup without returning it), so a
   * job's last request can arrive after the job's promise resolved; settle before counting a job's requests.
   */
  settle(quietMs?: number): Promise<void>;
  /** Ranges Excel.run kept and has not released (0 after every job: the client releases them when the run ends). */
  readonly keptRanges: number;
  /** Errors the page reported (uncaught exceptions, console errors). */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

async function bundlePage(): Promise<string> {
  const { build } = await import("esbuild");
  const out = await build({
    entryPoints: [resolve(ROOT, "test/support/officejs/page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "warning",
  });
  return out.outputFiles[0].text;
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>Tiering Office.js harness</title><script src="excel-web-16.00.js"></script><script src="page.js"></script>';

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => done(Buffer.concat(chunks)));
    request.on("error", fail);
  });
}

export async function startHarness(first: StandIn): Promise<Harness> {
  const [script, client] = await Promise.all([bundlePage(), Promise.resolve(readFileSync(EXCEL_CLIENT))]);
  const records: WireRecord[] = [];
  let book = first;
  let inFlight = 0;
  let lastArrival = 0;
  let references = new References();

  async function answerQuery(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const body = JSON.parse(raw.toString("utf8")) as RequestBody;
    const record: WireRecord = { index: records.length + 1, requestBytes: raw.length, responseBytes: 0, actions: body.Actions.length, kinds: actionKinds(body), error: null, cleanup: isCleanup(body) };
    records.push(record);
    // Excel on the web refuses a request over 5 MB before running any of it (RequestPayloadSizeLimitExceeded).
    const reply =
      raw.length > FIVE_MB
        ? { Results: [], Error: { Code: "RequestPayloadSizeLimitExceeded", Message: `The request payload size has exceeded the limit (${raw.length} bytes).`, HttpStatusCode: 413 } }
        : await interpret(book, body, references);
    const text = Buffer.from(JSON.stringify(reply), "utf8");
    record.responseBytes = text.length;
    record.error = reply.Error?.Code ?? null;
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    response.end(text);
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method === "POST" && path === "/ProcessQuery") {
      inFlight++;
      lastArrival = Date.now();
      try {
        await answerQuery(request, response);
      } finally {
        inFlight--;
        lastArrival = Date.now();
      }
      return;
    }
    const files: Record<string, [string, string | Buffer]> = {
      "/": ["text/html; charset=utf-8", PAGE],
      "/excel-web-16.00.js": ["text/javascript", client],
      "/page.js": ["text/javascript", script],
    };
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const file = files[path];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file[0] });
    response.end(file[1]);
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const { chromium } = await import("playwright-core");
  let browser: Browser | null = null;
  const pageErrors: string[] = [];
  let page: Page;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-background-networking"] });
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => window.tieringHarness?.ready === true, null, { timeout: 30_000 });
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }

  return {
    get book() {
      return book;
    },
    use(next) {
      book = next;
      references = new References();
    },
    records,
    async settle(quietMs = 150) {
      for (;;) {
        const quietFor = Date.now() - lastArrival;
        if (inFlight === 0 && quietFor >= quietMs) return;
        await new Promise((done) => setTimeout(done, Math.max(20, quietMs - quietFor)));
      }
    },
    get keptRanges() {
      return references.size;
    },
    reset: () => void (records.length = 0),
    pageErrors,
    call(method, ...args) {
      return page.evaluate(
        async ([name, list]) => {
          const port = window.tieringHarness!.port as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
          try {
            return { ok: true as const, value: await port[name](...list) };
          } catch (error) {
            return { ok: false as const, error: `${(error as Error).name}: ${(error as Error).message}; cause: ${JSON.stringify((error as { cause?: unknown }).cause ?? null)}` };
          }
        },
        [method, args] as [string, unknown[]],
      ).then((outcome) => {
        if (!outcome.ok) throw new Error(`port.${method} failed in the page: ${outcome.error}`);
        return outcome.value as never;
      }) as never;
    },
    async close() {
      await browser?.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
