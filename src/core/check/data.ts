// The checker's word lists (typos, fixed formulations, pasted junk) loaded from src/data. Their schemas
// (dataSchema.ts) are checked when the CLI is built and by the tests, not at every start: zod stays out of `tigang check`.
import type { FormulationsFile, TyposFile, JunkFile } from "./dataSchema";
import typosData from "../../data/typos.json";
import formulationsData from "../../data/formulations.json";
import junkData from "../../data/junk.json";

export type TypoEntry = TyposFile["entries"][number];
export type FormulationEntry = FormulationsFile["entries"][number];
export type OutdatedFormulation = FormulationsFile["outdated"][number];
export interface JunkEntry {
  id: string;
  re: RegExp;
  message: string;
  wholeParagraph: boolean;
}

/** The data as shipped (validated at build time); a file whose shape is wrong at its top still fails loudly. */
function load<T extends { version: number; entries: unknown[] }>(raw: unknown, file: string): T {
  const data = raw as T;
  if (data?.version !== 1 || !Array.isArray(data.entries)) throw new Error(`${file} 数据有误：版本或 entries 无效`);
  return data;
}

let typos: TypoEntry[] | null = null;
let typoClasses: Record<string, string[]> = {};
let formulations: FormulationEntry[] | null = null;
let junk: JunkEntry[] | null = null;

/** Wrong → right pairs (错别字、误用词语). A data error throws: the engine keeps the other rules running. */
export function typoEntries(): TypoEntry[] {
  if (!typos) {
    const file = load<TyposFile>(typosData, "typos.json");
    typoClasses = file.classes ?? {};
    typos = file.entries;
  }
  return typos;
}

/**
 * The strings a context condition stands for: "@verbs" → the class's list; "@lead@adverbial" → every string of the first
 * class followed by one of the second (literal text may sit between: "@lead不@adverbial"). Classes are checked at build time.
 */
export function contextStrings(list: readonly string[]): string[] {
  typoEntries();
  return list.flatMap((c) => {
    if (!c.includes("@")) return [c];
    let out = [""];
    for (const part of c.split(CLASS_REF)) {
      if (!part) continue;
      const options = part.startsWith("@") ? (typoClasses[part.slice(1)] ?? []) : [part];
      out = out.flatMap((o) => options.map((x) => o + x));
    }
    return out;
  });
}

/** A class reference inside a context string (names are Latin letters: deVerb, zuoChu). */
export const CLASS_REF = /(@[A-Za-z]+)/;

let formulationTable: FormulationsFile | null = null;

function formulationData(): FormulationsFile {
  return (formulationTable ??= load<FormulationsFile>(formulationsData, "formulations.json"));
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
  return (junk ??= load<JunkFile>(junkData, "junk.json").entries.map((e) => ({
    id: e.id,
    re: new RegExp(e.pattern, "giu"),
    message: e.message,
    wholeParagraph: e.wholeParagraph,
  })));
}
