// The 排版 tab end to end: a messy document pasted from a PDF is cleaned up (each option counted), previewed,
// formatted per GB/T 9704 in one batch and read back (styles, fonts, alignment, page, page numbers); 撤销排版 undoes it.

/** Pasted from a PDF: a line broken mid-sentence, blank lines, half-width punctuation, spaces, nonstandard markers. */
const MESSY = [
  "王某某同志在巡视整改专题民主生活会上的个人对照检查材料",
  "",
  "按照市委巡视整改工作要求,会前我认真学习了规定篇目,广泛征求了",
  "意见建议,深入开展谈心谈话。现将个人对照检查情况报告如下：",
  "一.存在的问题",
  "(一)理论学习不够深入。对党的创新理论学得不够系统,满足于读原文、记原话,学用结合不够紧密。",
  "",
  "1、学习 质量 不高",
  "平时学习满足于读报纸、看文件，没有做到学思用贯通、知信行统一。",
  "二、原因分析",
  "这些问题虽然表现在工作上，但根子还是在思想上，理想信念有所弱化。",
  "三、整改措施",
  "一是加强理论武装,坚持每周学习不少于 5 小时。",
  "二是改进工作作风，深入基层调查研究。",
  "以上是我的个人对照检查，请各位同志批评指正。",
  "",
  "王某某",
  "2023年6月29日",
];

async function openWithMessyDocument(page, url) {
  await page.goto(`${url}/harness.html?doc=empty`);
  await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
  await page.evaluate((lines) => window.__tigang.load({ paragraphs: lines.map((text) => ({ text })) }), MESSY);
  await page.getByTestId("doc-summary").filter({ hasText: `共 ${MESSY.length} 段` }).waitFor();
  await page.getByRole("tab", { name: "排版" }).click();
  await page.getByTestId("format-preview").waitFor();
}

const texts = (page) => page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text));
const count = async (page, id) => Number(await page.getByTestId(`cleanup-${id}`).getAttribute("data-count"));

