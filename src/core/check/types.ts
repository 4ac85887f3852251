// The rule engine's shapes: a rule reads the parsed document and reports findings; fixes are data.
import type { ParsedDocument } from "../parse/parseDocument";
import type { Severity } from "../report/fileReport";

export type { Severity };

/** A replacement of `length` characters at `offset` in paragraph `paragraph` by `text` (deleting a paragraph: offset 0, its whole length, text ""). */
export interface Fix {
  paragraph: number;
  offset: number;
  length: number;
  text: string;
  /** The text the fix expects to find there; a fix whose text has changed is refused. */
  expected: string;
  /** Delete the paragraph itself (also an empty one); the fix must cover the paragraph's whole text (offset 0, its length). */
  deleteParagraph?: true;
  /** Fixes sharing a group apply together or not at all (合并断行: the joined line and the deletion of the lines joined into it). */
  group?: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  paragraph: number;
  offset: number;
  length: number;
  fix?: Fix;
  /** A stable key for ignoring this one finding: rule + paragraph text hash + found text. */
  key: string;
}

export interface ReportInput {
  messageId: string;
  data?: Record<string, string | number>;
  paragraph: number;
  range?: [number, number];
  fix?: { text: string; range?: [number, number] };
  severity?: Severity;
  /** A guess (the typo lexicon's), not a listed wrong form: it yields to a listed finding of another rule over the same text. */
  guess?: true;
}

export interface Rule {
  meta: {
    id: string;
    /** Short Chinese name shown beside each finding and on 全部修复 buttons. */
    name: string;
    severity: Severity;
    fixable: boolean;
    /** One line in Chinese: what the rule catches (shown in settings). */
    description: string;
    messages: Record<string, string>;
  };
  check(doc: ParsedDocument, report: (r: ReportInput) => void, ctx: RuleContext): void;
}

export interface RuleContext {
  /** Words the user has told the checker to leave alone. */
  ignoreWords: readonly string[];
}
