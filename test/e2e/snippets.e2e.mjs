// The 短语 tab end to end: suggestions for the cursor's section, pinyin search, insertion landing on the first 【…】.
import { placeCursor } from "./foundation.e2e.mjs";

const selectionText = (page) =>
  page.evaluate(() => {
    const { host } = window.__tigang;
    const { start, end } = host.selection;
    return start.paragraph === end.paragraph ? host.paragraphs[start.paragraph].text.slice(start.offset, end.offset) : null;
  });

export const tests = {
  "in a causes section, cause snippets are suggested; one goes in and its first 【…】 is selected": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
    await page.getByRole("tab", { name: "短语" }).click();
    await placeCursor(page, 10); // （一）理想信念有所松懈… under 二、原因分析
    await page.getByTestId("snippet-context").filter({ hasText: "原因分析" }).waitFor();
    const hits = page.getByTestId("snippet-hit");
    await hits.first().waitFor();
    const texts = await hits.allInnerTexts();
    assert.ok(texts.length >= 5, "应有推荐");
    assert.ok(texts.slice(0, 5).every((t) => /原因分析/.test(t)), `前五条推荐都应适用于原因分析：${texts.slice(0, 5).join(" | ")}`);
    // Insert one with a fill-in.
    await page.getByTestId("snippet-search").fill("【");
    const withFill = hits.filter({ hasText: "【" }).first();
    await withFill.waitFor();
    const snippetText = (await withFill.locator("span").first().innerText()).trim();
    const before = await page.evaluate(() => window.__tigang.host.paragraphs[10].text);
    await withFill.getByTestId("insert-snippet").click();
    await page.waitForFunction((b) => window.__tigang.host.paragraphs.map((p) => p.text).join("\n").length > b.length, before);
    const sel = await selectionText(page);
    assert.equal(sel, /【[^】]*】/.exec(snippetText)[0]);
    await screenshot("snippets-inserted");
  },
  "pinyin initials find the phrase: lxxn → 理想信念, ztzr → 主体责任": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByRole("tab", { name: "短语" }).click();
    for (const [q, want] of [["lxxn", "理想信念"], ["ztzr", "主体责任"], ["zhengzhizhanwei", "政治站位"]]) {
      await page.getByTestId("snippet-search").fill(q);
      const first = page.getByTestId("snippet-hit").first();
      await page.getByTestId("snippet-context").filter({ hasText: "找到" }).waitFor();
      await first.waitFor();
      assert.match(await first.innerText(), new RegExp(want));
      const marked = await first.locator("mark").allInnerTexts();
      if (marked.length) assert.equal(marked[0], want);
    }
    await screenshot("snippets-search");
  },
  "下一个待填处 jumps to the next 【…】 anywhere in the document": async ({ page, url, assert }) => {
    await page.goto(`${url}/harness.html?doc=empty`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
    await page.evaluate(() => window.__tigang.load({ paragraphs: [{ text: "第一段【甲】。" }, { text: "没有待填。" }, { text: "第三段【乙】和【丙】。" }] }));
    await page.getByTestId("doc-summary").filter({ hasText: "共 3 段" }).waitFor();
    await page.getByRole("tab", { name: "短语" }).click();
    await placeCursor(page, 1);
    const next = page.getByTestId("next-fill-in");
    await next.click();
    await page.waitForFunction(() => window.__tigang.host.selection.start.paragraph === 2);
    assert.equal(await selectionText(page), "【乙】");
    await next.click();
    await page.waitForFunction(() => window.__tigang.host.selection.start.offset > 5);
    assert.equal(await selectionText(page), "【丙】");
    await next.click();
    await page.waitForFunction(() => window.__tigang.host.selection.start.paragraph === 0);
    assert.equal(await selectionText(page), "【甲】");
  },
};
