// The harness opens real documents (.docx, .txt) through the same readers; pasting several lines makes one paragraph
// per line; after Enter the caret stays in the new paragraph and typing goes on there.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { docxFromLines } from "./docx.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const texts = (page) => page.evaluate(() => window.__tigang.host.paragraphs.map((p) => p.text));

export const tests = {
  "打开文件: a .docx and a .txt load into the simulated document; a bad file keeps the document": async ({ page, url, assert, screenshot }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-open-"));
    try {
      const lines = fs.readFileSync(path.join(root, "test/fixtures/realistic/speech-guidance-headings.txt"), "utf8").split(/\r?\n/);
      const docx = path.join(dir, "点评讲话.docx");
      fs.writeFileSync(docx, await docxFromLines(lines));
      await page.goto(`${url}/harness.html`);
      await page.getByTestId("doc-summary").filter({ hasText: "共 17 段" }).waitFor();
      await page.getByTestId("open-file").setInputFiles(docx);
      await page.getByTestId("opened-file").filter({ hasText: "点评讲话.docx" }).waitFor();
      assert.deepEqual(await texts(page), lines);
      assert.equal((await page.evaluate(() => window.__tigang.readBack())).type, "speech-guidance");
      await page.getByTestId("doc-summary").filter({ hasText: `共 ${lines.length} 段` }).waitFor();
      await screenshot("harness-opened-docx");

      const txt = path.join(dir, "个人材料.txt");
      const personal = fs.readFileSync(path.join(root, "test/fixtures/realistic/personal-review-runin.txt"));
      fs.writeFileSync(txt, personal);
      await page.getByTestId("open-file").setInputFiles(txt);
      await page.getByTestId("opened-file").filter({ hasText: "个人材料.txt" }).waitFor();
      assert.deepEqual(await texts(page), personal.toString("utf8").split(/\r?\n/));

      const bad = path.join(dir, "坏文件.docx");
      fs.writeFileSync(bad, "PK\u0003\u0004 不完整");
      const before = await texts(page);
      await page.getByTestId("open-file").setInputFiles(bad);
      await page.getByText(/无法打开“坏文件\.docx”/).waitFor();
      assert.deepEqual(await texts(page), before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  "paste makes one paragraph per line; after Enter typing goes on in the new paragraph": async ({ page, url, assert }) => {
    await page.goto(`${url}/harness.html?doc=empty`);
    await page.locator('[data-text="0"]').waitFor();
    await page.locator('[data-text="0"]').click();
    await page.keyboard.type("标题");
    await page.keyboard.press("Enter");
    await page.keyboard.type("第二段");
    await page.keyboard.press("Enter");
    await page.keyboard.type("第三段");
    await page.waitForFunction(() => window.__tigang.host.paragraphs.length === 3 && window.__tigang.host.paragraphs[2].text === "第三段");
    assert.deepEqual(await texts(page), ["标题", "第二段", "第三段"]);
    // Paste three lines at the end of the second paragraph.
    await page.locator('[data-text="1"]').click();
    await page.keyboard.press("End");
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "甲\r\n乙\n丙");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => window.__tigang.host.paragraphs.length === 5);
    assert.deepEqual(await texts(page), ["标题", "第二段甲", "乙", "丙", "第三段"]);
    // The caret is after the pasted text: typing continues there.
    await page.keyboard.type("丁");
    await page.waitForFunction(() => window.__tigang.host.paragraphs[3].text === "丙丁");
  },
};
