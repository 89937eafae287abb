/** Property-based: the engine never throws on any cell or grid, garbage stays garbage, formatting round-trips. */
import fc from "fast-check";
import { parseDec } from "../../src/core/basics/decimal";
import { CellValue, Grid } from "../../src/core/basics/grid";
import { normalizeText } from "../../src/core/basics/normalize-text";
import { Quantity, formatQuantity, parseQuantity } from "../../src/core/basics/quantity";
import { RowResultSchema, ValidateResultSchema } from "../../src/core/indicators/results";
import { findTable } from "../../src/core/forms/table-finder";
import { recognise } from "../../src/core/forms/registry";
import { parseExpression, splitEmbeddedTarget } from "../../src/core/indicators/target-expression";
import { UnitInfo, knownUnitTexts, lookupUnit } from "../../src/core/basics/unit-table";
import { validateGrid } from "../../src/core/indicators/validate";
import { WritePlanSchema } from "../../src/core/basics/write-plan";
import { checkRow } from "./helpers";

/** Pieces that pasted tables are made of, so random text hits the parser's interesting paths. */
const PIECES = [
  "≥", "≤", "≧", ">=", "<", "=", "＝", "万", "亿", "千", "人", "人次", "元", "%", "％", "‰", "，", ",", ".", "．", "０", "９", "\u2212", "-", "－",
  "~", "～", "—", "[", "]", "(", "（", "）", "以上", "以内", "左右", "约", "为", "达到", "不低于", "控制在", "次/年", "元/人", "/", "*", "三", "两", "十",
  "多", "余", "个", "项", "年", "月", "分", "第", "达成", "部分达成", "未达成", "合计", "指标", "\n", " ", "\u3000", "\u00a0", "#N/A", "#DIV/0!", "+", "@",
  "valueOf", "constructor", "__proto__", "toString", "hasOwnProperty", "m2", "㎡", "e", "E5", "Infinity", "NaN",
];
const pieces = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.nat(999_999).map(String), fc.string({ maxLength: 2 })), { maxLength: 8 }).map((a) => a.join(""));
const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), pieces);
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e-7),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const anyFormat = fc.option(fc.oneof(fc.string(), fc.constantFrom("0.00%", "0%", '0.00"万元"', "0\\人", "General", "@", '"%"0', ";;;")), { nil: undefined });

