// The outline library's data shape (src/data/outlines/*.json), validated with zod/mini at load, and the resolved shape
// (one meeting's text, tokens expanded) that the skeleton, the pane and the CLI work with.
import * as z from "zod/mini";
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";
import { MEETING_GROUPS, type MeetingGroup } from "./meetings";

const RoleId = z.enum(ROLE_IDS as [Role, ...Role[]]);
const TypeId = z.enum(DOC_TYPE_IDS as [DocTypeId, ...DocTypeId[]]);
const Group = z.enum(MEETING_GROUPS as unknown as [MeetingGroup, ...MeetingGroup[]]);
const Text = z.string().check(z.minLength(1));
/** The meeting groups an item is written for; absent: all the outline serves. */
const Meetings = z.optional(z.array(Group).check(z.minLength(1)));
/** A paragraph for every meeting, or only for some (an annual opening, an inspection opening). */
const Para = z.union([Text, z.object({ text: Text, meetings: z.array(Group).check(z.minLength(1)) })]);
/** Guidance that differs by meeting group; `guidance` is used where a group has none. */
const GuidanceBy = z.optional(
  z.object({ inspection: z.optional(Text), annual: z.optional(Text), campaign: z.optional(Text), topic: z.optional(Text) }),
);

export const SubsectionSchema = z.object({
  id: Text,
  heading: Text,
  variants: z._default(z.array(Text), []),
  default: z.boolean(),
  guidance: z.optional(z.string()),
  paragraphs: z._default(z.array(Para), []),
  meetings: Meetings,
});

export const SectionSchema = z.object({
  id: Text,
  role: RoleId,
  numbered: z.boolean(),
  /** true; false; or "annual": required at annual meetings, left out of the others unless asked for. */
  required: z.union([z.boolean(), z.literal("annual")]),
  heading: z.nullable(Text),
  variants: z._default(z.array(Text), []),
  guidance: Text,
  guidanceBy: GuidanceBy,
  paragraphs: z._default(z.array(Para), []),
  subsections: z._default(z.array(SubsectionSchema), []),
  meetings: Meetings,
  /**
   * At annual and 学习教育 meetings the sub-sections follow the year's points (year-focus.json) instead of `subsections`:
   * one per point, with these paragraphs and (by default the point's own) heading; {point} is the point's text.
   */
  focus: z.optional(z.object({ heading: z.optional(Text), paragraphs: z.array(Text).check(z.minLength(1)) })),
});

export const OutlineSchema = z
  .object({
    type: TypeId,
    name: Text,
    /** The meeting groups this type of material is written for. */
    meetings: z._default(z.array(Group), [...MEETING_GROUPS]),
    titles: z.array(z.object({ id: Text, label: Text, text: Text, meetings: Meetings })).check(z.minLength(1)),
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

/** An outline file as stored: text for every meeting it serves, with tokens. */
export type OutlineData = z.infer<typeof OutlineSchema>;
export type SectionData = z.infer<typeof SectionSchema>;
export type SubsectionData = z.infer<typeof SubsectionSchema>;

/** One meeting's outline: only what applies to it, tokens expanded. */
export interface Outline {
  type: DocTypeId;
  name: string;
  titles: { id: string; label: string; text: string }[];
  salutation?: string | null;
  sections: OutlineSection[];
}
export interface OutlineSection {
  id: string;
  role: Role;
  numbered: boolean;
  required: boolean | "annual";
  heading: string | null;
  variants: string[];
  guidance: string;
  paragraphs: string[];
  subsections: OutlineSubsection[];
}
export interface OutlineSubsection {
  id: string;
  heading: string;
  variants: string[];
  default: boolean;
  guidance?: string;
  paragraphs: string[];
}
