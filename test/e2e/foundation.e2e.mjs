// The foundation end to end: the harness loads the sample, the pane reads it, a paragraph goes in at the cursor.

/** Read the simulated document's paragraphs from the page. */
export const docTexts = (page) => page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text));

/** Click inside paragraph `i` of the simulated document, at its end. */
export async function placeCursor(page, i) {
  const span = page.locator(`[data-text="${i}"]`);
  await span.click();
  await page.keyboard.press("End");
  await page.keyboard.up("End");
}

export const tests = {
  "serves its own CJK fonts as the last fallback": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
    // Load the self-hosted faces for a few characters of the sample: each family answers with the subset that holds them.
    const loaded = await page.evaluate(async () => {
      const out = {};
      for (const family of ["Tigang Serif SC", "Tigang Sans SC"]) {
        const faces = await document.fonts.load(`16px '${family}'`, "个人对照检查材料，存在的问题");
        out[family] = faces.filter((f) => f.status === "loaded").length;
      }
      return out;
    });
    assert.ok(loaded["Tigang Serif SC"] > 0 && loaded["Tigang Sans SC"] > 0, `webfont subsets not loaded: ${JSON.stringify(loaded)}`);
    // The document's stacks end with them, so a machine without Chinese fonts still draws characters (test:bare).
    const family = await page.locator('[data-text="1"]').evaluate((el) => getComputedStyle(el.closest(".doc-para") ?? el).fontFamily);
    assert.match(family, /Tigang (Serif|Sans) SC/);
    await screenshot(process.env.TIGANG_BARE ? "bare-harness" : "harness-fonts");
  },
  "loads the sample and shows what it read": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
    const summary = await page.getByTestId("doc-summary").innerText();
    assert.match(summary, /王明同志在巡察整改专题民主生活会上的个人对照检查材料/);
    // Word-style list labels are drawn for automatically numbered headings.
    const labels = await page.getByTestId("list-label").allInnerTexts();
    assert.deepEqual(labels, ["一、", "二、", "三、"]);
    await screenshot("harness-loaded");
  },
  "inserts a paragraph at the cursor": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
    await placeCursor(page, 5);
    await page.getByTestId("paragraph-input").fill("3.调查研究不够经常，了解基层情况不全面。");
    await page.getByTestId("insert-paragraph").click();
    await page.getByTestId("doc-summary").filter({ hasText: "共 18 段" }).waitFor();
    const texts = await docTexts(page);
    assert.equal(texts[6], "3.调查研究不够经常，了解基层情况不全面。");
    assert.match(texts[5], /^2\.研讨交流不够深入/);
    await screenshot("harness-inserted");
  },
  "typing in the document is read by the pane": async ({ page, url, assert }) => {
    await page.goto(`${url}/harness.html?doc=empty`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
    await page.locator('[data-text="0"]').click();
    await page.keyboard.type("关于整改落实情况的报告");
    await page.getByRole("button", { name: "重新读取文档" }).click();
    await page.getByTestId("doc-summary").filter({ hasText: "关于整改落实情况的报告" }).waitFor();
    assert.deepEqual(await docTexts(page), ["关于整改落实情况的报告"]);
  },
};
