/**
 * The data-item family's write plan executed in the in-memory workbook as the add-in executes it
 * (docs/form-families.md): the 核对·指标值 formulas compute to the items' ratio, recompute when an
 * item changes, and the user's 指标值 cells are left as written.
 */
import { validateGrid } from "../../src/core/indicators/validate";
import { createMemoryExcel } from "../../src/memory-excel";
import { fixtureGrid, loadFixtures } from "../fixtures/real-forms/data-items/sheet";
import { executePlan } from "./execute-plan-run";

test("the written formulas compute in the in-memory workbook and follow the items", async () => {
  const fixture = loadFixtures().find((f) => f.id === "department-2018-wanglu-462766");
  if (!fixture) throw new Error("fixture missing");
  const values = fixtureGrid(fixture);
  const out = validateGrid({ sheet: "评价表", values });
  if (!out.ok) throw new Error(out.reason.en);
  const xl = createMemoryExcel({ sheets: [{ name: "评价表", values }] });
  await executePlan(xl, out.plan);
  const sheet = xl.workbook.sheet("评价表");
  expect(sheet.cell("P3").value).toBe("核对·指标值");
  const computed = ["P4", "P5", "P8", "P9"].map((a) => sheet.cell(a));
  expect(computed.map((c) => typeof c.formula === "string" && c.formula.startsWith("=IFERROR("))).toEqual([true, true, true, true]);
  const expected = [95.1048951048951, 98.3125, 99.2641101307505, 39.9353013376604];
  computed.forEach((c, i) => expect(c.value as number).toBeCloseTo(expected[i], 9));
  // the user's 指标值 untouched
  expect([sheet.cell("K4").value, sheet.cell("K8").value]).toEqual([95.1, 99.27]);
  // an item edited in the sheet: the value follows
  sheet.setValues("I4", [["在职人员143人"]]);
  expect(sheet.cell("P4").value).toBe(100);
});
