// The port between the task pane and a document: Word through Office.js, or the in-memory document of tests and the harness.
import type { DocSnapshot } from "../core/model";
import type { Fix } from "../core/check/types";
import type { Block } from "../core/blocks";
import type { FormatPlan } from "../core/format/plan";
import type { GongwenStyleDef } from "../core/format/ooxml";
import type { DocumentFormats, FormatApplyResult, FormatBackup, FormatCapabilities, RestoreResult } from "../core/format/types";
import type { CommentRequest, CommentsResult } from "../core/annotate/commentPlan";

export type { Block, CommentRequest, CommentsResult, DocSnapshot, Fix };
export type { DocumentFormats, FormatApplyResult, FormatBackup, FormatCapabilities, FormatPlan, RestoreResult };

/** Where new paragraphs go. */
export type InsertAt =
  /** After the paragraph holding the end of the selection (never over the selection itself). */
  | { kind: "cursor" }
  /** After paragraph `paragraph` (-1: at the start), which must still read `expected`. */
  | { kind: "after"; paragraph: number; expected: string };

export interface Location {
  paragraph: number;
  offset: number;
  length: number;
  /** The text expected at the location; a jump to changed text selects the whole paragraph instead. */
  expected?: string;
}

/** A light cursor read: one sync, no body-wide paragraph text. The pane polls it to mark check results stale. */
export interface CursorInfo {
  /** Index of the cursor's paragraph in the body (the last paragraph when the cursor is outside the body). */
  paragraph: number;
  /** That paragraph's text. */
  text: string;
  /** How many paragraphs the body has. */
  paragraphCount: number;
  /** The cursor is in a header, footer, footnote, comment or text box: read as the end of the document. */
  outsideBody: boolean;
}

export interface ApplyResult {
  applied: number;
  /** Fixes refused: the text they expect is no longer there, they overlap another, Word cannot locate them uniquely or their paragraph holds more than text, or another fix of their group was refused. */
  skipped: number;
}

export interface DocumentHost {
  readonly kind: "word" | "memory";
  /** Every paragraph and the cursor, read in one batch. */
  snapshot(): Promise<DocSnapshot>;
  /**
   * Insert paragraphs in one batch; if a block holds 【…】, its first one is selected afterwards. `renumber` (with an
   * "after" position only): marker fixes for the later headings the insert pushes down, applied in the same batch; if
   * any of their text changed since the read, nothing is inserted.
   */
  insertBlocks(blocks: Block[], at: InsertAt, renumber?: readonly Fix[]): Promise<void>;
  /** Insert text inside the cursor's paragraph (after the selection, never replacing it), then select its first 【…】. */
  insertInline(text: string): Promise<void>;
  /** Apply fixes in one write batch, last to first; a fix that cannot be verified is skipped, never misapplied; a group applies whole or not at all. */
  applyFixes(fixes: Fix[]): Promise<ApplyResult>;
  /** Select text in the document (jump to a finding or a heading). */
  select(location: Location): Promise<void>;
  /** The cursor's paragraph index and text and the paragraph count, in one light batch (no body-wide text). */
  readCursor(): Promise<CursorInfo>;
  /** Call `listener` when the user moves the cursor; returns a function that stops listening. */
  onSelectionChanged(listener: () => void): () => void;
  /** What 一键排版 can change here (Word: by requirement set, tested at run time). */
  formatCapabilities(): FormatCapabilities;
  /** Every paragraph's format, the page setup and whether the footer is free, read in one batch (the preview). */
  readFormats(): Promise<DocumentFormats>;
  /** Apply a formatting plan in one batch; a paragraph whose text changed since the plan is skipped. Returns the formats it replaced. */
  applyFormatting(plan: FormatPlan): Promise<FormatApplyResult>;
  /** Put back what applyFormatting replaced (撤销排版), in one batch; a paragraph whose text changed since is left alone. */
  restoreFormatting(backup: FormatBackup): Promise<RestoreResult>;
  /**
   * Define (or redefine) the 公文 paragraph styles from a flat OPC package (src/core/format/ooxml.ts) in one batch and
   * read them back. Absent where the host cannot add styles (Word below WordApi 1.5; see README 排版): 一键排版 then keeps
   * setting built-in styles and direct formats and says what is left to do by hand. Where the styles exist, 一键排版 and
   * insertBlocks set them by name (a list item keeps its own). `defs` are the definitions the package was built from
   * (gongwenStyleDefs): the Word host checks and updates styles from them rather than parsing the package again, which
   * keeps an XML parser out of the pane; the in-memory host reads the package itself, as Word would.
   */
  defineStyles?(pkg: string, defs: readonly GongwenStyleDef[]): Promise<StylesResult>;
  /** The 公文 styles the document defines now (empty if none). */
  readStyles?(): Promise<GongwenStyleDef[]>;
  /**
   * 写入批注: remove the tool's earlier comments (recognised by the 【提纲助手】 prefix: in Word the author is always the
   * signed-in user) and write one comment per request, in a batch whose targets were verified in a read first. A request
   * whose anchor no longer reads what the check saw is skipped and counted. Absent where the host cannot write comments
   * (Word below WordApi 1.4): the pane then says why.
   */
  writeComments?(requests: readonly CommentRequest[]): Promise<CommentsResult>;
  /** 删除本工具批注: remove the comments whose text starts with the prefix, and only those. Returns how many. */
  removeToolComments?(): Promise<number>;
}

/** The 公文 styles the document has after defineStyles, and what the host could not set (to do by hand). */
export interface StylesResult {
  defs: GongwenStyleDef[];
  notes: string[];
}

/** An error with a message fit for the user (Chinese). */
export class HostError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "HostError";
  }
}
