// Builds .docx files for tests from a paragraph spec (hand-built WordprocessingML zipped with jszip).
import JSZip from "jszip";

export interface DocxParagraph {
  text: string;
  /** List level (0-based) in the document's multilevel list. */
  list?: number;
  /** The list instance: 1, or 2 for one that restarts its numbering (startOverride), as Word's 重新开始编号 makes. */
  numId?: number;
  style?: string;
  inTable?: boolean;
  /** Text inserted (w:ins) and deleted (w:del) as tracked changes, appended after `text`. */
  inserted?: string;
  deleted?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraphXml(p: DocxParagraph): string {
  const ppr = [p.style ? `<w:pStyle w:val="${p.style}"/>` : "", p.list !== undefined ? `<w:numPr><w:ilvl w:val="${p.list}"/><w:numId w:val="${p.numId ?? 1}"/></w:numPr>` : ""].join("");
  const runs = [`<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r>`];
  if (p.deleted) runs.push(`<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>${esc(p.deleted)}</w:delText></w:r></w:del>`);
  if (p.inserted) runs.push(`<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>${esc(p.inserted)}</w:t></w:r></w:ins>`);
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ""}${runs.join("")}</w:p>`;
}

export const GBT_NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

export async function makeDocx(paragraphs: DocxParagraph[], extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const body: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length) body.push(`<w:tbl>${table.map((c) => `<w:tr><w:tc>${c}</w:tc></w:tr>`).join("")}</w:tbl>`);
    table = [];
  };
  for (const p of paragraphs) {
    if (p.inTable) table.push(paragraphXml(p));
    else {
      flush();
      body.push(paragraphXml(p));
    }
  }
  flush();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join("")}<w:sectPr/></w:body></w:document>`);
  // The package relationships Word writes: the main part, and the styles and numbering parts it uses.
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument", "word/document.xml")}</Relationships>`);
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "styles", "styles.xml")}${rel("rId2", "numbering", "numbering.xml")}</Relationships>`);
  zip.file("word/numbering.xml", GBT_NUMBERING);
  zip.file("word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array" });
}

/** Turn typed markers of a text fixture into automatic list numbering: "一、存在的问题" → list level 0 with text "存在的问题". */
export function toAutoNumbered(lines: string[]): DocxParagraph[] {
  let numId = 1;
  let seenTop = false;
  return lines.map((line) => {
    const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)(.*)$/.exec(line);
    if (!m) return { text: line };
    const level = m[1].endsWith("、") ? 0 : m[1].startsWith("（") ? 1 : 2;
    // A level-1 heading typed as 一、 again restarts the list: Word's 重新开始于一.
    if (level === 0 && m[1] === "一、" && seenTop) numId = 2;
    if (level === 0) seenTop = true;
    return { text: m[2], list: level, numId };
  });
}
