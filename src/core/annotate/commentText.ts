// The text of a comment the tool writes: a fixed prefix (how the tool's own comments are recognised, in a .docx and in
// Word, where the author is always the signed-in user), the severity, the finding's message and its suggested fix.
import type { FindingJson } from "../report/fileReport";

export const COMMENT_PREFIX = "【提纲助手】";

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

export function commentText(f: Pick<FindingJson, "severity" | "message" | "replacement">): string {
  const fix = f.replacement === undefined ? "" : f.replacement ? `建议改为“${f.replacement}”。` : "建议删除。";
  const message = /[。！？]$/.test(f.message) ? f.message : `${f.message}。`;
  return `${COMMENT_PREFIX}${SEVERITY[f.severity]}：${message}${fix}`;
}

export function isToolComment(text: string): boolean {
  return text.trimStart().startsWith(COMMENT_PREFIX);
}

/**
 * A comment's anchor [from, to) for a finding's span of `text`: widened to whole characters, so that a boundary never
 * cuts a surrogate pair in two (shared by the annotator and the Word comments' plan).
 */
export function wholeCharacters(text: string, offset: number, length: number): [number, number] {
  const low = (i: number) => /[\udc00-\udfff]/.test(text[i] ?? "");
  return [low(offset) ? offset - 1 : offset, low(offset + length) ? offset + length + 1 : offset + length];
}
