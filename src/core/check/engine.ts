// Runs the rules over a parsed document: severities and switches from settings, ignored findings and words, messages filled in.
import type { ParsedDocument } from "../parse/parseDocument";
import type { FindingJson } from "../report/fileReport";
import { ALL_RULES } from "./rules";
import { ignoredAt } from "./rules/common";
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

/**
 * The word 不是错字 adds to the ignored words for a finding: its text, or for a single character (的 → 地, 做 → 作) the
 * character with up to two Chinese characters on each side, so that this phrase is left alone and the character
 * elsewhere is still checked.
 */
export function wordToIgnore(text: string, offset: number, length: number): string {
  if (length >= 2) return text.slice(offset, offset + length);
  const han = (i: number) => i >= 0 && i < text.length && /[\u4e00-\u9fff]/.test(text[i]);
  let a = offset;
  while (a > offset - 2 && han(a - 1)) a--;
  let b = offset + length;
  while (b < offset + length + 2 && han(b)) b++;
  return text.slice(a, b);
}

/** Rules whose findings name wrong text to replace: where two of their findings are one defect, only one is reported. */
const TEXT_RULES = new Set(["typo", "formulation"]);
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Whether `inner`'s correction is part of `outer`'s: the same change (学懂弄通作实 → 学懂弄通做实 from both tables), or
 * a change inside it that `outer` makes too (奢糜 → 奢靡 inside 奢糜之风 → 奢靡之风). Both must have fixes, `inner`'s
 * within `outer`'s, and `outer`'s replacement must carry `inner`'s at the same place.
 */
function partOf(outer: Finding, inner: Finding): boolean {
  const o = outer.fix;
  const i = inner.fix;
  if (!o || !i || i.offset < o.offset || i.offset + i.length > o.offset + o.length) return false;
  const r = i.offset - o.offset;
  if (o.text === o.expected.slice(0, r) + i.text + o.expected.slice(r + i.length)) return true;
  // Same change in length: the places line up, and outer may correct more around it.
  return o.text.length - o.length === i.text.length - i.length && o.text.startsWith(i.text, r);
}

/**
 * One finding per defect among the text rules (the typo table, the lexicon's guesses, the formulation rule): where two
 * overlap and are the same correction, the more specific stays — a listed form over a lexicon guess, the longer span
 * over one inside it, the formulation over the typo on the same span — with the higher of their severities, since
 * two sources agree. A lexicon guess overlapping a listed wrong form yields to it even when the corrections differ:
 * the table knows the phrase (一岗两责 is 一岗双责). Different corrections of overlapping text are different defects.
 */
function oneFindingPerDefect(findings: Finding[], guesses: ReadonlySet<Finding>): Finding[] {
  const byParagraph = new Map<number, Finding[]>();
  for (const f of findings) {
    if (!TEXT_RULES.has(f.rule) || f.length === 0) continue;
    const l = byParagraph.get(f.paragraph);
    if (l) l.push(f);
    else byParagraph.set(f.paragraph, [f]);
  }
  const dropped = new Set<Finding>();
  for (const list of byParagraph.values()) {
    if (list.length < 2) continue;
    const specificity = (f: Finding) => (guesses.has(f) ? 0 : 1) * 1e6 + f.length * 10 + (f.rule === "formulation" ? 1 : 0);
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x], list[y]];
        if (dropped.has(a) || dropped.has(b)) continue;
        if (!(a.offset < b.offset + b.length && b.offset < a.offset + a.length)) continue;
        const [keep, drop] = specificity(a) >= specificity(b) ? [a, b] : [b, a];
        const same = partOf(keep, drop);
        if (!same && !(a.rule !== b.rule && guesses.has(drop) && !guesses.has(keep))) continue;
        dropped.add(drop);
        if (same && RANK[drop.severity] > RANK[keep.severity]) keep.severity = drop.severity;
      }
    }
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

export function checkDocument(doc: ParsedDocument, settings: CheckSettings = {}, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const disabled = new Set(settings.disabled ?? []);
  const ignored = new Set(settings.ignored ?? []);
  const ignoreWords = (settings.ignoreWords ?? []).filter((w) => w.length > 0);
  let findings: Finding[] = [];
  const guesses = new Set<Finding>();
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
      if (found && ignoreWords.length && ignoredAt(text, start, end, ignoreWords)) return;
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
      findings.push(finding);
      if (r.guess) guesses.add(finding);
    };
    try {
      rule.check(doc, report, { ignoreWords });
    } catch {
      // A rule that trips over odd input must not take the others down; its silence is the cost.
    }
  }
  // Repeats are merged before single findings are ignored: ignoring the one reported hides the defect, not just a copy.
  findings = oneFindingPerDefect(findings, guesses);
  if (ignored.size) findings = findings.filter((f) => !ignored.has(f.key));
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

