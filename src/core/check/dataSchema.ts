// The schemas (zod/mini) of the checker's data files, checked by the tests and when the CLI is built
// (scripts/build-cli.mjs), so that `tigang check` does not load zod at every start.
import * as z from "zod/mini";
import typosData from "../../data/typos.json";
import formulationsData from "../../data/formulations.json";
import junkData from "../../data/junk.json";
import { CLASS_REF } from "./data";

const Text = z.string().check(z.minLength(1));

/** Context conditions: the text right before (or after) the match must end (start) with one of these; "@name" names a class of `classes`, and "@a@b" any string of a followed by one of b. */
const Context = z.optional(z.array(Text));

export const TyposSchema = z.object({
  version: z.literal(1),
  /** Named lists for context conditions (verbs that take 得, objects of 作出 …). */
  classes: z.optional(z.record(z.string(), z.array(Text))),
  entries: z.array(
    z.object({
      wrong: Text,
      right: z.string(),
      note: z.optional(z.string()),
      guards: z.optional(z.array(Text)),
      before: Context,
      after: Context,
      notBefore: Context,
      notAfter: Context,
      /** The rest of the sentence (to 。！？；) must (must not) contain one of these: 既要…又要, 即使…也. */
      later: Context,
      notLater: Context,
      /** "info" for an entry that is often but not always wrong (reported as 提示). */
      severity: z.optional(z.enum(["error", "warning", "info"])),
    }),
  ),
});

const Url = z.nullable(z.string().check(z.regex(/^https?:\/\//)));

/**
 * Fixed formulations (提法). `members` are the items in their canonical order; an item may list accepted forms as
 * "canonical|other form". `closed`: always cited whole, so a list missing one is wrong even without the name; `generic`:
 * the members are everyday phrases, checked only with the name near; `counted`: the
 * number in the name is part of the term (六个必须坚持), so the name with another number is wrong (closed entries too). `source`: the authoritative page the wording was
 * checked against; an entry without one is reported as 提示 only. `outdated`: a table of outdated wordings, each with the
 * contexts (`unless`) in which it is a fact of the past and not the current task.
 */
export const FormulationsSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: Text,
      name: z.nullable(z.string()),
      aliases: z.optional(z.array(Text)),
      canonical: z.string(),
      members: z.array(Text),
      ordered: z.boolean(),
      closed: z.optional(z.boolean()),
      generic: z.optional(z.boolean()),
      counted: z.optional(z.boolean()),
      outdatedMembers: z.optional(z.array(z.object({ text: Text, index: z.number(), since: z.optional(z.string()) }))),
      wrong: z.array(
        z.object({ text: Text, right: z.string(), guards: z.optional(z.array(Text)), severity: z.optional(z.enum(["error", "warning", "info"])) }),
      ),
      patterns: z.optional(z.array(z.object({ trigger: Text, pattern: Text, right: z.string() }))),
      alsoCorrect: z.optional(z.array(Text)),
      currentSince: z.optional(z.string()),
      outdatedSince: z.optional(z.string()),
      source: Url,
    }),
  ),
  outdated: z.array(
    z.object({ id: Text, trigger: Text, pattern: Text, unless: z.optional(Text), message: Text, source: Url }),
  ),
});

export const JunkSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: Text,
      pattern: Text,
      message: Text,
      wholeParagraph: z.boolean(),
    }),
  ),
});

export type TyposFile = z.infer<typeof TyposSchema>;
export type FormulationsFile = z.infer<typeof FormulationsSchema>;
export type JunkFile = z.infer<typeof JunkSchema>;

/** Problems of the shipped data files, in Chinese ([] when they are sound). */
export function checkDataProblems(): string[] {
  const problems: string[] = [];
  const files: [string, z.ZodMiniType, unknown][] = [
    ["typos.json", TyposSchema, typosData],
    ["formulations.json", FormulationsSchema, formulationsData],
    ["junk.json", JunkSchema, junkData],
  ];
  for (const [file, schema, data] of files) {
    const parsed = schema.safeParse(data);
    if (!parsed.success) problems.push(`${file} 数据有误：${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("；")}`);
  }
  const typos = typosData as TyposFile;
  const classes = typos.classes ?? {};
  const refs = (typos.entries ?? []).flatMap((e) => [...(e.before ?? []), ...(e.after ?? []), ...(e.notBefore ?? []), ...(e.notAfter ?? []), ...(e.later ?? []), ...(e.notLater ?? [])]).flatMap((c) => c.match(new RegExp(CLASS_REF.source, "g")) ?? []);
  const undefinedClasses = new Set(refs.filter((c) => !classes[c.slice(1)]));
  if (undefinedClasses.size) problems.push(`typos.json 数据有误：未定义的类 ${[...undefinedClasses].join("、")}`);
  for (const e of (junkData as JunkFile).entries ?? []) {
    try {
      new RegExp(e.pattern, "giu");
    } catch {
      problems.push(`junk.json：${e.id} 的 pattern 不是有效的正则表达式`);
    }
  }
  return problems;
}
