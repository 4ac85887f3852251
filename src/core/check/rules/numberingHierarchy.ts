/** 序号：高一级的序号不得用在低一级之内（如“1.”之下又用“（一）”，“（一）”之下又用“一、”）；越级使用（一、之下直接用 1.）不算错。 */
import { displayMarker } from "../../parse/parseDocument";
import type { Rule } from "../types";
import { markerWord, numberedTree } from "./common";

export const numberingHierarchy: Rule = {
  meta: {
    id: "numbering-hierarchy",
    name: "序号层级",
    severity: "error",
    fixable: true,
    description: "层次序号不得颠倒：低一级的条目之下不能再用高一级的序号",
    messages: {
      inverted: "层次颠倒：“{found}”用在“{parent}”之下，此处应使用下一级序号“{expected}”",
      invertedDeep: "层次颠倒：“{found}”用在“{parent}”之下，已超过四级序号，建议调整层次结构",
    },
  },
  check(doc, report) {
    for (const node of numberedTree(doc)) {
      if (!node.nested || !node.parent) continue;
      // Without confirmation only the first misplaced heading is reported: the writer may have meant a restart.
      if (!node.confirmed && !node.nestStart) continue;
      const h = node.h;
      const parent = displayMarker(node.parent.h);
      const range: [number, number] = h.source === "text" ? [h.markerOffset, h.markerOffset + h.marker.length] : [0, 0];
      if (node.level > 4) {
        report({ messageId: "invertedDeep", data: { found: displayMarker(h), parent }, paragraph: h.paragraph, range });
        continue;
      }
      const expected = markerWord(node.level, h.number);
      const fix = node.confirmed && h.source === "text" && h.markerLength > 0 ? { text: expected, range: [h.markerOffset, h.markerOffset + h.markerLength] as [number, number] } : undefined;
      report({ messageId: "inverted", data: { found: displayMarker(h), parent, expected }, paragraph: h.paragraph, range, fix });
    }
  },
};
