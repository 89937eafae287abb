// Builds the task pane (React) and the ribbon function file into dist/, beside the icons and manifest.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const devCerts = require("./scripts/dev-certs");

const DEV_URL = "https://localhost:3000/";
// office.js as Office requires it in production, and where the test builds serve the npm copy of it
// (@microsoft/office-js's dist/, served by the browser tests' server and the bench; docs/testing.md).
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "/office-js/office.js";
const TASKPANE_TEMPLATE = path.join(__dirname, "src", "taskpane", "taskpane.html");
// The syntax every emitted script keeps to: Safari 14 (Mac Excel's engine floor) and Chromium Edge
// (WebView2) parse ES2020; class fields, static blocks and the like are lowered, our code and the
// vendors' alike. test/build/es-version.test.ts parses every script at this level.
const ES_TARGET = "es2020";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

// HTTPS certificates for the dev server, first found of: JIXIAO_CERT_DIR; those made by
// `npx office-addin-dev-certs install` (trusted by Office on Windows and Mac); those `npm start`
// makes on other systems (scripts/dev-certs.js, ~/.jixiao/dev-certs). Without any the dev server
// falls back to http, which a browser can open but Office will not sideload.
function devServerProtocol() {
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const dirs = process.env.JIXIAO_CERT_DIR
    ? [path.resolve(process.env.JIXIAO_CERT_DIR)]
    : [path.join(os.homedir(), ".office-addin-dev-certs"), devCerts.DEFAULT_DIR];
  const dir = dirs.find((d) => Object.values(files).every((name) => fs.existsSync(path.join(d, name))));
  if (!dir) {
    if (process.env.JIXIAO_CERT_DIR) console.warn(`JIXIAO_CERT_DIR=${dirs[0]} has no ${Object.values(files).join(", ")}; serving http`);
    return { type: "http" };
  }
  const options = {};
  for (const [option, name] of Object.entries(files)) options[option] = fs.readFileSync(path.join(dir, name));
  return { type: "https", options };
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  // Set JIXIAO_URL (e.g. https://example.org/jixiao/) to publish a manifest that points at a real host.
  const publicUrl = process.env.JIXIAO_URL;
  // JIXIAO_TEST_PAGES=1 (the browser tests' build) adds taskpane.local-office.html: the same page
  // loading office.js from OFFICE_JS_LOCAL instead of the CDN. Production builds never have it.
  const testPages = process.env.JIXIAO_TEST_PAGES === "1";

  return {
    context: __dirname,
    target: ["web", ES_TARGET],
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // the task pane beside an in-memory workbook, for a browser without Excel (npm start on Linux)
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          // our TypeScript: types are checked by tsc (npm test), esbuild only strips and lowers
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: ES_TARGET, tsconfig: path.resolve(__dirname, "tsconfig.json") },
        },
        {
          // the vendors' modules ship newer syntax (class fields, static blocks, ??=): lowered too
          test: /\.m?js$/,
          include: /node_modules/,
          loader: "esbuild-loader",
          options: { loader: "js", target: ES_TARGET },
        },
        {
          // docx (the report's .docx, loaded on demand): its one regex lookbehind taken out
          test: /\.m?js$/,
          include: /node_modules[\\/]docx[\\/]/,
          enforce: "pre",
          loader: path.resolve(__dirname, "scripts", "docx-no-lookbehind-loader.js"),
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: TASKPANE_TEMPLATE,
        chunks: ["taskpane"],
      }),
      ...(testPages
        ? [
            new HtmlWebpackPlugin({
              filename: "taskpane.local-office.html",
              templateContent: () => {
                const page = fs.readFileSync(TASKPANE_TEMPLATE, "utf8");
                if (!page.includes(OFFICE_JS_CDN)) throw new Error(`taskpane.html no longer loads ${OFFICE_JS_CDN}`);
                return page.split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL);
              },
              chunks: ["taskpane"],
            }),
          ]
        : []),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // ES5, loaded before the bundle: tells users of IE11 / Edge Legacy hosts what to do
          { from: "src/taskpane/engine-check.js", to: "engine-check.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production && publicUrl ? content.toString().split(DEV_URL).join(publicUrl) : content,
          },
        ],
      }),
    ],
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 500 * 1024,
      maxAssetSize: 500 * 1024,
      // the 500 KB budget (docs/rules.md §10) is the task pane's; the preview page is a development tool
      assetFilter: (name) => !name.endsWith(".map") && !name.startsWith("preview"),
    },
    devServer: {
      // development only: listen on this machine, not on the network
      host: "localhost",
      port: PORT,
      server: devServerProtocol(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};
