/**
 * 序号：结构层次序数须用 GB/T 9704 的标准写法（一、（一）1.（1））。
 * 严重程度为“警告”：写法不规范（1、 (一) （一）、）不影响层次和编号本身，属格式问题；编号断裂另由 numbering-sequence 报错误。
 */
import type { Rule } from "../types";

export const numberingFormat: Rule = {
  meta: {
    id: "numbering-format",
    name: "序号写法",
    severity: "warning",
    fixable: true,
    description: "层次序号写法须规范：一、（一）1.（1），不用 1、 (一) （一）、 一. 第一、 等",
    messages: {
      typed: "序号“{found}”写法不规范，应为“{expected}”",
      list: "自动编号“{found}”写法不规范，应为“{expected}”（请在 Word 的多级列表中修改编号格式）",
    },
  },
  check(doc, report) {
    for (const h of doc.flat) {
      if (!h.nonstandard || !h.standard) continue;
      if (h.source === "text" && h.markerLength > 0) {
        const text = doc.paragraphs[h.paragraph]?.text ?? "";
        // Stray separators right after the marker ("（一）、，") go with it.
        let end = h.markerOffset + h.markerLength;
        while (/[、，,．.:：\s\u3000]/.test(text[end] ?? "x") && end < text.length) end++;
        // "1、2023年……" must not become "1.2023年……", which no longer reads as a marker.
        const safe = !(/[.．]$/.test(h.standard) && /[0-9０-９]/.test(text[end] ?? ""));
        report({
          messageId: "typed",
          data: { found: h.marker, expected: h.standard },
          paragraph: h.paragraph,
          range: [h.markerOffset, h.markerOffset + h.marker.length],
          fix: safe ? { text: h.standard, range: [h.markerOffset, end] } : undefined,
        });
      } else if (h.source === "list") {
        report({ messageId: "list", data: { found: h.marker, expected: h.standard }, paragraph: h.paragraph, range: [0, 0] });
      }
    }
  },
};
