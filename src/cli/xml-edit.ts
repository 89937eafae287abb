/**
 * Small edits to one part's XML that leave the rest of it as written (docs/write-back.md): an
 * element put in schema order, an item appended to a list element, the relationships prefix.
 * Each parses the part strictly and splices at the offsets found; none passes text through
 * String.replace, so nothing in a value can change what is written around it.
 */
import { NS, OoxmlPackage } from "./ooxml-package";
import { PackageError } from "./package-error";
import { Splice, XmlEl, appendChildSplice, applySplices, descendantsNamed, parseTop, parseXml } from "./xml-parse";

/**
 * `el` inserted before the first child of the root that is one of `after` (the elements that
 * follow it in schema order), or as the root's last child when none of them is there.
 * (`_p` and `_root` name the prefix and root the caller expects; the parsed root is used.)
 */
export function insertInOrder(xml: string, _p: string, after: string[], el: string, _root: string): string {
  const root = parseTop(xml, "a part");
  const next = root.children.find((c) => after.includes(c.local));
  return applySplices(xml, [next ? { start: next.start, end: next.start, text: el } : appendChildSplice(xml, root, el)]);
}

/** `items` appended to the first list element `<name>` (a root child first, else anywhere); an empty list may be `<name/>`. */
export function appendToList(xml: string, _p: string, name: string, items: string): string {
  const root = parseXml(xml, "a part");
  const list = root.children.find((c) => c.local === name) ?? descendantsNamed(root, name)[0];
  if (!list) throw new PackageError(`a part has no <${name}> to add to`);
  return applySplices(xml, [appendChildSplice(xml, list, items)]);
}

/**
 * The prefix `root` declares for the relationships namespace, and, when it declares none, the
 * splice declaring one (`r`, or `r1`… when `r` is taken) to apply with the caller's other edits.
 */
export function relPrefixSplice(root: XmlEl): { prefix: string; splice: Splice | null } {
  for (const k of Object.keys(root.attrs)) if (k.startsWith("xmlns:") && root.attrs[k] === NS.rel) return { prefix: k.slice(6), splice: null };
  let prefix = "r";
  for (let n = 1; `xmlns:${prefix}` in root.attrs || root.prefix === prefix; n++) prefix = `r${n}`;
  const at = root.start + 1 + root.name.length;
  return { prefix, splice: { start: at, end: at, text: ` xmlns:${prefix}="${NS.rel}"` } };
}

/** The prefix the part's root declares for the relationships namespace (declares one when none). */
export function relPrefix(pkg: OoxmlPackage, part: string): string {
  const { prefix, splice } = relPrefixSplice(pkg.top(part));
  if (splice) pkg.setText(part, applySplices(pkg.getText(part), [splice]));
  return prefix;
}
