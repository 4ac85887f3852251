// The production task pane page (taskpane.html) outside the harness: opened by Office with office.js blocked, opened in
// a plain browser, and with an Office that is slow to answer. It never falls back to an in-memory document.

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The query string Office gives the pane: our manifest's ?in=office, then Office's own _host_Info. */
export const OFFICE_START = "?in=office&_host_Info=Word$Win32$16.01$zh-CN$$$$0";

/** Every JavaScript file the page loaded, with its text: none may hold the in-memory host (its `kind = "memory"`). */
function collectScripts(page) {
  const scripts = [];
  page.on("response", async (r) => {
    if (/\.js$/.test(new URL(r.url()).pathname) && r.ok()) scripts.push({ url: r.url(), text: await r.text().catch(() => "") });
  });
  return scripts;
}

/** Screenshots of the pane at the two widths Word gives it. */
async function atPaneWidths(page, screenshot, name) {
  for (const width of [320, 450]) {
    await page.setViewportSize({ width, height: 640 });
    await screenshot(`${name}-${width}`);
  }
}

export const options = {
  "opened by Office with office.js blocked: a blocking message, no in-memory document": { allowOffsite: [OFFICE_JS] },
  "opened in a plain browser: says it is not connected to Word": { allowOffsite: [OFFICE_JS] },
  "a slow Office.onReady shows a loading state and keeps waiting": { allowOffsite: [OFFICE_JS] },
  "the ES5 bootstrap stops a Word without WordApi 1.3 and names the versions that work": { allowOffsite: [OFFICE_JS] },
  "the ES5 bootstrap stops an Internet Explorer 11 webview before the main bundle loads": {
    allowOffsite: [OFFICE_JS],
    userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  },
};

/** A stand-in office.js: Word answers onReady at once, with WordApi sets up to `maxMinor` (1.x). */
const fakeWordOfficeJs = (maxMinor) =>
  `window.Office={HostType:{Word:'Word'},onReady:function(cb){var i={host:'Word',platform:'PC'};if(cb)cb(i);return Promise.resolve(i)},` +
  `context:{requirements:{isSetSupported:function(n,v){return n==='WordApi'&&Number(String(v).split('.')[1])<=${maxMinor}}}}};`;

export const tests = {
  "opened by Office with office.js blocked: a blocking message, no in-memory document": async ({ page, url, assert, screenshot }) => {
    let blocked = 0;
    await page.route(OFFICE_JS, (route) => (blocked++, route.abort("internetdisconnected")));
    const scripts = collectScripts(page);
    await page.goto(`${url}/taskpane.html${OFFICE_START}`);
    const notice = page.getByTestId("blocked");
    await notice.waitFor();
    assert.equal(blocked, 1, "office.js was requested once and blocked");
    const text = await notice.innerText();
    assert.match(text, /office\.js/);
    assert.match(text, /appsforoffice\.microsoft\.com/);
    assert.match(text, /OFFICE_JS=local/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tigangHost), "blocked");
    // Nothing of the working pane, and no in-memory host anywhere in the code the page loaded.
    assert.equal(await page.getByRole("tablist").count(), 0);
    assert.equal(await page.getByTestId("doc-summary").count(), 0);
    assert.equal(await page.evaluate(() => typeof window.__tigang), "undefined");
    await page.waitForLoadState("networkidle");
    assert.ok(scripts.length > 0, "the page loaded its scripts");
    assert.deepEqual(scripts.filter((s) => s.text.includes('"memory"')).map((s) => s.url), []);
    await atPaneWidths(page, screenshot, "taskpane-office-js-blocked");
  },
  "opened in a plain browser: says it is not connected to Word": async ({ page, url, assert, screenshot }) => {
    await page.route(OFFICE_JS, (route) => route.abort("internetdisconnected"));
    await page.goto(`${url}/taskpane.html`);
    const notice = page.getByTestId("notice-standalone");
    await notice.waitFor();
    assert.match(await notice.innerText(), /没有连接 Word/);
    assert.equal(await notice.getByRole("link", { name: "演示台" }).getAttribute("href"), "harness.html");
    assert.equal(await page.getByRole("tablist").count(), 0);
    await atPaneWidths(page, screenshot, "taskpane-standalone");
  },
  "a slow Office.onReady shows a loading state and keeps waiting": async ({ page, url, assert, screenshot }) => {
    // A stand-in office.js whose onReady never answers, like a Word that is busy or an office.js still loading its host files.
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: "window.Office={HostType:{Word:'Word'},onReady:function(){return new Promise(function(){})}};" }),
    );
    await page.goto(`${url}/taskpane.html${OFFICE_START}`);
    // The bootstrap waits for Office before it loads the main bundle: its page says it is connecting, then that Word is slow.
    await page.getByTestId("boot-status").filter({ hasText: "正在连接 Word" }).waitFor();
    const slow = page.getByTestId("boot-slow");
    await slow.waitFor({ timeout: 6000 });
    assert.match(await slow.innerText(), /Word 还没有响应/);
    // Long after the old 3-second timeout, still waiting: no pane on a fake document.
    await page.waitForTimeout(1500);
    assert.equal(await page.getByRole("tablist").count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.tigangHost), "connecting");
    await screenshot("taskpane-slow-office");
  },
  "the ES5 bootstrap stops a Word without WordApi 1.3 and names the versions that work": async ({ page, url, assert, screenshot }) => {
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeWordOfficeJs(1) }));
    const scripts = collectScripts(page);
    await page.goto(`${url}/taskpane.html${OFFICE_START}`);
    const box = page.getByTestId("boot-api");
    await box.waitFor();
    const text = await box.innerText();
    assert.match(text, /WordApi 1\.3/);
    assert.match(text, /Word 2021/);
    assert.match(text, /Word 2016 批量许可版（MSI 安装）只有 WordApi 1\.1/);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(scripts.filter((s) => /taskpane\./.test(s.url)).map((s) => s.url), [], "the main bundle is not loaded");
    await atPaneWidths(page, screenshot, "taskpane-bootstrap-old-api");
  },
  "the ES5 bootstrap stops an Internet Explorer 11 webview before the main bundle loads": async ({ page, url, assert, screenshot }) => {
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeWordOfficeJs(3) }));
    const scripts = collectScripts(page);
    await page.goto(`${url}/taskpane.html${OFFICE_START}`);
    const box = page.getByTestId("boot-webview");
    await box.waitFor();
    assert.match(await box.innerText(), /Internet Explorer 11/);
    assert.match(await box.innerText(), /WebView2/);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(scripts.filter((s) => /taskpane\./.test(s.url)).map((s) => s.url), [], "the main bundle is not loaded");
    await atPaneWidths(page, screenshot, "taskpane-bootstrap-ie11");
  },
};
