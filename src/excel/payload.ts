/**
 * Request size: Excel on the web rejects a request or response over 5 MB (docs/rules.md §11), so
 * writes are packed into syncs by their estimated size, measured in UTF-8 bytes of JSON.
 */

/** The limit Excel on the web enforces, taken as 5,000,000 bytes to stay on the safe side. */
export const PAYLOAD_LIMIT = 5_000_000;
/** What the adapter packs into one sync; the margin covers the host's own framing. */
export const SYNC_BUDGET = 4_000_000;

/** UTF-8 length of a string, without allocating (works in browsers and Node alike). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
