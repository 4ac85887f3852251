// The year's 对照检查 points (src/data/outlines/year-focus.json, shipped as dist/year-focus.json): schema, validation
// with Chinese messages, the shipped default, and whether it covers the meeting year being prepared.
import * as z from "zod/mini";
import shipped from "../../data/outlines/year-focus.json";

const Text = z.string().check(z.minLength(1));

const SourceSchema = z.object({
  publisher: Text,
  title: Text,
  date: Text,
  url: z.string().check(z.regex(/^https?:\/\/\S+$/, "应为 http(s) 网址")),
  /** original: checked against the publisher's own page; secondary: against a reproduction of it; unverified: not checked. */
  verified: z.enum(["original", "secondary", "unverified"]),
  note: z.optional(z.string()),
});

const PointSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, "id 只能由小写字母、数字和连字符组成")),
  /** The point as published (or, for a campaign, as the notice words it). */
  text: Text,
  /** The sub-section heading; by default the text followed by 方面. */
  heading: z.optional(Text),
  /** What to write under it, in our words. */
  guide: Text,
});

export const YearFocusSchema = z
  .object({
    format: z.literal("tigang-year-focus"),
    version: z.literal(1),
    /** The 年度 of the meetings these points are for (2025: the 2025 年度 meetings held in the winter of 2025–26). */
    year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
    label: Text,
    theme: z.nullable(z.string()),
    source: SourceSchema,
    points: z.array(PointSchema).check(z.minLength(1), z.maxLength(12)),
    campaign: z.optional(
      z.object({
        name: Text,
        year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
        period: z.optional(z.string()),
        source: SourceSchema,
        points: z.array(PointSchema).check(z.minLength(1), z.maxLength(12)),
      }),
    ),
  })
  .check(
    z.superRefine((f, ctx) => {
      for (const list of [f.points, f.campaign?.points ?? []]) {
        const ids = new Set<string>();
        for (const p of list) {
          if (ids.has(p.id)) ctx.addIssue({ code: "custom", message: `重复的要点 id：${p.id}`, input: p.id });
          ids.add(p.id);
        }
      }
    }),
  );

export type YearFocus = z.infer<typeof YearFocusSchema>;
export type FocusPoint = z.infer<typeof PointSchema>;

export type FocusResult = { ok: true; focus: YearFocus } | { ok: false; message: string };

/** Validate a year file (already parsed JSON). Problems are named in Chinese with their place ("points.2.text"). */
export function parseYearFocus(raw: unknown): FocusResult {
  const r = YearFocusSchema.safeParse(raw);
  if (r.success) return { ok: true, focus: r.data };
  const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join(".") : "（整个文件）"}：${i.message}`);
  return { ok: false, message: `年度重点文件有误：${issues.join("；")}` };
}

/** The same from the text of a file: bad JSON is a clear message too. */
export function parseYearFocusText(text: string): FocusResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `年度重点文件不是有效的 JSON：${(e as Error).message}` };
  }
  return parseYearFocus(raw);
}

let cache: YearFocus | null = null;

/** The focus shipped with this release (validated once; a data error is a programming error and throws). */
export function shippedFocus(): YearFocus {
  if (cache) return cache;
  const r = parseYearFocus(shipped);
  if (!r.ok) throw new Error(r.message);
  cache = r.focus;
  return cache;
}

/** The sub-section heading of a point. */
export function pointHeading(p: FocusPoint): string {
  return p.heading ?? `${p.text}方面`;
}

/**
 * Whether the file's points are those of the meeting year: when the meeting is later than the file, what the user
 * should be told (以下按2025年度重点，请以本年度通知为准); null when the file is the meeting year's own.
 */
export function focusNotice(focus: YearFocus, year: number): string | null {
  if (year <= focus.year) return null;
  return `以下按${focus.year}年度重点，请以本年度通知为准`;
}
