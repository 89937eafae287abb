/**
 * A small static file server on a random localhost port, plain http (enough for the tests): one
 * folder at the root, other folders under a path prefix (office.js from node_modules under /office-js/).
 */
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** http://127.0.0.1:PORT, no trailing slash */
  url: string;
  close(): Promise<void>;
}

/** The npm copy of office.js (@microsoft/office-js) and the files it loads from beside itself. */
export const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
/** Where the test pages load it from (webpack.config.js, taskpane.local-office.html). */
export const OFFICE_JS_PATH = "/office-js/";

/** `mounts`: path prefix ("/office-js/") → folder served under it. */
export function serveStatic(root: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p));
    const base = path.resolve(prefix === undefined ? root : mounts[prefix]);
    const rest = prefix === undefined ? pathname : `/${pathname.slice(prefix.length)}`;
    const file = path.resolve(base, `.${rest === "/" && prefix === undefined ? "/preview.html" : rest}`);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
