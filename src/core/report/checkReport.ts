// One file's check report from what was read: the same parse and rules for `tigang check`, the reviewing page and the
// annotated copies.
import type { DocTypeId, Paragraph } from "../model";
import type { InputContent } from "../io/readInput";
import { parseDocument } from "../parse/parseDocument";
import { checkDocument, findingToJson } from "../check/engine";
import { errorReport, fileReport, type FileReport } from "./fileReport";

export function checkReport(file: string, paragraphs: Paragraph[], type?: DocTypeId, withFindings = true): FileReport {
  const doc = parseDocument(paragraphs, { type });
  const findings = withFindings ? checkDocument(doc).map((f) => findingToJson(f, doc.paragraphs[f.paragraph]?.text)) : [];
  return fileReport(file, doc, findings);
}

/** The report of a file read: a file without text is an error; content imported from a file that could not be read is said to be unchecked. */
export function reportFromContent(file: string, content: Pick<InputContent, "paragraphs" | "altChunks" | "empty">, type?: DocTypeId, withFindings = true): FileReport {
  if (content.empty) return errorReport(file, "文件中没有文字，无法判断材料类型，也没有可检查的内容。");
  const report = checkReport(file, content.paragraphs, type, withFindings);
  const unread = content.altChunks.filter((c) => !c.read);
  if (withFindings && unread.length) {
    const last = Math.max(0, content.paragraphs.length - 1);
    for (const c of unread) {
      report.findings.push({ rule: "imported-content", severity: "warning", message: `此处插入了外部文件的内容（${c.part}${c.contentType ? `，${c.contentType}` : ""}），未能读取和检查。请在 Word 中打开后另存，使其成为正文。`, paragraph: Math.min(c.paragraph, last) });
    }
    report.findings.sort((a, b) => a.paragraph - b.paragraph);
  }
  return report;
}

/** A message for an error that is not the file's fault, in Chinese (engine messages such as "Maximum call stack size exceeded" never reach the user). */
function internalMessage(e: unknown): string {
  if (e instanceof RangeError) return "读取失败：文件结构过深或过大，超出了程序的处理能力。";
  return `读取失败：程序内部错误（${(e as Error)?.name ?? "Error"}），请把文件发给开发者。`;
}

/** The report of a file that could not be read: an InputError's own Chinese message, or a generic one for anything else. */
export function unreadableReport(file: string, e: unknown): FileReport {
  return errorReport(file, e instanceof Error && e.name === "InputError" ? e.message : internalMessage(e));
}
