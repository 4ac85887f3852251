// Helpers shared by several rules: sequence analysis, the numbered heading tree as the reader means it, section scopes, a phrase matcher.
import { standardMarker, toChineseNumber } from "../../numbering";
import type { Heading, ParsedDocument } from "../../parse/parseDocument";
import { sectionAt } from "../../parse/parseDocument";
import { classifyLeadIn } from "../../parse/roles";
import { isBlank } from "../../parse/text";

export function paragraphText(doc: ParsedDocument, i: number): string {
  const t = doc.paragraphs[i]?.text;
  return typeof t === "string" ? t : "";
}

// ---------------------------------------------------------------------------
// Sequences 1, 2, 3 …

export type SeqDefectKind = "gap" | "duplicate" | "restart" | "backward" | "start";

export interface SeqDefect {
  index: number;
  kind: SeqDefectKind;
  /** The number that belongs here. */
  expected: number;
  /** Whether changing this one number to `expected` is certainly right (its neighbours agree on it). */
  certain: boolean;
}

/**
 * Defects of a run of numbers that should go 1, 2, 3 …. One defect is reported per break; after an uncertain
 * break the run continues from the number as written, so "一、三、四" gives one gap, not three.
 */
export function sequenceDefects(nums: readonly number[], startMustBeOne: boolean): SeqDefect[] {
  const out: SeqDefect[] = [];
  let prev = 0;
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i];
    const next = nums[i + 1];
    if (i === 0) {
      if (startMustBeOne && n !== 1) {
        const certain = next === 2;
        out.push({ index: 0, kind: "start", expected: 1, certain });
        prev = certain ? 1 : n;
      } else prev = n;
      continue;
    }
    const e = prev + 1;
    if (n === e) {
      prev = n;
      continue;
    }
    const kind: SeqDefectKind = n === prev ? "duplicate" : n > e ? "gap" : n === 1 ? "restart" : "backward";
    const certain = next === undefined ? kind !== "gap" : next === e + 1;
    out.push({ index: i, kind, expected: e, certain });
    prev = certain ? e : n;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The numbered heading tree as the writer means it

export interface NumNode {
  h: Heading;
  /** The parent the context implies (differs from the parser's when a higher-level marker sits inside a lower item). */
  parent: NumNode | null;
  /** The level the context implies (may exceed 4 for deep nesting). */
  level: number;
  /** "L1"…"L4" for typed markers and list labels, "run:<series>" for run-in headings, "plain" for unnumbered ones. */
  kind: string;
  /** A typed marker or list label with a number. */
  numbered: boolean;
  /** A marker of a higher level used inside a lower item (（一） under 1.). */
  nested: boolean;
  /** The first heading of such a misplaced run. */
  nestStart: boolean;
  /** Whether a later heading resumes the outer run, which confirms the nesting. */
  confirmed: boolean;
}

const treeCache = new WeakMap<ParsedDocument, NumNode[]>();

function kindOf(h: Heading): { kind: string; numbered: boolean } {
  if ((h.source === "text" || h.source === "list") && h.number > 0) return { kind: `L${h.level}`, numbered: true };
  if (h.source === "run-in") return { kind: `run:${h.style ?? ""}`, numbered: false };
  return { kind: "plain", numbered: false };
}

/** Whether a later numbered heading continues one of `frames` (its number is the frame's + 1) before restarting it. */
function outerRunResumes(flat: readonly Heading[], from: number, frames: readonly NumNode[]): boolean {
  for (const fr of frames) {
    if (!fr.numbered) continue;
    for (let j = from + 1, seen = 0; j < flat.length && seen < 400; j++, seen++) {
      const k = kindOf(flat[j]);
      if (!k.numbered || k.kind !== fr.kind) continue;
      if (flat[j].number === fr.h.number + 1) return true;
      break;
    }
  }
  return false;
}

