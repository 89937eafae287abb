/**
 * Old .xls and WPS .et files (binary compound documents), for checking only: converted to an
 * .xlsx package by LibreOffice when it is installed (docs/write-back.md, "Old .xls and WPS .et").
 *
 * Why LibreOffice and no npm reader: the one widely used reader of the binary format on the npm
 * registry, SheetJS `xlsx`, stopped publishing there at 0.18.5 (2022), which carries known
 * advisories fixed only in builds distributed outside the registry; LibreOffice (MPL-2.0) is
 * well kept, reads .xls and WPS files faithfully and is installed on many office machines.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI_ERRORS } from "./messages";
import { UsageError } from "./usage-error";

const CANDIDATES = [
  "soffice",
  "libreoffice",
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

/** The LibreOffice command: $JIXIAO_SOFFICE, else soffice on the PATH or in a usual place; null when none runs. */
export function findSoffice(): string | null {
  const env = process.env.JIXIAO_SOFFICE;
  const list = env !== undefined ? [env] : CANDIDATES;
  for (const c of list) {
    if (c === "") continue;
    if (c.indexOf("/") >= 0 || c.indexOf("\\") >= 0) {
      if (fs.existsSync(c)) return c;
      continue;
    }
    const r = spawnSync(c, ["--version"], { encoding: "utf8", timeout: 30000 });
    if (r.status === 0) return c;
  }
  return null;
}

/** Convert an .xls / .et file to .xlsx bytes in a temporary folder; the original is only read. */
export function convertLegacy(file: string): Uint8Array {
  const soffice = findSoffice();
  if (!soffice) throw new UsageError(`${CLI_ERRORS.noConverter}: ${file}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-convert-"));
  try {
    // a copy with a plain name: the original is never opened for writing, and LibreOffice's
    // output name is then known
    const ext = path.extname(file).toLowerCase() === ".et" ? ".et" : ".xls";
    const copy = path.join(dir, `input${ext}`);
    fs.copyFileSync(file, copy);
    const profile = path.join(dir, "profile");
    const r = spawnSync(
      soffice,
      ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile.split(path.sep).join("/").replace(/^([A-Za-z]):/, "/$1:")}`, "--convert-to", "xlsx", "--outdir", dir, copy],
      { encoding: "utf8", timeout: 180000 },
    );
    const out = path.join(dir, "input.xlsx");
    if (!fs.existsSync(out)) {
      const why = (r.error ? r.error.message : (r.stderr || r.stdout || "").trim()) || `exit ${r.status}`;
      throw new UsageError(CLI_ERRORS.conversionFailed(file, why));
    }
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
