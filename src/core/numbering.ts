// Numbering markers of GB/T 9704 structure levels (一、（一）1.（1）): recognising, normalising and producing them.
import { INVISIBLE } from "./parse/text";

const DIGITS = "零一二三四五六七八九";
const CN_NUM_CHARS = "零〇一二两三四五六七八九十百";

/** 1 → 一, 11 → 十一, 20 → 二十, 105 → 一百零五. Numbers ≤ 0 or ≥ 1000 come back as Arabic digits. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = "";
  if (h) s += DIGITS[h] + "百";
  if (t) s += (t === 1 && !h ? "" : DIGITS[t]) + "十";
  else if (h && u) s += "零";
  if (u) s += DIGITS[u];
  return s;
}

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; NaN when it is not a Chinese numeral. */
export function fromChineseNumber(s: string): number {
  if (!s || [...s].some((c) => !CN_NUM_CHARS.includes(c))) return NaN;
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c === "百" || c === "十") {
      const unit = c === "百" ? 100 : 10;
      if (digit === 0) return NaN;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      const d = c === "两" ? 2 : c === "〇" ? 0 : DIGITS.indexOf(c);
      if (digit > 0) return NaN; // two digits in a row ("一二") is not a numeral
      digit = d;
    }
  }
  if (digit > 0) total += digit;
  return total > 0 ? total : NaN;
}

/** The styles a level marker can be written in. */
export type MarkerStyle =
  | "cn-dun" // 一、
  | "cn-paren" // （一）
  | "arabic-dot" // 1.
  | "arabic-paren" // （1）
  | "di" // 第一，  (speech points)
  | "run-in"; // 一是 / 一要 / 首先 at paragraph start

export interface Marker {
  style: MarkerStyle;
  /** The level this marker style stands for in GB/T 9704 (run-in markers take their level from context). */
  level: 1 | 2 | 3 | 4;
  number: number;
  /** The marker exactly as written, including a stray separator ("（一）、"). */
  text: string;
  /** The standard form of this marker ("（一）"). */
  standard: string;
  /** Whether the written form differs from the standard one. */
  nonstandard: boolean;
  /** Characters the marker (and following spaces) takes at the start of the text. */
  length: number;
}

const CN = "[零〇一二两三四五六七八九十百]+";
// Spaces, and the invisible characters of INVISIBLE (read past, never removed: offsets stay those of the text).
const SPACE = `[ \\t\\u3000\\u00a0${INVISIBLE}]*`;
const RE_CN_DUN = new RegExp(`^${SPACE}(${CN})${SPACE}([、，,．.])${SPACE}`);
const RE_CN_PAREN = new RegExp(`^${SPACE}([（(])${SPACE}(${CN})${SPACE}([）)])([、，,．.])?${SPACE}`);
const RE_AR_DOT = new RegExp(`^${SPACE}([0-9０-９]{1,3})${SPACE}([.．、，,])(?![0-9０-９])${SPACE}`);
const RE_AR_PAREN = new RegExp(`^${SPACE}([（(])${SPACE}([0-9０-９]{1,3})${SPACE}([）)])([、，,．.])?${SPACE}`);
const RE_DI = new RegExp(`^${SPACE}第(${CN})([，,、：:])${SPACE}`);
const RE_CIRCLED = new RegExp(`^${SPACE}([①-⑳])${SPACE}`);
const INVISIBLE_ANY = new RegExp(`[${INVISIBLE}]`, "g");
/** The marker as written, without surrounding spaces and invisible characters. */
const written = (s: string) => s.replace(INVISIBLE_ANY, "").trim();