export const tests = {
  "cleans up, previews, formats per GB/T 9704 and reads the styles back": async ({ page, url, assert, screenshot }) => {
    await openWithMessyDocument(page, url);

    // 清理: each option with its count; all of them in one batch.
    assert.deepEqual(
      [await count(page, "joinLines"), await count(page, "removeBlank"), await count(page, "removeSpaces"), await count(page, "fullWidth"), await count(page, "markers")],
      [1, 2, 2, 6, 3],
    );
    await page.getByTestId("cleanup-apply").click();
    await page.getByTestId("format-outcome").filter({ hasText: "已清理" }).waitFor();
    await page.getByTestId("doc-summary").filter({ hasText: "共 15 段" }).waitFor();
    const cleaned = await texts(page);
    assert.equal(cleaned[1], "按照市委巡视整改工作要求，会前我认真学习了规定篇目，广泛征求了意见建议，深入开展谈心谈话。现将个人对照检查情况报告如下：");
    assert.equal(cleaned[2], "一、存在的问题");
    assert.match(cleaned[3], /^（一）理论学习不够深入。.*系统，满足于/);
    assert.equal(cleaned[4], "1.学习质量不高");
    assert.equal(cleaned[9], "一是加强理论武装，坚持每周学习不少于 5 小时。");
    assert.equal(cleaned[12], "", "落款前的空行保留");

    // 一键排版: the preview lists what will change, by kind.
    await page.getByTestId("format-preview").click();
    await page.getByTestId("format-summary").waitFor();
    const rows = await page.getByTestId("format-summary-row").evaluateAll((els) => els.map((e) => [e.dataset.key, Number(e.dataset.count)]));
    assert.deepEqual(rows, [
      ["title", 1],
      ["heading-1", 3],
      ["heading-2", 1],
      ["heading-3", 1],
      ["body", 6],
      ["signature", 2],
      ["run-in", 1],
      ["page", 1],
      ["page-numbers", 1],
    ]);
    await screenshot("format-preview");
    const before = await page.evaluate(() => window.__tigang.host.batches);
    await page.getByTestId("format-apply").click();
    await page.getByTestId("format-outcome").filter({ hasText: "已排版 14 段" }).waitFor();
    // One batch for the formatting (then one read to refresh the pane).
    assert.equal(await page.evaluate(() => window.__tigang.host.batches), before + 2);

    const back = await page.evaluate(() => window.__tigang.readBack());
    const p = back.paragraphs;
    assert.equal(p[0].styleBuiltIn, "Title");
    assert.deepEqual([p[0].format.font, p[0].format.sizePt, p[0].format.alignment], ["方正小标宋简体", 22, "centered"]);
    assert.deepEqual([p[2].styleBuiltIn, p[2].format.font, p[2].format.sizePt], ["Heading1", "黑体", 16]);
    // The run-in heading: body paragraph, its heading sentence in 楷体.
    assert.deepEqual([p[3].styleBuiltIn, p[3].format.font, p[3].format.firstLineIndentPt], ["Normal", "仿宋", 32]);
    assert.deepEqual(p[3].runs, [{ offset: 0, length: 12, font: "楷体", sizePt: 16, bold: false }]);
    assert.deepEqual([p[4].styleBuiltIn, p[4].format.font], ["Heading3", "仿宋"]);
    assert.deepEqual([p[5].format.font, p[5].format.sizePt, p[5].format.firstLineIndentPt, p[5].format.lineSpacingPt, p[5].format.alignment], ["仿宋", 16, 32, 28, "justified"]);
    assert.deepEqual([p[13].format.alignment, p[14].format.alignment], ["right", "right"]);
    // 落款 (GB/T 9704 7.3.5.2): the date 右空二字 (two 16 pt characters); the shorter signature starts two characters before it.
    assert.equal(p[14].format.rightIndentPt, 32);
    assert.ok(p[13].format.rightIndentPt > 32, `署名应右空多于二字：${p[13].format.rightIndentPt}`);
    assert.equal(p[12].format, undefined, "空段落不改");
    // The headings are still read as such after formatting.
    assert.deepEqual(back.headings.map((h) => h.marker), ["一、", "二、", "三、"]);
    const page1 = await page.evaluate(() => ({ page: window.__tigang.host.page, footers: window.__tigang.host.footers }));
    assert.equal(page1.page.paperSize, "A4");
    assert.equal(Math.round(page1.page.topMarginPt), 105);
    assert.equal(Math.round(page1.page.leftMarginPt), 79);
    assert.equal(page1.footers.Primary.text, "— {PAGE} —");
    assert.equal(page1.footers.EvenPages.alignment, "left");
    await page.waitForFunction(() => !document.querySelector('[data-testid="format-preview"]').disabled);
    await screenshot("format-after");

    // 撤销排版 puts the previous formats back in one batch.
    await page.getByTestId("format-undo").click();
    await page.getByTestId("format-outcome").filter({ hasText: "已撤销排版" }).waitFor();
    const undone = await page.evaluate(() => window.__tigang.readBack());
    assert.ok(undone.paragraphs.every((q) => !q.format && !q.runs && !q.styleBuiltIn), "格式应全部还原");
    assert.deepEqual(await page.evaluate(() => window.__tigang.host.footers), {});
    assert.equal(await page.evaluate(() => window.__tigang.host.page.topMarginPt), 72);
  },

  "local customs are saved per user; 恢复国标 brings back the standard": async ({ page, url, assert, screenshot }) => {
    await openWithMessyDocument(page, url);
    await page.getByTestId("format-settings-toggle").click();
    await page.getByTestId("format-bold-3").click();
    await page.getByLabel("数字和字母字体").selectOption("Times New Roman");
    await page.getByTestId("format-settings").scrollIntoViewIfNeeded();
    await screenshot("format-settings");
    // Saved: a reload keeps them.
    await page.reload();
    await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
    await page.evaluate((lines) => window.__tigang.load({ paragraphs: lines.map((text) => ({ text })) }), MESSY);
    await page.getByTestId("doc-summary").filter({ hasText: `共 ${MESSY.length} 段` }).waitFor();
    await page.getByRole("tab", { name: "排版" }).click();
    await page.getByTestId("format-preview").click();
    await page.getByTestId("format-apply").click();
    await page.getByTestId("format-outcome").filter({ hasText: "已排版" }).waitFor();
    const p = (await page.evaluate(() => window.__tigang.readBack())).paragraphs;
    const level3 = p.find((q) => q.styleBuiltIn === "Heading3");
    assert.deepEqual([level3.format.bold, level3.format.asciiFont], [true, "Times New Roman"]);

    await page.getByTestId("format-settings-toggle").click();
    await page.getByTestId("format-reset").click();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("tigang.format")));
    assert.deepEqual([saved.boldLevel3, saved.asciiFont, saved.level1Font, saved.bodySizePt], [false, "", "黑体", 16]);
  },
};