/** All headings of the document in order, each with the parent and level its context implies. */
export function numberedTree(doc: ParsedDocument): NumNode[] {
  const cached = treeCache.get(doc);
  if (cached) return cached;
  const out: NumNode[] = [];
  const stack: NumNode[] = [];
  const flat = doc.flat;
  for (let idx = 0; idx < flat.length; idx++) {
    const h = flat[idx];
    const { kind, numbered } = kindOf(h);
    const node: NumNode = { h, parent: null, level: h.level, kind, numbered, nested: false, nestStart: false, confirmed: false };
    const top = stack[stack.length - 1];
    let placed = false;
    if (numbered) {
      const fIdx = stack.findLastIndex((n) => n.kind === kind);
      const topDeeperNumbered = !!top && top.numbered && top.level > h.level;
      if (fIdx >= 0) {
        const f = stack[fIdx];
        const continues = h.number === f.h.number + 1;
        if (!continues && h.number === 1 && topDeeperNumbered && fIdx < stack.length - 1) {
          const confirmed = outerRunResumes(flat, idx, stack.slice(fIdx + 1));
          if (h.level >= 2 || confirmed) {
            node.nested = node.nestStart = true;
            node.confirmed = confirmed;
            node.parent = top;
            node.level = top.level + 1;
            placed = true;
          }
        }
        if (!placed) {
          // A sibling of the frame (in or out of sequence): keep the nesting state of the run it continues.
          node.parent = f.parent;
          node.level = f.level;
          node.nested = f.nested;
          node.confirmed = f.confirmed;
          stack.length = fIdx;
          placed = true;
        }
      } else if (topDeeperNumbered && h.number === 1 && h.level >= 2) {
        // "一、 1. 2. （一）": the first （一） after items 1. 2. sits inside item 2.
        const frames = stack.filter((n) => n.level > h.level);
        node.nested = node.nestStart = true;
        node.confirmed = outerRunResumes(flat, idx, frames);
        node.parent = top;
        node.level = top.level + 1;
        placed = true;
      }
    }
    if (!placed) {
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      node.parent = stack[stack.length - 1] ?? null;
    }
    stack.push(node);
    out.push(node);
  }
  treeCache.set(doc, out);
  return out;
}

// ---------------------------------------------------------------------------
// Transition sentences that legitimately start a new run

function previousNonBlank(doc: ParsedDocument, paragraph: number): number {
  for (let i = paragraph - 1; i >= 0; i--) if (!isBlank(paragraphText(doc, i))) return i;
  return -1;
}

const headingCache = new WeakMap<ParsedDocument, Set<number>>();

/** Paragraphs that are headings (run-in items excepted: they are body sentences that start a list). */
function headingParagraphs(doc: ParsedDocument): Set<number> {
  let s = headingCache.get(doc);
  if (!s) headingCache.set(doc, (s = new Set(doc.flat.filter((h) => h.source !== "run-in").map((h) => h.paragraph))));
  return s;
}

/**
 * Whether the paragraph before `paragraph` is a body sentence that introduces a new run of numbers
 * ("针对以上问题，我将从以下三个方面整改：" before a restarted 一、; "具体措施如下：" before a restarted 1.).
 */
export function followsTransition(doc: ParsedDocument, paragraph: number, level: number): boolean {
  const q = previousNonBlank(doc, paragraph);
  if (q < 0) return false;
  if (headingParagraphs(doc).has(q)) return false;
  const t = paragraphText(doc, q).trim();
  if (/[：:]$/.test(t)) return true;
  if (level === 1) return !!classifyLeadIn(t) || /如下|以下|几点|[一二三四五六七八九十两]点|[一二三四五六七八九十两]个方面/.test(t);
  return /如下[。]?$/.test(t);
}

// ---------------------------------------------------------------------------
// Scopes: the section a run-in enumeration belongs to

/** A key for the section that holds a paragraph: the innermost heading that is not itself a run-in item, or the preamble / closing / body. */
export function scopeKey(doc: ParsedDocument, paragraph: number): Heading | string {
  if (doc.closing >= 0 && paragraph >= doc.closing) return "closing";
  let h = sectionAt(doc, paragraph, 4);
  while (h && h.source === "run-in") h = h.parent;
  if (h) return h;
  return paragraph < doc.preambleEnd ? "preamble" : "body";
}

// ---------------------------------------------------------------------------
// A phrase matcher: entries indexed by first character, longest first

export interface Phrase {
  text: string;
}

/** A 16-bit hash of two UTF-16 codes, for the pair filter. */
function pairHash(c1: number, c2: number): number {
  return (Math.imul(c1, 0x9e37) + c2) & 0xffff;
}

