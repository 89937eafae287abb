/** scripts/dev-certs.js: a local CA and a localhost certificate, made offline, reused while valid. */
import crypto from "crypto";
import fs from "fs";
import https from "https";
import os from "os";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const devCerts = require("../../scripts/dev-certs") as {
  ensureDevCerts(o: { dir: string; force?: boolean; now?: Date }): { dir: string; created: boolean; reason: string | null; files: Record<"key" | "cert" | "ca" | "caKey", string> };
  problemWith(dir: string, now?: Date): string | null;
  certDir(env: Record<string, string | undefined>): string;
  DEFAULT_DIR: string;
};

let dir: string;

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-certs-")), "certs");
});

afterEach(() => {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

test("JIXIAO_CERT_DIR chooses the folder, else ~/.jixiao/dev-certs", () => {
  expect(devCerts.certDir({ JIXIAO_CERT_DIR: dir })).toBe(dir);
  expect(devCerts.certDir({})).toBe(path.join(os.homedir(), ".jixiao", "dev-certs"));
});

test("makes a CA and a localhost certificate it signs, keys readable by the user only", () => {
  const made = devCerts.ensureDevCerts({ dir });
  expect(made.created).toBe(true);
  const ca = new crypto.X509Certificate(fs.readFileSync(made.files.ca));
  const leaf = new crypto.X509Certificate(fs.readFileSync(made.files.cert));
  expect(ca.ca).toBe(true);
  expect(leaf.ca).toBe(false);
  expect(leaf.checkIssued(ca)).toBe(true);
  expect(leaf.verify(ca.publicKey)).toBe(true);
  expect(leaf.checkHost("localhost")).toBe("localhost");
  expect(leaf.checkIP("127.0.0.1")).toBe("127.0.0.1");
  expect(leaf.subjectAltName).toContain("DNS:localhost");
  if (process.platform !== "win32") expect(fs.statSync(made.files.key).mode & 0o077).toBe(0);
});

test("reuses valid certificates and replaces ones about to expire", () => {
  const first = devCerts.ensureDevCerts({ dir });
  const cert = fs.readFileSync(first.files.cert, "utf8");
  expect(devCerts.ensureDevCerts({ dir }).created).toBe(false);
  expect(fs.readFileSync(first.files.cert, "utf8")).toBe(cert);

  const nextYear = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
  expect(devCerts.problemWith(dir, nextYear)).toMatch(/expires/);
  fs.rmSync(first.files.key);
  const again = devCerts.ensureDevCerts({ dir });
  expect(again).toMatchObject({ created: true, reason: expect.stringMatching(/missing localhost.key/) });
});

test("an HTTPS server with them is trusted by a client that trusts the CA", async () => {
  const { files } = devCerts.ensureDevCerts({ dir });
  const server = https.createServer({ key: fs.readFileSync(files.key), cert: fs.readFileSync(files.cert) }, (_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  try {
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: "127.0.0.1", servername: "localhost", port, path: "/", ca: fs.readFileSync(files.ca) }, (res) => {
          let data = "";
          res.on("data", (c) => (data += c));
          res.on("end", () => resolve(data));
        })
        .on("error", reject);
    });
    expect(body).toBe("ok");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
