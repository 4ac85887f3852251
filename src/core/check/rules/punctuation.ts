/**
 * 文字：中文标点。
 * - 中文语句中的半角 , ; : ! ? " ' → 全角（警告：排版规范问题，意思不受影响）；
 * - 段内引号、括号、书名号不成对（错误：读者一眼可见的疏漏，且可能改变引文范围，无法自动确定修改位置）；
 * - 标点重复“，，”“。。”“、、”“；；”（错误：明显的录入疏漏，可自动删除多余的一个）。
 * 数字（1,000、3:00）、网址、邮箱和英文语句中的半角标点不报。
 */
import { isHan } from "../../parse/text";
import type { ReportInput, Rule } from "../types";
import { paragraphText } from "./common";

const FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！", "?": "？" };
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》【】（）〔〕…—]/;
const SKIP = /(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|www\.[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gi;
const DIGIT = /[0-9０-９]/;
const LIST_LABEL = /^[\s\u3000]*(?:[0-9０-９]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3}|[①-⑳])[)）]/;
const MAX_SHOWN = 24;
/** Per UTF-16 code: 1 = a mark to look at, 2 = a mark that must not be doubled. */
const FLAGS = new Uint8Array(0x10000);
for (const c of ",;:!?\"'“”‘’（）()《》") FLAGS[c.charCodeAt(0)] |= 1;
for (const c of "，。、；：") FLAGS[c.charCodeAt(0)] |= 2;
const DOUBLED = /([，。、；：])\1+/g;
const CHINESE_TEXT = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e“”‘’《》…—]/;
const MARK_NAMES: Record<string, string> = {
  "“": "左引号（“）",
  "”": "右引号（”）",
  "‘": "左单引号（‘）",
  "’": "右单引号（’）",
  "（": "左括号（",
  "(": "左括号(",
  "）": "右括号）",
  ")": "右括号)",
  "《": "左书名号《",
  "》": "右书名号》",
};


/** Marks and spaces looked past when deciding whether a mark stands in Chinese or English: our fixes only change these. */
const MARKS = /[,;:!?"'()[\]，；：！？“”‘’（）\s\u3000]/;
const ALNUM = /[A-Za-z0-9]/;
const LETTER = /[A-Za-z]/;

function nearest(text: string, k: number, step: 1 | -1): string | undefined {
  let i = k + step;
  while (i >= 0 && i < text.length && MARKS.test(text[i])) i += step;
  return text[i];
}

/** A mark between Latin words ("He said, hello", "ok?") belongs to English text. */
function english(text: string, k: number): boolean {
  const l = nearest(text, k, -1);
  const r = nearest(text, k, 1);
  return (l === undefined || ALNUM.test(l)) && (r === undefined || ALNUM.test(r)) && (LETTER.test(l ?? "") || LETTER.test(r ?? ""));
}

function shown(s: string): string {
  return s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN - 1) + "…" : s;
}

interface Edit {
  at: number;
  to: string;
}

interface QuoteToken {
  at: number;
  c: string;
  half: boolean;
  open?: boolean;
  partner?: number;
}

/** Resolve quotes of one kind: full-width ones know their direction, half-width ones take it from pairing and neighbours. */
function resolveQuotes(text: string, tokens: QuoteToken[], open: string): void {
  const stack: QuoteToken[] = [];
  for (const t of tokens) {
    if (!t.half) {
      if (t.c === open) {
        t.open = true;
        stack.push(t);
      } else {
        t.open = false;
        const o = stack.pop();
        if (o) {
          o.open = true;
          o.partner = t.at;
          t.partner = o.at;
        }
      }
      continue;
    }
    const top = stack[stack.length - 1];
    const next = text[t.at + 1];
    const prev = text[t.at - 1];
    let closes: boolean;
    if (!top) closes = false;
    else if (top.half) closes = true;
    else closes = !next || /[\s\u3000]/.test(next) || CJK_PUNCT.test(next) || !(prev === undefined || CJK_PUNCT.test(prev) || /\s/.test(prev));
    if (closes && top) {
      stack.pop();
      t.open = false;
      top.partner = t.at;
      t.partner = top.at;
    } else {
      t.open = true;
      stack.push(t);
    }
  }
  // A lone half-width quote: open before text, close after it.
  for (const t of stack) {
    if (!t.half || t.partner !== undefined) continue;
    const next = text[t.at + 1];
    t.open = !!next && (isHan(next) || /[A-Za-z0-9]/.test(next));
  }
}

