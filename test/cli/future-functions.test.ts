import { fileFormula } from "../../src/cli/future-functions";

describe("formulas stored in a file carry the _xlfn. prefix of functions newer than Excel 2007", () => {
  test.each([
    ['IFERROR(NUMBERVALUE(MID(J4,5,LEN(J4)-5),".",",")/K4*100,"")', 'IFERROR(_xlfn.NUMBERVALUE(MID(J4,5,LEN(J4)-5),".",",")/K4*100,"")'],
    ["SUM(B2:B9)", "SUM(B2:B9)"],
    ['IF(A1="NUMBERVALUE(x)",1,numbervalue(A2))', 'IF(A1="NUMBERVALUE(x)",1,_xlfn.numbervalue(A2))'],
    ["_xlfn.NUMBERVALUE(A1)", "_xlfn.NUMBERVALUE(A1)"],
    ["STDEV.S(A1:A3)+XLOOKUP(1,A:A,B:B)", "_xlfn.STDEV.S(A1:A3)+_xlfn.XLOOKUP(1,A:A,B:B)"],
    ["SUBTOTAL(9,C2:C5)&HYPERLINK(\"#'a'!A1\",\"a\")", "SUBTOTAL(9,C2:C5)&HYPERLINK(\"#'a'!A1\",\"a\")"],
  ])("%s", (written, stored) => {
    expect(fileFormula(written)).toBe(stored);
  });
});
