import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-results/", "out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    // core is pure: no Node, no Office, no DOM (SPEC §2)
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["fs", "path", "node:*", "exceljs", "react", "react-dom", "@fluentui/*", "../excel/*", "../cli/*", "../taskpane/*"] }],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process", "require"],
    },
  },
  {
    // the in-memory workbook is for the tests and the preview only: it never ships in the add-in
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["../memory-excel", "../memory-excel/*", "../../memory-excel", "../../memory-excel/*"] }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // the engine check runs in the browser, in ES5, before the bundle (docs/excel-platform.md)
    files: ["src/taskpane/engine-check.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
  },
);
