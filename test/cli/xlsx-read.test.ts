/** The package reader: cell values as Excel gives them; what is not well-formed XML is refused with a PackageError, never another error. */
import fc from "fast-check";
import { BUILTIN_FORMATS, cellElementValue, readCellFormats, sheetGrid, stringItemText } from "../../src/cli/xlsx-read";
import { OoxmlPackage, PackageError, escapeCellText, unescapeCellText } from "../../src/cli/ooxml-package";

const STRINGS = ["零", "一"];

describe("cellElementValue", () => {
  test.each<[string, string | undefined, unknown]>([
    ['r="A1"', "<v>3.5</v>", 3.5],
    ['r="A1" t="s"', "<v>1</v>", "一"],
    ['r="A1" t="str"', "<f>A2</f><v>x_x000D_y</v>", "x\ry"],
    ['r="A1" t="inlineStr"', "<is><r><t>a</t></r><r><t xml:space=\"preserve\"> b</t></r><rPh sb=\"0\" eb=\"1\"><t>ア</t></rPh></is>", "a b"],
    ['r="A1" t="b"', "<v>1</v>", true],
    ['r="A1" t="e"', "<v>#N/A</v>", "#N/A"],
    ['r="A1" t="d"', "<v>2023-01-02</v>", 44928],
    ['r="A1"', "<f>SUM(B1:B2)</f>", ""],
    ['r="A1" s="3"', undefined, ""],
    ['r="A1"', "<v>&lt;5</v>", "<5"],
  ])("%s %s → %j", (a, inner, want) => {
    expect(cellElementValue(a, inner, STRINGS)).toEqual(want);
  });
});

describe("sheetGrid", () => {
  test("rows and cells without r, prefixed elements, merged areas blank but their top-left", () => {
    const xml =
      '<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="B3"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const g = sheetGrid("S", xml, STRINGS, ["General"]);
    expect(g.values).toEqual([["零", ""], ["", ""], ["", 7]]);
  });

  test("arbitrary text around and inside sheetData: a grid, or a PackageError with the reason", () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom("<sheetData>", "</sheetData>", "<row r=\"2\">", "<row>", "</row>", "<c r=\"B2\" t=\"s\">", "<c>", "</c>", "<v>", "</v>", "<is><t>", "</t></is>", "<mergeCell ref=\"A1:ZZ9\"/>", "<c r=\"XFD1048576\"/>"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        try {
          const g = sheetGrid("S", `<worksheet>${parts.join("")}</worksheet>`, STRINGS, []);
          expect(Array.isArray(g.values)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(PackageError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cell text escapes", () => {
  test("round trip through _xHHHH_ and XML escapes", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const stored = escapeCellText(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
        expect(unescapeCellText(stored)).toBe(s);
      }),
    );
    expect(stringItemText("<t>_x005F_x0041_</t>")).toBe("_x0041_");
  });
});

describe("built-in number formats", () => {
  test.each([
    [27, 'yyyy"年"m"月"'],
    [28, 'm"月"d"日"'],
    [31, 'yyyy"年"m"月"d"日"'],
    [32, 'h"时"mm"分"'],
    [35, '上午/下午h"时"mm"分"ss"秒"'],
    [36, 'yyyy"年"m"月"'],
    [50, 'yyyy"年"m"月"'],
    [55, '上午/下午h"时"mm"分"'],
    [58, 'm"月"d"日"'],
    [9, "0%"],
    [10, "0.00%"],
    [14, "yyyy/m/d"],
    [42, '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ '],
  ])("id %i reads as %s (the zh-CN table of Excel and WPS)", (id, code) => {
    const styles = `<styleSheet xmlns="m"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}"/></cellXfs></styleSheet>`;
    const pkg = OoxmlPackage.fromParts({ "[Content_Types].xml": "<Types/>", "xl/styles.xml": styles });
    expect(readCellFormats(pkg, "xl/styles.xml")).toEqual(["General", code]);
  });

  test("every id from 0 to 58 Excel or WPS may name without defining it has a code (none left to General by omission)", () => {
    const named = [...Array(59).keys()].filter((id) => !(id >= 23 && id <= 26));
    for (const id of named) expect({ id, code: BUILTIN_FORMATS[id] }).toEqual({ id, code: expect.any(String) });
  });
});
