import { it } from "vitest";
import * as F from "../../src/functions/functions";
const col = (...cells: unknown[]) => cells.map((c) => [c]);
const o = null as unknown as undefined;
const J = 45296;
function run(name: string, f: () => unknown) {
  const t = Date.now();
  try { const r = f() as unknown[][]; console.log(name, "OK", JSON.stringify(r).slice(0, 300), Date.now() - t, "ms"); }
  catch (e) { console.log(name, "ERR", String((e as Error).message).slice(0, 400), Date.now() - t, "ms"); }
}
it("probe", () => {
  run("rfm 1e400", () => F.rfm(col("a","b"), col(J, J+1), col("1e400", 5), o, o, o, o));
  run("rfm 1e308 sum", () => F.rfm(col("a","a"), col(J, J+1), col(1e308, 1e308), o, o, o, o));
  run("rfm asof range", () => F.rfm(col("a","b"), col(J, J+1), col(1, 5), col(1,2,3), o, o, o));
  run("rfm refund only", () => F.rfm(col("a","b"), col(J, J+1), col(-1, -5), o, o, o, o));
  run("clvfit 1e308", () => F.clvfit(col("a","a","b","b","c"), col(J, J+10, J+3, J+40, J+5), col(1e308, 1e308, 1e308, 1e308, 1), o, o, o));
  run("clvfit denorm", () => F.clvfit(col("a","a","b","b","c"), col(J, J+10, J+3, J+40, J+5), col(5e-324, 5e-324, 5e-324, 5e-324, 5e-324), o, o, o));
  run("clvpredict amounts empty", () => F.clvpredict(col("a","a","b","b","c"), col(J, J+10, J+3, J+40, J+5), col(null,null,null,null,null), o, o, o, o, o));
  run("clvpredict amounts omitted", () => F.clvpredict(col("a","a","b","b","c"), col(J, J+10, J+3, J+40, J+5), o as never, o, o, o, o, o));
  run("abc count a_cut .9", () => F.abcclass(col(1,2,3), [[0.9]], o, [["count"]], o));
  run("abc 1e308", () => F.abcclass(col(1e308,1e308,3), o, o, o, o));
  run("score 1e308 w", () => F.score([[1,2],[3,4],[5,6]], [[1e308, 1e308]], o, o, o));
  run("score metrics 1e308", () => F.score([[1e308,2],[1e308,4],[5,6]], [[1, 1]], o, o, o));
  run("clv 1e308", () => F.clv([[1e308]], [[1e308]], [[10]], [[0.5]], o));
  run("rfmscore bins bad", () => F.rfmscore(col(1,2,3), col(1,2,3), col(1,2,3), [[3,2],[1,2],[1,2]], o));
  run("rfm rule #N/A", () => F.rfm(col("a","b"), col(J, J+1), col(1, 5), o, o, [[{ code: "#N/A" }, 1, 5, 1, 5, 1, 5]], o));
  run("migration New", () => F.migration(col("a","b"), col("New","Gold"), col("a","b"), col("Gold","Total"), o));
  run("migration obj id", () => F.migration(col({x:1},"b"), col("New","Gold"), col("a","b"), col("Gold","Total"), o));
  run("pilot obj id", () => F.pilot(col({x:1},"b", "c"), col("G","G","G"), [[0.5]], o, o));
});
