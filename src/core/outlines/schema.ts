// The outline library's data shape (src/data/outlines/*.json), validated with zod/mini at load.
import * as z from "zod/mini";
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";

const RoleId = z.enum(ROLE_IDS as [Role, ...Role[]]);
const TypeId = z.enum(DOC_TYPE_IDS as [DocTypeId, ...DocTypeId[]]);
const Text = z.string().check(z.minLength(1));

export const SubsectionSchema = z.object({
  id: Text,
  heading: Text,
  variants: z._default(z.array(Text), []),
  default: z.boolean(),
  guidance: z.optional(z.string()),
  paragraphs: z._default(z.array(Text), []),
});

export const SectionSchema = z.object({
  id: Text,
  role: RoleId,
  numbered: z.boolean(),
  required: z.union([z.boolean(), z.literal("annual")]),
  heading: z.nullable(Text),
  variants: z._default(z.array(Text), []),
  guidance: Text,
  paragraphs: z._default(z.array(Text), []),
  subsections: z._default(z.array(SubsectionSchema), []),
});

export const OutlineSchema = z
  .object({
    type: TypeId,
    name: Text,
    titles: z.array(z.object({ id: Text, label: Text, text: Text })).check(z.minLength(1)),
    salutation: z.optional(z.nullable(Text)),
    sections: z.array(SectionSchema).check(z.minLength(2)),
  })
  .check(
    z.superRefine((o, ctx) => {
      const ids = new Set<string>();
      for (const s of o.sections) {
        if (ids.has(s.id)) ctx.addIssue({ code: "custom", message: `重复的小节 id：${s.id}`, input: s.id });
        ids.add(s.id);
        if (s.numbered && !s.heading) ctx.addIssue({ code: "custom", message: `编号小节 ${s.id} 缺少标题`, input: s.id });
        for (const sub of s.subsections) {
          if (ids.has(sub.id)) ctx.addIssue({ code: "custom", message: `重复的子节 id：${sub.id}`, input: sub.id });
          ids.add(sub.id);
        }
      }
    }),
  );

export type Outline = z.infer<typeof OutlineSchema>;
export type OutlineSection = z.infer<typeof SectionSchema>;
export type OutlineSubsection = z.infer<typeof SubsectionSchema>;
