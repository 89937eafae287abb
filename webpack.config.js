// Builds the task pane (React) and the ribbon function file into dist/, beside the icons and manifest.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

// Certificates made by `npx office-addin-dev-certs install`; without them the dev server falls
// back to http, which a browser can open but Office will not sideload.
function devServerProtocol() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const found = Object.values(files).every((name) => fs.existsSync(path.join(dir, name)));
  if (!found) return { type: "http" };
  const options = {};
  for (const [option, name] of Object.entries(files)) options[option] = fs.readFileSync(path.join(dir, name));
  return { type: "https", options };
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  // Set JIXIAO_URL (e.g. https://example.org/jixiao/) to publish a manifest that points at a real host.
  const publicUrl = process.env.JIXIAO_URL;

  return {
    context: __dirname,
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
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
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig targets commonjs for jest and the CLI; ES modules here let webpack tree-shake Fluent UI.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
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
    },
    devServer: {
      port: PORT,
      server: devServerProtocol(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};
