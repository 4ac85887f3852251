// Property: for any text cut into runs of any formatting (with entities and tabs) and any set of ranges, overlapping or
// not, each comment covers exactly its range and the document keeps every character with its run's properties.
import fc from "fast-check";
import { annotateDocx } from "../../../src/core/annotate/annotateDocx";
import { readDocxContent } from "../../../src/core/io/readDocx";
import type { FindingJson } from "../../../src/core/report/fileReport";
import { nodeInflate } from "../../../src/cli/nodeInflate";
import { makeDocx } from "../../support/makeDocx";
import { markers, parts, text, tokens } from "../../support/docxPackage";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const RPR = ["", "<w:rPr><w:b/></w:rPr>", '<w:rPr><w:color w:val="FF0000"/><w:sz w:val="28"/></w:rPr>', "<w:rPr/>"];

const piece = fc.record({ text: fc.string({ unit: fc.constantFrom("整", "改", "落", "实", "&", "<", " ", "a", "\t", "😀"), minLength: 1, maxLength: 6 }), rPr: fc.nat(RPR.length - 1), preserve: fc.boolean() });
const paragraph = fc.array(piece, { minLength: 0, maxLength: 5 });

function runXml(p: { text: string; rPr: number; preserve: boolean }): string {
  const t = p.text
    .split("\t")
    .map((s) => (s ? `<w:t${p.preserve || /^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${esc(s)}</w:t>` : ""))
    .join("<w:tab/>");
  return `<w:r>${RPR[p.rPr]}${t}</w:r>`;
}

test("comments cover exactly their ranges, and nothing else changes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 6 }), async (paras, picks) => {
      const body = paras.map((runs) => `<w:p>${runs.map(runXml).join("")}</w:p>`).join("");
      const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
      const bytes = await makeDocx([], { "word/document.xml": xml });
      const content = await readDocxContent(bytes, { positions: true, inflate: nodeInflate });
      const texts = content.paragraphs.map((p) => p.text);
      const findings: FindingJson[] = picks.map(([a, b, c]) => {
        const paragraph = a % texts.length;
        const len = texts[paragraph].length;
        if (!len || c % 4 === 0) return { rule: "r", severity: "info", message: "整段", paragraph };
        const offset = b % len;
        return { rule: "r", severity: "warning", message: "一段文字", paragraph, offset, length: 1 + (c % (len - offset)) };
      });
      const out = await annotateDocx(bytes, content, findings, { date: "2026-01-01T00:00:00Z", inflate: nodeInflate });
      const after = await parts(out.bytes);
      const doc = text(after.get("word/document.xml"));
      expect(tokens(doc)).toEqual(tokens(xml));
      const marks = markers(doc);
      expect(out.added).toBe(findings.length);
      const ids = [...marks.keys()].sort((x, y) => Number(x) - Number(y));
      findings.forEach((f, i) => {
        const m = marks.get(ids[i])!;
        expect(m).toMatchObject({ starts: 1, ends: 1, refs: 1, order: ["start", "end", "ref"], paragraph: f.paragraph });
        const t = texts[f.paragraph];
        // Ranges widen to whole characters (never half a surrogate pair).
        const low = (k: number) => /[\udc00-\udfff]/.test(t[k] ?? "");
        const from = f.offset !== undefined && low(f.offset) ? f.offset - 1 : f.offset;
        const to = f.length ? f.offset! + f.length + (low(f.offset! + f.length) ? 1 : 0) : 0;
        expect(m.covered).toBe(f.length ? t.slice(from, to) : t);
      });
    }),
    { numRuns: 200 },
  );
}, 60_000);
