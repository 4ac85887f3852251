// The reviewing page (审核台) end to end: 20 files through the file input, progress to the end, filter, one file's
// findings and outline, CSV export, an annotated copy checked as a Word package; screenshots at 1280 and 1024 px.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { docxFromLines } from "./docx.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** An independent check of an annotated copy: comments part, relationship, content type, matched markers per comment. */
async function verifyAnnotated(bytes) {
  const zip = await JSZip.loadAsync(bytes);
  const rels = await zip.file("word/_rels/document.xml.rels").async("string");
  const target = /Type="[^"]*\/relationships\/comments" Target="([^"]+)"/.exec(rels)?.[1];
  if (!target) throw new Error("批注副本缺少批注部件的关系");
  const types = await zip.file("[Content_Types].xml").async("string");
  if (!types.includes(`PartName="/word/${target}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"`)) throw new Error("批注部件缺少内容类型");
  const comments = await zip.file(`word/${target}`).async("string");
  const doc = await zip.file("word/document.xml").async("string");
  const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*>[\s\S]*?<\/w:comment>/g)];
  for (const [, id] of ids) {
    for (const tag of ["commentRangeStart", "commentRangeEnd", "commentReference"]) {
      const n = doc.split(`<w:${tag} w:id="${id}"/>`).length - 1;
      if (n !== 1) throw new Error(`批注 ${id} 的 ${tag} 有 ${n} 个`);
    }
    if (doc.indexOf(`<w:commentRangeStart w:id="${id}"/>`) > doc.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)) throw new Error(`批注 ${id} 的起止颠倒`);
  }
  return ids.map((m) => m[0]);
}

