/** Comparison sheets (docs/rules.md §8): templates as data, departments, the sheet plan. */
export * from "./templates";
export * from "./department";
export * from "./values";
export * from "./sheet-plan";
export * from "./build-sheet";
export * from "./own-department";
export { figureNote, missingNote, sourceLine } from "./notes";
