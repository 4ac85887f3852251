// Lets node scripts require() TypeScript from src/ by transpiling in memory with swc (no build step, nothing written).
import Module from "node:module";
import fs from "node:fs";
import { transformSync } from "@swc/core";

export function registerTs() {
  if (Module._extensions[".ts"]) return;
  Module._extensions[".ts"] = function (module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
      filename,
      jsc: { parser: { syntax: "typescript" }, target: "es2022" },
      module: { type: "commonjs" },
      sourceMaps: false,
    });
    module._compile(code, filename);
  };
}
