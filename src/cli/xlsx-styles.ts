/**
 * Adding cell formats to a workbook's styles part without touching the ones it has: a new
 * format starts from the cell's own (font, fill, border, number format, alignment, protection)
 * and changes only what the write plan sets. docs/write-back.md, "What is written".
 */
import { OoxmlPackage } from "./ooxml-package";
import { PackageError } from "./package-error";
import { BUILTIN_FORMATS, UNIVERSAL_FORMAT_IDS } from "./number-formats";
import { Splice, XmlEl, applySplices, attrsXml, childNamed, startTagXml } from "./xml-parse";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** solid fill "#RRGGBB" */
  fill?: string;
  numFmt?: string;
  /** thin border on four sides in this colour "#RRGGBB" */
  border?: string;
  horizontal?: string;
  wrapText?: boolean;
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

/** The sections of a styles part, in schema order. */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** One child of an item (a font's <b/>, an xf's <alignment>): its local name, its XML as written, its attributes. */
interface Piece {
  local: string;
  xml: string;
  attrs: Record<string, string>;
}

/** A font, fill, border or xf: its attributes and children. */
interface Item {
  attrs: Record<string, string>;
  pieces: Piece[];
}

interface Section {
  name: string;
  child: string;
  items: Item[];
  added: string[];
}

function itemOf(xml: string, el: XmlEl): Item {
  return { attrs: el.attrs, pieces: el.children.map((c) => ({ local: c.local, xml: xml.slice(c.start, c.end), attrs: c.attrs })) };
}

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The id made for `key` before, else a new one made and remembered. */
function memoized(memo: Map<string, number>, key: string, make: () => number): number {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const id = make();
  memo.set(key, id);
  return id;
}

export class StyleBook {
  private prefix: string;
  private sections = new Map<string, Section>();
  private customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private newFormats: string[] = [];
  private memo = new Map<string, number>();
  private fontMemo = new Map<string, number>();
  private fillMemo = new Map<string, number>();
  private borderMemo = new Map<string, number>();

