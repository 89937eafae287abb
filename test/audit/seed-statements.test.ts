/**
 * docs/rules.md §7 on the five seed reports: each laid out as a label/value table and as sentences in
 * cells. Every inconsistency found by hand is a finding at its cell; every consistent figure
 * is checked and passes.
 */
import { FindingSchema } from "../../src/core/audit";
import { StatementFixture, audit, fixtureGrid, loadFixtures, pairs } from "./helpers";

const fixtures = loadFixtures();

test("every seed report is laid out at least twice (table and text)", () => {
  const byDept = new Map<string, Set<string>>();
  for (const fx of fixtures) byDept.set(fx.department, (byDept.get(fx.department) ?? new Set()).add(fx.layout));
  expect([...byDept.keys()].sort()).toEqual(["guangdong-2023", "guangzhou-2022", "huizhou-2022", "jiangmen-2023", "shenzhen-2023"]);
  for (const layouts of byDept.values()) expect([...layouts].sort()).toEqual(["table", "text"]);
});

describe.each(fixtures.map((fx) => [fx.id, fx] as [string, StatementFixture]))("%s", (_id, fx) => {
  const { result } = audit(fixtureGrid(fx));

  test("finds exactly the inconsistencies found by hand, at their cells", () => {
    expect(pairs(result.findings)).toEqual(pairs(fx.findings));
    for (const f of result.findings) expect(FindingSchema.parse(f)).toEqual(f);
  });

  test("checks every consistent figure and lets it pass", () => {
    for (const p of fx.passed) {
      const hits = result.passed.filter((x) => x.check === p.check && x.cell === p.cell);
      expect({ ...p, passed: hits.length }).toEqual({ ...p, passed: expect.any(Number) });
      expect(hits.length).toBeGreaterThanOrEqual(p.count ?? 1);
    }
  });
});