function arabic(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The standard marker of a level: 1 → "一、", 2 → "（一）", 3 → "1.", 4 → "（1）". */
export function standardMarker(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumber(n)}、`;
    case 2:
      return `（${toChineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** Recognise a level marker at the start of a paragraph (or of a Word list label). */
export function parseMarker(text: string): Marker | null {
  let m = RE_CN_DUN.exec(text);
  if (m) {
    const number = fromChineseNumber(m[1]);
    if (number > 0) {
      const shown = written(text.slice(0, m[0].length));
      return mk("cn-dun", 1, number, shown, m[0].length, m[2] !== "、");
    }
  }
  m = RE_CN_PAREN.exec(text);
  if (m) {
    const number = fromChineseNumber(m[2]);
    if (number > 0) {
      const bad = m[1] !== "（" || m[3] !== "）" || m[4] !== undefined || /\s/.test(written(text.slice(0, m[0].length)));
      return mk("cn-paren", 2, number, written(text.slice(0, m[0].length)), m[0].length, bad);
    }
  }
  m = RE_AR_DOT.exec(text);
  if (m) {
    const number = arabic(m[1]);
    if (number > 0) {
      const bad = m[2] !== "." || /[０-９]/.test(m[1]);
      return mk("arabic-dot", 3, number, written(text.slice(0, m[0].length)), m[0].length, bad);
    }
  }
  m = RE_AR_PAREN.exec(text);
  if (m) {
    const number = arabic(m[2]);
    if (number > 0) {
      const bad = m[1] !== "（" || m[3] !== "）" || m[4] !== undefined || /[０-９]/.test(m[2]);
      return mk("arabic-paren", 4, number, written(text.slice(0, m[0].length)), m[0].length, bad);
    }
  }
  m = RE_CIRCLED.exec(text);
  if (m) {
    const number = m[1].charCodeAt(0) - 0x2460 + 1;
    return mk("arabic-paren", 4, number, m[1], m[0].length, true);
  }
  m = RE_DI.exec(text);
  if (m) {
    const number = fromChineseNumber(m[1]);
    if (number > 0) {
      // "第一，" is the accepted speech form; "第一、" is a nonstandard level-1 marker.
      const shown = written(text.slice(0, m[0].length));
      const marker = mk("di", 1, number, shown, m[0].length, m[2] !== "，");
      if (m[2] === "、") marker.standard = standardMarker(1, number);
      return marker;
    }
  }
  return null;
}

function mk(style: MarkerStyle, level: 1 | 2 | 3 | 4, number: number, text: string, length: number, nonstandard: boolean): Marker {
  const standard = style === "di" ? `第${toChineseNumber(number)}，` : standardMarker(level, number);
  return { style, level, number, text, standard, nonstandard: nonstandard || text !== standard, length };
}

/**
 * Run-in enumeration words: 一是/二是, 一要/二要, 一是要, 第一，/第二，, 首先/其次/再次/最后. A closing point may run on
 * without a comma: 最后我再强调一下…, 最后一点，….
 */
export type EnumSeries = "shi" | "yao" | "di" | "seq";

export interface EnumMark {
  series: EnumSeries;
  /** 1-based position; `最后` is LAST. */
  number: number;
  text: string;
  offset: number;
  length: number;
}
export const LAST = 999;

const RE_ENUM = new RegExp(
  `(^|[。；;！!？?：:，,\\s\\u3000（(“"])(?:(${CN})是要?|(${CN})要(?![求素件点])|第(${CN})(?=[，,、：:])|(最后[，,]?我?(?:再|还要|还想)?(?:强调|讲|说|提)(?:一下|一点|两点|两句|几句|一句)?|最后(?:一点|一条|一个方面)(?=[，,：:])|首先|其次|再次|最后)(?=[，,：:]|(?<=[下点句调讲说提])))`,
  "g",
);

/** Characters of CN (the Chinese numerals RE_ENUM reads), by code. */
const NUMERAL = new Uint8Array(0x10000);
for (const c of "零〇一二两三四五六七八九十百") NUMERAL[c.charCodeAt(0)] = 1;
const [SHI, YAO, DI, SHOU, XIAN, QI, CI, ZAI, ZUI, HOU] = [..."是要第首先其次再最后"].map((c) => c.charCodeAt(0));

/**
 * Whether the text may hold what RE_ENUM matches: a numeral right before 是 or 要, 第 right before a numeral, or
 * 首先/其次/再次/最后. One pass over the characters; RE_ENUM itself, with its alternatives, cost some 7 ms per 10,000
 * paragraphs of the bench's text, half of all parsing, though about one paragraph in eight holds a match (是 and 要,
 * which a test of single characters looked for, are in most).
 */
function mayHoldEnumeration(text: string): boolean {
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c === SHI || c === YAO) && NUMERAL[prev]) || (prev === DI && NUMERAL[c])) return true;
    if ((c === XIAN && prev === SHOU) || (c === CI && (prev === QI || prev === ZAI)) || (c === HOU && prev === ZUI)) return true;
    prev = c;
  }
  return false;
}

/** Find run-in enumeration words in a paragraph. A word counts only at the start or after punctuation. */
export function findEnumerations(text: string): EnumMark[] {
  return mayHoldEnumeration(text) ? scanEnumerations(text) : [];
}

/** findEnumerations without the cheap test first (exported for the test that they agree). */
export function scanEnumerations(text: string): EnumMark[] {
  const out: EnumMark[] = [];
  RE_ENUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ENUM.exec(text))) {
    const offset = m.index + m[1].length;
    const word = m[0].slice(m[1].length);
    let series: EnumSeries;
    let number: number;
    if (m[2]) {
      series = "shi";
      number = fromChineseNumber(m[2]);
    } else if (m[3]) {
      series = "yao";
      number = fromChineseNumber(m[3]);
    } else if (m[4]) {
      series = "di";
      number = fromChineseNumber(m[4]);
    } else {
      series = "seq";
      number = m[5].startsWith("最后") ? LAST : { 首先: 1, 其次: 2, 再次: 3 }[m[5] as "首先"];
    }
    // 一要 and 一是 are numerals only when small; "十要" or "百是" are not enumerations in practice.
    if (number > 0 && (number <= 20 || number === LAST)) out.push({ series, number, text: word, offset, length: word.length });
    if (m[0].length === 0) RE_ENUM.lastIndex++;
  }
  return out;
}
