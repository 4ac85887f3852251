// The 检查 tab end to end: check, click a finding to select its text, fix one, fix all of a rule, re-check; nothing else changes.

const texts = (page) => page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text));

/** Narrow the harness's pane to Word's pane widths (320 px by default, 450 px wide) for the screenshots. */
const paneWidth = (page, width) =>
  page.evaluate((w) => {
    const pane = document.querySelector(".pane");
    pane.style.width = `${w}px`;
    pane.style.flex = "none";
  }, width);

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
      await paneWidth(page, width);
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

  "写入批注 then 删除本工具批注: the findings as comments in the simulated Word, the user's comment kept": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html?doc=empty`);
    await page.waitForFunction(() => !!window.__tigang);
    await page.evaluate(() =>
      window.__tigang.load({
        paragraphs: [
          { text: "张三同志个人对照检查材料" },
          { text: "一、存在的问题" },
          { text: "参加集中学习XX次,发言准备不够充分。", comments: [{ offset: 0, length: 6, text: "请写明具体次数", author: "李某" }] },
          { text: "二、原因分析" },
          { text: "理想信念有所松懈。" },
        ],
      }),
    );
    await page.getByTestId("doc-summary").filter({ hasText: "共 5 段" }).waitFor();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    const shown = await page.getByTestId("finding").evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute("data-count")), 0));
    assert.ok(shown >= 3, `应有至少 3 处问题：${shown}`);
    await page.getByTestId("write-comments").click();
    await page.getByTestId("comments-outcome").filter({ hasText: `已写入 ${shown} 条批注` }).waitFor();
    // The simulated Word shows each comment under its paragraph: the tool's marked, the user's as it was.
    const tool = page.locator('[data-testid="doc-comment"][data-tool]');
    assert.equal(await tool.count(), shown);
    const texts = await tool.allTextContents();
    assert.ok(texts.every((t) => t.includes("【提纲助手】")), texts.join(" | "));
    assert.ok(texts.some((t) => /批注“XX”：【提纲助手】/.test(t)), `占位符的批注应落在“XX”上：${texts.join(" | ")}`);
    assert.ok(texts.some((t) => /批注“,”：【提纲助手】/.test(t)), `半角逗号的批注应落在“,”上：${texts.join(" | ")}`);
    const model = await page.evaluate(() => window.__tigang.host.paragraphs.map((p) => (p.comments ?? []).length));
    assert.equal(model.reduce((a, b) => a + b, 0), shown + 1);
    for (const width of [320, 450]) {
      await paneWidth(page, width);
      await page.getByTestId("comments-outcome").scrollIntoViewIfNeeded();
      await screenshot(`check-comments-${width}`);
    }
    // Writing again replaces, never duplicates.
    await page.getByTestId("write-comments").click();
    await page.getByTestId("comments-outcome").filter({ hasText: `替换了本工具之前写入的 ${shown} 条` }).waitFor();
    assert.equal(await tool.count(), shown);
    await page.getByTestId("remove-comments").click();
    await page.getByTestId("comments-outcome").filter({ hasText: `已删除本工具写入的 ${shown} 条批注` }).waitFor();
    assert.equal(await tool.count(), 0);
    const left = await page.getByTestId("doc-comment").allTextContents();
    assert.deepEqual(left, ["李某 批注“参加集中学习”：请写明具体次数"]);
  },
};
