/**
 * What every page sets up before anything else runs (imported first by each entry;
 * docs/excel-platform.md):
 * - Object.hasOwn, the one runtime API our code uses that Safari 14 (Mac Excel's engine floor)
 *   lacks (it came in Safari 15.4);
 * - zod without its `new Function` fast path: the task pane's Content-Security-Policy forbids
 *   eval, and zod's probe for it would log a CSP violation.
 */
import { config } from "zod";

if (typeof Object.hasOwn !== "function") {
  Object.defineProperty(Object, "hasOwn", {
    value: (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key),
    configurable: true,
    writable: true,
  });
}

config({ jitless: true });
