/**
 * Property-based: random consistent statements (parts with 2 decimals, total = exact sum,
 * shares rounded half-up to 2 decimals) give no findings; one perturbed figure gives the right
 * finding at the right cell.
 */
import fc from "fast-check";
import { CellValue, Grid } from "../../src/core/basics/grid";
import { audit, pairs } from "./helpers";

const RUNS = 150;

/** Cents → "1,234.56" (exact, no float). */
function money(cents: number, group = true): string {
  const neg = cents < 0;
  const a = Math.abs(cents);
  let int = String(Math.floor(a / 100));
  if (group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${int}.${String(a % 100).padStart(2, "0")}`;
}

/** part / total as percent, rounded half-up to 2 decimals, exactly (integer arithmetic). */
function share(part: number, total: number): number {
  // basis points ×10, then half-up
  const x = (part * 100000) / total;
  const hundredths = Math.floor((Math.floor(x) + 5) / 10);
  return hundredths / 100;
}

function pct(hundredths: number): string {
  return `${(hundredths / 100).toFixed(2)}%`;
}

const ECONOMIC = ["工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出"];
type Layout = "bottom" | "top" | "indented" | "hierarchy";

const statement = fc.record({
  parts: fc.array(fc.integer({ min: 1_000_000, max: 1_000_000_000 }), { minLength: 2, maxLength: 4 }),
  layout: fc.constantFrom<Layout>("bottom", "top", "indented", "hierarchy"),
  fractions: fc.boolean(),
});

interface Built {
  grid: Grid;
  /** 1-based row of the total and of each part */
  totalRow: number;
  partRows: number[];
}

/** A 万元 table: label | 本年数 | 占比, with shares as text or as fractions formatted 0.00%. */
function build(parts: number[], layout: Layout, fractions: boolean, shares?: number[], texts?: Record<number, string>): Built {
  const total = parts.reduce((a, b) => a + b, 0);
  const hs = shares ?? parts.map((p) => Math.round(share(p, total) * 100));
  const values: CellValue[][] = [["支出结构"], ["单位：万元"], ["项目", "本年数", "占比"]];
  const formats: (string | null)[][] = [[], [], []];
  const label = (i: number) => (layout === "hierarchy" ? ECONOMIC[i] : layout === "indented" ? `\u3000\u3000第${i + 1}项` : `第${i + 1}项`);
  const totalLabel = layout === "top" || layout === "bottom" ? "合计" : "本年支出合计";
  const partRow = (i: number): CellValue[] => [label(i), texts?.[i] ?? parts[i] / 100, fractions ? hs[i] / 10000 : pct(hs[i])];
  const rows: CellValue[][] = parts.map((_, i) => partRow(i));
  const totalLine: CellValue[] = [totalLabel, total / 100, null];
  let totalRow: number;
  let partRows: number[];
  if (layout === "bottom") {
    values.push(...rows, totalLine);
    partRows = parts.map((_, i) => 4 + i);
    totalRow = 4 + parts.length;
  } else {
    values.push(totalLine, ...rows);
    totalRow = 4;
    partRows = parts.map((_, i) => 5 + i);
  }
  for (let r = 3; r < values.length; r++) formats.push([null, "#,##0.00", fractions ? "0.00%" : null]);
  return { grid: { sheet: "报表", values, numberFormats: formats }, totalRow, partRows };
}

test("random consistent tables give no findings", () => {
  fc.assert(
    fc.property(statement, ({ parts, layout, fractions }) => {
      const b = build(layout === "hierarchy" ? parts.slice(0, 4) : parts, layout, fractions);
      const { result } = audit(b.grid);
      expect(result.findings).toEqual([]);
      expect(pairs(result.passed.filter((p) => p.check === "sum"))).toEqual([`sum@B${b.totalRow}`]);
      expect(result.passed.filter((p) => p.check === "share")).toHaveLength(parts.length);
    }),
    { numRuns: RUNS },
  );
});

test("a share off by at least 0.02 percent points is a share finding at its cell, and only that", () => {
  fc.assert(
    fc.property(statement, fc.nat(), fc.integer({ min: 2, max: 500 }), fc.boolean(), ({ parts, layout, fractions }, pick, delta, up) => {
      const total = parts.reduce((a, b) => a + b, 0);
      const hs = parts.map((p) => Math.round(share(p, total) * 100));
      const i = pick % parts.length;
      hs[i] += up || hs[i] - delta < 0 ? delta : -delta;
      const b = build(parts, layout, fractions, hs);
      const { result } = audit(b.grid);
      expect(pairs(result.findings)).toEqual([`share@C${b.partRows[i]}`]);
    }),
    { numRuns: RUNS },
  );
});

test("a total off by more than n half-units is a sum finding at the total", () => {
  fc.assert(
    fc.property(statement, fc.integer({ min: 0, max: 100_000 }), fc.boolean(), ({ parts, layout, fractions }, extra, up) => {
      const b = build(parts, layout, fractions);
      // n parts and the total: any cent difference beyond (n + 1) half-cents is real
      const delta = Math.ceil((parts.length + 1) / 2) + extra;
      const totalCents = parts.reduce((a, c) => a + c, 0) + (up ? delta : -delta);
      b.grid.values[b.totalRow - 1][1] = totalCents / 100;
      const { result } = audit(b.grid);
      const found = pairs(result.findings);
      expect(found).toContain(`sum@B${b.totalRow}`);
      // the shares were computed against the old total: any other finding can only be a share
      for (const f of result.findings) if (f.check !== "sum") expect(f.check).toBe("share");
    }),
    { numRuns: RUNS },
  );
});

test("one part written in 亿元 in a 万元 table is a magnitude finding at its cell, and only that", () => {
  fc.assert(
    fc.property(statement, fc.nat(), ({ parts, layout, fractions }, pick) => {
      const i = pick % parts.length;
      const b = build(parts, layout, fractions, undefined, { [i]: `${money(parts[i])}亿元` });
      const { result } = audit(b.grid);
      expect(pairs(result.findings)).toEqual([`magnitude@B${b.partRows[i]}`]);
      expect(result.findings[0].expected).toBe(`${money(parts[i])}万元`);
    }),
    { numRuns: RUNS },
  );
});

// figures of at least 10,000.00 and within a factor of 100 of each other: the rounding of the
// figures moves the growth by less than 0.006 points, so 0.02 off is beyond any precision
const growthCase = fc.record({
  cur: fc.integer({ min: 1_000_000, max: 100_000_000 }),
  prior: fc.integer({ min: 1_000_000, max: 100_000_000 }),
});

function growthHundredths(cur: number, prior: number): number {
  // (cur − prior) / prior in hundredths of a percent, half away from zero, exact
  const num = (cur - prior) * 100000;
  const q = num / prior;
  const t = Math.trunc(q);
  return Math.sign(t) * Math.floor((Math.abs(t) + 5) / 10);
}

test("a sentence with this year, last year and a growth rate: consistent, perturbed, or the wrong direction word", () => {
  fc.assert(
    fc.property(growthCase, fc.constantFrom("ok", "off", "flip"), fc.integer({ min: 2, max: 300 }), ({ cur, prior }, mode, delta) => {
      fc.pre(cur !== prior);
      const g = growthHundredths(cur, prior);
      fc.pre(g !== 0);
      let stated = Math.abs(g);
      let up = g > 0;
      if (mode === "off") stated += delta;
      if (mode === "flip") up = !up;
      const word = up ? "增加" : "减少";
      const text = `本年支出合计${money(cur)}万元，比上年${money(prior)}万元${word}${(stated / 100).toFixed(2)}%。`;
      const { result } = audit({ sheet: "报告", values: [[text]] });
      const expected = mode === "ok" ? [] : mode === "off" ? ["growth@A1"] : ["direction@A1"];
      expect(pairs(result.findings)).toEqual(expected);
    }),
    { numRuns: RUNS },
  );
});

test("a sentence listing the parts with their shares: consistent, then one share perturbed", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1_000_000, max: 100_000_000 }), { minLength: 2, maxLength: 4 }), fc.nat(), fc.integer({ min: 2, max: 200 }), (parts, pick, delta) => {
      const total = parts.reduce((a, b) => a + b, 0);
      const hs = parts.map((p) => Math.round(share(p, total) * 100));
      const sentence = (shares: number[]) =>
        `部门本年支出合计${money(total)}万元，具体为：` + parts.map((p, i) => `${["甲", "乙", "丙", "丁"][i]}类支出${money(p)}万元，占${pct(shares[i])}`).join("；") + "。";
      expect(audit({ sheet: "报告", values: [[sentence(hs)]] }).result.findings).toEqual([]);
      const i = pick % parts.length;
      hs[i] += delta;
      const { result } = audit({ sheet: "报告", values: [[sentence(hs)]] });
      expect(pairs(result.findings)).toEqual(["share@A1"]);
      expect(result.findings[0].message.zh).toContain(`${["甲", "乙", "丙", "丁"][i]}类支出`);
    }),
    { numRuns: RUNS },
  );
});
