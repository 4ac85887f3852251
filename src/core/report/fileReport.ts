// The JSON contract of `tigang check` (stable: other tools read it) and its construction from a parsed document.
import { docTypeName, type DocTypeId } from "../model";
import { headingToJson, type HeadingJson, type ParsedDocument } from "../parse/parseDocument";

export type Severity = "error" | "warning" | "info";

export interface FindingJson {
  rule: string;
  severity: Severity;
  message: string;
  paragraph: number;
  offset?: number;
  length?: number;
  replacement?: string;
  /** The paragraph's text around the finding (at most 12 characters either side, 40 of the finding), added in 0.1. */
  quote?: string;
}

export interface FileReport {
  file: string;
  /** `reasons`: the signals that decided the detected type, in Chinese (added in 0.2). */
  type: { id: DocTypeId; name: string; confidence: number; reasons?: string[] } | null;
  paragraphs: number;
  outline: HeadingJson[];
  findings: FindingJson[];
  error?: string;
}

export function fileReport(file: string, doc: ParsedDocument, findings: FindingJson[]): FileReport {
  return {
    file,
    type: { id: doc.type.id, name: docTypeName(doc.type.id), confidence: doc.type.confidence, reasons: doc.type.reasons },
    paragraphs: doc.paragraphs.length,
    outline: doc.headings.map(headingToJson),
    findings,
  };
}

export function errorReport(file: string, error: string): FileReport {
  return { file, type: null, paragraphs: 0, outline: [], findings: [], error };
}
