// The task pane's first script, in ES5 only (no let/const, arrows, classes or template strings) so that it parses in
// Internet Explorer 11 (Trident) and old Microsoft Edge (EdgeHTML), the webviews of Office 2016/2019 perpetual builds
// ("Browsers and webview controls used by Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/
// browsers-used-by-office-web-add-ins). It shows in Chinese why the pane cannot run there and which Word can, and
// otherwise loads the main bundle (named in <meta name="tigang-main">), after Office answers when Office opened the page.
(function () {
  "use strict";
  var REQUIRED = { name: "WordApi", version: "1.3" };
  var SLOW_MS = 3000;

  var WORKING = [
    "Microsoft 365 版 Word（Windows 10/11，版本 16.0.13530.20424 及以后，并已安装 Microsoft Edge WebView2 运行时）",
    "Word 2021、Word 2024（Windows，零售版或批量许可版，已安装 WebView2 运行时）",
    "Word for Mac（Microsoft 365 版或 2021 及以后，macOS 10.15 及以后）",
    "网页版 Word（新版 Edge、Chrome、Firefox 或 Safari 浏览器）"
  ];

  /** Why this webview cannot run the main bundle (ES2020), or "" when it can. */
  function webviewProblem(win) {
    var ua = (win.navigator && win.navigator.userAgent) || "";
    if (/Trident\/|MSIE /.test(ua)) return "Internet Explorer 11";
    if (/Edge\/\d/.test(ua)) return "旧版 Microsoft Edge（EdgeHTML）";
    // Engines that run ES2020 (Chromium 80+, Safari 13.1+, Firefox 74+) have all of these.
    var ok =
      typeof win.Promise === "function" &&
      typeof win.Promise.allSettled === "function" &&
      typeof win.Symbol === "function" &&
      typeof win.globalThis === "object" &&
      typeof String.prototype.matchAll === "function" &&
      typeof Object.fromEntries === "function";
    return ok ? "" : "较旧的浏览器内核";
  }

  /** Office opened the page: the manifest's ?in=office, or Office's own _host_Info (its presence only). */
  function openedByOffice(search) {
    return /[?&]in=office(&|$)/.test(search) || /[?&]_host_info=/i.test(search);
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function root() {
    return document.getElementById("root");
  }

  /** Replace the page with a message: what is wrong, which Word works, what the user can do. */
  function showBlocked(testId, lead, advice) {
    var r = root();
    if (!r) return;
    while (r.firstChild) r.removeChild(r.firstChild);
    var box = el("div", "", "boot-blocked");
    box.setAttribute("data-testid", testId);
    box.setAttribute("role", "alert");
    box.appendChild(el("h1", "提纲助手不能在这个 Word 中运行"));
    box.appendChild(el("p", lead));
    box.appendChild(el("p", "可以使用提纲助手的 Word："));
    var list = el("ul");
    for (var i = 0; i < WORKING.length; i++) list.appendChild(el("li", WORKING[i]));
    box.appendChild(list);
    for (var j = 0; j < advice.length; j++) box.appendChild(el("p", advice[j]));
    r.appendChild(box);
    document.documentElement.setAttribute("data-tigang-host", "blocked");
  }

  function showOldWebview(name) {
    showBlocked(
      "boot-webview",
      "这个 Word 用" + name + "控件显示加载项，提纲助手需要新版控件（Microsoft Edge WebView2 或新版浏览器）才能运行。",
      [
        "Word 2016、Word 2019 的永久版（含批量许可版）在 Windows 上用 Internet Explorer 11 或旧版 Edge 控件显示加载项，不能运行提纲助手。",
        "可以做的：请管理员把 Office 升级到上面的版本；已是 Microsoft 365 版的，请安装 Microsoft Edge WebView2 运行时并更新 Office，然后重新打开 Word。也可以在网页版 Word 中使用。"
      ]
    );
  }

  function showOldApi() {
    showBlocked(
      "boot-api",
      "这个 Word 不支持提纲助手需要的 Word JavaScript API 1.3（WordApi 1.3），提纲助手不会读写文档。",
      [
        "Word 2016 批量许可版（MSI 安装）只有 WordApi 1.1，不会显示提纲助手；Word 2016 零售版须更新到版本 1612 及以后，但它的 Internet Explorer 11 控件仍不能运行提纲助手。",
        "可以做的：请管理员把 Office 升级到上面的版本，或在网页版 Word 中使用。"
      ]
    );
  }

  function showSlow() {
    var r = root();
    if (!r || document.getElementById("boot-slow")) return;
    var p = el("p", "Word 还没有响应。Word 正忙或文档较大时需要多等一会儿；如果一直停在这里，请关闭本窗格后重新打开。在连接成功之前，提纲助手不会修改文档。", "boot-note");
    p.id = "boot-slow";
    p.setAttribute("data-testid", "boot-slow");
    r.appendChild(p);
  }

  /** Load the main bundle's scripts, in order. */
  function loadMain() {
    var meta = document.querySelector("meta[name='tigang-main']");
    var files = meta ? meta.getAttribute("content").split(" ") : [];
    for (var i = 0; i < files.length; i++) {
      if (!files[i]) continue;
      var s = document.createElement("script");
      s.src = files[i];
      s.async = false;
      document.body.appendChild(s);
    }
  }

  document.documentElement.setAttribute("data-tigang-host", "connecting");
  var problem = webviewProblem(window);
  if (problem) {
    showOldWebview(problem);
    return;
  }
  var Office = window.Office;
  if (!openedByOffice(location.search) || !Office || typeof Office.onReady !== "function") {
    // A plain browser, or office.js missing inside Office: the main bundle says which (src/host/index.ts).
    loadMain();
    return;
  }
  var slow = setTimeout(showSlow, SLOW_MS);
  Office.onReady(function (info) {
    clearTimeout(slow);
    var isWord = info && Office.HostType && info.host === Office.HostType.Word;
    var req = Office.context && Office.context.requirements;
    if (isWord && !(req && req.isSetSupported(REQUIRED.name, REQUIRED.version))) {
      showOldApi();
      return;
    }
    loadMain();
  });
})();
