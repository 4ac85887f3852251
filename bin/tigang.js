#!/usr/bin/env node
// Entry of the `tigang` command: runs the CLI built into build/ (built by `npm install` via the prepare script).
const path = require("node:path");
const fs = require("node:fs");
const main = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error("tigang：尚未构建命令行程序，请先在项目目录运行 npm install 或 npm run build:cli。");
  process.exit(2);
}
// A reader that stops early (`tigang check … | head`) closes the pipe: stop quietly, as command-line tools do, instead
// of a stack trace about EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
// exitCode, not process.exit(): exiting at once would cut off output still queued for a pipe (`tigang check … | jq`).
require(main).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`tigang：内部错误：${err && err.message ? err.message : err}`);
    process.exitCode = 2;
  },
);
