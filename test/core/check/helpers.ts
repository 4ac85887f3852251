// Test helpers for the rules: parse a text (one paragraph per line), run one rule, apply its fixes, and table-driven cases.
import fs from "node:fs";
import path from "node:path";
import type { DocTypeId } from "../../../src/core/model";
import { parseDocument, type ParsedDocument } from "../../../src/core/parse/parseDocument";
import { checkDocument, type CheckSettings } from "../../../src/core/check/engine";
import { applyFixes } from "../../../src/core/check/applyFixes";
import type { Finding, Fix, Rule } from "../../../src/core/check/types";

export function parse(text: string | string[], type?: DocTypeId): ParsedDocument {
  const lines = Array.isArray(text) ? text : text.split("\n");
  return parseDocument(
    lines.map((t) => ({ text: t })),
    type ? { type } : {},
  );
}

export function run(rule: Rule | readonly Rule[], text: string | string[], type?: DocTypeId, settings: CheckSettings = {}): Finding[] {
  return checkDocument(parse(text, type), settings, Array.isArray(rule) ? rule : [rule as Rule]);
}

export function fixesOf(findings: Finding[]): Fix[] {
  return findings.flatMap((f) => (f.fix ? [f.fix] : []));
}

/** The text after applying every fix the rule offers (one pass). */
export function fixed(rule: Rule | readonly Rule[], text: string | string[], type?: DocTypeId): string {
  const lines = Array.isArray(text) ? text : text.split("\n");
  return applyFixes(lines, fixesOf(run(rule, lines, type))).texts.join("\n");
}

export interface Expected {
  paragraph: number;
  range: [number, number];
}

export interface InvalidCase {
  name?: string;
  text: string | string[];
  type?: DocTypeId;
  findings: Expected[];
  /** The text after applying the fixes; omit when the rule offers none. */
  output?: string;
}

export interface ValidCase {
  text: string | string[];
  type?: DocTypeId;
}

const joined = (t: string | string[]) => (Array.isArray(t) ? t.join("\n") : t);

/** A table of valid texts (no finding of the rule) and invalid ones (exact places and the fixed text). */
export function ruleCases(rule: Rule, valid: (string | ValidCase)[], invalid: InvalidCase[]): void {
  describe(rule.meta.id, () => {
    test.each(valid.map((v) => [(typeof v === "string" ? v : joined(v.text)).replace(/\n/g, "⏎").slice(-40), v] as const))("valid: %s", (_n, v) => {
      const c = typeof v === "string" ? { text: v } : v;
      expect(run(rule, c.text, c.type).map((f) => f.message)).toEqual([]);
    });
    test.each(invalid.map((c) => [c.name ?? joined(c.text).replace(/\n/g, "⏎").slice(-40), c] as const))("invalid: %s", (_n, c) => {
      const found = run(rule, c.text, c.type);
      for (const f of found) expect(f.rule).toBe(rule.meta.id);
      expect(found.map((f) => ({ paragraph: f.paragraph, range: [f.offset, f.offset + f.length] }))).toEqual(c.findings);
      if (c.output !== undefined) expect(fixed(rule, c.text, c.type)).toBe(c.output);
      else expect(fixesOf(found)).toEqual([]);
    });
  });
}

export const FIXTURES = path.join(__dirname, "../../fixtures/clean");

export function fixture(name: string): string[] {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8").replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
}