  constructor(
    private pkg: OoxmlPackage,
    private path: string,
  ) {
    const xml = pkg.getText(path);
    const root = pkg.xml(path);
    this.prefix = root.prefix ? root.prefix + ":" : "";
    for (const [name, child] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"]]) {
      const el = childNamed(root, name);
      this.sections.set(name, { name, child, items: (el?.children ?? []).filter((c) => c.local === child).map((c) => itemOf(xml, c)), added: [] });
    }
    for (const e of childNamed(root, "numFmts")?.children ?? []) {
      if (e.local !== "numFmt") continue;
      const id = Number(e.attrs.numFmtId);
      if (!Number.isInteger(id)) continue;
      if (e.attrs.formatCode !== undefined && !this.customFormats.has(e.attrs.formatCode)) this.customFormats.set(e.attrs.formatCode, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  private section(name: string): Section {
    return this.sections.get(name) as Section;
  }

  private item(name: string, id: number): Item | undefined {
    const s = this.section(name);
    return s.items[id] ?? s.items[0];
  }

  private add(name: string, item: Item, el: string): number {
    const s = this.section(name);
    s.items.push(item);
    s.added.push(el);
    return s.items.length - 1;
  }

  private formatId(code: string): number {
    // only the ids every language shows alike are named by id; others are written out
    for (const id of UNIVERSAL_FORMAT_IDS) if (BUILTIN_FORMATS[id] === code) return id;
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.newFormats.push(`<${this.prefix}numFmt${attrsXml([["numFmtId", String(id)], ["formatCode", code]])}/>`);
    return id;
  }

  private font(baseId: number, spec: StyleSpec): number {
    const key = `${baseId}|${spec.bold}|${spec.italic}|${spec.fontSize}|${spec.fontColor}`;
    return memoized(this.fontMemo, key, () => this.newFont(baseId, spec));
  }

  private newFont(baseId: number, spec: StyleSpec): number {
    const p = this.prefix;
    const base = this.item("fonts", baseId);
    const parts = new Map<string, string>();
    for (const piece of base?.pieces ?? []) parts.set(piece.local, piece.xml);
    if (spec.bold !== undefined) {
      if (spec.bold) parts.set("b", `<${p}b/>`);
      else parts.delete("b");
    }
    if (spec.italic !== undefined) {
      if (spec.italic) parts.set("i", `<${p}i/>`);
      else parts.delete("i");
    }
    if (spec.fontSize !== undefined) parts.set("sz", `<${p}sz val="${spec.fontSize}"/>`);
    if (spec.fontColor !== undefined) parts.set("color", `<${p}color rgb="${argb(spec.fontColor)}"/>`);
    const pieces = FONT_ORDER.filter((k) => parts.has(k)).map((k) => ({ local: k, xml: parts.get(k) as string, attrs: {} }));
    return this.add("fonts", { attrs: {}, pieces }, `<${p}font>${pieces.map((x) => x.xml).join("")}</${p}font>`);
  }

  private fill(color: string): number {
    const p = this.prefix;
    return memoized(this.fillMemo, color, () =>
      this.add("fills", { attrs: {}, pieces: [] }, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`),
    );
  }

  private border(color: string): number {
    const p = this.prefix;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="${argb(color)}"/></${p}${s}>`;
    return memoized(this.borderMemo, color, () => this.add("borders", { attrs: {}, pieces: [] }, `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`));
  }

  /** The cellXfs index for `base` changed by `spec` (added once, reused after). */
  xf(base: number, spec: StyleSpec): number {
    const key = `${base}|${JSON.stringify(spec)}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const p = this.prefix;
    const baseItem = this.item("cellXfs", base) ?? { attrs: { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }, pieces: [] };
    const a: Record<string, string> = { ...baseItem.attrs };
    let pieces = [...baseItem.pieces];
    if (spec.bold !== undefined || spec.italic !== undefined || spec.fontSize !== undefined || spec.fontColor !== undefined) {
      a.fontId = String(this.font(Number(a.fontId ?? 0) || 0, spec));
      a.applyFont = "1";
    }
    if (spec.fill !== undefined) {
      a.fillId = String(this.fill(spec.fill));
      a.applyFill = "1";
    }
    if (spec.border !== undefined) {
      a.borderId = String(this.border(spec.border));
      a.applyBorder = "1";
    }
    if (spec.numFmt !== undefined) {
      a.numFmtId = String(this.formatId(spec.numFmt));
      a.applyNumberFormat = "1";
    }
    if (spec.horizontal !== undefined || spec.wrapText !== undefined) {
      const al = pieces.find((x) => x.local === "alignment");
      const alA: Record<string, string> = { ...(al?.attrs ?? {}) };
      if (spec.horizontal !== undefined) alA.horizontal = spec.horizontal;
      if (spec.wrapText !== undefined) alA.wrapText = spec.wrapText ? "1" : "0";
      const piece = { local: "alignment", xml: `<${p}alignment${attrsXml(alA)}/>`, attrs: alA };
      pieces = al ? pieces.map((x) => (x === al ? piece : x)) : [piece, ...pieces];
      a.applyAlignment = "1";
    }
    for (const k of ["numFmtId", "fontId", "fillId", "borderId", "xfId"]) if (a[k] === undefined) a[k] = "0";
    const inner = pieces.map((x) => x.xml).join("");
    const el = inner ? `<${p}xf${attrsXml(a)}>${inner}</${p}xf>` : `<${p}xf${attrsXml(a)}/>`;
    const id = this.add("cellXfs", { attrs: a, pieces }, el);
    this.memo.set(key, id);
    return id;
  }

  /** Write the additions into the styles part (nothing when nothing was added), spliced in at the sections' offsets. */
  flush(): void {
    const added = [...this.sections.values()].some((s) => s.added.length > 0) || this.newFormats.length > 0;
    if (!added) return;
    const p = this.prefix;
    const xml = this.pkg.getText(this.path);
    const root = this.pkg.xml(this.path);
    const splices: Splice[] = [];
    const missing = new Map<string, string>();
    const grow = (name: string, items: string[], count: number) => {
      const el = childNamed(root, name);
      if (!el) {
        missing.set(name, `<${p}${name} count="${count}">${items.join("")}</${p}${name}>`);
        return;
      }
      if (el.selfClosing) splices.push({ start: el.start, end: el.end, text: `${startTagXml(el, { count: String(count) })}${items.join("")}</${el.name}>` });
      else {
        splices.push({ start: el.start, end: el.openEnd, text: startTagXml(el, { count: String(count) }) });
        splices.push({ start: el.closeStart, end: el.closeStart, text: items.join("") });
      }
    };
    for (const s of this.sections.values()) {
      if (s.added.length) grow(s.name, s.added, s.items.length);
      s.added = [];
    }
    if (this.newFormats.length) {
      const el = childNamed(root, "numFmts");
      const count = (el?.children.filter((c) => c.local === "numFmt").length ?? 0) + this.newFormats.length;
      grow("numFmts", this.newFormats, count);
      this.newFormats = [];
    }
    // a section the part lacks goes in schema order
    for (const [name, text] of [...missing].sort((x, y) => STYLE_ORDER.indexOf(x[0]) - STYLE_ORDER.indexOf(y[0]))) {
      const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1);
      const next = root.children.find((c) => later.includes(c.local));
      if (!next && root.selfClosing) throw new PackageError(`${this.path} has no style sections`);
      const at = next ? next.start : root.closeStart;
      splices.push({ start: at, end: at, text });
    }
    this.pkg.setText(this.path, applySplices(xml, splices));
  }
}
