// The vocabulary every part of Tigang shares: document types, section roles, paragraphs and snapshots.
import type { ParagraphSource } from "./io/sourceMap";

/** The five document types (ids are stable: the CLI contract and data files use them). */
export const DOC_TYPES = [
  { id: "personal-review", name: "个人对照检查材料" },
  { id: "team-review", name: "领导班子对照检查材料" },
  { id: "speech-mobilization", name: "整改部署（动员）讲话" },
  { id: "speech-guidance", name: "点评（指导）讲话" },
  { id: "rectification-report", name: "整改落实情况报告" },
] as const;
export type DocTypeId = (typeof DOC_TYPES)[number]["id"];
export const DOC_TYPE_IDS: readonly DocTypeId[] = DOC_TYPES.map((t) => t.id);
export function docTypeName(id: DocTypeId): string {
  return DOC_TYPES.find((t) => t.id === id)?.name ?? id;
}

/** Roles a section can play. Level-1 sections carry one; the role is what matters, not the title. */
export const ROLES = {
  title: "标题",
  preamble: "开头",
  preparation: "会前准备情况",
  "last-rectification": "上次民主生活会整改落实情况",
  problems: "存在的问题",
  "personal-matters": "需要说明的有关情况",
  causes: "原因分析",
  measures: "整改措施",
  closing: "结尾",
  // speeches
  evaluation: "对会议的评价",
  awareness: "思想认识",
  tasks: "整改任务",
  methods: "方法机制",
  integration: "统筹结合与成果运用",
  leadership: "组织领导与责任落实",
  requirements: "几点意见",
  // rectification report
  background: "基本情况",
  organization: "组织推进情况",
  progress: "问题整改情况",
  remaining: "存在的不足",
  "next-steps": "下一步打算",
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as Role[];
export function roleName(role: Role | null | undefined): string {
  return role ? ROLES[role] : "";
}

/** One paragraph as the host reports it. */
export interface Paragraph {
  text: string;
  /** The style's display name ("Heading 1", "标题 1", "Normal"). */
  style?: string;
  /** Word's built-in style id where the style is built in ("Heading1", "Normal", "Other"). */
  styleBuiltIn?: string;
  /** 1–9 for outline levels, undefined for body text. */
  outlineLevel?: number;
  /** The label Word draws for an automatically numbered paragraph ("一、", "（二）"), when it is a list item. */
  listString?: string;
  /** 0-based list level when it is a list item. */
  listLevel?: number;
  /** Id of the Word list the paragraph belongs to, when it is a list item (to join new headings to it). */
  listId?: string;
  inTable?: boolean;
  /** Hidden text (Word's w:vanish) as [offset, length] ranges of `text`: shown to the checks, reported as 隐藏文字. */
  hidden?: [number, number][];
  /** Where the text sits in the .docx part it was read from (readDocx with positions). */
  source?: ParagraphSource;
  /** The part of a file imported into the document (altChunk) this paragraph was read from. */
  imported?: string;
}

export interface DocSnapshot {
  paragraphs: Paragraph[];
  /** Index of the paragraph holding the cursor (start of the selection), or -1 when unknown. */
  cursor: number;
  /** Index of the paragraph holding the end of the selection (where new paragraphs go). */
  cursorEnd?: number;
  /** Character offset of the selection's end within that paragraph. */
  cursorEndOffset?: number;
  /** Whether the selection covers text (not just an insertion point). */
  selectionEmpty?: boolean;
  /** The selected text, when there is a selection. */
  selectionText?: string;
}
