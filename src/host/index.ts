// Choosing the host: the Word adapter inside Word, the in-memory document anywhere else.
import type { DocumentHost } from "./DocumentHost";
import { MemoryHost } from "./memoryHost";

export type { DocumentHost };

export const REQUIRED_SET = { name: "WordApi", version: "1.3" } as const;

export type HostChoice = { kind: "word"; host: DocumentHost } | { kind: "outside-word" } | { kind: "unsupported"; message: string };

/** Inside Word (Office.onReady says host Word) the Word adapter; a Word below WordApi 1.3 gets a message instead. */
export async function detectWordHost(timeoutMs = 3000): Promise<HostChoice> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return { kind: "outside-word" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), timeoutMs)));
  const info = await Promise.race([Office.onReady(), timeout]).finally(() => clearTimeout(timer));
  if (!info || info.host !== Office.HostType.Word) return { kind: "outside-word" };
  if (!Office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)) {
    return {
      kind: "unsupported",
      message: "当前 Word 版本过旧，不支持提纲助手所需的 WordApi 1.3。请升级到 Word 2016 或更高版本、Microsoft 365 版 Word，或使用网页版 Word。",
    };
  }
  const { createWordHost } = await import("./wordHost");
  return { kind: "word", host: createWordHost() };
}

export function createMemoryHost(): MemoryHost {
  return new MemoryHost();
}
