import fs from "node:fs";
import path from "node:path";
const { checkManifest, manifestFor } = require("../scripts/manifest.cjs");

const xml = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");

describe("offline manifest check", () => {
  test("the project's manifest passes", () => {
    expect(checkManifest(xml)).toEqual([]);
  });
  test.each([
    ["more permissions than needed", (s: string) => s.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /Permissions/],
    ["a lower requirement set", (s: string) => s.replace('MinVersion="1.3"/>', 'MinVersion="1.1"/>'), /WordApi 1.3/],
    ["malformed XML", (s: string) => s.replace("</Hosts>", ""), /XML/],
    ["no Chinese display name", (s: string) => s.replace('DefaultValue="提纲助手">', 'DefaultValue="Tigang">'), /DisplayName/],
    ["a missing 80px icon", (s: string) => s.replace(/<bt:Image id="Icon\.80x80"[^>]*\/>/, ""), /80px/],
    ["a task pane URL without ?in=office", (s: string) => s.split("taskpane.html?in=office").join("taskpane.html"), /in=office/],
    ["an AppDomain with a path", (s: string) => s.replace("<Hosts>", "<AppDomains><AppDomain>https://other.example/tigang</AppDomain></AppDomains><Hosts>"), /AppDomain.*路径/],
    ["an AppDomain with a trailing slash", (s: string) => s.replace("<Hosts>", "<AppDomains><AppDomain>https://other.example/</AppDomain></AppDomains><Hosts>"), /AppDomain.*路径/],
    ["an AppDomain repeating the add-in's own domain", (s: string) => s.replace("<Hosts>", "<AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains><Hosts>"), /AppDomain.*重复/],
    ["a URL off the deployment", (s: string) => s.replace("https://localhost:3000/taskpane.html?in=office", "https://example.com/taskpane.html?in=office"), /部署地址/],
  ])("reports %s", (_name, mutate, problem) => {
    expect(checkManifest(mutate(xml)).join("\n")).toMatch(problem);
  });
  test("every URL follows ADDIN_URL", () => {
    const out = manifestFor("https://intranet.example/tigang/", xml);
    expect(out).not.toContain("localhost");
    expect(out).toContain("https://intranet.example/tigang/taskpane.html?in=office");
    expect(checkManifest(out, { baseUrl: "https://intranet.example/tigang" })).toEqual([]);
  });
  test("an AppDomain on another origin is accepted", () => {
    expect(checkManifest(xml.replace("<Hosts>", "<AppDomains><AppDomain>https://login.example.com</AppDomain></AppDomains><Hosts>"))).toEqual([]);
  });
  test("a deployment under a path keeps every AppDomain free of it", () => {
    const out = manifestFor("https://intranet.example/tigang", xml);
    expect(out).not.toMatch(/<AppDomain>[^<]*\/tigang/);
    expect(checkManifest(out, { baseUrl: "https://intranet.example/tigang" })).toEqual([]);
  });
  test("a missing built file is reported", () => {
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "tigang-dist-"));
    expect(checkManifest(xml, { distDir: dir }).join("\n")).toMatch(/taskpane\.html/);
  });
});