export const punctuation: Rule = {
  meta: {
    id: "punctuation",
    name: "标点符号",
    severity: "warning",
    fixable: true,
    description: "中文语句中的半角标点、不成对的引号括号书名号、重复的标点",
    messages: {
      half: "中文语句中使用了半角“{found}”，应为全角“{expected}”",
      quotes: "半角引号：{found} 应为 {expected}",
      unmatched: "{found}不成对，缺少与之对应的{expected}",
      doubled: "标点重复：“{found}”",
    },
  },
  check(doc, report) {
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      if (!text) continue;
      checkParagraph(text, i, report, () => {
        for (let q = i + 1; q < doc.paragraphs.length; q++) {
          const t = paragraphText(doc, q).trim();
          if (t) return t.startsWith("“");
        }
        return false;
      });
    }
  },
};

function checkParagraph(text: string, paragraph: number, report: (r: ReportInput) => void, nextStartsWithQuote: () => boolean): void {
  // One scan for the characters that matter (most paragraphs have a handful) and for a mark typed twice.
  const marks: number[] = [];
  let doubled = false;
  let prev = -1;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    const f = FLAGS[code];
    if (f !== 0) {
      if (f & 1) marks.push(k);
      if (f & 2 && code === prev) doubled = true;
    }
    prev = code;
  }
  if (!marks.length && !doubled) return;
  let m: RegExpExecArray | null;
  const skip: [number, number][] = [];
  if (marks.length && (text.includes("://") || text.includes("www.") || text.includes("@"))) {
    SKIP.lastIndex = 0;
    while ((m = SKIP.exec(text))) skip.push([m.index, m.index + m[0].length]);
  }
  const skipped = (k: number) => skip.some(([a, b]) => k >= a && k < b);
  // A paragraph without Chinese has no Chinese punctuation to get wrong.
  let paraChinese: boolean | undefined;
  const chineseAt = (k: number) => (paraChinese ??= CHINESE_TEXT.test(text)) && !skipped(k) && !english(text, k);

  // 1. Half-width , ; : ! ? in Chinese text. A run mixing a mark with its double (",，" ",,") is a doubled mark.
  const edits: (Edit & { len: number })[] = [];
  const mixedRuns: [number, number][] = [];
  for (let mi = 0; mi < marks.length; mi++) {
    const k = marks[mi];
    const c = text[k];
    const full = FULL[c];
    if (!full || skipped(k)) continue;
    if (/[,;:]/.test(c)) {
      let s = k;
      while (s > 0 && text[s - 1] === full) s--;
      let e = k + 1;
      while (e < text.length && (text[e] === c || text[e] === full)) e++;
      if (e - s >= 2) {
        if (text.slice(s, e).includes(full) || chineseAt(s)) mixedRuns.push([s, e]);
        while (mi + 1 < marks.length && marks[mi + 1] < e) mi++;
        continue;
      }
    }
    const prev = text[k - 1];
    let after = k + 1;
    while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
    const next = text[after];
    if (DIGIT.test(prev ?? "") && DIGIT.test(text[k + 1] ?? "")) continue;
    // Look past quotes, brackets and other half-width marks (";:" after Chinese is Chinese too).
    if (!chineseAt(k)) continue;
    edits.push({ at: k, to: full, len: isHan(next) ? after - k : 1 });
  }

  // 2. Quotes: pair half-width quotes with each other and with full-width ones.
  const pairs: { open: number; close: number }[] = [];
  const unmatched: { at: number; found: string; expected: string }[] = [];
  for (const [half, open, close] of [
    ['"', "“", "”"],
    ["'", "‘", "’"],
  ] as const) {
    const tokens: QuoteToken[] = [];
    for (const k of marks) {
      const c = text[k];
      if (c === open || c === close) tokens.push({ at: k, c, half: false });
      else if (c === half && !skipped(k)) {
        // An apostrophe in English (don't, students') is not a quote: a half-width ' counts only next to Chinese.
        if (half === "'" && !chineseAt(k)) continue;
        tokens.push({ at: k, c, half: true });
      }
    }
    if (!tokens.length) continue;
    resolveQuotes(text, tokens, open);
    const byAt = new Map(tokens.map((t) => [t.at, t]));
    for (const t of tokens) {
      if (t.partner === undefined) {
        if (t.half) {
          if (!chineseAt(t.at)) continue;
          edits.push({ at: t.at, to: t.open ? open : close, len: 1 });
        }
        unmatched.push({ at: t.at, found: t.half ? (t.open ? open : close) : t.c, expected: t.open ? close : open });
        continue;
      }
      if (!t.half || !t.open) {
        if (t.half && !byAt.get(t.partner)!.half) {
          // Half-width closing a full-width opening.
          edits.push({ at: t.at, to: close, len: 1 });
        }
        continue;
      }
      const partner = byAt.get(t.partner)!;
      if (!partner.half) {
        edits.push({ at: t.at, to: open, len: 1 });
        continue;
      }
      if (chineseAt(t.at) || chineseAt(t.partner)) {
        pairs.push({ open: t.at, close: t.partner });
        edits.push({ at: t.at, to: open, len: 1 }, { at: t.partner, to: close, len: 1 });
      }
    }
  }
  // The paragraph-continuation convention: a quotation running on into the next paragraph opens it again with “.
  const onlyOpenQuotes = unmatched.length > 0 && unmatched.every((u) => u.found === "“");
  if (onlyOpenQuotes && nextStartsWithQuote()) unmatched.length = 0;

  // 3. Brackets and title marks.
  for (const [open, close, alt] of [
    ["（", "）", "()"],
    ["《", "》", ""],
  ] as const) {
    const stack: number[] = [];
    const labelEnd = open === "（" ? (LIST_LABEL.exec(text)?.[0].length ?? 0) : 0;
    for (const k of marks) {
      const c = text[k];
      if (c === open || (alt && c === alt[0])) stack.push(k);
      else if (c === close || (alt && c === alt[1])) {
        if (stack.length) stack.pop();
        else if (!(labelEnd && k === labelEnd - 1) && !skipped(k)) unmatched.push({ at: k, found: c, expected: open });
      }
    }
    for (const k of stack) if (!skipped(k)) unmatched.push({ at: k, found: text[k], expected: close });
  }

  // Report half-width marks: a quoted phrase as one finding with everything inside it fixed together.
  edits.sort((a, b) => a.at - b.at);
  const used = new Set<number>();
  for (const pr of pairs) {
    const inside = edits.filter((e) => e.at >= pr.open && e.at <= pr.close);
    if (inside.some((e) => used.has(e.at))) continue;
    let fixed = "";
    let pos = pr.open;
    for (const e of inside) {
      fixed += text.slice(pos, e.at) + e.to;
      pos = e.at + e.len;
      used.add(e.at);
    }
    fixed += text.slice(pos, pr.close + 1);
    report({ messageId: "quotes", data: { found: shown(text.slice(pr.open, pr.close + 1)), expected: shown(fixed) }, paragraph, range: [pr.open, pr.close + 1], fix: { text: fixed } });
  }
  for (const e of edits) {
    if (used.has(e.at)) continue;
    used.add(e.at);
    report({ messageId: "half", data: { found: text[e.at], expected: e.to }, paragraph, range: [e.at, e.at + 1], fix: { text: e.to, range: [e.at, e.at + e.len] } });
  }

  for (const u of unmatched.sort((a, b) => a.at - b.at)) {
    report({ messageId: "unmatched", data: { found: MARK_NAMES[u.found] ?? u.found, expected: MARK_NAMES[u.expected] ?? u.expected }, paragraph, range: [u.at, u.at + 1], severity: "error" });
  }

  // 4. Doubled marks.
  for (const [s, e] of mixedRuns) {
    const run = text.slice(s, e);
    report({ messageId: "doubled", data: { found: run }, paragraph, range: [s, e], fix: { text: FULL[run.replace(/[，；：]/g, "")[0]] }, severity: "error" });
  }
  DOUBLED.lastIndex = 0;
  while (doubled && (m = DOUBLED.exec(text))) {
    const s = m.index;
    const run = m[0];
    if (mixedRuns.some(([a, b]) => s < b && a < s + run.length)) continue;
    // "。。。" is an ellipsis typed badly: the right form (……) is not certain, so no fix.
    const fix = run[0] === "。" && run.length > 2 ? undefined : { text: run[0] };
    report({ messageId: "doubled", data: { found: run }, paragraph, range: [s, s + run.length], fix, severity: "error" });
  }
}
