// The pane at Word's pane widths (320 px by default, 450 px wide) on a long pasted document: every tab photographed
// (test-results/pane-<width>-<tab>.png), nothing wraps that should not, no sideways scrolling, the header keeps its
// height while the body scrolls, an error bar never covers the tabs; axe-core finds no serious or critical violation
// on any tab (settings panels open). The help page covers all four tabs.
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** A team review in the shape of one pasted from a document site: junk lines, placeholders repeated, long headings. */
export const PASTED = [
  "仅供学习 禁止外传",
  "XX区委领导班子“严守纪律规矩、加强作风建设”专题民主生活会对照检查材料",
  "本站资料经编辑校对，从其它渠道下载的版本内容残缺，索取全文请加客服QQ987654321",
  "下面，根据会议安排，我代表XX党委班子作对照检查。",
  "一、会前准备情况",
  "班子坚持集中学习与个人自学相结合,开展谈心谈话XX人次，征求意见建议XX条，梳理归纳为XX个方面，逐条对照查找差距。",
  "二、对照检查出的问题及具体表现",
  "（一）在学习贯彻党的创新理论、坚定拥护“两个确立”、坚决做到“两个维护”方面。学习停留在读文件、记笔记，联系实际不够，共查摆问题XX个，已整改XX个。",
  "（二）在落实全面从严治党主体责任、持续加强作风建设方面。有的班子成员一岗双责落实不到位，调查研究不够深入。",
  "（三）在推进巡察整改落实、健全长效机制方面。整改台账更新不及时，销号把关不严。",
  "三、问题产生的原因分析",
  "（一）理论学习有所松懈。",
  "（二）党性锻炼有所弱化。",
  "四、整改措施",
  "（一）强化理论武装，筑牢信仰根基。",
  "（二）压实主体责任，改进工作作风。",
  "以上对照检查，敬请同志们批评指正。",
  "【资料仅供会员内部交流使用，严禁外传】",
];

const TABS = [
  ["outline", "提纲"],
  ["snippets", "短语"],
  ["check", "检查"],
  ["format", "排版"],
];

async function openPane(page, url, width) {
  await page.setViewportSize({ width, height: 760 });
  // No colour transitions half-way when axe measures contrast (Fluent honours reduced motion).
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${url}/harness.html?doc=empty&pane=only`);
  await page.getByTestId("doc-summary").filter({ hasText: "共 1 段" }).waitFor();
  await page.evaluate((lines) => window.__tigang.load({ paragraphs: lines.map((text) => ({ text })), selection: { start: { paragraph: 5, offset: 0 } } }), PASTED);
  await page.getByTestId("doc-summary").filter({ hasText: `共 ${PASTED.length} 段` }).waitFor();
}

/** Fill each tab with its long content: check results, a preview, the cleanup list. */
async function fill(page, tab) {
  if (tab === "check") {
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
  }
  if (tab === "format") {
    await page.getByTestId("format-preview").click();
    await page.getByTestId("format-summary").waitFor();
  }
  if (tab === "snippets") await page.getByTestId("snippet-hit").first().waitFor();
  if (tab === "outline") await page.getByTestId("outline-section").first().waitFor();
}

/** What breaks a narrow pane: labels on two lines, content wider than the pane. */
function layoutProblems() {
  const pane = document.querySelector('[data-testid="pane-body"]');
  const problems = [];
  if (pane.scrollWidth > pane.clientWidth + 1) {
    // Name the innermost element that sticks out, so a failure says what to fix.
    const edge = pane.getBoundingClientRect().left + pane.clientWidth + 1;
    const boxes = [...pane.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > edge && ![...el.children].some((c) => c.getBoundingClientRect().right > edge));
    // Text can stick out of its element (a long unbreakable run): look at the text itself too.
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const r = document.createRange();
      r.selectNodeContents(n);
      if (r.getBoundingClientRect().right > edge) texts.push(n.parentElement);
    }
    const out = [...boxes, ...texts];
    const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}“${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 16)}”`;
    problems.push(`横向溢出：内容宽 ${pane.scrollWidth}，窗格宽 ${pane.clientWidth}（${out.slice(0, 3).map(name).join("，")}）`);
  }
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    // Line boxes: tops more than half a line apart (glyphs of two fonts on one line differ by a pixel or two).
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top).sort((a, b) => a - b);
    return tops.filter((t, k) => k === 0 || t - tops[k - 1] > 8).length;
  };
  // Badges and the action buttons (not the finding messages, headings and snippet texts, which wrap or end in an ellipsis by design).
  const labels = [...document.querySelectorAll(".fui-Badge, button.fui-Button")].filter((el) => {
    if (el.closest('[data-testid="structure-node"]') || el.matches('[data-testid="structure-node"]')) return false;
    if (el.matches(".fui-Button") && /transparent/.test(el.className + (el.getAttribute("data-appearance") ?? ""))) return false;
    return el.getBoundingClientRect().width > 0;
  });
  for (const el of labels) {
    const text = el.textContent.trim();
    if (!text || el.closest('[data-testid="finding"]')?.querySelector("button") === el) continue;
    if (lines(el) > 1) problems.push(`换行：“${text}”`);
  }
  return problems;
}

/** Open the tab's settings panel, if it has one (checked by axe and photographed too). */
async function openSettings(page, tab) {
  if (tab === "check") {
    await page.getByRole("button", { name: "检查设置" }).click();
    await page.getByTestId("check-settings").waitFor();
    return true;
  }
  if (tab === "format") {
    await page.getByTestId("format-settings-toggle").click();
    await page.getByTestId("format-settings").waitFor();
    return true;
  }
  return false;
}

