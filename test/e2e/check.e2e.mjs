// The 检查 tab end to end: check, click a finding to select its text, fix one, fix all of a rule, re-check; nothing else changes.

const texts = (page) => page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text));

export const tests = {
  "check the sample, jump to a finding, fix, re-check": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    const findings = page.getByTestId("finding");
    const rules = await findings.evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
    for (const r of ["placeholder", "punctuation", "junk", "numbering-sequence"]) assert.ok(rules.includes(r), `应发现 ${r}：${rules.join(",")}`);
    await screenshot("check-findings");

    // Click the placeholder finding: the exact text is selected in the document.
    const placeholder = page.locator('[data-testid="finding"][data-rule="placeholder"]').first();
    await placeholder.locator("button").nth(0).click();
    await page.waitForFunction(() => {
      const { host } = window.__tigang;
      const { start, end } = host.selection;
      return host.paragraphs[start.paragraph].text.slice(start.offset, end.offset) === "XX";
    });

    // Fix the half-width comma, then remove the junk line with 全部修复.
    const before = await texts(page);
    const comma = page.locator('[data-testid="finding"][data-rule="punctuation"]').first();
    await comma.getByTestId("fix-one").click();
    await page.waitForFunction(() => !window.__tigang.host.paragraphs[4].text.includes(","));
    const afterComma = await texts(page);
    assert.equal(afterComma[4], before[4].replace(",", "，"));
    assert.deepEqual(afterComma.filter((_, i) => i !== 4), before.filter((_, i) => i !== 4), "修复标点不应改动其他段落");

    await page.getByTestId("fix-all-junk").click();
    await page.waitForFunction(() => !window.__tigang.host.paragraphs.some((p) => p.text.includes("禁止外传")));
    const afterJunk = await texts(page);
    assert.deepEqual(afterJunk, afterComma.filter((t) => !t.includes("禁止外传")));
    // The list refreshed: no junk finding left.
    await page.waitForFunction(() => !document.querySelector('[data-testid="finding"][data-rule="junk"]'));
    await screenshot("check-after-fix");
  },

  "a typo outside the table: the lexicon chunk loads on 检查; 不是错字 adds the word to the ignored words": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html?doc=empty`);
    await page.waitForFunction(() => !!window.__tigang);
    await page.evaluate(() =>
      window.__tigang.load({
        paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "一、存在的问题" }, { text: "抓整改要善始善中，发扬勤检节约的作风。" }, { text: "二、原因分析" }, { text: "理想信念有所松懈。" }],
      }),
    );
    await page.getByTestId("doc-summary").filter({ hasText: "共 5 段" }).waitFor();
    await page.getByRole("tab", { name: "检查" }).click();
    const chunk = page.waitForResponse((r) => /\/lexicon\.[0-9a-f]+\.js$/.test(r.url()));
    await page.getByTestId("run-check").click();
    await chunk;
    const typos = page.locator('[data-testid="finding"][data-rule="typo"]');
    await typos.nth(1).waitFor();
    const messages = await typos.allTextContents();
    assert.ok(messages.some((m) => /善始善中.*善始善终/.test(m)), messages.join(" | "));
    assert.ok(messages.some((m) => /勤检节约.*勤俭节约/.test(m)), messages.join(" | "));
    for (const width of [320, 450]) {
      await page.evaluate((w) => {
        const pane = document.querySelector(".pane");
        pane.style.width = `${w}px`;
        pane.style.flex = "none";
      }, width);
      await typos.first().scrollIntoViewIfNeeded();
      await screenshot(`check-typo-${width}`);
    }
    // Both typos sit in one paragraph, so each card quotes both: pick the card by its message.
    await typos.filter({ hasText: /善始善中.*善始善终/ }).getByTestId("not-typo").click();
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="finding"][data-rule="typo"]')].some((e) => /善始善中.*善始善终/.test(e.textContent)));
    assert.equal(await typos.count(), 1);
    await page.getByText("检查设置").click();
    assert.equal(await page.getByRole("textbox").inputValue(), "善始善中");
  },
};
