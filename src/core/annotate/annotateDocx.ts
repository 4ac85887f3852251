// Annotating a .docx: every finding becomes a Word comment (批注) anchored on its exact text, by splicing comment markers
// into the main part's XML at the positions the reader recorded. Nothing else in the document changes: other parts are
// copied, and a run is split only where a comment starts or ends inside it, each half keeping the run's properties.
import JSZip from "jszip";
import type { Paragraph } from "../model";
import type { FindingJson } from "../report/fileReport";
import { InputError } from "../io/decodeText";
import { READ_LIMITS, inflateBudget, limitMessages } from "../io/limits";
import { decodePart, type DocxContent } from "../io/readDocx";
import type { SourceSpan } from "../io/sourceMap";
import { ZipArchive, streamInflate, type Inflate } from "../io/zip";
import { commentText, COMMENT_PREFIX, isToolComment, wholeCharacters } from "./commentText";

export { COMMENT_PREFIX };

export interface AnnotateOptions {
  /** The comments' author; 审核 by default. */
  author?: string;
  /** ISO date written on the comments (now by default; tests fix it). */
  date?: string;
  inflate?: Inflate;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  /** Comments written, earlier tool comments removed, and the document's own comments kept. */
  added: number;
  removed: number;
  kept: number;
}

const REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export function escapeXml(s: string): string {
  // Characters XML 1.0 forbids (C0 controls other than tab, LF, CR) are dropped: a message never needs them.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}

/** One replacement in an XML string: [start, end) becomes `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(xml: string, edits: Edit[]): string {
  // Last to first; at one offset the longer edit (a deletion) goes first so an insertion there is not deleted with it.
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = xml;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`internal: overlapping edits at ${e.start}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/** The end of the element that starts at `at` (just after its end tag), counting nested elements of the same name. */
function elementEnd(xml: string, at: number, tag: string): number {
  const open = new RegExp(`<${tag}[\\s>/]|</${tag}>`, "g");
  open.lastIndex = at;
  let depth = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[0].startsWith("</")) depth--;
    else {
      const close = xml.indexOf(">", m.index);
      if (xml[close - 1] !== "/") depth++;
      else if (depth === 0) return close + 1;
    }
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** A run's start tag and its properties (w:rPr, whole), to reopen the run after a split with the same formatting. */
function runHead(xml: string, runStart: number): string | null {
  const tagEnd = xml.indexOf(">", runStart);
  if (!/^<w:r[\s>]/.test(xml.slice(runStart, runStart + 5)) || xml[tagEnd - 1] === "/") return null;
  const startTag = xml.slice(runStart, tagEnd + 1);
  let at = tagEnd + 1;
  while (/\s/.test(xml[at] ?? "")) at++;
  if (xml.startsWith("<w:rPr", at) && /[\s>/]/.test(xml[at + 6])) {
    const end = elementEnd(xml, at, "w:rPr");
    if (end < 0) return null;
    return startTag + xml.slice(at, end);
  }
  return startTag;
}

/** The XML offset, inside a w:t's content [from, to), of its `k`-th UTF-16 unit (entities count as what they stand for). */
function xmlOffsetOfChar(xml: string, from: number, to: number, k: number): number {
  let at = from;
  let count = 0;
  while (at < to && count < k) {
    if (xml[at] === "&") {
      const semi = xml.indexOf(";", at);
      const entity = xml.slice(at + 1, semi);
      const code = entity[0] === "#" ? (entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)) : 0;
      count += code > 0xffff ? 2 : 1;
      at = semi + 1;
    } else {
      count++;
      at++;
    }
  }
  return at;
}

/** Where a comment boundary goes: an XML offset, and what must be closed and reopened around the markers there. */
interface Point {
  pos: number;
  /** "none": between runs; "run": between children of a run; "text": inside a w:t's content. */
  wrap: "none" | "run" | "text";
  runStart: number;
  /** The w:t start tag's offset, when splitting inside it (to make it keep its spaces). */
  tStart?: number;
}

