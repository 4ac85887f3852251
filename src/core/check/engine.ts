// Runs the rules over a parsed document: severities and switches from settings, ignored findings and words, messages filled in.
import type { ParsedDocument } from "../parse/parseDocument";
import type { FindingJson } from "../report/fileReport";
import { ALL_RULES } from "./rules";
import type { Finding, ReportInput, Rule, Severity } from "./types";

export interface CheckSettings {
  /** Rule ids switched off. */
  disabled?: readonly string[];
  /** Severity overrides by rule id. */
  severities?: Readonly<Record<string, Severity>>;
  /** Keys of single findings the user ignored. */
  ignored?: readonly string[];
  /** Words never to report (typo, formulation, placeholder …). */
  ignoreWords?: readonly string[];
}

export function fillMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export function checkDocument(doc: ParsedDocument, settings: CheckSettings = {}, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const disabled = new Set(settings.disabled ?? []);
  const ignored = new Set(settings.ignored ?? []);
  const ignoreWords = (settings.ignoreWords ?? []).filter((w) => w.length > 0);
  const findings: Finding[] = [];
  // One hash per paragraph, not per finding: a 100,000-character paragraph can carry thousands of findings.
  const hashes = new Map<number, string>();
  const hashOf = (paragraph: number, text: string) => {
    let h = hashes.get(paragraph);
    if (h === undefined) hashes.set(paragraph, (h = hash(text)));
    return h;
  };
  for (const rule of rules) {
    if (disabled.has(rule.meta.id)) continue;
    const severityDefault = settings.severities?.[rule.meta.id];
    const report = (r: ReportInput) => {
      const text = doc.paragraphs[r.paragraph]?.text ?? "";
      const [start, end] = r.range ?? [0, 0];
      const found = text.slice(start, end);
      if (found && ignoreWords.some((w) => found.includes(w) || w.includes(found))) return;
      const template = rule.meta.messages[r.messageId] ?? r.messageId;
      const finding: Finding = {
        rule: rule.meta.id,
        severity: severityDefault ?? r.severity ?? rule.meta.severity,
        message: fillMessage(template, r.data),
        paragraph: r.paragraph,
        offset: start,
        length: end - start,
        key: `${rule.meta.id}:${hashOf(r.paragraph, text)}:${r.messageId}:${found || r.paragraph}`,
      };
      if (r.fix) {
        const [fs, fe] = r.fix.range ?? [start, end];
        finding.fix = { paragraph: r.paragraph, offset: fs, length: fe - fs, text: r.fix.text, expected: text.slice(fs, fe) };
      }
      if (!ignored.has(finding.key)) findings.push(finding);
    };
    try {
      rule.check(doc, report, { ignoreWords });
    } catch {
      // A rule that trips over odd input must not take the others down; its silence is the cost.
    }
  }
  findings.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset || a.rule.localeCompare(b.rule));
  return findings;
}

const QUOTE_CONTEXT = 12;
const QUOTE_MAX = 40;

/** The finding's text with a little context, in three parts (the pane marks the middle one); ellipses where cut. */
export function quoteParts(text: string, offset: number, length: number): { before: string; found: string; after: string } {
  if (length <= 0) return { before: "", found: "", after: text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text };
  const start = Math.max(0, offset - QUOTE_CONTEXT);
  const end = Math.min(text.length, offset + Math.min(length, QUOTE_MAX) + QUOTE_CONTEXT);
  const found = length > QUOTE_MAX ? `${text.slice(offset, offset + QUOTE_MAX)}…` : text.slice(offset, offset + length);
  const after = text.slice(offset + length, Math.max(offset + length, end));
  return { before: `${start > 0 ? "…" : ""}${text.slice(start, offset)}`, found, after: `${after}${offset + length < text.length && end < text.length ? "…" : ""}` };
}

/** The finding's text with a little context, for reviewers reading a report without the document open. */
export function quoteOf(text: string, offset: number, length: number): string {
  const q = quoteParts(text, offset, length);
  return q.before + q.found + q.after;
}

/** A finding in the JSON contract; with the paragraph's text, `quote` shows where it is. */
export function findingToJson(f: Finding, paragraphText?: string): FindingJson {
  const out: FindingJson = { rule: f.rule, severity: f.severity, message: f.message, paragraph: f.paragraph };
  if (f.length > 0) {
    out.offset = f.offset;
    out.length = f.length;
  }
  if (paragraphText !== undefined && paragraphText.trim()) out.quote = quoteOf(paragraphText, f.offset, f.length);
  if (f.fix) out.replacement = f.fix.text;
  return out;
}
