/**
 * Issue 15 §4 in `tier`: --nps, --satisfaction, --complaints, --referrals, --engagement add what each tier
 * says to `rfm|abc|score --summary`; a voice column is a `tier score --as-of` metric; a bad answer is named
 * on stderr with its line and column while the purchase still counts.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { file, run } from "./support";

/**
 * Transactions: A1 and A2 spend the most (class A at a 0.6 cut), B1–B3 little (class C at 0.9). A1 answered 2 then 10 (the
 * latest counts), A2 9; B1 0, B2 7, B3 never. Complaints: A1 1 + 0, B1 2; referrals: A2 1.
 */
const TX = file(
  "voice-tx.csv",
  `customer_id,date,amount,nps,satisfaction,complaints,referrals,engagement
A1,2024-01-05,500,2,2,1,,10
A1,2024-03-01,600,10,5,0,0,30
A2,2024-02-01,900,9,4,,1,
B1,2024-02-10,30,0,1,2,0,5
B2,2024-02-11,20,7,3,0,,
B3,2024-02-12,10,,,,,
`,
);
const VOICE = ["--nps", "nps", "--satisfaction", "satisfaction", "--complaints", "complaints", "--referrals", "referrals", "--engagement", "engagement"];
const table = (stdout: string) => stdout.trim().split("\n").map((l) => l.split(","));

describe("tier abc --summary with voice columns", () => {
  it("adds NPS (margin, responders), satisfaction (scale, responders), complaint and referral rates, engagement per class", () => {
    const r = run(["abc", TX, "--as-of", "2024-12-31", "--a-cut", "0.6", "--b-cut", "0.9", "--summary", ...VOICE]);
    expect(r.code).toBe(0);
    const [header, a, , c] = table(r.stdout);
    expect(header.slice(5)).toEqual(["nps", "nps_margin", "nps_responders", "satisfaction", "satisfaction_scale", "satisfaction_responders", "complaint_rate", "referral_rate", "engagement"]);
    const at = (name: string) => header.indexOf(name);
    // A: A1 (1,100) and A2 (900). NPS: 10 and 9 → 100; adjusted Wald: p̃ = 2.75/5, d̃ = 0.75/5 → ± 1.96·100·√((0.7 − 0.16)/5) = 64.4.
    expect(a[0]).toBe("A");
    expect(Number(a[at("nps")])).toBe(100);
    expect(Number(a[at("nps_margin")])).toBeCloseTo(196 * Math.sqrt((0.7 - 0.16) / 5), 1);
    expect(a[at("nps_responders")]).toBe("2");
    expect(Number(a[at("satisfaction")])).toBe(4.5);
    expect(a[at("satisfaction_scale")]).toBe("5");
    // A1 complained once (1 + 0), A2 has no complaints value: ½ of 1 known → 1; referrals A1 0, A2 1 → ½.
    expect(Number(a[at("complaint_rate")])).toBe(1);
    expect(Number(a[at("referral_rate")])).toBe(0.5);
    expect(Number(a[at("engagement")])).toBe(30);
    // C: B1 0 and B2 7 → −50 over 2; B3 never answered and is not a 0.
    expect(c[0]).toBe("C");
    expect(Number(c[at("nps")])).toBe(-50);
    expect(c[at("nps_responders")]).toBe("2");
    expect(Number(c[at("complaint_rate")])).toBe(0.5);
    expect(c[at("referral_rate")]).toBe("0");
  });

  it("leaves the answers after --as-of out, as the purchases", () => {
    const r = run(["abc", TX, "--as-of", "2024-02-15", "--a-cut", "0.9", "--b-cut", "0.99", "--summary", "--nps", "nps"]);
    const [header, a] = table(r.stdout);
    // As of 2024-02-15 A1 has spent 500 (its 600 is later), A2 900: both class A at 0.9. A1's second answer
    // (10, on 2024-03-01) is after the date too: A1's 2 counts, with A2's 9 → 0.
    expect(Number(a[header.indexOf("nps")])).toBe(0);
  });

  it("reads a customer table by row (--value)", () => {
    const customers = file("voice-customers.csv", "customer,revenue,nps\nX,100,10\nY,50,\nZ,1,3\n");
    const r = run(["abc", customers, "--value", "revenue", "--id", "customer", "--a-cut", "0.6", "--b-cut", "0.95", "--summary", "--nps", "nps"]);
    expect(r.code).toBe(0);
    const [header, a, b, c] = table(r.stdout);
    expect([a[header.indexOf("nps")], b[header.indexOf("nps")], c[header.indexOf("nps")]]).toEqual(["100", "", "-100"]);
    expect(b[header.indexOf("nps_responders")]).toBe("0");
  });
});

