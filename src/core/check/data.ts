// The checker's word lists (typos, fixed formulations, pasted junk) loaded from src/data and validated with zod/mini once, on first use.
import * as z from "zod/mini";
import typosData from "../../data/typos.json";
import formulationsData from "../../data/formulations.json";
import junkData from "../../data/junk.json";

const Text = z.string().check(z.minLength(1));

export const TyposSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      wrong: Text,
      right: z.string(),
      note: z.optional(z.string()),
      guards: z.optional(z.array(Text)),
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

export type TypoEntry = z.infer<typeof TyposSchema>["entries"][number];
export type FormulationEntry = z.infer<typeof FormulationsSchema>["entries"][number];
export type OutdatedFormulation = z.infer<typeof FormulationsSchema>["outdated"][number];
export interface JunkEntry {
  id: string;
  re: RegExp;
  message: string;
  wholeParagraph: boolean;
}

function load<T>(schema: z.ZodMiniType<T>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} 数据有误：${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("；")}`);
  return parsed.data;
}

let typos: TypoEntry[] | null = null;
let formulations: FormulationEntry[] | null = null;
let junk: JunkEntry[] | null = null;

/** Wrong → right pairs (错别字、误用词语). A data error throws: the engine keeps the other rules running. */
export function typoEntries(): TypoEntry[] {
  return (typos ??= load(TyposSchema, typosData, "typos.json").entries);
}

let formulationTable: z.infer<typeof FormulationsSchema> | null = null;

function formulationData(): z.infer<typeof FormulationsSchema> {
  return (formulationTable ??= load(FormulationsSchema, formulationsData, "formulations.json"));
}

export function formulationEntries(): FormulationEntry[] {
  return (formulations ??= formulationData().entries);
}

/** The table of outdated wordings (十九大精神 as the current task, 系列重要讲话精神 …). */
export function outdatedFormulations(): OutdatedFormulation[] {
  return formulationData().outdated;
}

/** Junk patterns compiled with flags giu (global, case-insensitive, Unicode). */
export function junkEntries(): JunkEntry[] {
  return (junk ??= load(JunkSchema, junkData, "junk.json").entries.map((e) => ({
    id: e.id,
    re: new RegExp(e.pattern, "giu"),
    message: e.message,
    wholeParagraph: e.wholeParagraph,
  })));
}
