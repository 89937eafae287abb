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
    // a spread passes every element as an argument: 100,000 problems overflow the stack (docs/write-back.md)
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement", message: "no push(...array): an unbounded array overflows the stack; loop instead (docs/write-back.md)." },
      ],
    },
  },
  {
    // core is pure at every depth: no Node, no Office, no DOM, no adapter or UI code (ARCHITECTURE.md,
    // docs/rules.md §2); test/lint/purity.test.ts proves a forbidden import fails
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "path", "os", "url", "util", "zlib", "crypto", "child_process", "worker_threads", "stream", "events", "buffer", "http", "https", "node:*", "exceljs", "fflate", "react", "react-dom", "react-dom/*", "@fluentui/*", "playwright-core"],
              message: "src/core is pure: no Node, no host libraries, no UI (docs/rules.md §2).",
            },
            {
              group: ["**/excel", "**/excel/**", "**/memory-excel", "**/memory-excel/**", "**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/preview", "**/preview/**", "**/commands", "**/commands/**"],
              message: "src/core decides and the adapters execute: core never imports an adapter or the UI (docs/rules.md §2).",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "OfficeExtension", "document", "window", "navigator", "localStorage", "process", "require", "Buffer", "__dirname", "__filename"],
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
