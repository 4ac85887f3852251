// The size of a full read (snapshot) of a 500-page document, as Word would send it back: every field the read loads,
// per paragraph, as JSON, plus the two cursor collections and, on WordApi 1.4, the reviewed text. Written to
// test-results/read-size.json for the README; bounded by the 5 MB Office documents for Excel on the web's responses
// (no figure is published for Word on the web).
import fs from "node:fs";
import path from "node:path";
import { WordHost } from "../../src/host/wordHost";
import { createWordMock, type FakeParagraphInit } from "../support/wordMock";

// A page of 公文 (GB/T 9704): 22 lines of 28 characters. One heading and five body paragraphs of about 120 characters.
const PAGES = 500;
const BODY = "坚持以问题为导向，对照职责任务逐项梳理，把查摆出的问题细化为具体任务，明确责任人和完成时限，做到件件有着落、事事有回音，确保整改工作取得实效，切实把学习成果转化为推动工作的实际成效。".slice(0, 120);

function fiveHundredPages(): FakeParagraphInit[] {
  const out: FakeParagraphInit[] = [];
  for (let page = 0; page < PAGES; page++) {
    out.push({ text: `（${page % 9}）第${page + 1}部分的小标题`, styleBuiltIn: "Heading2", list: page % 2 ? { id: 5, level: 1, label: `（${page % 9}）` } : undefined });
    for (let i = 0; i < 5; i++) out.push({ text: BODY });
  }
  return out;
}

test("a full read of a 500-page document stays well under 5 MB in one response", async () => {
  const paras = fiveHundredPages();
  const word = createWordMock(paras, paras.length - 1);
  const host = new WordHost({ run: word.run, isSetSupported: (n, v) => n === "WordApi" && Number(v) <= 1.4 });
  const snap = await host.snapshot();
  expect(word.syncs()).toBe(1);
  // What Word returns for the loaded fields (office.js response objects carry each field by name).
  const perParagraph = word.world.paragraphs.map((p) => ({
    text: p.text,
    style: p.style,
    styleBuiltIn: p.styleBuiltIn,
    outlineLevel: p.outlineLevel,
    isListItem: p.isListItem,
    tableNestingLevel: p.tableNestingLevel,
    listItemOrNullObject: p.list ? { listString: p.list.label, level: p.list.level } : { _IsNull: true },
    listOrNullObject: p.list ? { id: p.list.id } : { _IsNull: true },
  }));
  const cursorCollections = 2 * Buffer.byteLength(JSON.stringify(word.world.paragraphs.map((p) => ({ tableNestingLevel: p.tableNestingLevel }))));
  const reviewed = Buffer.byteLength(JSON.stringify(snap.paragraphs.map((p) => p.text).join("\r")));
  const bytes = Buffer.byteLength(JSON.stringify(perParagraph)) + cursorCollections + reviewed;
  const characters = snap.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const out = path.resolve(__dirname, "../../test-results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "read-size.json"), JSON.stringify({ pages: PAGES, paragraphs: snap.paragraphs.length, characters, bytes }, null, 2) + "\n");
  expect(bytes).toBeLessThan(5 * 1024 * 1024);
});
