/** 文字：文档中的隐藏文字（Word 的“隐藏”格式）打印和阅读时看不见，但仍在文件里，提醒作者确认。 */
import type { Rule } from "../types";
import { paragraphText } from "./common";

const SHOWN = 20;

export const hiddenText: Rule = {
  meta: {
    id: "hidden-text",
    name: "隐藏文字",
    severity: "warning",
    fixable: false,
    description: "设置了“隐藏”格式的文字：打印和阅读时看不见，但仍在文件中，也参与检查。请确认是否应删除或取消隐藏。",
    messages: { found: "隐藏文字“{text}”：打印时看不见但仍在文件中，请确认是否删除或取消隐藏。" },
  },
  check(doc, report) {
    doc.paragraphs.forEach((p, i) => {
      const text = paragraphText(doc, i);
      for (const range of p?.hidden ?? []) {
        const [start, length] = range;
        if (!(start >= 0 && length > 0 && start + length <= text.length)) continue;
        const shown = text.slice(start, start + length).trim();
        if (!shown) continue;
        report({ messageId: "found", data: { text: shown.length > SHOWN ? `${shown.slice(0, SHOWN)}…` : shown }, paragraph: i, range: [start, start + length] });
      }
    });
  },
};
