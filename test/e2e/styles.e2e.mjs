// The 公文 styles in the harness: 添加公文样式 defines them from the same OOXML package Word gets, 一键排版 gives each
// paragraph its style, and the simulated page draws exact 28-point lines; 撤销排版 puts each paragraph's style back.

export const tests = {
  "添加公文样式 then 一键排版: styles read back, exact 28-point lines, 撤销排版 restores each style": async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
    const stylesBefore = await page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.style ?? null));
    await page.getByRole("tab", { name: "排版" }).click();
    await page.getByTestId("format-styles").click();
    await page.getByTestId("format-outcome").filter({ hasText: "8 个公文样式" }).waitFor();
    assert.match(await page.getByTestId("format-outcome").innerText(), /行距固定值 28 磅，首行缩进 2 字符/);
    const defs = await page.evaluate(() => window.__tigang.host.readStyles());
    assert.deepEqual(defs.map((d) => d.name), ["公文标题", "公文一级标题", "公文二级标题", "公文三级标题", "公文四级标题", "公文正文", "公文落款", "公文附注"]);
    assert.ok(defs.filter((d) => d.id !== "GongwenTitle").every((d) => d.lineSpacingPt === 28));

    await page.getByTestId("format-preview").click();
    await page.getByTestId("format-apply").click();
    await page.getByTestId("format-outcome").filter({ hasText: "已排版" }).waitFor();
    const paras = await page.locator(".doc-para").evaluateAll((els) =>
      els.map((e) => {
        // The tops of the text's line boxes: consecutive lines of a paragraph are one line pitch apart.
        const tops = [...(e.querySelector("[data-text]")?.getClientRects() ?? [])].map((r) => r.top);
        return { style: e.dataset.style, lineHeight: getComputedStyle(e).lineHeight, pitches: tops.slice(1).map((t, i) => t - tops[i]), text: e.innerText };
      }),
    );
    const body = paras.filter((p) => p.style === "公文正文");
    const heads = paras.filter((p) => /^公文[一二三四]级标题$/.test(p.style));
    assert.ok(body.length >= 5, `正文段 ${body.length}`);
    assert.ok(heads.length >= 4, `各级标题 ${heads.length}`);
    // The sample's level-1 headings are Word list items: they keep their list style (another style could drop the numbering).
    assert.equal(paras.filter((p) => p.style === "Heading1").length, 3);
    assert.ok(paras.some((p) => p.style === "公文标题"));
    // 28 pt = 37.33 CSS px: every line of body text and headings is exactly that tall.
    for (const p of [...body, ...heads]) {
      assert.equal(p.lineHeight, "37.3333px", `${p.text.slice(0, 10)}：${p.lineHeight}`);
      for (const d of p.pitches) assert.ok(Math.abs(d - 37.3333) < 0.5, `${p.text.slice(0, 10)} 行距 ${d}px，不是 28 磅`);
    }
    const pitches = [...body, ...heads].flatMap((p) => p.pitches);
    assert.ok(pitches.length >= 5, `measured ${pitches.length} line pitches`);
    await screenshot("styles-harness-28pt");

    await page.getByTestId("format-undo").click();
    await page.getByTestId("format-outcome").filter({ hasText: "已撤销排版" }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.style ?? null)), stylesBefore);
  },
};
