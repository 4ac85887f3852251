// The manifest's URLs: written for https://localhost:3000 in manifest.xml, rewritten for a deployment from ADDIN_URL.
const fs = require("node:fs");
const path = require("node:path");

const DEV_URL = "https://localhost:3000";

function manifestFor(baseUrl, xml = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8")) {
  return xml.split(DEV_URL).join(String(baseUrl).replace(/\/+$/, ""));
}

/** Check a manifest offline: well-formed XML, the required elements, and every URL pointing at a file of `distDir` (when given). */
function checkManifest(xml, { baseUrl = DEV_URL, distDir } = {}) {
  const { XMLParser, XMLValidator } = require("fast-xml-parser");
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`XML 格式错误：${valid.err.msg}（第 ${valid.err.line} 行）`];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: false }).parse(xml);
  const app = doc.OfficeApp;
  if (!app) return ["缺少根元素 OfficeApp"];
  const need = (cond, msg) => cond || problems.push(msg);
  need(app["@xsi:type"] === "TaskPaneApp", "OfficeApp 的 xsi:type 须为 TaskPaneApp");
  need(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(app.Id ?? ""), "Id 须为 GUID");
  need(/^\d+\.\d+\.\d+\.\d+$/.test(app.Version ?? ""), "Version 须为 a.b.c.d");
  need(!!app.ProviderName, "缺少 ProviderName");
  need(app.DefaultLocale === "zh-CN", "DefaultLocale 须为 zh-CN");
  need(app.DisplayName?.["@DefaultValue"] === "提纲助手", "DisplayName 须为 提纲助手");
  need(app.DisplayName?.Override?.["@Locale"] === "en-US", "DisplayName 缺少 en-US 覆盖");
  need(!!app.Description?.["@DefaultValue"], "缺少 Description");
  need(!!app.IconUrl?.["@DefaultValue"] && !!app.HighResolutionIconUrl?.["@DefaultValue"], "缺少 IconUrl / HighResolutionIconUrl");
  need(!!app.SupportUrl?.["@DefaultValue"], "缺少 SupportUrl");
  need(app.Hosts?.Host?.["@Name"] === "Document", "Hosts/Host 须为 Document（Word）");
  const set = app.Requirements?.Sets?.Set;
  need(set?.["@Name"] === "WordApi" && set?.["@MinVersion"] === "1.3", "最低要求集须为 WordApi 1.3");
  need(app.Permissions === "ReadWriteDocument", "Permissions 须为 ReadWriteDocument");
  const source = app.DefaultSettings?.SourceLocation?.["@DefaultValue"];
  need(!!source, "缺少 DefaultSettings/SourceLocation");
  // The pane knows Office opened it from this parameter, even when office.js fails to load (src/host/index.ts).
  need(/\?(.*&)?in=office(&|$)/.test(source ?? ""), "SourceLocation 须带 ?in=office（窗格据此判断自己在 Office 中）");
  const vo = app.VersionOverrides;
  const host = vo?.Hosts?.Host;
  need(host?.["@xsi:type"] === "Document", "VersionOverrides 缺少 Document 宿主");
  const tab = host?.DesktopFormFactor?.ExtensionPoint?.OfficeTab;
  need(tab?.["@id"] === "TabHome", "功能区按钮须在“开始”选项卡（TabHome）");
  const control = tab?.Group?.Control;
  need(control?.["@xsi:type"] === "Button" && control?.Action?.["@xsi:type"] === "ShowTaskpane", "功能区须有打开任务窗格的按钮");
  const images = [].concat(vo?.Resources?.["bt:Images"]?.["bt:Image"] ?? []);
  for (const size of ["16", "32", "80"]) need(images.some((i) => i["@id"] === `Icon.${size}x${size}`), `缺少 ${size}px 图标资源`);
  // AppDomain: an origin only, and never the add-in's own. Microsoft's AppDomain reference
  // (learn.microsoft.com/javascript/api/manifest/appdomain): listing the SourceLocation's domain "has no effect and may be
  // misleading"; "don't include any segments of the URL past the domain"; "don't put a closing slash".
  // ADDIN_URL=https://host/path used to put a path there.
  for (const m of xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) {
    const d = m[1].trim();
    let origin = null;
    try {
      const u = new URL(d);
      if (u.pathname === "/" && !d.endsWith("/") && !u.search && !u.hash) origin = u.origin;
    } catch {
      origin = null;
    }
    if (!origin) problems.push(`AppDomain 只能是协议加域名，不能带路径：${d}`);
    else if (source && origin === new URL(source).origin) problems.push(`AppDomain 与加载项自身的域名重复（无作用）：${d}`);
  }
  // Every URL in the manifest: under the deployment URL, and (after a build) a file that exists.
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  for (const u of urls) {
    if (!u.startsWith(baseUrl.replace(/\/+$/, ""))) {
      problems.push(`地址不在部署地址下：${u}`);
      continue;
    }
    if (/\/taskpane\.html/.test(u) && !/[?&]in=office(&|$)/.test(u)) problems.push(`任务窗格地址须带 ?in=office：${u}`);
    const rel = u.slice(baseUrl.replace(/\/+$/, "").length).replace(/^\//, "").replace(/[?#].*$/, "");
    if (distDir && rel && !fs.existsSync(path.join(distDir, rel))) problems.push(`地址指向的文件构建中不存在：${u}`);
    if (distDir && /\.png$/.test(rel) && fs.existsSync(path.join(distDir, rel))) {
      const png = fs.readFileSync(path.join(distDir, rel));
      const w = png.readUInt32BE(16);
      const h = png.readUInt32BE(20);
      const m = /icon-(\d+)\.png$/.exec(rel);
      if (m && (w !== Number(m[1]) || h !== Number(m[1]))) problems.push(`图标尺寸不符：${rel} 为 ${w}×${h}`);
    }
  }
  return problems;
}

module.exports = { DEV_URL, manifestFor, checkManifest };
