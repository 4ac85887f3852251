// Applying fixes in Word: read, verify every target (unique search hit, nothing but text where a paragraph goes whole), then write.
import type { Fix } from "../../core/check/types";
import { brokenGroups } from "../../core/check/applyFixes";
import type { ApplyResult } from "../DocumentHost";
import { onlyText, oneRunFormat, planSpan, queueContentCheck, queueKeySearch, verifiedHit, type ContentCheck, type SpanPlan } from "./locate";
import { queueReviewedText, reviewedTexts, writeSync, type Ctx, type WordHostDeps } from "./shared";

/** At most this many paragraphs are checked through their OOXML in one action (each answer carries a package). */
export const MAX_CONTENT_CHECKS = 40;

type Planned =
  | { fix: Fix; para: Word.Paragraph; kind: "delete"; check: ContentCheck }
  | { fix: Fix; para: Word.Paragraph; kind: "whole"; check: ContentCheck }
  | { fix: Fix; para: Word.Paragraph; kind: "span"; span: SpanPlan; found: Word.RangeCollection | null };

/**
 * Apply fixes, last to first, in 3 syncs: (1) read the body's text (and, on WordApi 1.4, the reviewed text the fixes
 * were computed on), (2) load each fix's search hit or its paragraph's content check, (3) write only what was verified.
 * A fix is refused (skipped), never misapplied: stale text, overlap, no unique hit, a paragraph that holds more than text.
 */
export async function applyFixesIn(context: Ctx, deps: WordHostDeps, fixes: Fix[]): Promise<ApplyResult> {
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  const track = queueReviewedText(context, deps);
  await context.sync();
  const raw = paras.items.map((p) => p.text ?? "");
  const texts = reviewedTexts(raw, track.text);

  const sorted = [...fixes].sort((a, b) => b.paragraph - a.paragraph || b.offset - a.offset);
  const plan: Planned[] = [];
  const refused: Fix[] = [];
  let checks = 0;
  let lastStart: { paragraph: number; offset: number } | null = null;
  for (const fix of sorted) {
    const para = paras.items[fix.paragraph];
    const text = texts[fix.paragraph];
    const overlaps = lastStart && lastStart.paragraph === fix.paragraph && fix.offset + fix.length > lastStart.offset;
    if (text === undefined || overlaps || text.slice(fix.offset, fix.offset + fix.length) !== fix.expected) {
      refused.push(fix);
      continue;
    }
    const whole = fix.offset === 0 && fix.length === text.length;
    if (fix.deleteParagraph && (!whole || fix.text !== "")) {
      refused.push(fix);
      continue;
    }
    // A tracked change in the paragraph: its reviewed text is not what Word holds, so only a unique key will do.
    const tracked = raw[fix.paragraph] !== text;
    let entry: Planned | null = null;
    // A whole paragraph fixed to nothing goes with its paragraph mark (as in the in-memory host).
    if (fix.deleteParagraph || (whole && fix.text === "" && fix.length > 0)) {
      if (!tracked && checks < MAX_CONTENT_CHECKS) {
        checks++;
        entry = { fix, para, kind: "delete", check: queueContentCheck(para) };
      }
    } else {
      const span = planSpan(text, raw[fix.paragraph], fix.offset, fix.expected, fix.text);
      // Keys widened by neighbours must not share characters with the edit after them (already planned).
      if (span && lastStart?.paragraph === fix.paragraph && span.to > lastStart.offset) entry = null;
      else if (span) entry = { fix, para, kind: "span", span, found: span.kind === "key" ? queueKeySearch(para, span.key) : null };
      else if (whole && !tracked && checks < MAX_CONTENT_CHECKS) {
        // No searchable span (over 255 characters): the paragraph is replaced whole, if it holds plain text in one format.
        checks++;
        entry = { fix, para, kind: "whole", check: queueContentCheck(para) };
      }
    }
    if (!entry) {
      refused.push(fix);
      continue;
    }
    plan.push(entry);
    lastStart = { paragraph: fix.paragraph, offset: entry.kind === "span" ? Math.min(fix.offset, entry.span.from) : fix.offset };
  }
  if (plan.length && !plan.every((s) => brokenGroups(refused).has(s.fix.group ?? NaN))) await context.sync();

  // Verify, then queue the writes (last to first): a target that fails its check is refused here, before any write.
  const writes: { fix: Fix; write: () => void }[] = [];
  for (const s of plan) {
    let write: (() => void) | null = null;
    if (s.kind === "delete") {
      if (onlyText(s.check)) write = () => s.para.delete();
    } else if (s.kind === "whole") {
      if (onlyText(s.check) && oneRunFormat(s.check)) write = () => s.para.insertText(s.fix.text, "Replace");
    } else if (s.span.kind === "key") {
      const hit = s.found && verifiedHit(s.found, s.span.key);
      const replacement = s.span.replacement;
      if (hit) write = () => hit.insertText(replacement, "Replace");
    } else {
      const { kind, insert } = s.span;
      write = () => s.para.insertText(insert, kind === "start" ? "Start" : "End");
    }
    if (write) writes.push({ fix: s.fix, write });
    else refused.push(s.fix);
  }
  // A group with a refused member (a join whose line holds a picture) is not applied at all.
  const broken = brokenGroups(refused);
  const go = writes.filter((w) => w.fix.group === undefined || !broken.has(w.fix.group));
  if (!go.length) return { applied: 0, skipped: fixes.length };
  for (const w of go) w.write();
  await writeSync(context, raw);
  return { applied: go.length, skipped: fixes.length - go.length };
}
