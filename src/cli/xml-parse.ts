/**
 * The one XML reader under the package layer: `saxes`, a strict, namespace-aware streaming parser,
 * turned into element spans with string offsets. Reading takes values from these elements (so an
 * XML comment, CDATA, either quote style, whitespace in an end tag, a prefix or an entity is read
 * as Excel reads it), and editing splices new text in at their offsets, so every byte it does not
 * touch stays as written (docs/write-back.md, "Reading" and "Files Excel opens").
 * A part that is not well-formed XML, or declares a DTD, is refused with the reason and its place.
 */
import { SaxesParser, SaxesTagNS } from "saxes";
import { PackageError } from "./package-error";

export interface XmlEl {
  /** qualified name as written (`x:row`) */
  name: string;
  prefix: string;
  local: string;
  /** namespace URI ("" for none) */
  uri: string;
  /** attributes by qualified name as written, values decoded (namespace declarations included) */
  attrs: Record<string, string>;
  /** offset of `<` of the start tag */
  start: number;
  /** offset just after the start tag's `>` */
  openEnd: number;
  /** offset of `</` of the end tag (= openEnd when self-closing) */
  closeStart: number;
  /** offset just after the end tag */
  end: number;
  selfClosing: boolean;
  parent: XmlEl | null;
  children: XmlEl[];
  /** the decoded text and CDATA directly inside this element, joined */
  text: string;
}

export interface ParseOptions {
  /** false: the element is not kept among its parent's children (stream a long list through onClose) */
  keep?: (el: XmlEl) => boolean;
  /** called when an element's end tag has been read, with its children (those kept) */
  onClose?: (el: XmlEl) => void;
}

/** The deepest nesting read (Office's parts stay far below it). */
const MAX_DEPTH = 256;

const UTF16LE = "utf-16le";
const UTF16BE = "utf-16be";

/**
 * A part's bytes as text: UTF-8 (with or without BOM), UTF-16 (BOM, or the declaration's bytes),
 * or the encoding its XML declaration names when the platform knows it; bytes that are not valid
 * in that encoding are refused, not replaced.
 */
export function decodeXmlBytes(bytes: Uint8Array, part: string): { text: string; encoding: string } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding = "utf-8";
  let skip = 0;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (b0 === 0xff && b1 === 0xfe) [encoding, skip] = [UTF16LE, 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, skip] = [UTF16BE, 2];
  else if (b0 === 0x3c && b1 === 0x00) encoding = UTF16LE;
  else if (b0 === 0x00 && b1 === 0x3c) encoding = UTF16BE;
  else {
    // an 8-bit encoding named in the declaration (`<?xml version="1.0" encoding="GB2312"?>`)
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 200)).toString("latin1");
    const decl = /^<\?xml\s[^?]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
    if (decl) encoding = decl[1].toLowerCase();
    if (encoding === "utf-16" || encoding === "unicode") encoding = "utf-8"; // declared UTF-16 but stored as 8-bit: read the bytes as they are
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new PackageError(`${part} is written in the encoding "${encoding}", which cannot be read here; save the file again in Excel or WPS`);
  }
  try {
    return { text: decoder.decode(bytes.subarray(skip)), encoding: decoder.encoding };
  } catch {
    throw new PackageError(`${part} holds bytes that are not valid ${decoder.encoding.toUpperCase()} text`);
  }
}

