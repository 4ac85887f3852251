// The checker's word lists (typos, fixed formulations, pasted junk) loaded from src/data and validated with zod/mini once, on first use.
import * as z from "zod/mini";
import typosData from "../../data/typos.json";
import formulationsData from "../../data/formulations.json";
import junkData from "../../data/junk.json";

const Text = z.string().check(z.minLength(1));

/** Context conditions: the text right before (or after) the match must end (start) with one of these; "@name" names a class of `classes`. */
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
      /** "info" for an entry that is often but not always wrong (reported as 提示). */
      severity: z.optional(z.enum(["error", "warning", "info"])),
    }),
  ),
});

export const FormulationsSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      id: Text,
      name: z.nullable(z.string()),
      canonical: z.string(),
      members: z.array(Text),
      ordered: z.boolean(),
      wrong: z.array(z.object({ text: Text, right: z.string() })),
    }),
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
let typoClasses: Record<string, string[]> = {};
let formulations: FormulationEntry[] | null = null;
let junk: JunkEntry[] | null = null;

/** Wrong → right pairs (错别字、误用词语). A data error throws: the engine keeps the other rules running. */
export function typoEntries(): TypoEntry[] {
  if (!typos) {
    const file = load(TyposSchema, typosData, "typos.json");
    typoClasses = file.classes ?? {};
    const unknown = file.entries.flatMap((e) => [...(e.before ?? []), ...(e.after ?? []), ...(e.notBefore ?? []), ...(e.notAfter ?? [])]).filter((c) => c.startsWith("@") && !typoClasses[c.slice(1)]);
    if (unknown.length) throw new Error(`typos.json 数据有误：未定义的类 ${[...new Set(unknown)].join("、")}`);
    typos = file.entries;
  }
  return typos;
}

/** The strings a context condition stands for ("@verbs" → the class's list). */
export function contextStrings(list: readonly string[]): string[] {
  typoEntries();
  return list.flatMap((c) => (c.startsWith("@") ? (typoClasses[c.slice(1)] ?? []) : [c]));
}

export function formulationEntries(): FormulationEntry[] {
  return (formulations ??= load(FormulationsSchema, formulationsData, "formulations.json").entries);
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
