/** The reviewer's job: many sheets checked, one summary (docs/review.md). */
export * from "./review";
export * from "./summary-sheet";
export * from "./check-names";
