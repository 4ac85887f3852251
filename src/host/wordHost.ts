// The Word adapter: the only code that calls Word.run. One file per action under word/; this class runs them one at a
// time (Word refuses overlapping calls, office-js #1225) and turns what Word throws into a truthful Chinese message.
import type { DocSnapshot } from "../core/model";
import type { Block } from "../core/blocks";
import type { Fix } from "../core/check/types";
import type { FormatPlan } from "../core/format/plan";
import { capabilitiesFrom, type DocumentFormats, type FormatApplyResult, type FormatBackup, type FormatCapabilities, type RestoreResult } from "../core/format/types";
import type { ApplyResult, CursorInfo, DocumentHost, InsertAt, Location, StylesResult } from "./DocumentHost";
import type { GongwenStyleDef } from "../core/format/ooxml";
import { defineWordStyles } from "./word/styles";
import { removeToolCommentsIn, writeCommentsIn } from "./word/comments";
import type { CommentRequest, CommentsResult } from "../core/annotate/commentPlan";
import { applyFixesIn } from "./word/fixes";
import { applyFormattingIn, readFormatsIn, restoreFormattingIn } from "./word/format";
import { afterCursor, insertBlocksIn, insertInlineIn } from "./word/insert";
import { readCursorIn, readSnapshot, selectIn } from "./word/read";
import { WriteFailed, describeRecheckedFailure, describeWordError, describeWriteFailure, readTexts, supports, type Ctx, type WordHostDeps } from "./word/shared";

export type { WordHostDeps } from "./word/shared";

export class WordHost implements DocumentHost {
  readonly kind = "word" as const;
  /** The Word.run in flight: the next one starts when it has settled. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Adding the 公文 styles needs getStyles and Style.paragraphFormat (WordApi 1.5); below it the pane says what is left by hand. */
  readonly defineStyles?: (pkg: string, defs: readonly GongwenStyleDef[]) => Promise<StylesResult>;
  /** Comments need Range.insertComment and Body.getComments (WordApi 1.4); below it the pane says why 写入批注 is unavailable. */
  readonly writeComments?: (requests: readonly CommentRequest[]) => Promise<CommentsResult>;
  readonly removeToolComments?: () => Promise<number>;
  constructor(private deps: WordHostDeps) {
    if (supports(deps, "WordApi", "1.5")) {
      this.defineStyles = (pkg, defs) => defineWordStyles((b) => this.run(b), pkg, defs, supports(deps, "WordApi", "1.4"));
    }
    if (supports(deps, "WordApi", "1.4")) {
      this.writeComments = (requests) => this.run((context) => writeCommentsIn(context, deps, requests));
      this.removeToolComments = () => this.run(removeToolCommentsIn);
    }
  }

  private run<T>(batch: (context: Ctx) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.runNow(batch));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow<T>(batch: (context: Ctx) => Promise<T>): Promise<T> {
    try {
      return await this.deps.run(batch);
    } catch (e) {
      if (!(e instanceof WriteFailed)) throw describeWordError(e);
      const before = e.before;
      if (typeof before === "object" && !Array.isArray(before)) throw describeRecheckedFailure(e, await this.deps.run(before.recheck).catch(() => null));
      // Word kept what the batch did before the failure: read the body again and say what changed.
      const after = Array.isArray(before) ? await this.deps.run(readTexts).catch(() => null) : null;
      throw describeWriteFailure(e, after);
    }
  }

  snapshot(): Promise<DocSnapshot> {
    return this.run((context) => readSnapshot(context, this.deps));
  }

  readCursor(): Promise<CursorInfo> {
    return this.run(readCursorIn);
  }

  async insertBlocks(blocks: Block[], at: InsertAt, renumber: readonly Fix[] = []): Promise<void> {
    if (!blocks.length) return;
    if (renumber.length && at.kind !== "after") throw new Error("renumber needs an insert position after a paragraph");
    const after = at.kind === "after" ? at : afterCursor(await this.readCursor());
    await this.run((context) => insertBlocksIn(context, blocks, after, renumber, this.formatCapabilities().namedStyles));
  }

  insertInline(text: string): Promise<void> {
    return this.run((context) => insertInlineIn(context, text));
  }

  async applyFixes(fixes: Fix[]): Promise<ApplyResult> {
    if (!fixes.length) return { applied: 0, skipped: 0 };
    return this.run((context) => applyFixesIn(context, this.deps, fixes));
  }

  select(loc: Location): Promise<void> {
    return this.run((context) => selectIn(context, loc));
  }

  onSelectionChanged(listener: () => void): () => void {
    return this.deps.addSelectionHandler ? this.deps.addSelectionHandler(listener) : () => undefined;
  }

  formatCapabilities(): FormatCapabilities {
    return capabilitiesFrom(this.deps.isSetSupported ?? (() => false));
  }

  readFormats(): Promise<DocumentFormats> {
    return this.run((context) => readFormatsIn(context, this.formatCapabilities()));
  }

  applyFormatting(plan: FormatPlan): Promise<FormatApplyResult> {
    return this.run((context) => applyFormattingIn(context, this.formatCapabilities(), plan));
  }

  restoreFormatting(backup: FormatBackup): Promise<RestoreResult> {
    return this.run((context) => restoreFormattingIn(context, this.formatCapabilities(), backup));
  }
}

/** The host inside Word: Word.run, and selection events through Office.context.document. */
export function createWordHost(): WordHost {
  return new WordHost({
    run: (batch) => Word.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    addSelectionHandler: (handler) => {
      Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, handler);
      return () => Office.context.document.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler });
    },
  });
}
