/** 文字：待填处（模板中未替换的占位符：XX、xx、××、X年X月X日、某某、【…】、〇〇 等）须替换为实际内容。 */
import { isHan } from "../../parse/text";
import type { Rule } from "../types";
import { paragraphText } from "./common";
import { junkMatches } from "./junk";

const X = "XxＸｘ×";
/** A date left as a template: X年X月X日, XX年XX月, xx月xx日. */
const DATE = new RegExp(`[${X}]{1,4}年(?:[${X}]{1,2}月(?:[${X}]{1,2}日)?)?|[${X}]{1,2}月[${X}]{1,2}日`, "g");
/** Runs of X (joined by + or 、 as in “X+X+X”). */
const XRUN = new RegExp(`[${X}]+(?:[+＋、][${X}]+)*`, "g");
const OTHER = /某某+|【[^【】\n]{0,20}】|[〇○]{2,}|□{2,}|[*＊]{2,}/g;
/** Real words with a single X in them. */
const X_WORDS = /^(?:X光|X射线|X线|X型|X形|X轴|X染色体|X战警)/i;
const LATIN = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_@./\\-]/;
const CN_DIGIT = /[零〇○一二三四五六七八九十0-9０-９]/;
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》【】（）]/;

function chineseSide(c: string | undefined): boolean {
  return !!c && (isHan(c) || CJK_PUNCT.test(c));
}

export function findPlaceholders(text: string): [number, number][] {
  if (!/[XxＸｘ×某【〇○□*＊]/.test(text)) return [];
  const found: [number, number][] = [];
  const taken = (s: number, e: number) => found.some(([a, b]) => s < b && a < e);
  // A placeholder inside junk ("QQ群：XXXX", "【会员资料……】") is junk: the junk rule deletes it, nobody fills it in.
  const junk = junkMatches(text);
  const inJunk = (s: number, e: number) => junk.some((j) => s < j.end && j.start < e);
  let m: RegExpExecArray | null;
  DATE.lastIndex = 0;
  while ((m = DATE.exec(text))) {
    if (LATIN.test(text[m.index - 1] ?? "") || inJunk(m.index, m.index + m[0].length)) continue;
    found.push([m.index, m.index + m[0].length]);
  }
  OTHER.lastIndex = 0;
  while ((m = OTHER.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    const w = m[0];
    const before = text[s - 1];
    const after = text[e];
    if (inJunk(s, e)) continue;
    // 二〇〇八年 is a year, not a blank.
    if (/^[〇○]/.test(w) && (CN_DIGIT.test(before ?? "") || /[年零〇○一二三四五六七八九0-9]/.test(after ?? ""))) continue;
    if (/^[*＊]/.test(w) && !chineseSide(before) && !chineseSide(after)) continue;
    if (!taken(s, e)) found.push([s, e]);
  }
  XRUN.lastIndex = 0;
  while ((m = XRUN.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (taken(s, e) || inJunk(s, e)) continue;
    const before = text[s - 1];
    const after = text[e];
    // XXL, 3×4, xxx.com, Mr. X: English, numbers and addresses are not blanks.
    if (LATIN.test(before ?? "") || LATIN.test(after ?? "")) continue;
    if (!chineseSide(before) && !chineseSide(after)) continue;
    const word = m[0];
    if (/^×+$/.test(word) && word.length < 2) continue;
    if (word.length === 1 && X_WORDS.test(text.slice(s, s + 4))) continue;
    found.push([s, e]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

export const placeholder: Rule = {
  meta: {
    id: "placeholder",
    name: "待填处",
    severity: "error",
    fixable: false,
    description: "找出待填处（未替换的占位符）：XX、xx、××、X年X月X日、某某、【…】、〇〇 等；“短语”中的“下一个待填处”逐个跳到这些地方",
    messages: {
      placeholder: "“{found}”是待填处，请替换为实际内容",
    },
  },
  check(doc, report) {
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      for (const [s, e] of findPlaceholders(text)) report({ messageId: "placeholder", data: { found: text.slice(s, e) }, paragraph: i, range: [s, e] });
    }
  },
};
