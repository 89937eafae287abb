#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to lib/ by `npm install` (the prepare script).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("jixiao: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) first.");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
