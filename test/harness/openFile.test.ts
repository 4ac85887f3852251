// The harness opens real files through the same readers, and pasting several lines makes one paragraph per line.
import fs from "node:fs";
import path from "node:path";
import { levelFromLabel, paragraphsToDocument } from "../../src/harness/openFile";
import { MemoryHost } from "../../src/host/memoryHost";
import { readDocx } from "../../src/core/io/readDocx";
import { nodeInflate } from "../../src/cli/nodeInflate";
import { checkReport } from "../../src/core/report/checkReport";
import { makeDocx, toAutoNumbered } from "../support/makeDocx";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/realistic", name), "utf8").split(/\r?\n/).filter((l) => l.trim());

describe("opening a file in the harness", () => {
  test("list levels are rebuilt from the labels the reader drew", () => {
    expect(levelFromLabel("（三）", 1)).toEqual({ numFmt: "chineseCounting", lvlText: "（%2）", start: 3 });
    expect(levelFromLabel("1.", 2)).toEqual({ numFmt: "decimal", lvlText: "%3.", start: 1 });
    expect(levelFromLabel("●", 0)).toEqual({ numFmt: "decimal", lvlText: "●" });
  });

  test.each(["team-review-special.txt", "personal-review-restart.txt"])("an auto-numbered .docx (%s): the simulated document has the same text, labels and findings as the reader gives", async (name) => {
    const bytes = await makeDocx(toAutoNumbered(fixture(name)));
    const paragraphs = await readDocx(bytes, { inflate: nodeInflate });
    expect(paragraphs.some((p) => p.listString)).toBe(true);
    const host = new MemoryHost(paragraphsToDocument(paragraphs));
    expect(host.paragraphs.map((p) => p.text)).toEqual(paragraphs.map((p) => p.text));
    expect(host.labels()).toEqual(paragraphs.map((p) => p.listString));
    const snapshot = await host.snapshot();
    expect(checkReport("x", snapshot.paragraphs).findings).toEqual(checkReport("x", paragraphs).findings);
  });

  test("pasting lines: one paragraph per line in the paragraph's style, the caret after the pasted text", () => {
    const host = new MemoryHost({ paragraphs: [{ text: "甲乙丙", styleBuiltIn: "Heading2" }, { text: "后" }] });
    host.setSelection({ paragraph: 0, offset: 1 }, { paragraph: 0, offset: 2 });
    host.pasteText("一\r\n二\n三");
    expect(host.paragraphs.map((p) => [p.text, p.styleBuiltIn])).toEqual([
      ["甲一", "Heading2"],
      ["二", "Heading2"],
      ["三丙", "Heading2"],
      ["后", undefined],
    ]);
    expect(host.selection.start).toEqual({ paragraph: 2, offset: 1 });
    // A selection across paragraphs is not deleted by a paste.
    host.setSelection({ paragraph: 0, offset: 2 }, { paragraph: 3, offset: 1 });
    host.pasteText("X");
    expect(host.paragraphs.map((p) => p.text)).toEqual(["甲一X", "二", "三丙", "后"]);
  });
});
