/** The best CPU time (user + system, ms, unrounded) of `runs` calls of `run`: the benches' figure for a step's cost. */
export function bestCpuMs(runs: number, run: () => unknown): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}
