// The 提纲 tab end to end: each type's full outline into an empty document, read back through the parser; one section numbered to continue.
import { placeCursor } from "./foundation.e2e.mjs";

const TYPES = ["personal-review", "team-review", "speech-mobilization", "speech-guidance", "rectification-report"];
const REQUIRED_ROLES = {
  "personal-review": ["problems", "causes", "measures"],
  "team-review": ["preparation", "problems", "causes", "measures"],
  "speech-mobilization": ["awareness", "tasks", "methods", "integration", "leadership"],
  "speech-guidance": ["evaluation", "requirements"],
  "rectification-report": ["organization", "progress", "next-steps"],
};

export const tests = {};
for (const type of TYPES) {
  tests[`full outline of ${type} into an empty document is recognised as ${type}`] = async ({ page, url, assert, screenshot }) => {
    await page.goto(`${url}/harness.html?doc=empty`);
    await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
    await page.getByTestId("type-picker").selectOption(type);
    await page.getByTestId("insert-full-outline").click();
    await page.getByTestId("doc-summary").filter({ hasNotText: "共 1 段" }).waitFor();
    const back = await page.evaluate(() => window.__tigang.readBack());
    assert.equal(back.type, type);
    const roles = new Set(back.headings.map((h) => h.role));
    for (const r of REQUIRED_ROLES[type]) assert.ok(roles.has(r), `缺少 ${r}：${[...roles].join(",")}`);
    assert.ok(back.closing > 0, "缺少结尾");
    // Headings carry Word's built-in heading styles and GB/T 9704 fonts; the title is 2号 centred.
    const first = back.paragraphs[0];
    assert.equal(first.styleBuiltIn, "Title");
    assert.deepEqual([first.format.font, first.format.sizePt, first.format.alignment], ["方正小标宋简体", 22, "centered"]);
    const h1 = back.paragraphs.find((p) => p.styleBuiltIn === "Heading1");
    assert.deepEqual([h1.format.font, h1.format.sizePt], ["黑体", 16]);
    // The cursor lands on the first fill-in, ready to type over.
    const sel = await page.evaluate(() => {
      const { host } = window.__tigang;
      const { start, end } = host.selection;
      return host.paragraphs[start.paragraph].text.slice(start.offset, end.offset);
    });
    assert.match(sel, /^【.*】$/);
    await screenshot(`outline-${type}`);
  };
}

tests["inserting a section continues the numbering: after the content of 二、 comes 三、"] = async ({ page, url, assert, screenshot }) => {
  await page.goto(`${url}/harness.html`);
  await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
  // Paragraph 11 is the last paragraph of 二、原因分析 in the sample (list-numbered headings).
  await placeCursor(page, 11);
  await page.getByTestId("cursor-place").filter({ hasText: "第 12 段" }).waitFor();
  const sections = page.getByTestId("outline-section");
  const measures = sections.filter({ hasText: /[▸▾] 整改措施/ });
  // The sample has 整改措施 already (已有): a second copy is asked about first, under that part.
  await measures.getByTestId("section-present").waitFor();
  await measures.getByTestId("insert-section").click();
  await measures.getByTestId("insert-confirm").filter({ hasText: "文档已有“整改措施”部分" }).waitFor();
  await measures.getByTestId("insert-confirm-yes").click();
  await page.getByTestId("doc-summary").filter({ hasNotText: "共 17 段" }).waitFor();
  const back = await page.evaluate(() => window.__tigang.readBack());
  const labels = await page.getByTestId("list-label").allInnerTexts();
  // The sample numbers its level-1 headings with a Word list: the new heading joins it (三、), the old 三、 becomes 四、.
  assert.deepEqual(labels.filter((l) => /^[一二三四五六七八九十]+、$/.test(l)), ["一、", "二、", "三、", "四、"]);
  // Its sub-headings join the same list one level down.
  assert.ok(labels.includes("（一）"));
  assert.equal(back.paragraphs[12].text, "整改措施");
  assert.ok(back.paragraphs[12].list, "新标题应加入文档的自动编号列表，而不是键入序号");
  await screenshot("outline-insert-section");
};

tests["annual meeting in December 2026: the pane names the meeting year and asks to confirm the 2025 points (320 and 450 px)"] = async ({ page, url, assert, screenshot }) => {
  await page.clock.setFixedTime(new Date("2026-12-03T10:00:00"));
  await page.goto(`${url}/harness.html?doc=empty`);
  await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
  await page.getByTestId("variant-meeting").selectOption("annual");
  const notice = page.getByTestId("focus-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /以下按2025年度重点，请以本年度通知为准/);
  assert.match(await page.getByTestId("focus-year").innerText(), /会议年度：2026年度/);
  const pane = page.locator(".pane");
  for (const width of [320, 450]) {
    await pane.evaluate((el, w) => {
      el.style.width = `${w}px`;
      el.style.flex = `0 0 ${w}px`;
    }, width);
    await pane.screenshot({ path: `test-results/outline-year-notice-${width}.png` }).catch(() => screenshot(`outline-year-notice-${width}`));
  }
  await page.getByTestId("focus-confirm").click();
  await page.getByTestId("focus-confirmed").waitFor();
  await page.getByTestId("insert-full-outline").click();
  await page.getByTestId("doc-summary").filter({ hasNotText: "共 1 段" }).waitFor();
  const back = await page.evaluate(() => window.__tigang.readBack());
  assert.equal(back.type, "personal-review");
  const texts = back.paragraphs.map((p) => p.text);
  assert.equal(texts[0], "【姓名】同志在2026年度民主生活会上的个人对照检查材料");
  assert.ok(texts.includes("（一）带头强化政治忠诚、提高政治能力方面"), texts.join("\n"));
  assert.ok(!/巡视|巡察/.test(texts.join("")));
};
