/**
 * Tests in three layers (docs/testing.md, "Layers"), each a Jest project:
 * - unit: core, parsers, audit, compare, seeds — no spawning, no browser; the edit loop (`npm run test:unit`);
 * - integration: the CLI (in process and spawned), the Excel adapter, the task pane in jsdom (`npm run test:integration`);
 * - slow: the webpack build, the browser, LibreOffice, lint (`npm run test:slow`).
 * `npm test` runs them all.
 */
const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/main.js",
  },
};

const INTEGRATION = [
  "<rootDir>/test/cli/**/*.test.ts",
  "<rootDir>/test/audit/audit-cli.test.ts",
  "<rootDir>/test/compare/compare-cli.test.ts",
  "<rootDir>/test/excel/**/*.test.ts",
  "<rootDir>/test/taskpane/**/*.test.{ts,tsx}",
  "<rootDir>/test/manifest.test.ts",
];
const SLOW = ["<rootDir>/test/browser/**/*.test.ts", "<rootDir>/test/build/**/*.test.ts", "<rootDir>/test/lint/**/*.test.ts"];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "/test/browser/", "/test/build/", "/test/lint/", "/test/cli/(?!xlsx-read\\.test|zip\\.test)", "/test/audit/audit-cli\\.test", "/test/compare/compare-cli\\.test", "/test/excel/", "/test/taskpane/", "/test/manifest\\.test"],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: INTEGRATION,
      // the reader's and the zip layer's tests read in process: unit
      testPathIgnorePatterns: ["/node_modules/", "/test/cli/xlsx-read\\.test", "/test/cli/zip\\.test"],
    },
    { ...shared, displayName: "slow", testMatch: SLOW },
  ],
};
