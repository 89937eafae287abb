/** No import cycle anywhere in src: every file can be read after the files it imports. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cycles, importGraph, specifiers } from "./import-graph";

const SRC = path.join(__dirname, "..", "..", "src");

test("src has no import cycle (type-only imports and dynamic import() included)", () => {
  const graph = importGraph(SRC);
  expect(graph.size).toBeGreaterThan(100);
  const found = cycles(graph).map((c) => c.map((f) => path.relative(SRC, f)));
  expect(found).toEqual([]);
});

describe("the cycle finder", () => {
  test("reads every kind of module reference", () => {
    const text = [
      'import a from "./a";',
      'import type { B } from "./b";',
      'export { c } from "./c";',
      'export * from "./d";',
      'const e = () => import("./e");',
      'const f = require("./f");',
      'import "./g";',
    ].join("\n");
    expect(specifiers("x.ts", text)).toEqual(["./a", "./b", "./c", "./d", "./e", "./f", "./g"]);
  });

  test.each([
    ["a → b → a", { "a.ts": 'import { b } from "./b";', "b.ts": 'import type { A } from "./a";' }, [["a.ts", "b.ts"]]],
    ["a → dir/index → a", { "a.ts": 'export * from "./dir";', "dir/index.ts": 'import "../a";' }, [["a.ts", "dir/index.ts"]]],
    ["a → a", { "a.ts": 'const self = () => import("./a");' }, [["a.ts"]]],
    ["a → b → c, no cycle", { "a.ts": 'import "./b";', "b.ts": 'import "./c";', "c.ts": "export {};" }, []],
  ])("%s", (_name, files, expected) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cycles-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      const found = cycles(importGraph(dir)).map((c) => c.map((f) => path.relative(dir, f).split(path.sep).join("/")));
      expect(found).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
