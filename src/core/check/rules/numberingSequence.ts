/** 序号：同一层级、同一上级之下的序号须连续，不得跳号、重号或无故从头再编（过渡句引出的新一组一、二、三除外）。 */
import { displayMarker } from "../../parse/parseDocument";
import type { Rule } from "../types";
import { followsTransition, markerWord, numberedTree, sequenceDefects, type NumNode } from "./common";

const MESSAGE_BY_KIND = { gap: "gap", duplicate: "duplicate", restart: "restart", backward: "backward", start: "start" } as const;

export const numberingSequence: Rule = {
  meta: {
    id: "numbering-sequence",
    name: "序号连续",
    severity: "error",
    fixable: true,
    description: "同级序号须连续：不跳号、不重号、不无故重新编号",
    messages: {
      gap: "序号不连续：“{found}”之前缺少“{expected}”",
      duplicate: "序号重复：“{found}”与上一个同级序号相同，应为“{expected}”",
      restart: "序号重新从“{found}”编起，但没有新的上级标题，应为“{expected}”",
      backward: "序号倒退：“{found}”出现在“{previous}”之后，应为“{expected}”",
      start: "同级序号应从“{expected}”开始，这里是“{found}”",
    },
  },
  check(doc, report) {
    const groups = new Map<NumNode | null, Map<string, NumNode[][]>>();
    for (const node of numberedTree(doc)) {
      if (!node.numbered) continue;
      let byKind = groups.get(node.parent);
      if (!byKind) groups.set(node.parent, (byKind = new Map()));
      let runs = byKind.get(node.kind);
      if (!runs) byKind.set(node.kind, (runs = [[]]));
      const run = runs[runs.length - 1];
      // A new run of 一、二、三 introduced by a transition sentence ("针对以上问题，……：") is not a restart.
      if (run.length && node.h.number === 1 && followsTransition(doc, node.h.paragraph, node.h.level)) runs.push([node]);
      else run.push(node);
    }
    for (const byKind of groups.values()) {
      for (const runs of byKind.values()) {
        for (const run of runs) {
          const defects = sequenceDefects(
            run.map((n) => n.h.number),
            true,
          );
          for (const d of defects) {
            const h = run[d.index].h;
            const prev = d.index > 0 ? run[d.index - 1].h : null;
            const expected = markerWord(h.level, d.expected);
            const fix = d.certain && h.source === "text" && h.markerLength > 0 ? { text: expected, range: [h.markerOffset, h.markerOffset + h.markerLength] as [number, number] } : undefined;
            report({
              messageId: MESSAGE_BY_KIND[d.kind],
              data: { found: displayMarker(h), expected, previous: prev ? displayMarker(prev) : "" },
              paragraph: h.paragraph,
              range: h.source === "text" ? [h.markerOffset, h.markerOffset + h.marker.length] : [0, 0],
              fix,
            });
          }
        }
      }
    }
  },
};
