// `npm start`: builds the pages in development mode and serves them on http://localhost (no certificates needed), printing the URLs.
import { createRequire } from "node:module";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const require = createRequire(import.meta.url);
const configure = require("../webpack.config.js");
const config = await configure({}, { mode: "development" });
const port = Number(process.env.PORT || 3000);
const compiler = webpack(config);
const server = new WebpackDevServer({ ...config.devServer, port, server: "http", open: false }, compiler);
let announced = false;
compiler.hooks.done.tap("announce", (stats) => {
  if (stats.hasErrors()) {
    console.error("构建失败：\n" + stats.toString({ all: false, errors: true }));
    return;
  }
  if (announced) return;
  announced = true;
  console.log(`
提纲助手已启动（开发模式）：
  演示台（模拟文档 + 任务窗格）：http://localhost:${port}/harness.html
  任务窗格页面：                 http://localhost:${port}/taskpane.html
  审核台（成批检查、导出批注）： http://localhost:${port}/review.html
在 Word 中调试请运行 npm run start:word（Windows / macOS）。按 Ctrl+C 停止。
`);
});
await server.start();
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void server.stop().then(() => process.exit(0)));
