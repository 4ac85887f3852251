// Parity: the streaming reader gives the same paragraphs as the tree-building reader it replaced (kept in
// test/support/legacyReadDocx.ts as the oracle), over every fixture and generated document.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { readDocx } from "../../../src/core/io/readDocx";
import type { Paragraph } from "../../../src/core/model";
import { legacyReadDocx } from "../../support/legacyReadDocx";
import { makeDocx, toAutoNumbered } from "../../support/makeDocx";

const root = path.join(__dirname, "../../fixtures");
const textFixtures = ["clean", "realistic", "structure"].flatMap((d) =>
  fs
    .readdirSync(path.join(root, d))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(d, f)),
);
const docxFixtures = fs.existsSync(path.join(root, "docx")) ? fs.readdirSync(path.join(root, "docx")).filter((f) => f.endsWith(".docx")) : [];

/** What both readers produce (the new one adds hidden ranges and sources, which the old one never had). */
const comparable = (ps: Paragraph[]) => ps.map(({ text, style, styleBuiltIn, outlineLevel, listString, listLevel, listId, inTable }) => ({ text, style, styleBuiltIn, outlineLevel, listString, listLevel, listId, inTable }));

async function expectParity(bytes: Uint8Array): Promise<number> {
  const want = comparable(await legacyReadDocx(bytes));
  expect(comparable(await readDocx(bytes))).toEqual(want);
  return want.length;
}

describe("reader parity with the tree-building reader", () => {
  test.each(textFixtures)("%s as typed, auto-numbered, in tables and with tracked changes", async (f) => {
    const lines = fs.readFileSync(path.join(root, f), "utf8").split(/\r?\n/);
    expect(await expectParity(await makeDocx(lines.map((text) => ({ text }))))).toBe(lines.length);
    await expectParity(await makeDocx(toAutoNumbered(lines)));
    await expectParity(await makeDocx(lines.map((text, i) => ({ text, inTable: i % 5 === 2, deleted: i % 3 ? undefined : "删", inserted: i % 4 ? undefined : "增" }))));
  });

  test.each(docxFixtures)("docx/%s (written by LibreOffice)", async (f) => {
    expect(await expectParity(new Uint8Array(fs.readFileSync(path.join(root, "docx", f))))).toBeGreaterThan(5);
  });

  test("the benchmark's generated .docx files (multi-run paragraphs, automatic numbering, tables), 70 to 10,000 paragraphs", async () => {
    // Written by the benchmark's own generator (an ES module, so in a child process).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-parity-"));
    const scripts = path.join(__dirname, "../../../scripts");
    const sizes = [70, 107, 144, 181, 218, 255, 292, 310, 1000, 10000];
    const code = `const { generateDocument } = await import(${JSON.stringify(path.join(scripts, "bench.mjs"))});
      const { writeDocx } = await import(${JSON.stringify(path.join(scripts, "bench-docx.mjs"))});
      const fs = await import("node:fs");
      for (const n of ${JSON.stringify(sizes)}) fs.writeFileSync(${JSON.stringify(dir)} + "/" + n + ".docx", await writeDocx(generateDocument(n)));`;
    execFileSync(process.execPath, ["--input-type=module", "-e", code]);
    try {
      for (const n of sizes) {
        const bytes = new Uint8Array(fs.readFileSync(path.join(dir, `${n}.docx`)));
        const count = await expectParity(bytes);
        expect(count).toBeGreaterThanOrEqual(n); // the table cells come on top
        expect((await readDocx(bytes)).filter((p) => p.listString).length).toBeGreaterThan(3);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
