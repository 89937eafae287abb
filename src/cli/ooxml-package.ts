/**
 * An Office Open XML package (.xlsx, .xlsm) held as its parts: the CLI's write-back edits only
 * the parts it changes and copies every other part byte for byte (docs/write-back.md).
 *
 * Zip: Node's zlib through ./zip.ts; a part that is not changed keeps its compressed bytes.
 */
import { ZipEntry, entryData, makeEntry, readZip, writeZip } from "./zip";
import { PackageError } from "./package-error";
import { XmlEl, applySplices, appendChildSplice, attrsXml, decodeXmlBytes, declareUtf8, parseTop, parseXml } from "./xml-parse";

export { PackageError };

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
};

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
};

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  workbookMacro: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};

export interface Relationship {
  id: string;
  type: string;
  /** the Target attribute as written */
  target: string;
  external: boolean;
  /** the part it points to, resolved to a package path without the leading "/" */
  path: string;
}

// ---------------------------------------------------------------------------------------------
// Small XML helpers. The parts Jixiao reads and edits go through the strict parser (xml-parse.ts);
// these fragment helpers remain for VML, which Office does not always write as well-formed XML.

/** Attributes of one start tag's text (`name="v" other='w'`), entity-decoded; a prefix is kept in the key. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = decodeXml(m[3] !== undefined ? m[3] : m[4]);
  return out;
}

/** The attributes of every start tag `<name …>` or `<prefix:name …/>` in the text, in order. */
export function startTags(xml: string, name: string): Record<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)\\/?>`, "g");
  const out: Record<string, string>[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(attrs(m[1]));
  return out;
}

/** The value of an attribute whatever its namespace prefix (`r:id`, `ns1:id`, `id`). */
export function attrLocal(a: Record<string, string>, local: string, prefixed: boolean): string | undefined {
  for (const k of Object.keys(a)) {
    const colon = k.indexOf(":");
    if (prefixed ? colon > 0 && k.slice(colon + 1) === local && !k.startsWith("xmlns") : k === local) return a[k];
  }
  return undefined;
}

export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) throw new PackageError(`&${e}; is not a character XML can hold`);
    return String.fromCodePoint(code);
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Text for a cell or a note: XML-escaped, with characters XML cannot carry written as Excel's
 * `_xHHHH_` escapes, and a literal `_xHHHH_` protected by escaping its underscore.
 */
export function escapeCellText(s: string): string {
  const safe = s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    // characters XML 1.0 cannot hold, lone surrogates included
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(safe);
}

/** Undo Excel's `_xHHHH_` escapes in stored text. */
export function unescapeCellText(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The namespace prefix ("" or "x:") a part's root element uses. */
export function rootPrefix(xml: string): string {
  const m = /<([\w.-]+:)?[\w.-]+[\s>/]/.exec(xml.replace(/^\uFEFF?(<\?[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*)*/, ""));
  return m && m[1] ? m[1] : "";
}

/** Index of the first start tag `<prefix:name` of any of `names`, or -1. */
export function firstTag(xml: string, prefix: string, names: string[], from = 0): number {
  let best = -1;
  for (const n of names) {
    const re = new RegExp(`<${prefix}${n}[\\s>/]`, "g");
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** Resolve a relationship target against the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  const raw = target.split("#")[0];
  const parts = (raw.startsWith("/") ? raw.slice(1) : dirOf(source) + raw).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return decodeURIComponentSafe(out.join("/"));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels; "" → _rels/.rels. */
export function relsPathOf(part: string): string {
  const dir = dirOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** The relative path from the directory of `from` to `to`. */
export function relativeTarget(from: string, to: string): string {
  const a = dirOf(from).split("/").filter((x) => x !== "");
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

// ---------------------------------------------------------------------------------------------

export class OoxmlPackage {
  /** part paths (no leading "/") in the order of the input zip */
  private order: string[] = [];
  private bytes = new Map<string, ZipEntry>();
  private text = new Map<string, string>();
  private changed = new Set<string>();
  private parsed = new Map<string, { text: string; root: XmlEl }>();
  private parsedTop = new Map<string, { text: string; root: XmlEl }>();
  private ctCache: { overrides: Map<string, string>; defaults: Map<string, string>; root: XmlEl } | null = null;

  static fromBytes(data: Uint8Array): OoxmlPackage {
    const pkg = new OoxmlPackage();
    let entries: ZipEntry[];
    try {
      entries = readZip(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length));
    } catch (e) {
      throw new PackageError(`not a readable zip package: ${(e as Error).message}`);
    }
    const seen = new Map<string, string>();
    for (const e of entries) {
      // two entries for one part name (names compare without case in a package): which one a
      // reader takes differs between programs, so the file is refused rather than read one way
      const other = seen.get(e.name.toLowerCase());
      if (other !== undefined) throw new PackageError(`the package holds two entries for the part ${e.name}${other !== e.name ? ` (${other})` : ""}; programs differ on which one they read: save the file again in Excel or WPS`);
      seen.set(e.name.toLowerCase(), e.name);
      pkg.order.push(e.name);
      pkg.bytes.set(e.name, e);
    }
    if (!pkg.bytes.has("[Content_Types].xml")) throw new PackageError("no [Content_Types].xml: not an Office Open XML package");
    return pkg;
  }

  /** A package built from parts (used for workbooks made from nothing). */
  static fromParts(parts: Record<string, string>): OoxmlPackage {
    const pkg = new OoxmlPackage();
    for (const [name, t] of Object.entries(parts)) pkg.setText(name, t);
    return pkg;
  }

  partNames(): string[] {
    return [...this.order];
  }

  has(path: string): boolean {
    return this.bytes.has(path) || this.text.has(path);
  }

  /** Case-insensitive lookup, as part names are compared in OPC. */
  findPart(path: string): string | undefined {
    if (this.has(path)) return path;
    const lower = path.toLowerCase();
    return this.order.find((p) => p.toLowerCase() === lower);
  }

  getText(path: string): string {
    const cached = this.text.get(path);
    if (cached !== undefined) return cached;
    const b = this.bytes.get(path);
    if (!b) throw new PackageError(`missing part ${path}`);
    let data: Buffer;
    try {
      data = entryData(b);
    } catch (e) {
      throw new PackageError(`part ${path} cannot be inflated: ${(e as Error).message}`);
    }
    let t: string;
    try {
      t = decodeXmlBytes(data, path).text;
    } catch (e) {
      // old VML drawings (not XML parts proper) may carry Windows-1252 bytes: read them as such
      if (!/\.vml$/i.test(path)) throw e;
      t = new TextDecoder("windows-1252").decode(data);
    }
    this.text.set(path, t);
    return t;
  }

  /** A part's root and its children only, parsed strictly (cached until the part's text changes): for large parts. */
  top(path: string): XmlEl {
    const text = this.getText(path);
    const hit = this.parsedTop.get(path);
    if (hit && hit.text === text) return hit.root;
    const root = parseTop(text, path);
    this.parsedTop.set(path, { text, root });
    return root;
  }

  /** A part's XML parsed strictly (cached until the part's text changes). */
  xml(path: string): XmlEl {
    const text = this.getText(path);
    const hit = this.parsed.get(path);
    if (hit && hit.text === text) return hit.root;
    const root = parseXml(text, path);
    this.parsed.set(path, { text, root });
    return root;
  }

  getBytes(path: string): Uint8Array | undefined {
    if (this.changed.has(path)) return Buffer.from(this.text.get(path) as string, "utf8");
    const e = this.bytes.get(path);
    return e ? entryData(e) : undefined;
  }

  setText(path: string, t: string): void {
    if (!this.has(path)) this.order.push(path);
    // a changed part is written as UTF-8, whatever it was read as
    this.text.set(path, declareUtf8(t));
    this.changed.add(path);
  }

  remove(path: string): void {
    this.order = this.order.filter((p) => p !== path);
    this.bytes.delete(path);
    this.text.delete(path);
    this.changed.delete(path);
    this.parsed.delete(path);
    this.parsedTop.delete(path);
  }

  /** Parts whose text was replaced since reading. */
  changedParts(): string[] {
    return this.order.filter((p) => this.changed.has(p));
  }

  toBytes(): Uint8Array {
    // [Content_Types].xml first, as Office writes it
    const names = ["[Content_Types].xml", ...this.order.filter((p) => p !== "[Content_Types].xml")];
    const out: ZipEntry[] = [];
    for (const name of names) {
      if (this.changed.has(name)) out.push(makeEntry(name, Buffer.from(this.text.get(name) as string, "utf8")));
      else {
        const e = this.bytes.get(name);
        if (e) out.push({ ...e, name });
      }
    }
    return writeZip(out);
  }

  // ---- relationships

  rels(source: string): Relationship[] {
    const rp = relsPathOf(source);
    const found = this.findPart(rp);
    if (!found) return [];
    return this.xml(found)
      .children.filter((e) => e.local === "Relationship")
      .map((e) => {
        const a = e.attrs;
        const external = a.TargetMode === "External";
        return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external, path: external ? "" : resolveTarget(source, a.Target ?? "") };
      });
  }

  /** Add a relationship from `source` to the part `path`; returns its new id. */
  addRel(source: string, type: string, path: string): string {
    const rp = relsPathOf(source);
    const existing = this.findPart(rp);
    const xml = existing ? this.getText(existing) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const ids = new Set(this.rels(source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = existing ? this.xml(existing) : parseXml(xml, rp);
    const el = `<${root.prefix ? root.prefix + ":" : ""}Relationship${attrsXml({ Id: id, Type: type, Target: relativeTarget(source, path) })}/>`;
    this.setText(existing ?? rp, applySplices(xml, [appendChildSplice(xml, root, el)]));
    return id;
  }

  removeRel(source: string, id: string): void {
    const rp = this.findPart(relsPathOf(source));
    if (!rp) return;
    const xml = this.getText(rp);
    const gone = this.xml(rp).children.filter((e) => e.local === "Relationship" && e.attrs.Id === id);
    this.setText(rp, applySplices(xml, gone.map((e) => ({ start: e.start, end: e.end, text: "" }))));
  }

  // ---- content types

  private contentTypes(): { overrides: Map<string, string>; defaults: Map<string, string>; root: XmlEl } {
    const root = this.xml("[Content_Types].xml");
    if (this.ctCache && this.ctCache.root === root) return this.ctCache;
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    for (const e of root.children) {
      if (e.local === "Override") overrides.set((e.attrs.PartName ?? "").toLowerCase(), e.attrs.ContentType ?? "");
      else if (e.local === "Default") defaults.set((e.attrs.Extension ?? "").toLowerCase(), e.attrs.ContentType ?? "");
    }
    this.ctCache = { overrides, defaults, root };
    return this.ctCache;
  }

  /** The part names the content types' Overrides list, as written (with their leading "/"). */
  overrideNames(): string[] {
    return this.xml("[Content_Types].xml")
      .children.filter((e) => e.local === "Override")
      .map((e) => e.attrs.PartName ?? "");
  }

  contentTypeOf(path: string): string | undefined {
    const ct = this.contentTypes();
    const override = ct.overrides.get("/" + path.toLowerCase());
    if (override !== undefined) return override;
    return ct.defaults.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase());
  }

  addOverride(path: string, contentType: string): void {
    const ct = "[Content_Types].xml";
    const xml = this.getText(ct);
    const root = this.xml(ct);
    const el = `<${root.prefix ? root.prefix + ":" : ""}Override${attrsXml({ PartName: "/" + path, ContentType: contentType })}/>`;
    this.setText(ct, applySplices(xml, [appendChildSplice(xml, root, el)]));
  }

  ensureDefault(ext: string, contentType: string): void {
    const ct = "[Content_Types].xml";
    if (this.contentTypes().defaults.has(ext.toLowerCase())) return;
    const xml = this.getText(ct);
    const root = this.xml(ct);
    const el = `<${root.prefix ? root.prefix + ":" : ""}Default${attrsXml({ Extension: ext, ContentType: contentType })}/>`;
    // Defaults go first, as Office writes them
    const splice = root.selfClosing ? appendChildSplice(xml, root, el) : { start: root.openEnd, end: root.openEnd, text: el };
    this.setText(ct, applySplices(xml, [splice]));
  }

  removeOverride(path: string): void {
    const ct = "[Content_Types].xml";
    const xml = this.getText(ct);
    const lower = "/" + path.toLowerCase();
    const gone = this.xml(ct).children.filter((e) => e.local === "Override" && (e.attrs.PartName ?? "").toLowerCase() === lower);
    if (gone.length) this.setText(ct, applySplices(xml, gone.map((e) => ({ start: e.start, end: e.end, text: "" }))));
  }

  /** A part name not yet in the package: `xl/comments` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    const lower = new Set(this.order.map((p) => p.toLowerCase()));
    for (const p of this.text.keys()) lower.add(p.toLowerCase());
    let n = 1;
    while (lower.has(`${prefix}${n}${suffix}`.toLowerCase())) n++;
    return `${prefix}${n}${suffix}`;
  }

  /** The workbook part, from the package's officeDocument relationship. */
  workbookPath(): string {
    const rel = this.rels("").find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
    if (!rel) throw new PackageError("no workbook part (officeDocument relationship)");
    const found = this.findPart(rel.path);
    if (!found) throw new PackageError(`the workbook part ${rel.path} is missing`);
    return found;
  }
}