describe("nothing throws, whatever the cell", () => {
  test("parseQuantity, parseExpression (both sides) and splitEmbeddedTarget", () => {
    fc.assert(
      fc.property(anyCell, anyFormat, (value, format) => {
        const q = parseQuantity(value, format);
        if (q.ok) expect(typeof q.q.value).toBe("number");
        for (const side of ["target", "actual"] as const) {
          const e = parseExpression(value, { side, numberFormat: format });
          expect(["quantity", "qualitative", "none", "invalid"]).toContain(e.kind);
        }
        if (typeof value === "string") {
          const split = splitEmbeddedTarget(value);
          if (split) expect(parseExpression(split.target).kind).toBe("quantity");
        }
      }),
      { numRuns: 4000 },
    );
  });

  const HEADER_WORDS = ["三级指标", "指标名称", "年度指标值", "实际完成值", "分值", "得分", "偏差原因", "指标性质", "度量单位", "一级指标", "二级指标", "合计", "核对·状态", "核对·说明", ""];
  // numbers a worksheet really holds: ≤ 6 decimals, |x| ≤ 1e12 (the engine's exact domain)
  const sheetNumber = fc.integer({ min: 0, max: 6 }).chain((s) => fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map((m) => Number(`${m}e-${s}`)));
  const sheetCell: fc.Arbitrary<CellValue> = fc.oneof(text, sheetNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));

  function gridOf(cell: fc.Arbitrary<CellValue>): fc.Arbitrary<Grid> {
    const gridCell = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 2, arbitrary: fc.constantFrom(...HEADER_WORDS) });
    return fc
      .record({
        sheet: fc.string(),
        values: fc.array(fc.array(gridCell, { maxLength: 9 }), { maxLength: 12 }),
        firstRow: fc.option(fc.integer({ min: 1, max: 1_048_000 }), { nil: undefined }),
        firstCol: fc.option(fc.integer({ min: 1, max: 16_000 }), { nil: undefined }),
        formats: fc.array(fc.array(anyFormat, { maxLength: 9 }), { maxLength: 12 }),
        withFormats: fc.boolean(),
      })
      .map(({ formats, withFormats, ...g }) => (withFormats ? { ...g, numberFormats: formats } : g));
  }
  const PRESET_IDS = fc.constantFrom("default", "hubei", "sichuan", "grade-80");

  test("findTable and validateGrid on arbitrary grids (NaN, ±Infinity, 5e-324 included), under every preset", () => {
    fc.assert(
      fc.property(gridOf(anyCell), PRESET_IDS, (g, presetId) => {
        const found = findTable(g);
        const out = validateGrid(g, { settings: { presetId } });
        // a table is read only when a family recognises the grid (a scoring sheet has no target column for findTable)
        if (!found.ok && recognise(g).length === 0) expect(out.ok).toBe(false);
        if (!out.ok) expect(out.reason.zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  test("on grids of worksheet numbers and text, results and plans match their schemas", () => {
    fc.assert(
      fc.property(gridOf(sheetCell), PRESET_IDS, (g, presetId) => {
        const out = validateGrid(g, { settings: { presetId } });
        if (!out.ok) return;
        ValidateResultSchema.parse(out.result);
        WritePlanSchema.parse(out.plan);
      }),
      { numRuns: 1000 },
    );
  });

  test("a table of random cells under a real header: every row is evaluated and schema-valid", () => {
    const row = fc.tuple(text, sheetCell, sheetCell, sheetCell, sheetCell, sheetCell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
        const values: CellValue[][] = [["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"], ...rows.map((r) => ["指标" + r[0], ...r.slice(1)])];
        const out = validateGrid({ sheet: "S", values });
        if (!out.ok) return; // only when every row is blank or a total row
        expect(out.result.rows.length).toBeGreaterThan(0);
        for (const r of out.result.rows) RowResultSchema.parse(r);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("garbage stays garbage", () => {
  // no digits, no Chinese numerals, no achievement words (达成/完成/实现…), no not-applicable words
  const GARBAGE_CHARS = [..."abcxyzQWE!?#&()_;:'\"<>{}|\\^`~的是在了和有效提升逐步普遍开展工作情况良好较差"];
  const NA = new Set(["", "-", "--", "---", "—", "——", "―", "*", "/", "\\", "无", "不适用", "n/a", "na", "null", "/年", "空"]);
  const garbage = fc
    .string({ unit: fc.constantFrom(...GARBAGE_CHARS), minLength: 1, maxLength: 12 })
    .filter((s) => !NA.has(normalizeText(s).replace(/[。;；]+$/, "").toLowerCase()));

  test("garbage is not a quantity: kind qualitative or invalid", () => {
    fc.assert(
      fc.property(garbage, (s) => {
        expect(parseQuantity(s).ok).toBe(false);
        for (const side of ["target", "actual"] as const) expect(["qualitative", "invalid"]).toContain(parseExpression(s, { side }).kind);
      }),
      { numRuns: 2000 },
    );
  });

  test("a numeric target with a garbage actual is an invalid row with an error message", () => {
    fc.assert(
      fc.property(garbage, fc.constantFrom("≥90%", "≤3分钟", "100%", "为0件", "≥200万人", "90%-100%", "约70%"), (actual, target) => {
        const r = checkRow(target, actual);
        expect(r.status).toBe("invalid");
        expect(r.messages.some((m) => m.severity === "error" && m.cell === "C2")).toBe(true);
        expect(r.computedScore).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe("format → parse round-trips", () => {
  const UNITS = [...knownUnitTexts(), "次/年", "场/年", "元/人", "元/平方米", "万元/人"];
  // ≤ 4 decimals, ≤ 15 significant digits
  const decimal = fc.integer({ min: 0, max: 4 }).chain((s) => fc.record({ m: fc.integer({ min: -(10 ** 11), max: 10 ** 11 }), s: fc.constant(s) }));
  const quantity = fc.record({ d: decimal, unit: fc.constantFrom(...UNITS) }).map(({ d, unit }): Quantity => {
    const dec = parseDec(String(d.m))!;
    const scaled = { m: dec.m, s: d.s };
    return { value: Number(`${d.m}e-${d.s}`), dec: scaled, unit: lookupUnit(unit), decimals: d.s };
  });

  /** Same unit means the same meaning: family, base, scale and period. */
  function sameUnit(a: UnitInfo | null, b: UnitInfo | null) {
    expect(a && { family: a.family, base: a.base, pow10: a.pow10, factor: a.factor, perYear: a.perYear ?? false }).toEqual(
      b && { family: b.family, base: b.base, pow10: b.pow10, factor: b.factor, perYear: b.perYear ?? false },
    );
  }

  function group(s: string): string {
    const [, sign, int, rest] = /^(-?)(\d+)(.*)$/.exec(s)!;
    return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + rest;
  }
  const FULL_WIDTH: Record<string, string> = { ".": "．", ",": "，", "-": "－", "%": "％" };
  function fullWidth(s: string): string {
    return s.replace(/[0-9.,\-%]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  }

  test.each<[string, (s: string) => string]>([
    ["as formatted", (s) => s],
    ["with thousands separators", group],
    ["with full-width digits and separators", (s) => fullWidth(group(s))],
    ["with the U+2212 minus and spaces", (s) => s.replace("-", "\u2212").replace(/(\d)(?=\D*$)/, "$1 ")],
  ])("%s", (_label, write) => {
    fc.assert(
      fc.property(quantity, (q) => {
        const written = write(formatQuantity(q));
        const back = parseQuantity(written);
        if (!back.ok) throw new Error(`${written}: ${back.message.text.en}`);
        expect(back.q.value).toBe(q.value);
        sameUnit(back.q.unit, q.unit);
      }),
      { numRuns: 1500 },
    );
  });
});