async function axeViolations(page) {
  // The pointer off the pane: a hovered button is measured in its resting colours.
  await page.mouse.move(0, 0);
  // Evaluated through the browser's debugging protocol: the page's CSP (script-src 'self') blocks an inline script tag.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    // Fluent's focus manager (tabster) adds focus-redirecting <i data-tabster-dummy aria-hidden tabindex=0> around arrow-key
    // groups on purpose; axe's aria-hidden-focus flags them, a known false positive (microsoft/tabster#288): left out.
    const result = await window.axe.run({ include: [".pane"], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}（${v.impact}）：${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("；")}`);
  });
}

export const tests = {};
for (const width of [320, 450]) {
  tests[`every tab at ${width} px: screenshot, no wrapped labels or sideways scroll, axe clean`] = async ({ page, url, assert, screenshot }) => {
    await openPane(page, url, width);
    const summaryHeight = await page.getByTestId("doc-summary").evaluate((el) => el.getBoundingClientRect().height);
    for (const [tab, name] of TABS) {
      await page.getByRole("tab", { name }).click();
      await fill(page, tab);
      await page.getByTestId("pane-body").evaluate((el) => el.scrollTo(0, 0));
      await screenshot(`pane-${width}-${tab}`);
      assert.deepEqual(await page.evaluate(layoutProblems), [], `${name}（${width} px）`);
      // The header keeps its height however long the tab's content is; the body scrolls.
      const header = await page.getByTestId("doc-summary").evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(Math.abs(header - summaryHeight) < 1 && header > 10, `${name}：文档摘要高度 ${header}，应为 ${summaryHeight}`);
      const body = await page.getByTestId("pane-body").evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
      if (tab === "check" || tab === "format") assert.ok(body.scroll > body.client, `${name}：内容应在窗格内滚动`);
      assert.deepEqual(await axeViolations(page), [], `${name}（${width} px）无障碍检查`);
      if (tab === "check") {
        await page.getByTestId("finding").first().scrollIntoViewIfNeeded();
        await screenshot(`pane-${width}-check-findings`);
      }
      if (await openSettings(page, tab)) {
        await page.getByRole("region", { name: tab === "check" ? "检查设置" : "排版设置" }).scrollIntoViewIfNeeded();
        await screenshot(`pane-${width}-${tab}-settings`);
        assert.deepEqual(await page.evaluate(layoutProblems), [], `${name}设置（${width} px）`);
        assert.deepEqual(await axeViolations(page), [], `${name}设置（${width} px）无障碍检查`);
      }
    }
    if (width === 320) {
      // 文档结构: a long heading shows its full text as a tooltip.
      await page.getByRole("tab", { name: "检查" }).click();
      await page.getByTestId("run-check").click();
      await page.getByTestId("check-summary").waitFor();
      const node = page.getByTestId("structure-node").filter({ hasText: "在学习贯彻党的创新理论" });
      assert.match(await node.getAttribute("title"), /^（一）在学习贯彻党的创新理论、坚定拥护“两个确立”、坚决做到“两个维护”方面。?（第8段）$/);
      // Action buttons sit in one column: the 全部修复 buttons share their left edge.
      const lefts = await page.locator('[data-testid^="fix-all-"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      assert.ok(lefts.length >= 2 && new Set(lefts).size === 1, `全部修复按钮应为一列：${lefts}`);
      // The 排版设置 grid fits the pane.
      await page.getByRole("tab", { name: "排版" }).click();
      await fill(page, "format");
      await openSettings(page, "format");
      const grid = await page.getByTestId("format-settings").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(grid.scroll <= grid.client + 1, `排版设置超出窗格：${JSON.stringify(grid)}`);
    }
  };
}

tests["an error bar keeps the tabs visible; the welcome line and the help page lead to every tab"] = async ({ page, url, assert, screenshot }) => {
  await openPane(page, url, 320);
  await page.getByRole("tab", { name: "检查" }).click();
  await page.getByTestId("run-check").click();
  await page.getByTestId("check-summary").waitFor();
  await page.evaluate(() => window.__tigang.host.failNext("模拟的长错误信息：文档暂时无法读取，请稍后再试；如多次出现，请关闭文档后重新打开"));
  await page.getByRole("button", { name: "刷新：重新读取文档" }).click();
  const bar = await page.getByTestId("error").boundingBox();
  const tabs = await page.getByRole("tablist").boundingBox();
  const summary = await page.getByTestId("doc-summary").boundingBox();
  assert.ok(bar && tabs && summary.height > 10, "应显示错误栏和摘要");
  assert.ok(tabs.y >= bar.y + bar.height - 1, `错误栏（${bar.y}+${bar.height}）不应盖住选项卡（${tabs.y}）`);
  await screenshot("pane-320-error");
  // Focus on a select is visible from the keyboard: a ring, not only Fluent's thin underline.
  await page.getByTestId("type-picker").focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const st = getComputedStyle(el);
    return { tag: el.tagName, style: st.outlineStyle, width: parseFloat(st.outlineWidth) };
  });
  assert.deepEqual(ring, { tag: "SELECT", style: "solid", width: 2 });
  // The welcome line: three ways in.
  const welcome = page.getByTestId("welcome");
  assert.match((await welcome.innerText()).replace(/\s+/g, ""), /新稿：插入提纲·已有稿子：检查·排版/);
  await welcome.getByRole("button", { name: "排版" }).click();
  await page.getByTestId("format-preview").waitFor();
  // The ? link opens a help page covering the four tabs.
  const href = await page.getByTestId("help-link").getAttribute("href");
  const help = await (await page.request.get(new URL(href, page.url()).href)).text();
  for (const tab of ["提纲", "短语", "检查", "排版"]) assert.match(help, new RegExp(`<h2 id="?\\w+"?>${tab}</h2>`));
};
