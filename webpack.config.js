// Webpack: the task pane and harness pages, icons, the sample document and the manifest (URLs from ADDIN_URL).
const path = require("node:path");
const fs = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const { DEV_URL, manifestFor } = require("./scripts/manifest.cjs");

class EmitStaticPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmitStatic", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitStatic", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { RawSource } = compiler.webpack.sources;
        compilation.emitAsset("manifest.xml", new RawSource(manifestFor(this.baseUrl)));
        for (const f of fs.readdirSync(path.join(__dirname, "assets"))) {
          compilation.emitAsset(`assets/${f}`, new RawSource(fs.readFileSync(path.join(__dirname, "assets", f))));
        }
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const baseUrl = process.env.ADDIN_URL || DEV_URL;
  if (!/^https:\/\//.test(baseUrl) && !/^http:\/\/localhost/.test(baseUrl)) {
    throw new Error(`ADDIN_URL 必须是 https 地址（Office 只加载 https 页面）：${baseUrl}`);
  }
  let server = undefined;
  if (env.https) {
    const devCerts = require("office-addin-dev-certs");
    server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx", harness: "./src/harness/index.tsx" },
    output: { path: path.join(__dirname, "dist"), filename: "[name].[contenthash:8].js", chunkFilename: "[name].[contenthash:8].js", clean: true, publicPath: "" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "swc-loader", options: { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2020" } } },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "harness.html", template: "./src/harness/harness.html", chunks: ["harness"] }),
      new EmitStaticPlugin(baseUrl),
    ],
    optimization: { splitChunks: false },
    performance: { hints: false },
    devServer: {
      port: Number(process.env.PORT || 3000),
      host: "localhost",
      server,
      hot: false,
      liveReload: true,
      static: false,
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      client: { overlay: { errors: true, warnings: false }, webSocketURL: "auto://0.0.0.0:0/ws" },
    },
  };
};
