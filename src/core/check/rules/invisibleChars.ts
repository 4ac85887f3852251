/** 文字：删除复制粘贴带来的不可见字符（零宽空格、BOM、双向控制符、软连字符等），它们会让编号和查找失灵。 */
import { INVISIBLE } from "../../parse/text";
import type { Rule } from "../types";
import { paragraphText } from "./common";

const RUN = new RegExp(`[${INVISIBLE}]+`, "g");
const ANY = new RegExp(`[${INVISIBLE}]`);
const NAMES: [RegExp, string][] = [
  [/[\u200b-\u200d\u2060]/, "零宽字符"],
  [/\ufeff/, "BOM"],
  [/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/, "双向控制符"],
  [/\u00ad/, "软连字符"],
  [/[\u2061-\u2064]/, "不可见运算符"],
];

export const invisibleChars: Rule = {
  meta: {
    id: "invisible-chars",
    name: "不可见字符",
    severity: "warning",
    fixable: true,
    description: "文中夹带零宽空格、BOM、双向控制符等看不见的字符（多来自网页或聊天软件复制），可一键删除。",
    messages: { found: "此处有 {count} 个不可见字符（{kinds}），会干扰编号识别和查找，建议删除。" },
  },
  check(doc, report) {
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      if (!ANY.test(text)) continue;
      RUN.lastIndex = 0;
      for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
        const kinds = NAMES.filter(([re]) => re.test(m![0])).map(([, name]) => name);
        report({ messageId: "found", data: { count: m[0].length, kinds: kinds.join("、") }, paragraph: i, range: [m.index, m.index + m[0].length], fix: { text: "" } });
      }
    }
  },
};