describe("tier rfm --summary and tier score with voice columns", () => {
  it("adds the voice columns per segment", () => {
    const r = run(["rfm", TX, "--summary", "--bins", "2", "--nps", "nps", "--complaints", "complaints"]);
    expect(r.code).toBe(0);
    const [header, ...rows] = table(r.stdout);
    expect(header).toEqual(["segment", "customers", "orders", "revenue", "nps", "nps_margin", "nps_responders", "complaint_rate"]);
    // Every segment's responders add up to the 4 customers who answered.
    expect(rows.reduce((s, row) => s + Number(row[6]), 0)).toBe(4);
  });

  it("adds them per band on a customer table, and scores on a voice column with --as-of", () => {
    const customers = file("voice-score.csv", "customer,spend,nps\nK1,100,10\nK2,90,\nK3,80,9\nK4,10,0\nK5,5,\n");
    const r = run(["score", customers, "--id", "customer", "--metrics", "spend", "--weights", "1", "--thresholds", "50", "--summary", "--nps", "nps"]);
    expect(r.code).toBe(0);
    const [header, top, rest] = table(r.stdout);
    expect(header.slice(5)).toEqual(["nps", "nps_margin", "nps_responders"]);
    expect([top[header.indexOf("nps")], top[header.indexOf("nps_responders")]]).toEqual(["100", "2"]);
    expect([rest[header.indexOf("nps")], rest[header.indexOf("nps_responders")]]).toEqual(["-100", "1"]);

    const s = run(["score", TX, "--as-of", "2024-12-31", "--metrics", "monetary,nps", "--weights", "1,1", "--nps", "nps"]);
    expect(s.code).toBe(0);
    const scores = Object.fromEntries(table(s.stdout).slice(1).map((row) => [row[0], Number(row[1])]));
    // B3 never answered: scored on monetary alone (the lowest of 5 → 0), not as an NPS of 0.
    expect(scores.B3).toBe(0);
    // A1 (top spend, NPS 10) scores 100.
    expect(scores.A1).toBe(100);
    const bad = run(["score", TX, "--as-of", "2024-12-31", "--metrics", "monetary,nps", "--weights", "1,1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("recency, frequency, monetary");
  });

  it("names an answer off the scale by line and column, keeps the purchase, and says so", () => {
    const tx = file("voice-bad.csv", "customer_id,date,amount,nps\nA,2024-01-01,10,11\nB,2024-01-02,20,8.5\nC,2024-01-03,30,9\n");
    const r = run(["abc", tx, "--as-of", "2024-12-31", "--summary", "--nps", "nps"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(en.voice.cliLeftOut(2, 3));
    expect(r.stderr).toContain(`line 2, column nps: ${en.problems.npsRange("11")}`);
    expect(r.stderr).toContain(`line 3, column nps: ${en.problems.npsRange("8.5")}`);
    const [header, ...rows] = table(r.stdout);
    expect(rows.reduce((s, row) => s + Number(row[header.indexOf("count")]), 0)).toBe(3);
    expect(rows.reduce((s, row) => s + Number(row[header.indexOf("nps_responders")]), 0)).toBe(1);
  });
});

describe("the voice columns are read in the purchases' own pass (one read of the file)", () => {
  const lines = ["customer_id,date,amount,nps", "101,2024-01-05,500,2", "101,2024-03-01,600,10", "102,2024-02-01,900,9", "103,2024-02-10,30,0", "104,2024-02-11,20,7", "105,2024-02-12,10,"];
  const responders = (stdout: string) => {
    const [header, ...rows] = table(stdout);
    return rows.reduce((s, row) => s + Number(row[header.indexOf("nps_responders")]), 0);
  };

  it("rfm, abc and score find the same answers by customer, numeric ids too (abc once matched them as text and found none)", () => {
    const tx = file("voice-numeric.csv", lines.join("\n") + "\n");
    const rfm = run(["rfm", tx, "--summary", "--nps", "nps"]);
    const abc = run(["abc", tx, "--as-of", "2024-12-31", "--summary", "--nps", "nps"]);
    const score = run(["score", tx, "--as-of", "2024-12-31", "--metrics", "recency,frequency,monetary", "--weights", "1,1,1", "--summary", "--nps", "nps"]);
    for (const r of [rfm, abc, score]) {
      expect(r.code).toBe(0);
      expect(responders(r.stdout)).toBe(4);
    }
  });

  it("an answer on a row whose amount is left out still counts, dated by its row; a customer with no purchase gives none", () => {
    const tx = file("voice-aside.csv", [...lines, "102,2024-04-01,abc,3", "999,2024-04-01,abc,10", ",2024-04-01,5,10"].join("\n") + "\n");
    const r = run(["abc", tx, "--as-of", "2024-12-31", "--a-cut", "0.99", "--b-cut", "0.999", "--summary", "--nps", "nps"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("line 8, column amount");
    // 102's latest answer is the 3 on the row whose amount is not a number; 999 bought nothing and is no customer.
    const [header, a] = table(r.stdout);
    expect(a[header.indexOf("nps_responders")]).toBe("4");
    // 101: 10, 102: 3, 103: 0, 104: 7 → promoters 1, detractors 2 of 4.
    expect(Number(a[header.indexOf("nps")])).toBe(-25);
  });

  it("a file read on the general path (quotes, semicolons) gives what the byte path gives, and says its delimiter once", () => {
    const plain = file("voice-plain.csv", lines.join("\n") + "\n");
    const quoted = file("voice-quoted.csv", lines.map((l, i) => (i === 3 ? l.replace("102", '"102"') : l)).join("\n") + "\n");
    const semi = file("voice-semi.csv", lines.map((l) => l.replaceAll(",", ";")).join("\n") + "\n");
    const args = ["--summary", "--nps", "nps"];
    const expected = run(["rfm", plain, ...args]).stdout;
    expect(run(["rfm", quoted, ...args]).stdout).toBe(expected);
    const r = run(["rfm", semi, ...args]);
    expect(r.stdout).toBe(expected);
    expect(r.stderr.split("\n").filter((l) => l.includes(en.cli.delimiterNames.semicolon)).length).toBe(1);
  });
});
