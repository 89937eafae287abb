/**
 * VML drawing parts (the boxes of cell notes, legacy form controls). Excel allocates VML shape
 * ids workbook-wide in blocks of 1024: each VML part declares its blocks in
 * `<o:idmap data="1,2"/>` and its shapes are numbered `_x0000_s` + (block × 1024 + n). Two parts
 * declaring one block, or one shape id used twice, make Excel ask to repair the file (the cause
 * of exceljs's data="1" / _x0000_s1025 in every part). docs/write-back.md, "Files Excel opens".
 */
import { OoxmlPackage, attrs, startTags } from "./ooxml-package";

export const SHAPE_BLOCK = 1024;

export function vmlBlocks(xml: string): number[] {
  const out: number[] = [];
  for (const a of startTags(xml, "idmap")) {
    for (const s of (a.data ?? "").split(/[\s,]+/)) if (/^\d+$/.test(s)) out.push(Number(s));
  }
  return out;
}

const SHAPE_RE = /<(?:[\w.-]+:)?(shape|rect|oval|line|polyline|roundrect|arc|curve|image|group)\b([^>]*?)(\/?)>/g;

/** Numeric ids of the part's shapes (`id="_x0000_s1025"` → 1025), in document order. */
export function vmlShapeIds(xml: string): number[] {
  const out: number[] = [];
  SHAPE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHAPE_RE.exec(xml))) {
    const a = attrs(m[2]);
    const id = a["o:spid"] ?? a.id ?? "";
    const n = /^_x0000_s(\d+)$/.exec(id);
    if (n) out.push(Number(n[1]));
  }
  return out;
}

/**
 * Every VML part of the package, in part order, with the sheet that owns it (legacy drawing).
 * Part names are looked up in one map (compared without case, as OPC does), so this is linear in
 * the number of parts: a package of 65,000 parts took minutes with a search per part.
 */
export function vmlParts(pkg: OoxmlPackage): { path: string; owners: string[] }[] {
  const names = pkg.partNames();
  const byLower = new Map<string, string>();
  for (const p of names) if (!byLower.has(p.toLowerCase())) byLower.set(p.toLowerCase(), p);
  const find = (p: string) => (pkg.has(p) ? p : byLower.get(p.toLowerCase()));
  const owners = new Map<string, string[]>();
  for (const p of names) {
    if (!p.endsWith(".xml") || p.indexOf("/_rels/") >= 0) continue;
    if (!find(p.replace(/([^/]*)$/, "_rels/$1.rels"))) continue;
    for (const r of pkg.rels(p)) {
      if (!r.external && r.type.endsWith("/vmlDrawing")) {
        const found = find(r.path);
        if (!found) continue;
        const list = owners.get(found);
        if (list) list.push(p);
        else owners.set(found, [p]);
      }
    }
  }
  const paths = names.filter((p) => owners.has(p) || /\.vml$/i.test(p));
  return paths.map((path) => ({ path, owners: owners.get(path) ?? [] }));
}

/** Lowest block number ≥ `from` (default 1) not in `used`. */
export function freeBlock(used: Set<number>, from = 1): number {
  let b = from;
  while (used.has(b)) b++;
  return b;
}

/**
 * Give every VML part blocks of its own and every shape an id inside its part's blocks,
 * unique in the workbook. A part already right is left byte for byte; a part that clashes is
 * renumbered, and `shapeId` references to its shapes in the owning sheet (form controls,
 * OLE objects) follow. Returns the parts it rewrote.
 */
export function normalizeVml(pkg: OoxmlPackage): string[] {
  const parts = vmlParts(pkg);
  const used = new Set<number>();
  const rewritten: string[] = [];
  // blocks are only ever added to `used`: the search for a free one goes on from the last found
  let lowestFree = 1;
  for (const { path, owners } of parts) {
    const xml = pkg.getText(path);
    const blocks = vmlBlocks(xml);
    const ids = vmlShapeIds(xml);
    const own = new Set(blocks);
    const fine =
      blocks.length > 0 &&
      blocks.every((b) => !used.has(b)) &&
      new Set(ids).size === ids.length &&
      ids.every((id) => own.has(Math.floor(id / SHAPE_BLOCK)) && id % SHAPE_BLOCK !== 0);
    if (fine) {
      for (const b of blocks) used.add(b);
      continue;
    }
    const need = Math.max(1, Math.ceil(ids.length / (SHAPE_BLOCK - 1)));
    const fresh: number[] = [];
    for (let i = 0; i < need; i++) {
      const b = freeBlock(used, lowestFree);
      lowestFree = b + 1;
      used.add(b);
      fresh.push(b);
    }
    const map = new Map<number, number>();
    let k = 0;
    const nextId = () => {
      const block = fresh[Math.floor(k / (SHAPE_BLOCK - 1))];
      const id = block * SHAPE_BLOCK + (k % (SHAPE_BLOCK - 1)) + 1;
      k++;
      return id;
    };
    SHAPE_RE.lastIndex = 0;
    let next = xml.replace(SHAPE_RE, (whole, _name: string, attrText: string) => {
      const a = attrs(attrText);
      const old = a["o:spid"] ?? a.id ?? "";
      const n = /^_x0000_s(\d+)$/.exec(old);
      if (!n) return whole;
      const id = nextId();
      if (!map.has(Number(n[1]))) map.set(Number(n[1]), id);
      return whole.replace(/(\b(?:o:spid|id)\s*=\s*")_x0000_s\d+(")/g, `$1_x0000_s${id}$2`);
    });
    const data = fresh.join(",");
    if (/<(?:[\w.-]+:)?idmap\b/.test(next)) {
      let first = true;
      next = next.replace(/<((?:[\w.-]+:)?)idmap\b([^>]*?)(\/?)>/g, (whole, p: string, a: string, close: string) => {
        if (!first) return "";
        first = false;
        const rest = a.replace(/\s*\bdata\s*=\s*("[^"]*"|'[^']*')/, "");
        return `<${p}idmap${rest} data="${data}"${close}>`;
      });
    } else {
      next = next.replace(/(<xml\b[^>]*>)/, `$1<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>`);
    }
    pkg.setText(path, next);
    rewritten.push(path);
    for (const sheet of owners) {
      const sx = pkg.getText(sheet);
      const moved = sx.replace(/(\bshapeId\s*=\s*")(\d+)(")/g, (whole, a: string, id: string, b: string) => (map.has(Number(id)) ? `${a}${map.get(Number(id))}${b}` : whole));
      if (moved !== sx) pkg.setText(sheet, moved);
    }
  }
  return rewritten;
}
