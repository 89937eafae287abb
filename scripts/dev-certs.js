#!/usr/bin/env node
"use strict";
// Development certificates for https://localhost, made offline and kept in a user folder
// (~/.jixiao/dev-certs, or JIXIAO_CERT_DIR): a local CA and a localhost certificate it signs.
// No sudo and no change to any trust store; trusting the CA is left to the user (see
// trustInstructions). Reused while both certificates are valid for at least another day.
//
//   node scripts/dev-certs.js           make them if needed, print where they are
//   node scripts/dev-certs.js --force   make new ones
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const DEFAULT_DIR = path.join(os.homedir(), ".jixiao", "dev-certs");
/** The names office-addin-dev-certs uses, so either folder works with webpack.config.js. */
const FILES = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt", caKey: "ca.key" };
const CA_NAME = "Jixiao development CA (localhost only)";
const CA_DAYS = 5 * 365;
const LEAF_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

function certDir(env = process.env) {
  return env.JIXIAO_CERT_DIR ? path.resolve(env.JIXIAO_CERT_DIR) : DEFAULT_DIR;
}

function filePaths(dir) {
  return Object.fromEntries(Object.entries(FILES).map(([k, name]) => [k, path.join(dir, name)]));
}

/** Why the certificates in `dir` cannot be used as they are, or null when they can. */
function problemWith(dir, now = new Date()) {
  const files = filePaths(dir);
  const missing = Object.values(files).filter((f) => !fs.existsSync(f));
  if (missing.length) return `missing ${missing.map((f) => path.basename(f)).join(", ")}`;
  try {
    const ca = new crypto.X509Certificate(fs.readFileSync(files.ca));
    const leaf = new crypto.X509Certificate(fs.readFileSync(files.cert));
    const key = crypto.createPrivateKey(fs.readFileSync(files.key));
    const soon = new Date(now.getTime() + DAY_MS);
    if (new Date(ca.validTo) < soon) return `the CA expires ${ca.validTo}`;
    if (new Date(leaf.validTo) < soon) return `the localhost certificate expires ${leaf.validTo}`;
    if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) return "the localhost certificate is not signed by the CA";
    if (!leaf.checkHost("localhost")) return "the certificate is not for localhost";
    if (!leaf.checkPrivateKey(key)) return "localhost.key does not match localhost.crt";
  } catch (e) {
    return `unreadable: ${e.message}`;
  }
  return null;
}

// selfsigned makes self-signed certificates only; the certificate the CA signs is made with
// node-forge, resolved where selfsigned finds it (its own dependency).
function forge() {
  return require(require.resolve("node-forge", { paths: [path.dirname(require.resolve("selfsigned"))] }));
}

function rsaKeys() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKey: publicKey.export({ type: "spki", format: "pem" }),
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }),
  };
}

function serial() {
  return `01${crypto.randomBytes(15).toString("hex")}`; // positive
}

function generate(dir) {
  const selfsigned = require("selfsigned");
  const pki = forge().pki;
  const caKeys = rsaKeys();
  const caAttrs = [
    { name: "commonName", value: CA_NAME },
    { name: "organizationName", value: "Jixiao development" },
  ];
  const ca = selfsigned.generate(caAttrs, {
    keyPair: caKeys,
    days: CA_DAYS,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      { name: "subjectKeyIdentifier" },
    ],
  });
  const caCert = pki.certificateFromPem(ca.cert);

  const leafKeys = rsaKeys();
  const leaf = pki.createCertificate();
  leaf.publicKey = pki.publicKeyFromPem(leafKeys.publicKey);
  leaf.serialNumber = serial();
  leaf.validity.notBefore = new Date(Date.now() - 60 * 1000);
  leaf.validity.notAfter = new Date(Date.now() + LEAF_DAYS * DAY_MS);
  leaf.setSubject([{ name: "commonName", value: "localhost" }]);
  leaf.setIssuer(caCert.subject.attributes);
  leaf.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: [
        { type: 2, value: "localhost" }, // DNS
        { type: 7, ip: "127.0.0.1" },
        { type: 7, ip: "::1" },
      ],
    },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leaf.sign(pki.privateKeyFromPem(caKeys.privateKey), forge().md.sha256.create());

  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = filePaths(dir);
  fs.writeFileSync(files.caKey, caKeys.privateKey, { mode: 0o600 });
  fs.writeFileSync(files.ca, ca.cert, { mode: 0o644 });
  fs.writeFileSync(files.key, leafKeys.privateKey, { mode: 0o600 });
  fs.writeFileSync(files.cert, pki.certificateToPem(leaf), { mode: 0o644 });
}

/**
 * Certificates in `dir` that a server can use: made when missing, expiring within a day, or
 * broken; otherwise reused. Returns the paths and whether they were just made.
 */
function ensureDevCerts({ dir = certDir(), force = false, now = new Date() } = {}) {
  const problem = force ? "new ones asked for" : problemWith(dir, now);
  if (problem) generate(dir);
  const after = problemWith(dir, now);
  if (after) throw new Error(`could not make development certificates in ${dir}: ${after}`);
  const files = filePaths(dir);
  const leaf = new crypto.X509Certificate(fs.readFileSync(files.cert));
  return { dir, files, created: Boolean(problem), reason: problem, validTo: leaf.validTo };
}

/** How to make browsers trust the CA, for those who want no certificate warning. */
function trustInstructions(caFile) {
  return [
    `The CA certificate is ${caFile}; nothing was added to any trust store. To trust it (optional):`,
    `  Chrome/Chromium on Linux:  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "${CA_NAME}" -i "${caFile}"`,
    `  Firefox:                   Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import`,
    `  system-wide (Debian):      sudo cp "${caFile}" /usr/local/share/ca-certificates/jixiao-dev-ca.crt && sudo update-ca-certificates`,
    `  curl:                      curl --cacert "${caFile}" https://localhost:3000/preview.html`,
    `Or open the page and accept the browser's warning once.`,
  ].join("\n");
}

module.exports = { DEFAULT_DIR, FILES, certDir, filePaths, problemWith, ensureDevCerts, trustInstructions };

if (require.main === module) {
  try {
    const certs = ensureDevCerts({ force: process.argv.includes("--force") });
    console.log(`${certs.created ? `Made development certificates (${certs.reason})` : "Development certificates are up to date"} in ${certs.dir}`);
    console.log(`localhost certificate valid until ${certs.validTo}`);
    console.log(trustInstructions(certs.files.ca));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
