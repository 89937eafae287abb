/** docs/rules.md §3: money is exact to the cent; nothing shown or written carries a float artefact. */
import fc from "fast-check";
import { decimalsOf, formatFixed, parseDec, roundHalfUp, subExact, sumExact } from "../../src/core/basics/decimal";

describe("exact sums and differences", () => {
  test.each<[number[], number]>([
    [[0.1, 0.2], 0.3],
    [[1203.34, 2600.03], 3803.37],
    [[0.1, 0.2, 0.3, -0.6], 0],
    [[4211.64, 158156.41], 162368.05],
    [[10, 50, 30, 10], 100],
    [[9.5, 4.67, 3.33, 0.01], 17.51],
    [[], 0],
  ])("sumExact(%j) = %d", (values, total) => {
    expect(sumExact(values)).toBe(total);
  });

  test("0.1 + 0.2 is shown as 0.30, never 0.30000000000000004", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float artefact the engine must avoid
    expect(formatFixed(sumExact([0.1, 0.2]), 2)).toBe("0.30");
    expect(String(sumExact([0.1, 0.2]))).toBe("0.3");
  });

  test.each<[number, number, number]>([
    [0.3, 0.1, 0.2],
    [3803.37, 3803.38, -0.01],
    [162368.05, 4211.64, 158156.41],
  ])("subExact(%d, %d) = %d", (a, b, d) => {
    expect(subExact(a, b)).toBe(d);
  });
});

describe("rounding half away from zero, as finance staff round by hand", () => {
  test.each<[number, number, number]>([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [1.004999, 2, 1],
    [0.125, 2, 0.13],
    [4.665, 2, 4.67],
    [(2 / 3) * 7, 2, 4.67],
    [0.1 + 0.2, 2, 0.3],
    [12.5, 0, 13],
    [-12.5, 0, -13],
    [98.2249999, 2, 98.22],
  ])("roundHalfUp(%d, %d) = %d", (x, dp, r) => {
    expect(roundHalfUp(x, dp)).toBe(r);
  });

  test.each<[number, number, boolean, string]>([
    [0.1 + 0.2, 2, false, "0.30"],
    [1203.34 + 2600.03, 2, false, "3803.37"],
    [1234567.5, 2, true, "1,234,567.50"],
    [-0.004, 2, false, "0.00"],
    [-1234.5, 1, true, "-1,234.5"],
    [0.5, 0, false, "1"],
    [7, 2, false, "7.00"],
    [0.05, 1, false, "0.1"],
  ])("formatFixed(%d, %d, grouped %s) = %s", (x, dp, group, text) => {
    expect(formatFixed(x, dp, group)).toBe(text);
  });

  test("decimalsOf counts the decimals of the shortest form", () => {
    expect([decimalsOf(3803.38), decimalsOf(100), decimalsOf(0.125)]).toEqual([2, 0, 3]);
  });
});

/** A decimal as BigInt mantissa m × 10^-s, its text, and its exact rounding. */
function decText(m: bigint, s: number): string {
  const neg = m < 0n;
  let digits = (neg ? -m : m).toString();
  if (s > 0) {
    digits = digits.padStart(s + 1, "0");
    digits = `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  }
  return (neg ? "-" : "") + digits;
}

function roundBig(m: bigint, s: number, dp: number): bigint {
  if (s <= dp) return m * 10n ** BigInt(dp - s);
  const p = 10n ** BigInt(s - dp);
  let q = m / p;
  const r = m - q * p;
  if (2n * (r < 0n ? -r : r) >= p) q += m < 0n ? -1n : 1n;
  return q;
}

describe("agreement with exact BigInt arithmetic", () => {
  // up to 15 significant digits: what a double holds exactly as a decimal (the engine's stated domain)
  const decimal = fc.integer({ min: 0, max: 6 }).chain((s) => fc.record({ m: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), s: fc.constant(s) }));

  test("roundHalfUp and formatFixed round exactly like BigInt", () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 4 }), ({ m, s }, dp) => {
        const x = Number(decText(m, s));
        const q = roundBig(m, s, dp);
        // + 0 folds −0 into 0: rounding −0.00001 to 0 decimals may give −0, which prints as 0
        expect(roundHalfUp(x, dp) + 0).toBe(Number(decText(q, dp)) + 0);
        const text = formatFixed(x, dp);
        expect(text === decText(q, dp) || (q === 0n && text === decText(0n, dp))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("sumExact equals the BigInt sum of up to 30 amounts with up to 4 decimals", () => {
    const amount = fc.integer({ min: 0, max: 4 }).chain((s) => fc.record({ m: fc.bigInt({ min: -(10n ** BigInt(9 + s)), max: 10n ** BigInt(9 + s) }), s: fc.constant(s) }));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (amounts) => {
        let exact = 0n;
        for (const { m, s } of amounts) exact += m * 10n ** BigInt(4 - s);
        expect(sumExact(amounts.map(({ m, s }) => Number(decText(m, s)))) + 0).toBe(Number(decText(exact, 4)) + 0);
      }),
      { numRuns: 3000 },
    );
  });

  test("parseDec reads the text exactly", () => {
    fc.assert(
      fc.property(decimal, ({ m, s }) => {
        const d = parseDec(decText(m, s));
        expect(d).not.toBeNull();
        expect(BigInt(d!.m) * 10n ** BigInt(6 - d!.s)).toBe(m * 10n ** BigInt(6 - s));
      }),
      { numRuns: 2000 },
    );
  });
});
