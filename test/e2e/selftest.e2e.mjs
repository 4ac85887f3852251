// The 自检 page on the harness's simulated document: the shared scenario list, run through the real pane code in a browser.

export const tests = {
  "runs every scenario on an empty document: the memory host passes what it models, the rest is 不适用": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html?selftest&doc=empty`);
    await page.getByTestId("selftest-start").click();
    const report = page.getByTestId("selftest-report");
    await report.waitFor({ timeout: 60_000 });
    const outcomes = await page.locator("[data-outcome]").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.testid.replace("selftest-", ""), e.dataset.outcome])));
    assert.equal(Object.keys(outcomes).length, 14);
    assert.deepEqual(Object.entries(outcomes).filter(([, o]) => o === "失败"), []);
    assert.equal(outcomes.footer, "不适用");
    assert.equal(outcomes["track-changes"], "不适用");
    assert.equal(outcomes.styles, "通过");
    assert.equal(outcomes.comments, "通过");
    assert.equal(Object.values(outcomes).filter((o) => o === "通过").length, 12);
    const text = await report.inputValue();
    assert.match(text, /结果：通过 12，失败 0，不适用 2/);
    assert.match(text, /环境：提纲助手演示台的模拟文档/);
    for (const width of [320, 450]) {
      await page.setViewportSize({ width: 900 + width, height: 860 });
      await screenshot(`selftest-harness-${width}`);
    }
  },
  "refuses a document that is not empty and changes nothing": async ({ page, url, assert }) => {
    await page.goto(`${url}/harness.html?selftest`);
    await page.getByText("个人对照检查材料").first().waitFor();
    const before = await page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text));
    await page.getByTestId("selftest-start").click();
    await page.getByTestId("selftest-refused").waitFor();
    assert.match(await page.getByTestId("selftest-refused").innerText(), /只能在空白文档中运行/);
    assert.deepEqual(await page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text)), before);
    assert.equal(await page.locator("[data-outcome]").count(), 0);
  },
};