/** The point at text offset `offset` of a paragraph; `side` says whether it starts or ends a range (which run an edge belongs to). */
function pointAt(xml: string, p: Paragraph, offset: number, side: "start" | "end"): Point | null {
  const src = p.source;
  if (!src) return null;
  const spans = src.spans;
  const inSpan = (s: SourceSpan) => (side === "start" ? offset >= s.textStart && offset < s.textStart + s.length : offset > s.textStart && offset <= s.textStart + s.length);
  const s = spans.find(inSpan);
  if (!s) return null;
  const k = offset - s.textStart;
  const inRun = s.runEnd >= 0 && s.runStart !== s.xmlStart;
  const runSpans = spans.filter((o) => o.runStart === s.runStart);
  const firstInRun = runSpans[0] === s;
  const lastInRun = runSpans[runSpans.length - 1] === s;
  if (!inRun) return { pos: side === "start" ? s.xmlStart : s.xmlEnd, wrap: "none", runStart: -1 };
  if (k === 0 && firstInRun) return { pos: s.runStart, wrap: "none", runStart: -1 };
  if (k === s.length && lastInRun) return { pos: s.runEnd, wrap: "none", runStart: -1 };
  if (s.kind !== "text") {
    // A tab or break: split the run before or after that element.
    return { pos: k === 0 ? s.xmlStart : s.xmlEnd, wrap: "run", runStart: s.runStart };
  }
  const tStart = xml.lastIndexOf("<w:t", s.xmlStart);
  if (tStart < s.runStart || xml.startsWith("<![CDATA[", s.xmlStart)) return null;
  if (k === 0) return { pos: tStart, wrap: "run", runStart: s.runStart };
  if (k === s.length) return { pos: xml.indexOf(">", s.xmlEnd) + 1, wrap: "run", runStart: s.runStart };
  return { pos: xmlOffsetOfChar(xml, s.xmlStart, s.xmlEnd, k), wrap: "text", runStart: s.runStart, tStart };
}

/** The whole paragraph as a range: before its first run, after its last. For an empty paragraph, one point after w:pPr. */
function paragraphRange(xml: string, p: Paragraph): [Point, Point] | null {
  const src = p.source;
  if (!src) return null;
  const spans = src.spans;
  if (spans.length) {
    const first = spans[0];
    const last = spans[spans.length - 1];
    const start: Point = { pos: first.runEnd >= 0 ? first.runStart : first.xmlStart, wrap: "none", runStart: -1 };
    const end: Point = { pos: last.runEnd >= 0 ? last.runEnd : last.xmlEnd, wrap: "none", runStart: -1 };
    return [start, end];
  }
  const pXml = xml.slice(src.pStart, src.pEnd);
  if (pXml.endsWith("/>")) return null;
  const at = src.pEnd - "</w:p>".length;
  if (!xml.startsWith("</w:p>", at)) return null;
  const pt: Point = { pos: at, wrap: "none", runStart: -1 };
  return [pt, pt];
}

interface Placed {
  id: number;
  start: Point;
  end: Point;
  text: string;
}

function readComments(xml: string | null): { toolIds: Set<string>; kept: number; maxId: number } {
  const toolIds = new Set<string>();
  let kept = 0;
  let maxId = -1;
  if (!xml) return { toolIds, kept, maxId };
  const re = /<w:comment\b[^>]*?\bw:id="(-?\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/w:comment>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    maxId = Math.max(maxId, Number(m[1]));
    const text = [...(m[2] ?? "").matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    if (isToolComment(text)) toolIds.add(m[1]);
    else kept++;
  }
  return { toolIds, kept, maxId };
}

/** Edits removing the tool's earlier comments from the main part: their range markers and reference runs. */
function removalEdits(xml: string, ids: Set<string>): Edit[] {
  if (!ids.size) return [];
  const edits: Edit[] = [];
  const marker = /<w:comment(RangeStart|RangeEnd|Reference)\b[^>]*?\bw:id="(-?\d+)"[^>]*\/>/g;
  for (let m = marker.exec(xml); m; m = marker.exec(xml)) {
    if (!ids.has(m[2])) continue;
    let start = m.index;
    let end = m.index + m[0].length;
    if (m[1] === "Reference") {
      // The run holding only the reference (and its properties) goes with it.
      const runStart = xml.lastIndexOf("<w:r", start);
      if (runStart >= 0 && /^<w:r[\s>]/.test(xml.slice(runStart, runStart + 5))) {
        const runEnd = elementEnd(xml, runStart, "w:r");
        const inner = xml.slice(xml.indexOf(">", runStart) + 1, runEnd - "</w:r>".length).replace(m[0], "");
        const rest = inner.replace(/^\s*<w:rPr[\s>][\s\S]*?<\/w:rPr>/, "").replace(/^\s*<w:rPr\/>/, "").trim();
        if (runEnd > end && !rest) {
          start = runStart;
          end = runEnd;
        }
      }
    }
    edits.push({ start, end, text: "" });
  }
  return edits;
}

