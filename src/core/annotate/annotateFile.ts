// An input file's annotated copy, read and checked by the same core as `tigang check`: a .docx gets comments spliced
// in; a text file becomes a new .docx of its paragraphs, with the comments.
import JSZip from "jszip";
import type { DocTypeId } from "../model";
import { readInputContent } from "../io/readInput";
import { readDocxContent } from "../io/readDocx";
import type { Inflate } from "../io/zip";
import { reportFromContent } from "../report/checkReport";
import { InputError } from "../io/decodeText";
import type { FileReport } from "../report/fileReport";
import { annotateDocx, escapeXml, type AnnotateResult } from "./annotateDocx";

export interface AnnotatedCopy extends AnnotateResult {
  /** The copy's file name: the input's base name, with .docx for a text file. */
  name: string;
  report: FileReport;
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A plain .docx of text paragraphs (body 仿宋 16 pt, as the genre's drafts are set), for annotating a text file. */
export async function textToDocx(lines: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const body = lines.map((t) => (t ? `<w:p><w:r><w:t xml:space="preserve">${t.split("\t").map(escapeXml).join('</w:t><w:tab/><w:t xml:space="preserve">')}</w:t></w:r></w:p>` : "<w:p/>")).join("");
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
  );
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export function annotatedName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.(docx|docm)$/i.test(base) ? base : `${base.replace(/\.[^.]*$/, "")}.docx`;
}

/** Read, check and annotate one file. Throws InputError (a Chinese message) when the file cannot be read. */
export async function annotateFile(name: string, bytes: Uint8Array, options: { type?: DocTypeId; author?: string; date?: string; inflate?: Inflate } = {}): Promise<AnnotatedCopy> {
  const input = await readInputContent(name, bytes, { positions: true, inflate: options.inflate });
  const report = reportFromContent(name, input, options.type);
  if (report.error) throw new InputError(report.error);
  let docxBytes = bytes;
  let content = input.docx;
  if (!content) {
    docxBytes = await textToDocx(input.paragraphs.map((p) => p.text));
    content = await readDocxContent(docxBytes, { positions: true, inflate: options.inflate });
  }
  const result = await annotateDocx(docxBytes, content, report.findings, options);
  return { ...result, name: annotatedName(name), report };
}
