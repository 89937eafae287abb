#!/usr/bin/env node
"use strict";
// `npm start`. On Windows and Mac: sideload manifest.xml into Excel desktop with Microsoft's
// office-addin-debugging, as the Office add-in templates do. Elsewhere (no Excel desktop), or
// with --serve (`npm run preview`): make development certificates in a user folder if needed
// (scripts/dev-certs.js), serve the add-in over HTTPS on localhost with webpack-dev-server, and
// print where the task pane, the preview and the manifest are.
const { spawn } = require("child_process");
const fs = require("fs");
const https = require("https");
const net = require("net");
const path = require("path");
const { setTimeout } = require("timers");
const { certDir, ensureDevCerts, trustInstructions } = require("./dev-certs");

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const READY_TIMEOUT_MS = 5 * 60 * 1000;

function forwardSignals(child) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function sideload(extra) {
  const child = spawn("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", ...extra], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("error", (e) => {
    console.error(`could not run npx office-addin-debugging: ${e.message}`);
    process.exit(1);
  });
  forwardSignals(child);
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** Resolves once the dev server answers over HTTPS with a certificate our CA signed. */
function whenServing(ca, child) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error("the dev server stopped"));
      const req = https.get({ host: "localhost", port: PORT, path: "/taskpane.html", ca, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy(new Error("timeout")));
    };
    const retry = () => (Date.now() - started > READY_TIMEOUT_MS ? reject(new Error("the dev server did not answer")) : setTimeout(attempt, 500));
    attempt();
  });
}

async function serve() {
  let certs;
  try {
    certs = ensureDevCerts({ dir: certDir() });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  console.log(`${certs.created ? "Made" : "Using"} development certificates in ${certs.dir} (localhost, valid until ${certs.validTo})`);
  if (!(await portFree(PORT))) {
    console.error(`Port ${PORT} is in use: stop what is listening there (another npm start?), or set another port with npm config set jixiao:dev_server_port <port> (the manifest expects 3000).`);
    process.exit(1);
  }

  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, JIXIAO_CERT_DIR: certs.dir },
  });
  forwardSignals(child);

  await whenServing(fs.readFileSync(certs.files.ca), child).then(
    () => {
      const base = `https://localhost:${PORT}`;
      console.log(
        [
          "",
          `Jixiao is served on ${base} (development build; it rebuilds when a file changes).`,
          `  preview    ${base}/preview.html    the task pane beside an in-memory workbook: try it in any browser`,
          `  task pane  ${base}/taskpane.html   the page Excel loads; in a plain browser it says to open it in Excel`,
          `  manifest   ${base}/manifest.xml    Excel on the web: Home → Add-ins → More Add-ins → Upload My Add-in`,
          "",
          trustInstructions(certs.files.ca),
          "",
          "Stop with Ctrl+C.",
          "",
        ].join("\n"),
      );
    },
    (e) => console.error(`Not serving on https://localhost:${PORT}: ${e.message}`),
  );
}

const args = process.argv.slice(2);
const serveHere = args.includes("--serve");
if (!serveHere && (process.platform === "win32" || process.platform === "darwin")) {
  sideload(args);
} else {
  void serve();
}
