/**
 * Small edits to one part's XML text that leave the rest of it as written (docs/write-back.md):
 * an element put in schema order, an item appended to a list element, the relationships prefix.
 */
import { NS, OoxmlPackage, firstTag } from "./ooxml-package";

/**
 * `el` inserted before the first of `after` (the elements that follow it in schema order), or
 * as the last child of the root element `root` when none of them is there.
 */
export function insertInOrder(xml: string, p: string, after: string[], el: string, root: string): string {
  const at = firstTag(xml, p, after);
  return at >= 0 ? xml.slice(0, at) + el + xml.slice(at) : xml.replace(new RegExp(`<\\/${p}${root}>\\s*$`), `${el}</${p}${root}>`);
}

/** `items` appended to the list element `<p:name>`, which an empty list may write as `<p:name/>`. */
export function appendToList(xml: string, p: string, name: string, items: string): string {
  const empty = new RegExp(`<${p}${name}\\s*\\/>`);
  return empty.test(xml) ? xml.replace(empty, `<${p}${name}>${items}</${p}${name}>`) : xml.replace(`</${p}${name}>`, `${items}</${p}${name}>`);
}

/** The prefix the part's root declares for the relationships namespace (declares `r` when none). */
export function relPrefix(pkg: OoxmlPackage, part: string): string {
  const xml = pkg.getText(part);
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*"${NS.rel.replace(/[.]/g, "\\.")}"`).exec(xml);
  if (m) return m[1];
  const next = xml.replace(/<([\w.:-]+)(\s|>|\/>)/, (w, name: string, after: string) => (name.startsWith("?") || name.startsWith("!") ? w : `<${name} xmlns:r="${NS.rel}"${after}`));
  pkg.setText(part, next);
  return "r";
}
