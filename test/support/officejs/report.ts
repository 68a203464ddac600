/**
 * The harness's table for docs/PERFORMANCE.md: every job of scenarios.ts through Microsoft's client at the sizes
 * asked for, as a Markdown table (job × size → requests, context.sync() round trips, the largest request and
 * response in bytes) and as JSON. Run by scripts/officejs-harness.mjs; exits non-zero when a request reaches
 * 5 MB, a request is refused or a job's syncs differ from what docs/EXCEL.md promises.
 */
import { FIVE_MB, startHarness } from "./harness";
import { runAll, twoPeriodBook, type JobFigures } from "./scenarios";

const kb = (bytes: number) => (bytes < 10_000 ? `${bytes} B` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);

export async function main(sizes: number[]): Promise<number> {
  const harness = await startHarness(twoPeriodBook(10).book);
  const all: JobFigures[] = [];
  try {
    for (const n of sizes) {
      process.stderr.write(`harness: ${n.toLocaleString("en")} customers …\n`);
      await runAll(harness, n, (f) => {
        all.push(f);
        process.stderr.write(`  ${f.job}: ${f.requests} requests, largest ${kb(f.largestRequest)}, ${Math.round(f.ms)} ms\n`);
      });
    }
  } finally {
    await harness.close();
  }
  const problems: string[] = [];
  for (const f of all) {
    if (f.largestRequest >= FIVE_MB || f.largestResponse >= FIVE_MB) problems.push(`${f.job} at ${f.customers}: a payload of 5 MB or more`);
    if (f.errors.length) problems.push(`${f.job} at ${f.customers}: ${f.errors.join(", ")}`);
    if (f.promised !== null && f.syncs !== f.promised) problems.push(`${f.job} at ${f.customers}: ${f.syncs} syncs, docs promise ${f.promised}`);
  }
  const rows = [
    `| job | customers | requests (syncs + Excel.run's release) | largest request | largest response | all requests | time |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...all.map((f) => `| ${f.job} | ${f.customers.toLocaleString("en")} | ${f.requests} (${f.syncs} + ${f.requests - f.syncs}) | ${kb(f.largestRequest)} | ${kb(f.largestResponse)} | ${kb(f.totalRequest)} | ${(f.ms / 1000).toFixed(1)} s |`),
  ];
  process.stdout.write(`${rows.join("\n")}\n\n${JSON.stringify(all)}\n`);
  for (const p of problems) process.stderr.write(`harness: ${p}\n`);
  return problems.length ? 1 : 0;
}