function removeCommentsFromPart(xml: string, ids: Set<string>): string {
  return xml.replace(/<w:comment\b[^>]*?\bw:id="(-?\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/w:comment>)/g, (whole, id: string) => (ids.has(id) ? "" : whole));
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The anchor of each finding: its exact text; its paragraph when it has no range; the title when its paragraph is unknown. */
function place(xml: string, paragraphs: Paragraph[], f: FindingJson): [Point, Point] | null {
  // A paragraph without a position (read from an imported part) lends its finding to the nearest one before it.
  let at = Math.min(f.paragraph, paragraphs.length - 1);
  while (at >= 0 && !paragraphs[at].source) at--;
  const p = at >= 0 ? paragraphs[at] : paragraphs.find((q) => q.text.trim() && q.source);
  if (!p) return null;
  if (p === paragraphs[f.paragraph] && f.offset !== undefined && f.length) {
    const [from, to] = wholeCharacters(p.text, f.offset, f.length);
    const start = pointAt(xml, p, from, "start");
    const end = pointAt(xml, p, to, "end");
    if (start && end && start.pos <= end.pos) return [start, end];
  }
  return paragraphRange(xml, p);
}

function markerEdits(xml: string, placed: Placed[]): Edit[] {
  interface Item {
    order: number;
    id: number;
    xml: string;
  }
  const at = new Map<number, { point: Point; items: Item[] }>();
  const add = (point: Point, item: Item) => {
    const slot = at.get(point.pos) ?? { point, items: [] };
    slot.items.push(item);
    at.set(point.pos, slot);
  };
  for (const c of placed) {
    const empty = c.start.pos === c.end.pos;
    add(c.start, { order: 1, id: c.id, xml: `<w:commentRangeStart w:id="${c.id}"/>` });
    add(c.end, { order: empty ? 2 : 0, id: c.id, xml: `<w:commentRangeEnd w:id="${c.id}"/><w:r><w:commentReference w:id="${c.id}"/></w:r>` });
  }
  const edits: Edit[] = [];
  const preserved = new Set<number>();
  for (const { point, items } of at.values()) {
    items.sort((a, b) => a.order - b.order || a.id - b.id);
    const markers = items.map((i) => i.xml).join("");
    let text = markers;
    if (point.wrap !== "none") {
      const head = runHead(xml, point.runStart);
      if (head === null) throw new Error("internal: unsplittable run");
      text = point.wrap === "text" ? `</w:t></w:r>${markers}${head}<w:t xml:space="preserve">` : `</w:r>${markers}${head}`;
      if (point.wrap === "text" && point.tStart !== undefined && !preserved.has(point.tStart)) {
        preserved.add(point.tStart);
        const tagEnd = xml.indexOf(">", point.tStart) + 1;
        const tag = xml.slice(point.tStart, tagEnd);
        if (!/xml:space="preserve"/.test(tag)) edits.push({ start: point.tStart, end: tagEnd, text: `<w:t xml:space="preserve"${tag.slice(4)}` });
      }
    }
    edits.push({ start: point.pos, end: point.pos, text });
  }
  return edits;
}

/** Whether a point can be used: a split needs a run whose start tag and properties we can copy. */
function usable(xml: string, pt: Point): boolean {
  return pt.wrap === "none" || runHead(xml, pt.runStart) !== null;
}

/**
 * The annotated copy of a .docx: `content` is what readDocxContent returned for these bytes with positions on, and
 * `findings` the checks on its paragraphs. Earlier comments of this tool (by their prefix) are replaced; others kept.
 */
export async function annotateDocx(bytes: Uint8Array, content: DocxContent, findings: FindingJson[], options: AnnotateOptions = {}): Promise<AnnotateResult> {
  const author = escapeXml((options.author ?? "审核").trim() || "审核");
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const mainPart = content.mainPart;
  let xml = content.mainXml;
  if (content.paragraphs.some((p) => p.source && p.source.part !== mainPart)) throw new Error("internal: positions from another part");
  const zip = new ZipArchive(bytes, options.inflate ?? streamInflate, inflateBudget(bytes.length, READ_LIMITS), READ_LIMITS.maxEntries, (n) => limitMessages.entries(n, READ_LIMITS.maxEntries));
  const readPart = async (name: string) => {
    const data = await zip.read(name, limitMessages.inflated);
    return data === null ? null : decodePart(data);
  };

  // The comments part, through the main part's relationships.
  const relsName = relsPartOf(mainPart);
  let rels = await readPart(relsName);
  let commentsPart: string | null = null;
  for (const m of (rels ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (type === REL_COMMENTS && target && !/TargetMode="External"/.test(m[0])) commentsPart = resolveTarget(mainPart, target);
  }
  let commentsXml = commentsPart ? await readPart(commentsPart) : null;
  const existing = readComments(commentsXml);
  const maxMainId = Math.max(-1, ...[...xml.matchAll(/\bw:id="(\d+)"/g)].map((m) => Number(m[1])));
  let nextId = Math.max(existing.maxId, maxMainId) + 1;

  const placed: Placed[] = [];
  for (const f of findings) {
    const range = place(xml, content.paragraphs, f);
    if (!range) continue;
    const whole = range.every((pt) => usable(xml, pt)) ? range : paragraphRange(xml, content.paragraphs[f.paragraph]);
    if (!whole) continue;
    const [start, end] = whole;
    placed.push({ id: nextId++, start, end, text: commentText(f) });
  }
  const edits = [...removalEdits(xml, existing.toolIds), ...markerEdits(xml, placed)];
  xml = applyEdits(xml, edits);
  // The main part is written back as UTF-8: a UTF-16 declaration would now lie.
  xml = xml.replace(/^(<\?xml[^>]*encoding=")UTF-16(BE|LE)?"/i, "$1UTF-8\"");

  const comments = placed
    .map((c) => `<w:comment w:id="${c.id}" w:author="${author}" w:date="${date}" w:initials="${escapeXml([...author][0] ?? "审")}"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${escapeXml(c.text)}</w:t></w:r></w:p></w:comment>`)
    .join("");
  const changed = new Map<string, string>();
  changed.set(mainPart, xml);
  if (commentsXml && commentsPart) {
    commentsXml = removeCommentsFromPart(commentsXml, existing.toolIds);
    const close = commentsXml.lastIndexOf("</w:comments>");
    if (close < 0) {
      if (!/<w:comments\b[^>]*\/>/.test(commentsXml)) throw new InputError(`${commentsPart} 不是有效的批注部件，无法写入批注。`);
      commentsXml = commentsXml.replace(/<w:comments\b([^>]*)\/>/, `<w:comments$1>${comments}</w:comments>`);
    } else commentsXml = commentsXml.slice(0, close) + comments + commentsXml.slice(close);
    changed.set(commentsPart, commentsXml);
  } else if (placed.length) {
    commentsPart = "word/comments.xml";
    for (let k = 2; zip.has(commentsPart); k++) commentsPart = `word/comments${k}.xml`;
    changed.set(commentsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W_NS}">${comments}</w:comments>`);
    // Its relationship from the main part, and its content type.
    const ids = new Set([...(rels ?? "").matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let rid = 1;
    while (ids.has(`rId${rid}`)) rid++;
    const target = resolveRelative(mainPart, commentsPart);
    const rel = `<Relationship Id="rId${rid}" Type="${REL_COMMENTS}" Target="${target}"/>`;
    rels = rels
      ? rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
    changed.set(relsName, rels);
    const types = await readPart("[Content_Types].xml");
    if (!types) throw new InputError("文件缺少 [Content_Types].xml，无法写入批注。");
    changed.set("[Content_Types].xml", types.replace(/<\/Types>\s*$/, `<Override PartName="/${commentsPart}" ContentType="${CT_COMMENTS}"/></Types>`));
  }

  // Copy the package: JSZip keeps the compressed data of unchanged entries as it was.
  const out = await JSZip.loadAsync(bytes, { checkCRC32: false });
  for (const [name, text] of changed) {
    const entry = [...zip.entries.keys()].find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;
    out.file(entry, text);
  }
  const result = await out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { bytes: result, added: placed.length, removed: existing.toolIds.size, kept: existing.kept };
}

function resolveRelative(fromPart: string, part: string): string {
  const dir = fromPart.slice(0, fromPart.lastIndexOf("/") + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}
