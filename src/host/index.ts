// Choosing the host for the task pane page: the Word adapter inside Word, a blocking message when Word cannot be
// reached, and never the in-memory document (that is the harness page's alone).
import type { DocumentHost } from "./DocumentHost";

export type { DocumentHost };

export const REQUIRED_SET = { name: "WordApi", version: "1.3" } as const;

/** The query parameter the manifest's SourceLocation carries, so the page knows Office opened it even when office.js never loaded. */
export const IN_OFFICE_PARAM = "in";
export const IN_OFFICE_VALUE = "office";

export type BlockedReason = "no-office-js" | "not-word" | "old-word";

export type HostChoice =
  /** Inside Word with WordApi 1.3: the Word adapter. */
  | { kind: "word"; host: DocumentHost }
  /** The page was opened in a browser, not by Office: it says it is not connected to Word. */
  | { kind: "standalone" }
  /** Opened by Office, but Word cannot be used: a blocking message saying what failed and what to do. */
  | { kind: "blocked"; reason: BlockedReason; message: string };

/**
 * Whether Office opened this page. Our own signal is `?in=office` in the manifest's SourceLocation (under our control,
 * kept by every Office client because it is part of the URL we give). Office also appends `_host_Info` to add-in page
 * URLs (described in "Where am I? Detecting the Office host in Office Add-ins", simonjaeger.com, 2015, and in the
 * dialog API article: "Office adds a query parameter called _host_info … Microsoft may change the content of this
 * value, or remove it entirely", learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins): we use
 * only its presence, as a second hint for a manifest deployed before `in=office` existed, never its content.
 */
export function openedByOffice(search: string): boolean {
  const params = new URLSearchParams(search);
  if (params.get(IN_OFFICE_PARAM) === IN_OFFICE_VALUE) return true;
  for (const key of params.keys()) if (key.toLowerCase() === "_host_info") return true;
  return false;
}

export interface DetectOptions {
  /** Office opened the page (see openedByOffice). */
  insideOffice: boolean;
  /** Where office.js was to come from, named in the message when it did not load. */
  officeJsUrl?: string;
  /** Called once when Office.onReady has not answered after `slowMs` (the page shows that it is still connecting). */
  onSlow?: () => void;
  slowMs?: number;
  /** Outside Office, how long to wait for Office.onReady before treating the page as standalone. */
  standaloneTimeoutMs?: number;
}

export function officeJsMissingMessage(officeJsUrl?: string): string {
  const where = officeJsUrl ? `（${officeJsUrl}）` : "";
  const local = officeJsUrl ? !/^https?:\/\/appsforoffice\.microsoft\.com\//.test(officeJsUrl) : false;
  return (
    `无法连接 Word：Office 的脚本库 office.js${where}没有加载成功，提纲助手不能读写文档，因此不会做任何操作。` +
    (local
      ? "这是内网版加载项，office.js 应与加载项部署在同一服务器上：请管理员确认该文件存在且可以访问，然后关闭并重新打开本窗格。"
      : "office.js 来自微软网站 appsforoffice.microsoft.com。请检查：① 本机能否访问该网站；② 单位内网不能访问外网时，请管理员改用内网版部署（构建时设置 OFFICE_JS=local，office.js 随加载项部署在内网服务器上）。然后关闭并重新打开本窗格。")
  );
}

export const OLD_WORD_MESSAGE =
  "当前 Word 不支持提纲助手所需的 Word JavaScript API 1.3（WordApi 1.3），提纲助手不会做任何操作。可以使用的版本：Microsoft 365 版 Word、Word 2021 或 Word 2024（Windows）、Word for Mac、网页版 Word。请联系管理员升级 Office。";

/** Office.onReady, or null when `ms` passes first (ms = Infinity: wait as long as it takes). */
async function onReadyWithin(ms: number, onSlow?: () => void, slowMs = 3000): Promise<{ host: Office.HostType | null } | null> {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const ready = Office.onReady();
  if (onSlow) timers.push(setTimeout(onSlow, slowMs));
  const timeout = Number.isFinite(ms) ? new Promise<null>((r) => timers.push(setTimeout(() => r(null), ms))) : new Promise<null>(() => {});
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    for (const t of timers) clearTimeout(t);
  }
}

/**
 * Inside Office: wait for Office.onReady however long it takes (calling onSlow meanwhile); Word with WordApi 1.3 gives
 * the Word adapter, anything else a blocking message. Outside Office: "standalone", whether or not office.js loaded.
 */
export async function detectWordHost(options: DetectOptions): Promise<HostChoice> {
  const { insideOffice, officeJsUrl, onSlow, slowMs, standaloneTimeoutMs = 3000 } = options;
  const hasOffice = typeof Office !== "undefined" && typeof Office.onReady === "function";
  if (!hasOffice) return insideOffice ? { kind: "blocked", reason: "no-office-js", message: officeJsMissingMessage(officeJsUrl) } : { kind: "standalone" };
  const info = await onReadyWithin(insideOffice ? Infinity : standaloneTimeoutMs, insideOffice ? onSlow : undefined, slowMs);
  if (!info || info.host !== Office.HostType.Word) {
    if (!insideOffice) return { kind: "standalone" };
    const name = info?.host ? String(info.host) : "未知";
    return { kind: "blocked", reason: "not-word", message: `提纲助手只能在 Word 中使用，Office 报告的宿主是“${name}”。请在 Word 中从“开始”选项卡打开提纲助手。` };
  }
  if (!Office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)) {
    return { kind: "blocked", reason: "old-word", message: OLD_WORD_MESSAGE };
  }
  const { createWordHost } = await import("./wordHost");
  return { kind: "word", host: createWordHost() };
}
