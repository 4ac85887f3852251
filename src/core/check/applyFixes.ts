// Applies fixes to paragraph texts: one plan (earlier fixes win overlaps, application last to first) shared with the Word adapter.
import type { Fix } from "./types";

export type SkipReason = "overlap" | "stale" | "out-of-range";

export interface FixPlan {
  /** The fixes to apply, in the order to apply them: last paragraph first, and within a paragraph from the end. */
  ordered: Fix[];
  skipped: { fix: Fix; reason: SkipReason }[];
}

function overlaps(a: Fix, b: Fix): boolean {
  if (a.paragraph !== b.paragraph) return false;
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  // Two insertions at one place would race for the order of their texts.
  if (a.length === 0 && b.length === 0) return a.offset === b.offset;
  if (a.length === 0) return a.offset > b.offset && a.offset < bEnd;
  if (b.length === 0) return b.offset > a.offset && b.offset < aEnd;
  return a.offset < bEnd && b.offset < aEnd;
}

/**
 * Choose the fixes that can go together (in the given order, a fix overlapping one already chosen is skipped) and
 * sort them for application. Without `texts`, fixes are not checked against the current text (the caller does it).
 */
export function planFixes(fixes: readonly Fix[], texts?: readonly string[]): FixPlan {
  const chosen: Fix[] = [];
  const skipped: FixPlan["skipped"] = [];
  const byParagraph = new Map<number, Fix[]>();
  for (const fix of fixes) {
    if (texts) {
      const t = texts[fix.paragraph];
      if (t === undefined || fix.offset < 0 || fix.length < 0 || fix.offset + fix.length > t.length) {
        skipped.push({ fix, reason: "out-of-range" });
        continue;
      }
      if (t.slice(fix.offset, fix.offset + fix.length) !== fix.expected) {
        skipped.push({ fix, reason: "stale" });
        continue;
      }
    }
    const same = byParagraph.get(fix.paragraph) ?? [];
    if (same.some((f) => overlaps(f, fix))) {
      skipped.push({ fix, reason: "overlap" });
      continue;
    }
    same.push(fix);
    byParagraph.set(fix.paragraph, same);
    chosen.push(fix);
  }
  // Last to first; at one offset the replacement goes before an insertion, so the insertion lands in front of it.
  chosen.sort((a, b) => b.paragraph - a.paragraph || b.offset - a.offset || b.length - a.length);
  return { ordered: chosen, skipped };
}

/** Apply fixes to a copy of `texts`. Pure: nothing outside a chosen fix's range changes. */
export function applyFixes(texts: readonly string[], fixes: readonly Fix[]): { texts: string[]; applied: Fix[]; skipped: { fix: Fix; reason: SkipReason }[] } {
  const out = [...texts];
  const plan = planFixes(fixes, texts);
  for (const f of plan.ordered) {
    const t = out[f.paragraph];
    out[f.paragraph] = t.slice(0, f.offset) + f.text + t.slice(f.offset + f.length);
  }
  return { texts: out, applied: plan.ordered, skipped: plan.skipped };
}

/** The groups with a refused member: none of their fixes may apply, or a join would leave its lines twice. */
export function brokenGroups(refused: Iterable<Fix>): Set<number> {
  const out = new Set<number>();
  for (const f of refused) if (f.group !== undefined) out.add(f.group);
  return out;
}
