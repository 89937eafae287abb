/**
 * Adding cell formats to a workbook's styles part without touching the ones it has: a new
 * format starts from the cell's own (font, fill, border, number format, alignment, protection)
 * and changes only what the write plan sets. docs/write-back.md, "What is written".
 */
import { OoxmlPackage, attrs, escapeXml, rootPrefix } from "./ooxml-package";
import { BUILTIN_FORMATS } from "./xlsx-read";

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

interface Section {
  name: string;
  child: string;
  items: string[];
  added: string[];
}

/** Children of a section (`<fonts>`): each element, self-closing or not. */
function children(body: string, prefix: string, child: string): string[] {
  const re = new RegExp(`<${prefix}${child}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${prefix}${child}>)`, "g");
  return body.match(re) ?? [];
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
    this.prefix = rootPrefix(xml);
    for (const [name, child] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"]]) {
      const m = new RegExp(`<${this.prefix}${name}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${this.prefix}${name}>)`).exec(xml);
      this.sections.set(name, { name, child, items: m && m[1] ? children(m[1], this.prefix, child) : [], added: [] });
    }
    const re = new RegExp(`<${this.prefix}numFmt\\b([^>]*?)\\/?>`, "g");
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) {
      const a = attrs(m[1]);
      const id = Number(a.numFmtId);
      if (a.formatCode !== undefined && !this.customFormats.has(a.formatCode)) this.customFormats.set(a.formatCode, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  private section(name: string): Section {
    return this.sections.get(name) as Section;
  }

  private all(name: string): string[] {
    const s = this.section(name);
    return [...s.items, ...s.added];
  }

  private add(name: string, el: string): number {
    const s = this.section(name);
    s.added.push(el);
    return s.items.length + s.added.length - 1;
  }

  private formatId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code) return Number(id);
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.newFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(baseId: number, spec: StyleSpec): number {
    const key = `${baseId}|${spec.bold}|${spec.italic}|${spec.fontSize}|${spec.fontColor}`;
    return memoized(this.fontMemo, key, () => this.newFont(baseId, spec));
  }

  private newFont(baseId: number, spec: StyleSpec): number {
    const p = this.prefix;
    const base = this.all("fonts")[baseId] ?? this.all("fonts")[0] ?? "";
    const parts = new Map<string, string>();
    const re = new RegExp(`<${p}(\\w+)\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}\\1>)`, "g");
    const inner = base.replace(new RegExp(`^<${p}font\\b[^>]*>`), "").replace(new RegExp(`<\\/${p}font>$`), "");
    let m: RegExpExecArray | null;
    while ((m = re.exec(inner))) parts.set(m[1], m[0]);
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
    return this.add("fonts", `<${p}font>${FONT_ORDER.map((k) => parts.get(k) ?? "").join("")}</${p}font>`);
  }

  private fill(color: string): number {
    const p = this.prefix;
    return memoized(this.fillMemo, color, () => this.add("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`));
  }

  private border(color: string): number {
    const p = this.prefix;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="${argb(color)}"/></${p}${s}>`;
    return memoized(this.borderMemo, color, () => this.add("borders", `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`));
  }

  /** The cellXfs index for `base` changed by `spec` (added once, reused after). */
  xf(base: number, spec: StyleSpec): number {
    const key = `${base}|${JSON.stringify(spec)}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const p = this.prefix;
    const xfs = this.all("cellXfs");
    const baseEl = xfs[base] ?? xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const start = /^<[^>]*?(\/?)>/.exec(baseEl) as RegExpExecArray;
    const a = attrs(start[0].replace(/^<[\w.:-]+/, ""));
    let inner = start[1] === "/" ? "" : baseEl.slice(start[0].length).replace(new RegExp(`<\\/${p}xf>$`), "");
    if (spec.bold !== undefined || spec.italic !== undefined || spec.fontSize !== undefined || spec.fontColor !== undefined) {
      a.fontId = String(this.font(Number(a.fontId ?? 0), spec));
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
      const al = new RegExp(`<${p}alignment\\b([^>]*?)\\/?>`).exec(inner);
      const alA = al ? attrs(al[1]) : {};
      if (spec.horizontal !== undefined) alA.horizontal = spec.horizontal;
      if (spec.wrapText !== undefined) alA.wrapText = spec.wrapText ? "1" : "0";
      const el = `<${p}alignment ${Object.entries(alA).map(([k, v]) => `${k}="${escapeXml(v)}"`).join(" ")}/>`;
      inner = al ? inner.replace(al[0], el) : el + inner;
      a.applyAlignment = "1";
    }
    if (a.numFmtId === undefined) a.numFmtId = "0";
    if (a.fontId === undefined) a.fontId = "0";
    if (a.fillId === undefined) a.fillId = "0";
    if (a.borderId === undefined) a.borderId = "0";
    if (a.xfId === undefined) a.xfId = "0";
    const attrText = Object.entries(a).map(([k, v]) => `${k}="${escapeXml(v)}"`).join(" ");
    const el = inner ? `<${p}xf ${attrText}>${inner}</${p}xf>` : `<${p}xf ${attrText}/>`;
    const id = this.add("cellXfs", el);
    this.memo.set(key, id);
    return id;
  }

  /** Write the additions into the styles part (nothing when nothing was added). */
  flush(): void {
    const added = [...this.sections.values()].some((s) => s.added.length > 0) || this.newFormats.length > 0;
    if (!added) return;
    const p = this.prefix;
    let xml = this.pkg.getText(this.path);
    for (const s of this.sections.values()) {
      if (s.added.length === 0) continue;
      const count = s.items.length + s.added.length;
      const re = new RegExp(`<${p}${s.name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}${s.name}>)`);
      xml = xml.replace(re, (_w, at: string, body: string | undefined) => {
        const rest = at.replace(/\s*\bcount\s*=\s*("[^"]*"|'[^']*')/, "");
        return `<${p}${s.name}${rest} count="${count}">${body ?? ""}${s.added.join("")}</${p}${s.name}>`;
      });
      for (const item of s.added) s.items.push(item);
      s.added = [];
    }
    if (this.newFormats.length) {
      const re = new RegExp(`<${p}numFmts\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}numFmts>)`);
      const m = re.exec(xml);
      if (m) {
        const body = m[2] ?? "";
        const count = (body.match(new RegExp(`<${p}numFmt\\b`, "g")) ?? []).length + this.newFormats.length;
        const rest = m[1].replace(/\s*\bcount\s*=\s*("[^"]*"|'[^']*')/, "");
        xml = xml.replace(m[0], `<${p}numFmts${rest} count="${count}">${body}${this.newFormats.join("")}</${p}numFmts>`);
      } else {
        xml = xml.replace(new RegExp(`(<${p}styleSheet\\b[^>]*>)`), `$1<${p}numFmts count="${this.newFormats.length}">${this.newFormats.join("")}</${p}numFmts>`);
      }
      this.newFormats = [];
    }
    this.pkg.setText(this.path, xml);
  }
}
