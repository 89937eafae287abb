import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { createRequire } from "module";
import path from "path";
import type { ManifestInfo } from "office-addin-manifest";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const manifestXml = readFileSync(MANIFEST, "utf8");

/** Values of one attribute on every element with the given tag name, in document order. */
function attributeValues(xml: string, tag: string, attribute: string): string[] {
  const element = new RegExp(`<${tag}\\b[^>]*>`, "g");
  const attr = new RegExp(`\\s${attribute}="([^"]*)"`);
  return [...xml.matchAll(element)].map((m) => attr.exec(m[0])?.[1]).filter((v): v is string => v !== undefined);
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A copy-webpack-plugin `from` glob with `*` wildcards, as a regular expression over posix paths. */
function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\?]/g, "\\$&").replace(/\*/g, "[^/]*");
  return new RegExp(`^${escaped}$`);
}

/**
 * office-addin-manifest's own reader, run in a plain Node process: the package pulls in ES-module-only
 * dependencies (uuid, strip-bom) that jest's CommonJS runtime cannot load, while Node ≥ 20.19 can.
 */
function readManifestFile(file: string): ManifestInfo {
  const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1]).then(
    (info) => process.stdout.write(JSON.stringify(info)),
    (error) => { console.error(error); process.exit(1); })`;
  const json = execFileSync(process.execPath, ["--no-warnings", "-e", script, file], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(json) as ManifestInfo;
}

describe("manifest.xml as Office reads it", () => {
  let info: ManifestInfo;
  beforeAll(() => {
    info = readManifestFile(MANIFEST);
  });

  test("is a task pane add-in with a GUID id", () => {
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toMatch(GUID);
  });

  test("targets Excel workbooks only", () => {
    expect(info.hosts).toEqual(["Workbook"]);
  });

  test("defaults to Simplified Chinese with the name 绩效核对", () => {
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("绩效核对");
    expect(info.providerName).toBe("Jixiao");
  });

  test("asks to read and write the document", () => {
    expect(info.permissions).toBe("ReadWriteDocument");
  });

  test("opens the task pane from the dev server", () => {
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });
});

describe("manifest.xml text", () => {
  test("requires ExcelApi 1.7", () => {
    expect(manifestXml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\s*\/>/);
  });

  test("has English overrides for the name and the ribbon button", () => {
    expect(manifestXml).toMatch(/<Override Locale="en-US" Value="Jixiao Performance Check"\s*\/>/);
    expect(manifestXml).toMatch(/<bt:Override Locale="en-US" Value="Performance Check"\s*\/>/);
  });

  test("puts one ShowTaskpane button on the Home tab", () => {
    expect(manifestXml).toContain('<OfficeTab id="TabHome">');
    expect(manifestXml.match(/<Control xsi:type="Button"/g)).toHaveLength(1);
    expect(manifestXml).toContain('<Action xsi:type="ShowTaskpane">');
  });

  test("gives the ribbon icons at 16, 32 and 80 px", () => {
    expect(attributeValues(manifestXml, "bt:Image", "size").sort()).toEqual(
      ["16", "32", "80", "16", "32", "80"].sort(),
    );
  });

  test("every resid refers to a declared resource", () => {
    const declared = new Set(
      ["bt:Image", "bt:Url", "bt:String"].flatMap((tag) => attributeValues(manifestXml, tag, "id")),
    );
    const referenced = [...manifestXml.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !declared.has(id))).toEqual([]);
  });
});

describe("icons named in the manifest", () => {
  const iconUrls = [
    ...attributeValues(manifestXml, "IconUrl", "DefaultValue"),
    ...attributeValues(manifestXml, "HighResolutionIconUrl", "DefaultValue"),
    ...attributeValues(manifestXml, "bt:Image", "DefaultValue"),
  ];

  test("are found in the manifest", () => {
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
  });

  test.each(iconUrls)("%s is a PNG in assets/ whose size matches its name", (url) => {
    expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
    const relative = url.slice(DEV_URL.length);
    const file = path.join(ROOT, relative);
    expect(existsSync(file)).toBe(true);
    const named = /-(\d+)\.png$/.exec(relative);
    expect(named).not.toBeNull();
    const side = Number(named?.[1]);
    expect(pngSize(file)).toEqual({ width: side, height: side });
  });
});

describe("webpack.config.js serves what the manifest names", () => {
  interface CopyPattern {
    from: string;
    to?: string;
  }
  // The config is plain CommonJS without type declarations, so load it untyped.
  const loadConfig = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as (
    env: object,
    argv: { mode: string },
  ) => { plugins: object[] };
  const plugins = loadConfig({}, { mode: "production" }).plugins;
  const copyPatterns = plugins.flatMap((p) =>
    p.constructor.name === "CopyPlugin" ? (p as { patterns: CopyPattern[] }).patterns : [],
  );
  const htmlPages = plugins.flatMap((p) =>
    p.constructor.name === "HtmlWebpackPlugin" ? [(p as { userOptions: { filename: string } }).userOptions.filename] : [],
  );

  function copiedTo(file: string): string | undefined {
    const pattern = copyPatterns.find((p) => globToRegExp(p.from).test(file));
    if (!pattern) return undefined;
    const to = pattern.to ?? "[name][ext]";
    return to.replace("[name]", path.posix.basename(file, path.posix.extname(file))).replace("[ext]", path.posix.extname(file));
  }

  test("copies manifest.xml to dist/", () => {
    expect(copiedTo("manifest.xml")).toBe("manifest.xml");
  });

  test("copies every icon the manifest names to the same path under dist/", () => {
    const urls = [
      ...attributeValues(manifestXml, "IconUrl", "DefaultValue"),
      ...attributeValues(manifestXml, "HighResolutionIconUrl", "DefaultValue"),
      ...attributeValues(manifestXml, "bt:Image", "DefaultValue"),
    ];
    for (const url of urls) {
      const relative = url.slice(DEV_URL.length);
      expect(copiedTo(relative)).toBe(relative);
    }
  });

  test("builds every page the manifest opens", () => {
    const pages = attributeValues(manifestXml, "bt:Url", "DefaultValue")
      .concat(attributeValues(manifestXml, "SourceLocation", "DefaultValue"))
      .filter((url) => url.endsWith(".html"))
      .map((url) => url.slice(DEV_URL.length));
    expect(new Set(pages)).toEqual(new Set(["taskpane.html", "commands.html"]));
    for (const page of pages) expect(htmlPages).toContain(page);
  });
});
