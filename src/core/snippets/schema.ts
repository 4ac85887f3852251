// The phrase library's data shape (src/data/snippets/*.json and user snippets), validated with zod/mini (the same
// engine as zod with a smaller bundle; the pane's other schemas use it too, so only one copy ships).
import * as z from "zod/mini";
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";

export const SNIPPET_KINDS = ["phrase", "sentence", "paragraph"] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];
export const KIND_NAMES: Record<SnippetKind, string> = { phrase: "短语", sentence: "句子", paragraph: "段落" };

export const RoleIdSchema = z.enum(ROLE_IDS as [Role, ...Role[]]);
export const TypeIdSchema = z.enum(DOC_TYPE_IDS as [DocTypeId, ...DocTypeId[]]);
export const KindSchema = z.enum(SNIPPET_KINDS);

/** One snippet as the search and the UI see it (shipped or the user's own). */
export interface Snippet {
  id: string;
  text: string;
  kind: SnippetKind;
  /** Section roles the snippet fits; empty means any. */
  roles: Role[];
  /** Document types the snippet fits; empty means any. */
  types: DocTypeId[];
  tags: string[];
}

const Text = z.string().check(
  z.minLength(1),
  z.refine((s) => s.trim() === s, "首尾不应有空白"),
);

/** A shipped snippet: strict (unknown keys are typos), at least one role and one type. */
export const BuiltinSnippetSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "id 只能由小写字母、数字和连字符组成")),
  text: Text,
  kind: KindSchema,
  roles: z.array(RoleIdSchema).check(z.minLength(1)),
  types: z.array(TypeIdSchema).check(z.minLength(1)),
  tags: z.array(Text),
});

export const BuiltinFileSchema = z.array(BuiltinSnippetSchema);
