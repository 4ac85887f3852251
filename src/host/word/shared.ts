// What every Word action shares: the error mapping, the write that may half-fail, the exact search, the fields a read loads.
import { HostError } from "../DocumentHost";

/** What one paragraph read loads (all WordApi 1.3). */
export const PARAGRAPH_FIELDS = [
  "items/text",
  "items/style",
  "items/styleBuiltIn",
  "items/outlineLevel",
  "items/isListItem",
  "items/tableNestingLevel",
  "items/listItemOrNullObject/listString",
  "items/listItemOrNullObject/level",
  "items/listOrNullObject/id",
].join(",");

/** Word's search takes at most 255 characters, counted on the escaped string (office-js #1726). */
export const MAX_SEARCH = 255;

export type Ctx = Word.RequestContext;

export interface WordHostDeps {
  /** Word.run, injectable for tests with the Word stand-in (test/support/wordMock.ts). */
  run: <T>(batch: (context: Ctx) => Promise<T>) => Promise<T>;
  /** Register for selection changes (Office.context.document.addHandlerAsync), or undefined outside Word. */
  addSelectionHandler?: (handler: () => void) => () => void;
  /** Office.context.requirements.isSetSupported, for features beyond WordApi 1.3; absent: none. */
  isSetSupported?: (name: string, version: string) => boolean;
}

/** Whether a requirement set is there (false when Word cannot say). */
export function supports(deps: WordHostDeps, name: string, version: string): boolean {
  try {
    return !!deps.isSetSupported?.(name, version);
  } catch {
    return false;
  }
}

/**
 * The final write of an action failed. Word does not roll a batch back: the commands before the failing one stay
 * applied (OfficeExtension.Error reference, https://learn.microsoft.com/javascript/api/office/officeextension.error),
 * so the host re-reads the document to say what changed.
 */
export class WriteFailed extends Error {
  constructor(
    readonly cause: unknown,
    /**
     * The body's texts before the write; "format": formats only; "unchecked": a small insert not worth a body read;
     * `recheck`: the action's own re-read, which says in Chinese what the document holds now (comments: which were written).
     */
    readonly before: string[] | "format" | "unchecked" | { recheck: (context: Ctx) => Promise<string> },
  ) {
    super("write failed");
  }
}

/** The write sync of an action: a failure becomes WriteFailed, for the host's re-read. */
export async function writeSync(context: Ctx, before: WriteFailed["before"]): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    throw new WriteFailed(e, before);
  }
}

const MESSAGES: Record<string, string> = {
  AccessDenied: "Word 拒绝了此操作：文档可能处于只读或受保护状态。",
  ItemNotFound: "找不到要操作的内容，文档可能已被修改。请刷新后重试。",
  GeneralException: "Word 处理请求时出错，请稍后重试。",
  InvalidArgument: "提交给 Word 的参数无效。",
  NotAllowed: "当前状态下 Word 不允许此操作（例如正在编辑批注或处于只读视图）。",
  ApiNotFound: "当前 Word 版本不支持此功能，请升级到支持 WordApi 1.3 的版本。",
  RequestPayloadSizeLimitExceeded: "文档过大，一次读取超出 Word 网页版的限制。",
  // office-js #4922: every search fails while Word's Find and Replace dialog is open.
  SearchDialogIsOpen: "Word 的“查找和替换”对话框正开着，加载项无法在文档中查找。请关闭该对话框后重试。",
};

/** What Word said, in Chinese. */
function wordMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return MESSAGES[err?.code ?? ""] ?? `Word 操作失败：${err?.message ?? String(e)}`;
}

/** A failure before the action's write: nothing was written, by construction (the syncs before it only read). */
export function describeWordError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  return new HostError(`${wordMessage(e)}（失败发生在写入之前：本次操作没有向文档写入任何内容。）`, e);
}

/** How many paragraphs differ between two reads of the body (an insert or a delete shifts the rest, not counted). */
export function changedParagraphs(before: readonly string[], after: readonly string[]): number {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  if (before.length === after.length) {
    let n = 0;
    for (let i = head; i < before.length - tail; i++) if (before[i] !== after[i]) n++;
    return n;
  }
  return Math.max(before.length, after.length) - head - tail;
}

/** The message for a failed write, from a re-read of the body (`after`; null when the re-read failed too or was not made). */
export function describeWriteFailure(f: WriteFailed, after: string[] | null): HostError {
  const lead = wordMessage(f.cause);
  if (f.before === "format") return new HostError(`${lead}部分格式可能已经写入（Word 不会撤回同一批中已执行的操作）。请检查文档；如需还原，可在 Word 中按 Ctrl+Z 撤销。`, f.cause);
  if (f.before === "unchecked") return new HostError(`${lead}文字可能已部分插入（Word 不会撤回同一批中已执行的操作）。请检查光标处；如需还原，可在 Word 中按 Ctrl+Z 撤销。`, f.cause);
  // (An action that re-reads the document itself reports through describeRecheckedFailure.)
  if (after === null || !Array.isArray(f.before)) return new HostError(`${lead}无法核对文档是否已被部分修改，请检查文档；如有误改，可在 Word 中按 Ctrl+Z 撤销。`, f.cause);
  const n = changedParagraphs(f.before, after);
  if (n === 0) return new HostError(`${lead}已核对文档：没有发现已写入的修改。`, f.cause);
  return new HostError(`${lead}已核对文档：有 ${n} 段已被修改（Word 不会撤回同一批中已执行的操作）。如需还原，请在 Word 中按 Ctrl+Z 撤销。`, f.cause);
}

/** The message for a failed write whose action re-read the document itself (`said`: what it found; null: the re-read failed). */
export function describeRecheckedFailure(f: WriteFailed, said: string | null): HostError {
  return new HostError(`${wordMessage(f.cause)}${said ?? "无法核对写入了什么，请检查文档。"}`, f.cause);
}

/** Search `where` for exactly `text`: case-sensitive, with ^ escaped (Word's search reads ^p, ^t as special codes). */
export function searchExact(where: Word.Paragraph | Word.Range, text: string): Word.RangeCollection {
  return where.search(escapeSearch(text), { matchCase: true });
}

export function escapeSearch(text: string): string {
  return text.replace(/\^/g, "^^");
}

/** Body paragraph texts, for the re-read after a failed write. */
export async function readTexts(context: Ctx): Promise<string[]> {
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  await context.sync();
  return paras.items.map((p) => p.text ?? "");
}

/** A body-wide read with the track-changes view where WordApi 1.4 has it: the text as it will look with changes accepted. */
export function queueReviewedText(context: Ctx, deps: WordHostDeps): { mode: Word.Document | null; text: OfficeExtension.ClientResult<string> | null } {
  if (!supports(deps, "WordApi", "1.4")) return { mode: null, text: null };
  context.document.load("changeTrackingMode");
  return { mode: context.document, text: context.document.body.getReviewedText("Current") };
}

/** Paragraph texts as reviewed (tracked deletions left out, office-js #1267), where Word gave them paragraph for paragraph. */
export function reviewedTexts(raw: readonly string[], reviewed: OfficeExtension.ClientResult<string> | null): string[] {
  if (!reviewed) return [...raw];
  const parts = (reviewed.value ?? "").split(/\r\n|\r|\n/);
  if (parts.length !== raw.length && !(parts.length === raw.length + 1 && parts[parts.length - 1] === "")) return [...raw];
  return raw.map((t, i) => parts[i]);
}
