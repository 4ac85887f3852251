// One file's check report from its paragraphs: the same parse and rules for `tigang check` and the reviewing page.
import type { DocTypeId, Paragraph } from "../model";
import { parseDocument } from "../parse/parseDocument";
import { checkDocument, findingToJson } from "../check/engine";
import { errorReport, fileReport, type FileReport } from "./fileReport";

export function checkReport(file: string, paragraphs: Paragraph[], type?: DocTypeId): FileReport {
  const doc = parseDocument(paragraphs, { type });
  const findings = checkDocument(doc).map((f) => findingToJson(f, doc.paragraphs[f.paragraph]?.text));
  return fileReport(file, doc, findings);
}

/** The report of a file that could not be read: an InputError's own Chinese message, or a generic one for anything else. */
export function unreadableReport(file: string, e: unknown): FileReport {
  const msg = e instanceof Error && e.name === "InputError" ? e.message : `读取失败：${(e as Error)?.message ?? e}`;
  return errorReport(file, msg);
}
