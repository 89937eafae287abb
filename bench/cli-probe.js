#!/usr/bin/env node
"use strict";
// One CLI run in this process, for the bench: prints {code, ms, maxRssMb, cores} as JSON on stdout.
// Peak memory is the process's maximum resident set size (process.resourceUsage().maxRSS, in KB).
const os = require("os");
const path = require("path");
const { main } = require(path.join(__dirname, "..", "lib", "cli", "main.js"));

const t0 = process.hrtime.bigint();
const err = [];
main(process.argv.slice(2), { out: () => undefined, err: (s) => err.push(s) }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  process.stdout.write(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, cores, err: err.join("\n").slice(0, 2000) }));
});
