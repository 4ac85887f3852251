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