export class PhraseMatcher<T extends Phrase> {
  /**
   * Entries of two or more characters by their first two (hashed: a list may hold a few other pairs' entries), longest
   * first: a candidate position reads one list of the entries that can start there, not every entry of its first
   * character (坚 begins dozens of formulation members).
   */
  private readonly pairBucket = new Uint16Array(0x10000);
  private readonly pairLists: T[][] = [];
  /** One-character entries by their character. */
  private readonly singleBucket = new Uint16Array(0x10000);
  private readonly singleLists: T[][] = [];

  constructor(entries: readonly T[]) {
    for (const e of entries) {
      if (!e.text) continue;
      const c1 = e.text.charCodeAt(0);
      if (e.text.length === 1) {
        if (this.singleBucket[c1] === 0) this.singleBucket[c1] = this.singleLists.push([]);
        this.singleLists[this.singleBucket[c1] - 1].push(e);
      } else {
        const h = pairHash(c1, e.text.charCodeAt(1));
        if (this.pairBucket[h] === 0) this.pairBucket[h] = this.pairLists.push([]);
        this.pairLists[this.pairBucket[h] - 1].push(e);
      }
    }
    for (const list of this.pairLists) list.sort((x, y) => y.text.length - x.text.length);
  }

  /** Non-overlapping matches, leftmost then longest; `accept` can refuse a match at a place (a guard), letting a shorter one try. */
  find(text: string, accept: (e: T, at: number) => boolean = () => true): { entry: T; offset: number }[] {
    const out: { entry: T; offset: number }[] = [];
    const { pairBucket, pairLists, singleBucket, singleLists } = this;
    const n = text.length;
    let c2 = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const c1 = c2;
      c2 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const b2 = pairBucket[pairHash(c1, c2)];
      const b1 = singleBucket[c1];
      if (b2 === 0 && b1 === 0) continue;
      let hit: T | null = null;
      if (b2 !== 0)
        for (const e of pairLists[b2 - 1])
          if (text.startsWith(e.text, i) && accept(e, i)) {
            hit = e;
            break;
          }
      if (!hit && b1 !== 0)
        for (const e of singleLists[b1 - 1])
          if (accept(e, i)) {
            hit = e;
            break;
          }
      if (hit) {
        out.push({ entry: hit, offset: i });
        i += hit.text.length - 1;
        if (i + 1 < n) c2 = text.charCodeAt(i + 1);
      }
    }
    return out;
  }

  /** Every match at every position (overlaps allowed), for finding list members; at one position, longest first. */
  findAll(text: string): { entry: T; offset: number }[] {
    const out: { entry: T; offset: number }[] = [];
    const { pairBucket, pairLists, singleBucket, singleLists } = this;
    const n = text.length;
    let c2 = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const c1 = c2;
      c2 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const b2 = pairBucket[pairHash(c1, c2)];
      if (b2 !== 0) for (const e of pairLists[b2 - 1]) if (text.startsWith(e.text, i)) out.push({ entry: e, offset: i });
      const b1 = singleBucket[c1];
      if (b1 !== 0) for (const e of singleLists[b1 - 1]) out.push({ entry: e, offset: i });
    }
    return out;
  }
}

/**
 * Whether an ignored word stands over [start, end) of the text: an occurrence of it covers those characters, or (a word
 * of two characters or more) lies inside them. A word elsewhere in the paragraph, or one that merely shares a character
 * with the finding (目的 and a 的 → 地 finding), does not count.
 */
export function ignoredAt(text: string, start: number, end: number, words: readonly string[]): boolean {
  for (const w of words) {
    for (let k = text.indexOf(w, Math.max(0, start - w.length + 1)); k >= 0 && k < end; k = text.indexOf(w, k + 1)) {
      if (k <= start && k + w.length >= end) return true;
      if (w.length >= 2 && k >= start && k + w.length <= end) return true;
    }
  }
  return false;
}

/** Whether `text` at `at` (where `inner` was found) is part of one of the `longer` strings that contain `inner`. */
export function insideLonger(text: string, at: number, inner: string, longer: readonly string[]): boolean {
  for (const g of longer) {
    let k = g.indexOf(inner);
    while (k >= 0) {
      const start = at - k;
      if (start >= 0 && text.startsWith(g, start)) return true;
      k = g.indexOf(inner, k + 1);
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Marker helpers

export function markerWord(level: number, n: number): string {
  return standardMarker(Math.min(4, Math.max(1, level)), n);
}

export { toChineseNumber };