/** The text with its XML declaration saying UTF-8 (a part read as UTF-16 or GBK is written back as UTF-8). */
export function declareUtf8(xml: string): string {
  if (!xml.startsWith("<?xml")) return xml;
  const end = xml.indexOf("?>");
  if (end < 0) return xml;
  const decl = xml.slice(0, end);
  const m = /\bencoding\s*=\s*(["'])([^"']*)\1/.exec(decl);
  if (!m || /^utf-?8$/i.test(m[2])) return xml;
  return decl.slice(0, m.index) + 'encoding="UTF-8"' + decl.slice(m.index + m[0].length) + xml.slice(end);
}

function newEl(tag: SaxesTagNS, start: number, parent: XmlEl | null): XmlEl {
  const attrs: Record<string, string> = {};
  for (const k in tag.attributes) attrs[k] = tag.attributes[k].value;
  return { name: tag.name, prefix: tag.prefix, local: tag.local, uri: tag.uri, attrs, start, openEnd: start, closeStart: start, end: start, selfClosing: tag.isSelfClosing, parent, children: [], text: "" };
}

/**
 * Parse a part strictly; returns its root element with every kept element's offsets.
 * Throws PackageError naming the part, the line and the column when the XML is not well formed.
 */
export function parseXml(xml: string, part: string, options: ParseOptions = {}): XmlEl {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const { keep, onClose } = options;
  let root: XmlEl | null = null;
  let cur: XmlEl | null = null;
  parser.on("doctype", () => {
    throw new PackageError(`${part} declares a DTD (<!DOCTYPE>), which Excel does not allow in a package`);
  });
  let tagStart = 0;
  let depth = 0;
  parser.on("opentagstart", () => {
    // saxes resolves a prefix by walking the open elements: deep nesting (60,000 unclosed <row>)
    // would be quadratic, and no part Office writes comes near this depth
    if (++depth > MAX_DEPTH) throw new PackageError(`${part} nests elements more than ${MAX_DEPTH} deep: not a part Office writes`);
    // the position is just past the name and the character after it; the tag's `<` is before it
    tagStart = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag) => {
    const el = newEl(tag as SaxesTagNS, tagStart, cur);
    el.openEnd = parser.position;
    if (cur === null) root = el;
    else if (!keep || keep(el)) cur.children.push(el);
    cur = el;
  });
  parser.on("closetag", () => {
    depth--;
    const el = cur as XmlEl;
    el.end = parser.position;
    el.closeStart = el.selfClosing ? el.openEnd : xml.lastIndexOf("<", el.end - 1);
    cur = el.parent;
    if (onClose) onClose(el);
  });
  parser.on("text", (t) => {
    if (cur) cur.text += t;
  });
  parser.on("cdata", (t) => {
    if (cur) cur.text += t;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError(`${part} is not well-formed XML (line:column ${(e as Error).message.replace(/\.$/, "")})`);
  }
  if (!root) throw new PackageError(`${part} has no root element`);
  return root;
}

/**
 * The root and its children only (and the children of the root children named in `deeper`): for
 * edits near the top of a large part (a worksheet's <cols>, <dimension>, <legacyDrawing>), without
 * keeping every row and cell.
 */
export function parseTop(xml: string, part: string, deeper: string[] = []): XmlEl {
  return parseXml(xml, part, {
    keep: (el) => {
      const p = el.parent;
      if (p === null) return true;
      if (p.parent === null) return true;
      return p.parent.parent === null && deeper.includes(p.local);
    },
  });
}

/** The element's children with this local name. */
export function childrenNamed(el: XmlEl, local: string): XmlEl[] {
  return el.children.filter((c) => c.local === local);
}

export function childNamed(el: XmlEl, local: string): XmlEl | undefined {
  return el.children.find((c) => c.local === local);
}

/** Every element below `el` with this local name, in document order. */
export function descendantsNamed(el: XmlEl, local: string, out: XmlEl[] = []): XmlEl[] {
  for (const c of el.children) {
    if (c.local === local) out.push(c);
    descendantsNamed(c, local, out);
  }
  return out;
}

/** An attribute by its local name: unprefixed (`prefixed` false) or with any namespace prefix (`r:id`). */
export function attrByLocal(el: XmlEl, local: string, prefixed = false): string | undefined {
  for (const k in el.attrs) {
    const colon = k.indexOf(":");
    if (prefixed ? colon > 0 && k.slice(colon + 1) === local && !k.startsWith("xmlns") : k === local) return el.attrs[k];
  }
  return undefined;
}

/** An attribute value written between double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** Attributes written out (`␠name="value"` each), in the order given. */
export function attrsXml(attrs: Record<string, string> | [string, string][]): string {
  const list = Array.isArray(attrs) ? attrs : Object.entries(attrs);
  let out = "";
  for (const [k, v] of list) out += ` ${k}="${escapeAttr(v)}"`;
  return out;
}

/** The element's start tag written again from its parsed attributes: `set` changes or adds (at the end), `drop` removes. */
export function startTagXml(el: XmlEl, set: Record<string, string> = {}, drop: string[] = [], selfClose = false): string {
  const list: [string, string][] = [];
  for (const k in el.attrs) if (!drop.includes(k)) list.push([k, k in set ? set[k] : el.attrs[k]]);
  for (const k in set) if (!(k in el.attrs)) list.push([k, set[k]]);
  return `<${el.name}${attrsXml(list)}${selfClose ? "/>" : ">"}`;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The text with non-overlapping replacements applied (one pass; everything between them kept as is). */
export function applySplices(xml: string, splices: Splice[]): string {
  if (splices.length === 0) return xml;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new PackageError("internal: overlapping XML edits");
    out.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/**
 * `text` put as the last child of `el`: before its end tag, or, when it is self-closing, the
 * element opened and closed around it.
 */
export function appendChildSplice(xml: string, el: XmlEl, text: string): Splice {
  if (!el.selfClosing) return { start: el.closeStart, end: el.closeStart, text };
  const open = xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, ">");
  return { start: el.start, end: el.end, text: `${open}${text}</${el.name}>` };
}
