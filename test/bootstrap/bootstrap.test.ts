import fs from "node:fs";
import path from "node:path";
import { parse } from "acorn";

const source = fs.readFileSync(path.join(__dirname, "../../src/bootstrap/bootstrap.js"), "utf8");

describe("task pane bootstrap", () => {
  test("parses as ES5, so Internet Explorer 11 and EdgeHTML can run it and show their message", () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });
  test.each([
    ["let", "let a = 1;"],
    ["an arrow function", "var f = () => 1;"],
    ["a template string", "var s = `x`;"],
    ["optional chaining", "var a = b?.c;"],
  ])("the ES5 check rejects %s (it can fail)", (_name, code) => {
    expect(() => parse(source + "\n" + code, { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });
  test("names the requirement set the manifest declares", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    const min = /<Set Name="WordApi" MinVersion="([\d.]+)"/.exec(manifest)?.[1];
    expect(source).toContain(`{ name: "WordApi", version: "${min}" }`);
  });
});
