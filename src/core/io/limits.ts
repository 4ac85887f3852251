// The limits on what Tigang reads, in one place for the CLI, the reviewing page and the harness: file and part sizes,
// zip entries, bytes actually inflated, XML depth, paragraphs, text, and the clamps Word itself puts on list numbering.

export interface ReadLimits {
  /** Any input file, in bytes (a .docx may carry pictures; only its text parts are inflated). */
  maxFileBytes: number;
  /** A plain-text input, in bytes: its text is held whole, so it is held to less than a .docx. */
  maxTextFileBytes: number;
  /** Entries in a .docx zip; a real one has a few dozen. */
  maxEntries: number;
  /** Bytes actually inflated, summed over the parts read (counted as they inflate, not taken from the headers). */
  maxInflatedBytes: number;
  /** Inflated bytes per byte of the .docx file (plus 1 MB): real documents inflate about 5–20×, zip bombs 1000×. */
  maxInflateRatio: number;
  /** Nesting of XML elements. 50 nested content controls take about 110 levels; Word itself opens far fewer than this. */
  maxDepth: number;
  /** Paragraphs in one document (a .docx body, or lines of a text file). */
  maxParagraphs: number;
  /** Characters of text in one document. */
  maxTextChars: number;
  /** Highest list level (w:ilvl): Word has nine, 0–8. */
  maxListLevel: number;
  /** Largest list start value (w:start, w:startOverride), as Word's dialog allows. */
  maxListStart: number;
  /** Longest list label pattern (w:lvlText) kept. */
  maxLevelTextChars: number;
  /** Depth of .docx files imported into a .docx (altChunk) that are read. */
  maxNestedDocx: number;
}

export const READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxTextFileBytes: 32 * 1024 * 1024,
  maxEntries: 5000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxInflateRatio: 100,
  maxDepth: 512,
  maxParagraphs: 200_000,
  maxTextChars: 12_000_000,
  maxListLevel: 8,
  maxListStart: 32767,
  maxLevelTextChars: 64,
  maxNestedDocx: 1,
});

export function withLimits(overrides?: Partial<ReadLimits>): ReadLimits {
  return { ...READ_LIMITS, ...overrides };
}

/** Inflated bytes allowed for a .docx of `fileBytes` bytes. */
export function inflateBudget(fileBytes: number, limits: ReadLimits = READ_LIMITS): number {
  return Math.min(limits.maxInflatedBytes, 1024 * 1024 + fileBytes * limits.maxInflateRatio);
}

const MB = (n: number) => `${Math.round(n / 1048576)} MB`;
export const limitMessages = {
  fileTooLarge: (bytes: number, limit: number) => `文件过大（${MB(bytes)}），上限为 ${MB(limit)}。`,
  inflated: () => ".docx 解压后体积过大，疑似压缩炸弹，拒绝读取。",
  entries: (n: number, limit: number) => `.docx 内含 ${n} 个部件，超过上限 ${limit}，疑似恶意文件，拒绝读取。`,
  depth: (part: string, limit: number) => `文件中的 ${part} 嵌套层数超过 ${limit} 层，疑似恶意文件，拒绝读取。`,
  paragraphs: (limit: number) => `文件的段落数超过上限 ${limit.toLocaleString("en-US")}，拒绝读取。`,
  textChars: (limit: number) => `文件的文字超过上限 ${limit.toLocaleString("en-US")} 个字符，拒绝读取。`,
};
