/** Sheet-qualified addresses: split at the last "!", so a quoted sheet name may hold "!" itself. */
import { qualifyCell, quoteSheet, splitSheet } from "../../src/core/basics/address";

describe("splitSheet", () => {
  test.each([
    ["Sheet1!A1:B2", "Sheet1", "A1:B2"],
    ["'My Sheet'!C3", "My Sheet", "C3"],
    ["'Q&A!'!B5", "Q&A!", "B5"],
    ["'a!b!c'!$D$4:$E$9", "a!b!c", "$D$4:$E$9"],
    ["'It''s'!A1", "It's", "A1"],
    ["B7", null, "B7"],
  ])("%s → %s / %s", (address, sheet, range) => {
    expect(splitSheet(address)).toEqual({ sheet, range });
  });

  test.each([["Sheet1"], ["自评表!"], ["a!b"], ["It's"], ["核对结果 (2)"]])("round trip through quoteSheet: %s", (name) => {
    expect(splitSheet(`${quoteSheet(name)}!A1:C3`)).toEqual({ sheet: name, range: "A1:C3" });
  });
});

describe("qualifyCell", () => {
  test.each([
    ["Sheet1", "B5", "Sheet1!B5"],
    ["自评表", "B5", "'自评表'!B5"],
    ["a!b", "B5", "'a!b'!B5"],
    ["Sheet1", "'Other!'!C2", "'Other!'!C2"],
  ])("%s + %s → %s", (sheet, cell, expected) => {
    expect(qualifyCell(sheet, cell)).toBe(expected);
  });
});