/** Central-directory entries of a zip: name bytes decoded as UTF-8, and whether the UTF-8 flag (bit 11) is set. */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const flags = buf.readUInt16LE(p + 8);
    const n = buf.readUInt16LE(p + 28);
    out.push({ name: buf.subarray(p + 46, p + 46 + n).toString("utf8"), utf8: (flags & 0x0800) !== 0 });
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** 20 inputs: the realistic and clean fixtures as .docx and .txt, plus a corrupt .docx, an encrypted one, a Word 97 .doc and a picture to skip. */
async function makeInputs() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-review-"));
  const fixtures = ["realistic", "clean"].flatMap((d) => fs.readdirSync(path.join(root, "test/fixtures", d)).map((f) => path.join(root, "test/fixtures", d, f)));
  const files = [];
  for (const [i, f] of fixtures.entries()) {
    const lines = fs.readFileSync(f, "utf8").split(/\r?\n/);
    // Defects a reviewer sends back: a placeholder and a half-width comma in the third paragraph, and on every
    // other file no closing sentence.
    lines[2] = `${lines[2]}请于X月X日前报送,逾期不候。`;
    if (i % 2 === 0) while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
    if (i % 2 === 0) lines.pop();
    const base = path.basename(f, ".txt");
    if (i % 3 === 2) {
      fs.copyFileSync(f, path.join(dir, `${base}.txt`));
      files.push(path.join(dir, `${base}.txt`));
    } else {
      const out = path.join(dir, `${i % 2 ? "草稿" : "材料"}-${base}.docx`);
      fs.writeFileSync(out, await docxFromLines(lines));
      files.push(out);
    }
  }
  fs.writeFileSync(path.join(dir, "损坏的文件.docx"), Buffer.from("PK\u0003\u0004 这不是完整的压缩包"));
  // OLE compound files: a password-protected .docx (its EncryptedPackage stream) and a Word 97 document (WordDocument).
  const ole = (stream) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, "utf16le"), Buffer.alloc(64)]);
  fs.writeFileSync(path.join(dir, "加密文件.docx"), ole("EncryptedPackage"));
  fs.writeFileSync(path.join(dir, "旧版文件.doc"), ole("WordDocument"));
  fs.writeFileSync(path.join(dir, "照片.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  files.push(...["损坏的文件.docx", "加密文件.docx", "旧版文件.doc", "照片.png"].map((n) => path.join(dir, n)));
  return { dir, files };
}

export const tests = {
  "审核台: 20 files, filter, detail, CSV, annotated copy": async ({ page, url, assert, screenshot }) => {
    const { dir, files } = await makeInputs();
    try {
      assert.equal(files.length, 21, "20 documents and one picture");
      await page.goto(`${url}/review.html`);
      await page.locator("#choose-files").setInputFiles(files);
      await page.locator('#progress[data-state="done"]').waitFor({ timeout: 60_000 });
      const progress = await page.locator("#progress-text").textContent();
      assert.match(progress, /检查完成：20 个文件/);
      // 20 rows in the table (it draws those in view: aria-rowcount counts them all, the header row included).
      assert.equal(await page.locator("#review-table").getAttribute("aria-rowcount"), "21");
      assert.match(await page.locator("#summary").textContent(), /已跳过 1 个非文档文件/);
      // Files chosen the instant the page opened are checked all the same; by now every worker has said it is ready.
      await page.waitForFunction(() => document.documentElement.dataset.checkers === "ready", null, { timeout: 30_000 });
      assert.equal(await page.locator("#checkers").textContent(), "检查程序已就绪");
      // On a narrow window the table keeps its columns and scrolls sideways: the file names stay readable.
      for (const width of [320, 450]) {
        await page.setViewportSize({ width, height: 800 });
        const nameWidth = await page.locator("#rows tr td.name").first().evaluate((td) => td.getBoundingClientRect().width);
        assert.ok(nameWidth >= 100, `file-name column ${Math.round(nameWidth)} px wide at ${width} px`);
        await screenshot(`review-${width}`);
      }
      await page.setViewportSize({ width: 1280, height: 860 });
      await screenshot("review-1280");

      // Sort by errors (most first), then filter to files with errors.
      await page.locator('th[data-sort="error"] button').click();
      await page.locator('th[data-sort="error"][aria-sort="descending"]').waitFor();
      const firstName = await page.locator("#rows tr td.name").first().textContent();
      assert.ok(/损坏|加密|旧版/.test(firstName), `无法读取的文件排在最前：${firstName}`);
      await page.locator("#filter-status").selectOption("unreadable");
      await page.waitForFunction(() => document.querySelectorAll("#rows tr").length === 3);
      // Unreadable files: a Chinese message each, the others read.
      const messages = await page.locator("#rows tr.unreadable td.error-text").allTextContents();
      assert.equal(messages.length, 3);
      assert.ok(messages.some((m) => /加密/.test(m)) && messages.some((m) => /\.doc 格式|Word 97/.test(m)) && messages.some((m) => /损坏|截断/.test(m)), messages.join(" | "));
      await page.locator("#filter-status").selectOption("all");
      await page.locator("#filter-text").fill("personal-review-restart");
      await page.waitForFunction(() => document.querySelectorAll("#rows tr").length === 1);

      // One file: findings by section with quotes, the heading tree with roles.
      await page.locator("#rows tr td.name button").first().click();
      await page.locator("#detail h3", { hasText: "问题（按部分）" }).waitFor();
      assert.ok((await page.locator("#detail .outline li").count()) >= 3, "提纲至少三个标题");
      assert.ok((await page.locator("#detail .outline .role").allTextContents()).includes("存在的问题"));
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot("review-1024");

      // CSV: UTF-8 with BOM, one row per finding of the shown file.
      const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
      const csv = fs.readFileSync(await csvDownload.path());
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "CSV 以 UTF-8 BOM 开头");
      const reports = await page.evaluate(() => window.__review.reports());
      const shown = reports.find((r) => r.file.includes("personal-review-restart"));
      const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
      assert.equal(lines[0].split(",")[0], "文件");
      assert.equal(lines.length - 1, shown.findings.length, "每个问题一行");
      assert.match(csvDownload.suggestedFilename(), /\.csv$/);

      // HTML report: the CLI's format.
      const [htmlDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#export-html").click()]);
      const html = fs.readFileSync(await htmlDownload.path(), "utf8");
      assert.match(html, /<h1>提纲助手检查报告<\/h1>/);
      assert.match(html, /共 1 个文件/);

      // The shown file's annotated copy: one comment per finding, each anchored and referenced once.
      await page.locator("#author").fill("市委组织部");
      await page.locator("#author").dispatchEvent("change");
      const [docxDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#detail button", { hasText: "下载批注副本" }).click()]);
      assert.equal(docxDownload.suggestedFilename(), "草稿-personal-review-restart.docx");
      const annotated = fs.readFileSync(await docxDownload.path());
      const comments = await verifyAnnotated(annotated);
      assert.ok(shown.findings.length >= 2, "the injected defects are found");
      assert.equal(comments.length, shown.findings.length);
      assert.ok(comments.every((c) => c.includes('w:author="市委组织部"') && c.includes("【提纲助手】")));

      // All copies as one zip: the readable files, Chinese names in UTF-8 with the flag set.
      await page.locator("#filter-text").fill("");
      await page.waitForFunction(() => document.querySelector("#review-table").getAttribute("aria-rowcount") === "21");
      const [zipDownload] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.locator("#export-zip").click()]);
      const zipBytes = fs.readFileSync(await zipDownload.path());
      const entries = zipEntries(zipBytes);
      assert.equal(entries.length, 17, entries.map((e) => e.name).join(", "));
      assert.ok(entries.some((e) => e.name.startsWith("草稿-")));
      for (const e of entries) assert.equal(e.utf8, /[^\x00-\x7f]/.test(e.name), `${e.name} 的 UTF-8 标志`);
      assert.ok(entries.every((e) => e.name.endsWith(".docx")));
      const inner = await JSZip.loadAsync(zipBytes);
      const first = await inner.file(entries.find((e) => e.name.startsWith("草稿-")).name).async("uint8array");
      assert.ok((await verifyAnnotated(first)).length > 0);
      await page.locator("#status", { hasText: "已下载" }).waitFor();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  "审核台: 200 files, a window of rows drawn, every row reachable by scrolling, keys, sort and filter": async ({ page, url, assert, screenshot }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-review-200-"));
    try {
      const sources = ["realistic", "clean"].flatMap((d) => fs.readdirSync(path.join(root, "test/fixtures", d)).map((f) => path.join(root, "test/fixtures", d, f)));
      const files = [];
      for (let i = 0; i < 200; i++) {
        const file = path.join(dir, `材料${String(i + 1).padStart(3, "0")}-${path.basename(sources[i % sources.length])}`);
        const lines = fs.readFileSync(sources[i % sources.length], "utf8").split(/\r?\n/);
        if (i % 3 === 0) lines[2] = `${lines[2]}请于X月X日前报送,逾期不候。`;
        fs.writeFileSync(file, lines.join("\n"));
        files.push(file);
      }
      await page.goto(`${url}/review.html`);
      await page.locator("#choose-files").setInputFiles(files);
      await page.locator('#progress[data-state="done"]').waitFor({ timeout: 120_000 });
      assert.equal(await page.locator("#review-table").getAttribute("aria-rowcount"), "201");
      const drawn = () => page.$$eval("#rows tr", (trs) => trs.map((tr) => ({ name: tr.querySelector("td.name")?.textContent, index: Number(tr.getAttribute("aria-rowindex")), height: tr.getBoundingClientRect().height })));
      const first = await drawn();
      assert.ok(first.length >= 10 && first.length < 40, `只画视口附近的行：${first.length}`);
      assert.deepEqual(first.map((r) => r.index), first.map((_, i) => i + 2), "aria-rowindex 从 2 起连续");
      assert.ok(first.every((r) => Math.abs(r.height - first[0].height) < 0.5), `行高一致：${first.map((r) => r.height).join(",")}`);
      // The spacers keep the scroll height of all 200 rows.
      const box = page.locator("#table-box");
      const { scrollHeight } = await box.evaluate((b) => ({ scrollHeight: b.scrollHeight }));
      assert.ok(scrollHeight >= 200 * first[0].height, `可滚动高度 ${scrollHeight}`);
      await page.setViewportSize({ width: 1280, height: 860 });
      await screenshot("review-200-1280");
      await page.setViewportSize({ width: 1024, height: 768 });
      await screenshot("review-200-1024");

      // Scrolling to the end draws the last rows, and only a window of them.
      await box.evaluate((b) => (b.scrollTop = b.scrollHeight));
      await page.locator("#rows tr td.name", { hasText: "材料200-" }).waitFor();
      const last = await drawn();
      assert.equal(last[last.length - 1].index, 201);
      assert.ok(last.length < 40 && !last.some((r) => /材料001-/.test(r.name)));

      // The keyboard: Home and End on a file name reach the first and last rows, the arrows the next ones.
      await box.evaluate((b) => (b.scrollTop = 0));
      await page.locator("#rows tr td.name", { hasText: "材料001-" }).waitFor();
      await page.locator("#rows tr td.name button").first().focus();
      const focused = () => page.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        const b = document.getElementById("table-box").getBoundingClientRect();
        return { name: a.textContent, inView: r.top >= b.top && r.bottom <= b.bottom + 1 };
      });
      await page.keyboard.press("End");
      assert.deepEqual(await focused(), { name: path.basename(files[199]), inView: true });
      await page.keyboard.press("ArrowUp");
      assert.deepEqual(await focused(), { name: path.basename(files[198]), inView: true });
      await page.keyboard.press("Home");
      assert.deepEqual(await focused(), { name: path.basename(files[0]), inView: true });
      for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowDown");
      assert.deepEqual(await focused(), { name: path.basename(files[30]), inView: true });
      await page.keyboard.press("PageDown");
      const paged = await focused();
      assert.ok(paged.inView && paged.name > path.basename(files[33]), `Page Down 至少下移几行：${paged.name}`);

      // Sort by name, descending: the last file comes first, at the top of the table.
      await page.locator('th[data-sort="name"] button').click();
      await page.locator('th[data-sort="name"] button').click();
      await page.locator('th[data-sort="name"][aria-sort="descending"]').waitFor();
      await box.evaluate((b) => (b.scrollTop = 0));
      await page.waitForFunction(() => /材料200-/.test(document.querySelector("#rows tr td.name")?.textContent ?? ""));

      // The filter finds a file however far down it is.
      await page.locator("#filter-text").fill("材料137-");
      await page.waitForFunction(() => document.querySelectorAll("#rows tr").length === 1);
      assert.match(await page.locator("#rows tr td.name").textContent(), /^材料137-/);
      assert.equal(await page.locator("#review-table").getAttribute("aria-rowcount"), "2");
      assert.equal(await page.locator("#rows-before").isHidden(), true);
      assert.equal(await page.locator("#rows-after").isHidden(), true);

      // Choosing another type checks that file again; its row is drawn anew, the focus stays in it.
      const type = page.locator("#rows tr select");
      const other = await type.evaluate((s) => [...s.options].find((o) => !o.selected).value);
      await type.focus();
      await type.selectOption(other);
      await page.locator('#progress[data-state="done"]').waitFor();
      await page.waitForFunction((v) => document.querySelector("#rows tr select")?.value === v, other);
      assert.ok(!/（自动）/.test(await page.locator("#rows tr select option:checked").textContent()));
      assert.ok(await page.evaluate(() => !!document.activeElement.closest("#rows tr")), "焦点仍在该行");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
