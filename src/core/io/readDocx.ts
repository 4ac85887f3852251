// Reading a .docx into paragraphs in one pass over each part, without building a tree: body order (tables and content
// controls included), styles, list labels from numbering.xml, tracked changes resolved, hidden text marked, and on
// request where each paragraph's text sits in the main part (for anchoring comments).
import type { Paragraph } from "../model";
import { ListCounter, type ListLevelDef } from "../listFormat";
import { InputError, decodeText, textToParagraphs } from "./decodeText";
import { READ_LIMITS, inflateBudget, limitMessages, type ReadLimits } from "./limits";
import type { ParagraphSource, SourceSpan } from "./sourceMap";
import { CLOSE, END, OPEN, TEXT, XmlScanner, decodeXmlEntities } from "./xmlScan";
import { ZipArchive, streamInflate, type Inflate } from "./zip";

export interface DocxReadOptions {
  /** Record where each paragraph's text sits in the main part (Paragraph.source). */
  positions?: boolean;
  limits?: Partial<ReadLimits>;
  /** How to inflate zip entries; DecompressionStream by default, node:zlib from the CLI. */
  inflate?: Inflate;
  /** How to decode a UTF-8 part (its BOM already taken off); TextDecoder by default, Buffer from the CLI (faster). */
  decodeUtf8?: (bytes: Uint8Array) => string;
}

const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const textDecoderUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);

/** Content imported into the document from another file (w:altChunk). */
export interface AltChunk {
  /** Index of the first paragraph read from it, or of the paragraph it stands before when it was not read. */
  paragraph: number;
  part: string;
  /** Whether its text was read into the paragraphs ("docx", "text") or left unchecked (its content type). */
  read: boolean;
  contentType: string;
}

export interface DocxContent {
  paragraphs: Paragraph[];
  /** The main part's name as found ("word/document.xml", "word/document2.xml" …) and its decoded XML. */
  mainPart: string;
  mainXml: string;
  altChunks: AltChunk[];
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const MAIN_CONTENT_TYPES = /^application\/vnd\.(openxmlformats-officedocument\.wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\.macroEnabled(Template)?\.main)\+xml$/i;

/** Decode a part's bytes: UTF-8, or UTF-16 (with a BOM, or detected by its first '<'). */
export function decodePart(bytes: Uint8Array, decodeUtf8 = textDecoderUtf8): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes[0] === 0x3c && bytes[1] === 0) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0 && bytes[1] === 0x3c) return new TextDecoder("utf-16be").decode(bytes);
  return decodeUtf8(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// Relationships and content types: finding the main part and the parts it names.

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function readRelationships(xml: string, part: string, limits: ReadLimits): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const sc = new XmlScanner(xml, part, limits.maxDepth);
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN || !/(^|:)Relationship$/.test(sc.tag())) continue;
    const id = sc.attr("Id");
    const target = sc.attr("Target");
    if (id && target) out.set(id, { type: sc.attr("Type") ?? "", target, external: sc.attr("TargetMode") === "External" });
  }
  return out;
}

/** A relationship target resolved against the folder of the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.includes("/") ? fromPart.slice(0, fromPart.lastIndexOf("/") + 1) : "";
  const segments: string[] = [];
  for (const s of (base + target).split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// ---------------------------------------------------------------------------------------------------------------
// numbering.xml and styles.xml

type Level = ListLevelDef & { pStyle?: string };
interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  /** Abstract lists that take their levels from a numbering style (w:numStyleLink) → that style's id. */
  styleLinks: Map<string, string>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number>; levelOverrides: Map<number, Level> }>;
}

/** A list level as Word takes it: 0–8; anything else is not a level. */
function levelOf(v: string | undefined, limits: ReadLimits, fallback = 0): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= limits.maxListLevel ? n : undefined;
}
function clampStart(v: string | undefined, limits: ReadLimits): number {
  const n = Number(v ?? 1);
  return Number.isFinite(n) ? Math.max(0, Math.min(limits.maxListStart, Math.trunc(n))) : 1;
}

/** Read the w:lvl at the scanner (just opened). */
function readLevel(sc: XmlScanner, limits: ReadLimits): Level {
  const level: Level = { start: 1, numFmt: "decimal", lvlText: "" };
  if (sc.selfClosing) return level;
  const depth = sc.depth;
  const seen = new Set<string>();
  for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    // The first of each child counts, as Word reads it.
    if (seen.has(sc.tag())) {
      sc.skipElement();
      continue;
    }
    seen.add(sc.tag());
    switch (sc.tag()) {
      case "w:start":
        level.start = clampStart(sc.attr("w:val"), limits);
        break;
      case "w:numFmt":
        level.numFmt = sc.attr("w:val") ?? "decimal";
        break;
      case "w:lvlText":
        level.lvlText = (sc.attr("w:val") ?? "").slice(0, limits.maxLevelTextChars);
        break;
      case "w:pStyle":
        level.pStyle = sc.attr("w:val");
        break;
    }
    sc.skipElement();
  }
  return level;
}

function readNumbering(xml: string | null, part: string, limits: ReadLimits): Numbering {
  const out: Numbering = { abstract: new Map(), styleLinks: new Map(), nums: new Map() };
  if (!xml) return out;
  const sc = new XmlScanner(xml, part, limits.maxDepth);
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    if (sc.tag() === "w:numbering") continue;
    if (sc.tag() === "w:abstractNum" && !sc.selfClosing) {
      const id = sc.attr("w:abstractNumId") ?? "";
      const levels = new Map<number, Level>();
      const depth = sc.depth;
      for (let u = sc.next(); sc.depth >= depth && u !== END; u = sc.next()) {
        if (u !== OPEN) continue;
        if (sc.tag() === "w:lvl") {
          const ilvl = levelOf(sc.attr("w:ilvl"), limits);
          const level = readLevel(sc, limits);
          if (ilvl !== undefined) levels.set(ilvl, level);
        } else if (sc.tag() === "w:numStyleLink") {
          const link = sc.attr("w:val");
          if (link && !out.styleLinks.has(id)) out.styleLinks.set(id, link);
          sc.skipElement();
        } else sc.skipElement();
      }
      out.abstract.set(id, levels);
    } else if (sc.tag() === "w:num" && !sc.selfClosing) {
      const numId = sc.attr("w:numId") ?? "";
      let abstractId: string | undefined;
      const overrides = new Map<number, number>();
      const levelOverrides = new Map<number, Level>();
      const depth = sc.depth;
      for (let u = sc.next(); sc.depth >= depth && u !== END; u = sc.next()) {
        if (u !== OPEN) continue;
        if (sc.tag() === "w:abstractNumId") {
          abstractId ??= sc.attr("w:val") ?? "";
          sc.skipElement();
        } else if (sc.tag() === "w:lvlOverride" && !sc.selfClosing) {
          const ilvl = levelOf(sc.attr("w:ilvl"), limits);
          const od = sc.depth;
          for (let v = sc.next(); sc.depth >= od && v !== END; v = sc.next()) {
            if (v !== OPEN) continue;
            if (sc.tag() === "w:startOverride" && ilvl !== undefined) {
              overrides.set(ilvl, clampStart(sc.attr("w:val"), limits));
              sc.skipElement();
            } else if (sc.tag() === "w:lvl") {
              // A whole level redefined for this list instance (w:lvlOverride/w:lvl).
              const level = readLevel(sc, limits);
              if (ilvl !== undefined) levelOverrides.set(ilvl, level);
            } else sc.skipElement();
          }
        } else sc.skipElement();
      }
      out.nums.set(numId, { abstractId: abstractId ?? "", overrides, levelOverrides });
    } else sc.skipElement();
  }
  return out;
}

interface StyleInfo {
  name: string;
  builtIn?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  basedOn?: string;
}

const BUILTIN: Record<string, string> = { normal: "Normal", title: "Title", subtitle: "Subtitle", "list paragraph": "ListParagraph" };

interface Styles {
  paragraph: Map<string, StyleInfo>;
  /** Numbering styles (w:type="numbering") → the list instance they stand for, for w:numStyleLink. */
  numbering: Map<string, string>;
}

interface PPr {
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  /** Whether the paragraph mark is hidden (w:pPr/w:rPr/w:vanish): used for styles' run properties too. */
  vanish?: boolean;
}

/** Read the w:pPr at the scanner (just opened): first w:pStyle, w:numPr, w:outlineLvl among its children. */
function readPPr(sc: XmlScanner, limits: ReadLimits): PPr {
  const out: PPr = {};
  if (sc.selfClosing) return out;
  const depth = sc.depth;
  let seenStyle = false;
  let seenNumPr = false;
  let seenOutline = false;
  for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    const name = sc.tag();
    if (name === "w:pStyle" && !seenStyle) {
      seenStyle = true;
      out.styleId = sc.attr("w:val");
    } else if (name === "w:numPr" && !seenNumPr) {
      seenNumPr = true;
      if (!sc.selfClosing) {
        const nd = sc.depth;
        let seenId = false;
        let seenLvl = false;
        for (let u = sc.next(); sc.depth >= nd && u !== END; u = sc.next()) {
          if (u !== OPEN) continue;
          if (sc.tag() === "w:numId" && !seenId) {
            seenId = true;
            out.numId = sc.attr("w:val");
          } else if (sc.tag() === "w:ilvl" && !seenLvl) {
            seenLvl = true;
            const il = sc.attr("w:val");
            if (il !== undefined) out.ilvl = clampLevel(Number(il), limits);
          }
          sc.skipElement();
        }
        continue;
      }
    } else if (name === "w:outlineLvl" && !seenOutline) {
      seenOutline = true;
      out.outlineLevel = Number(sc.attr("w:val")) + 1;
    }
    sc.skipElement();
  }
  return out;
}

function clampLevel(n: number, limits: ReadLimits): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(limits.maxListLevel, Math.trunc(n))) : 0;
}

function readStyles(xml: string | null, part: string, limits: ReadLimits): Styles {
  const paragraph = new Map<string, StyleInfo>();
  const numbering = new Map<string, string>();
  if (xml) {
    const sc = new XmlScanner(xml, part, limits.maxDepth);
    for (let t = sc.next(); t !== END; t = sc.next()) {
      if (t !== OPEN || sc.tag() === "w:styles") continue;
      if (sc.tag() !== "w:style" || sc.selfClosing) {
        sc.skipElement();
        continue;
      }
      const type = sc.attr("w:type");
      const id = sc.attr("w:styleId") ?? "";
      let name: string | undefined;
      let basedOn: string | undefined;
      let ppr: PPr | undefined;
      const depth = sc.depth;
      for (let u = sc.next(); sc.depth >= depth && u !== END; u = sc.next()) {
        if (u !== OPEN) continue;
        if (sc.tag() === "w:pPr" && !ppr) {
          ppr = readPPr(sc, limits);
          continue;
        }
        if (sc.tag() === "w:name" && name === undefined) name = sc.attr("w:val");
        else if (sc.tag() === "w:basedOn" && basedOn === undefined) basedOn = sc.attr("w:val");
        sc.skipElement();
      }
      if (type === "numbering") {
        if (ppr?.numId) numbering.set(id, ppr.numId);
        continue;
      }
      if (type !== "paragraph") continue;
      const display = name ?? id;
      const lower = display.toLowerCase();
      const hm = /^heading (\d)$/.exec(lower);
      const info: StyleInfo = { name: display, builtIn: hm ? `Heading${hm[1]}` : BUILTIN[lower] };
      if (ppr) {
        if (ppr.numId !== undefined) {
          info.numId = ppr.numId;
          // Without w:ilvl the level is the one whose w:pStyle names this style (resolved in renderLabels).
          if (ppr.ilvl !== undefined) info.ilvl = ppr.ilvl;
        }
        if (ppr.outlineLevel !== undefined) info.outlineLevel = ppr.outlineLevel;
      }
      info.basedOn = basedOn;
      paragraph.set(id, info);
    }
  }
  // A style inherits list numbering and outline level from the style it is based on (Word resolves w:basedOn chains).
  const resolved = new Set<string>();
  const resolve = (id: string, seen: Set<string>): StyleInfo | undefined => {
    const info = paragraph.get(id);
    if (!info || resolved.has(id)) return info;
    if (seen.has(id)) return info; // a cycle in a hostile file: stop
    seen.add(id);
    const base = info.basedOn ? resolve(info.basedOn, seen) : undefined;
    if (base) {
      if (info.numId === undefined && base.numId !== undefined) {
        info.numId = base.numId;
        info.ilvl = info.ilvl ?? base.ilvl;
      }
      if (info.outlineLevel === undefined) info.outlineLevel = base.outlineLevel;
    }
    resolved.add(id);
    return info;
  };
  for (const id of paragraph.keys()) resolve(id, new Set());
  return { paragraph, numbering };
}

// ---------------------------------------------------------------------------------------------------------------
// The body

interface RawParagraph extends PPr {
  text: string;
  inTable: boolean;
  hidden?: [number, number][];
  source?: ParagraphSource;
  /** Paragraphs read from an imported file (altChunk) are already rendered. */
  imported?: Paragraph;
}

/** Elements whose content is not part of the paragraph's text. */
const SKIP_IN_PARAGRAPH = new Set([
  "w:del",
  "w:delText",
  "w:instrText",
  "w:pPr",
  "w:moveFrom",
  // Text boxes are not part of their anchor paragraph's text (nor body paragraphs), and mc:Fallback repeats
  // mc:Choice (a text box is stored twice, as DrawingML and as VML): reading both doubled the text.
  "w:txbxContent",
  "mc:Fallback",
  "w:commentReference",
  "w:footnoteReference",
  "w:endnoteReference",
]);
const SKIP_IN_BODY = new Set(["w:del", "w:moveFrom", "mc:Fallback", "w:sectPr"]);

class BodyReader {
  readonly out: RawParagraph[] = [];
  readonly altChunkIds: { id: string; at: number }[] = [];
  private chars = 0;
  // The paragraph being read.
  private parts: string[] = [];
  private length = 0;
  private spans: SourceSpan[] | null = null;
  private hidden: [number, number][] | null = null;
  private runStart = -1;
  private runSpans = 0;
  private runHidden = false;

  constructor(
    private readonly sc: XmlScanner,
    private readonly part: string,
    private readonly positions: boolean,
    private readonly limits: ReadLimits,
  ) {}

  /** Walk the children of the element just opened, up to its end. */
  body(inTable: boolean): void {
    const sc = this.sc;
    const depth = sc.depth;
    for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) {
      if (t !== OPEN) continue;
      const tag = sc.tag();
      if (tag === "w:p") this.paragraph(inTable);
      else if (tag === "w:altChunk") {
        const id = sc.attr("r:id");
        if (id) this.altChunkIds.push({ id, at: this.out.length });
        sc.skipElement();
      } else if (SKIP_IN_BODY.has(tag) || sc.selfClosing) sc.skipElement();
      else this.body(inTable || tag === "w:tbl");
    }
  }

  private paragraph(inTable: boolean): void {
    const sc = this.sc;
    const pStart = sc.start;
    const raw: RawParagraph = { text: "", inTable };
    this.parts = [];
    this.length = 0;
    this.spans = this.positions ? [] : null;
    this.hidden = null;
    this.runStart = -1;
    if (!sc.selfClosing) {
      const depth = sc.depth;
      let seenPPr = false;
      for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) {
        if (t !== OPEN) continue;
        if (sc.tag() === "w:pPr" && !seenPPr) {
          seenPPr = true;
          Object.assign(raw, readPPr(sc, this.limits));
          // A paragraph whose mark was deleted in a tracked change still shows; we keep it.
        } else this.content();
      }
    }
    raw.text = this.parts.length === 1 ? this.parts[0] : this.parts.join("");
    if (raw.text.indexOf("\n") >= 0) raw.text = raw.text.replace(/\n/g, " ");
    if (this.hidden) raw.hidden = this.hidden;
    if (this.spans) raw.source = { part: this.part, element: this.out.length, pStart, pEnd: sc.end, spans: this.spans };
    this.out.push(raw);
    this.chars += raw.text.length;
    if (this.out.length > this.limits.maxParagraphs) throw new InputError(limitMessages.paragraphs(this.limits.maxParagraphs));
    if (this.chars > this.limits.maxTextChars) throw new InputError(limitMessages.textChars(this.limits.maxTextChars));
  }

  private piece(text: string, kind: SourceSpan["kind"], xmlStart: number, xmlEnd: number): void {
    if (!text) return;
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (this.runHidden && this.runStart >= 0) {
      const h = (this.hidden ??= []);
      const last = h[h.length - 1];
      if (last && last[0] + last[1] === start) last[1] += text.length;
      else h.push([start, text.length]);
    }
    if (this.spans) {
      const inRun = this.runStart >= 0;
      this.spans.push({ textStart: start, length: text.length, runStart: inRun ? this.runStart : xmlStart, runEnd: inRun ? -1 : xmlEnd, xmlStart, xmlEnd, kind });
      if (inRun) this.runSpans++;
    }
  }

  /** Paragraph content: the element just opened (runs, hyperlinks, content controls, insertions …), up to its end. */
  private content(): void {
    const sc = this.sc;
    const tag = sc.tag();
    if (tag === "w:t") {
      if (sc.selfClosing) return;
      const contentStart = sc.end;
      const depth = sc.depth;
      let text = "";
      for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) {
        if (t === TEXT && sc.depth === depth) {
          const raw = sc.xml.slice(sc.start, sc.end);
          text += sc.cdata ? raw : decodeXmlEntities(raw);
        }
      }
      // The scanner stands on </w:t>.
      this.piece(text, "text", contentStart, sc.start);
      return;
    }
    if (tag === "w:tab" || tag === "w:br" || tag === "w:cr") {
      const start = sc.start;
      sc.skipElement();
      this.piece(tag === "w:tab" ? "\t" : "\n", tag === "w:tab" ? "tab" : "break", start, sc.end);
      return;
    }
    if (SKIP_IN_PARAGRAPH.has(tag) || sc.selfClosing) {
      sc.skipElement();
      return;
    }
    if (tag === "w:rPr") {
      // Run properties: only w:vanish (hidden text) matters here.
      const depth = sc.depth;
      for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) {
        if (t === OPEN && sc.tag() === "w:vanish" && sc.depth === depth + (sc.selfClosing ? 0 : 1)) {
          const v = sc.attr("w:val");
          this.runHidden = v === undefined || !/^(0|false|off)$/i.test(v);
        }
      }
      return;
    }
    const isRun = tag === "w:r";
    const outer = { runStart: this.runStart, runSpans: this.runSpans, runHidden: this.runHidden };
    if (isRun) {
      this.runStart = sc.start;
      this.runSpans = 0;
      this.runHidden = false;
    }
    const depth = sc.depth;
    for (let t = sc.next(); sc.depth >= depth && t !== END; t = sc.next()) if (t === OPEN) this.content();
    if (isRun) {
      if (this.spans) for (let k = this.spans.length - this.runSpans; k < this.spans.length; k++) this.spans[k].runEnd = sc.end;
      this.runStart = outer.runStart;
      this.runSpans = outer.runSpans;
      this.runHidden = outer.runHidden;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// List labels

/** Render Word list labels for paragraphs as Word would draw them. */
function renderLabels(raws: RawParagraph[], styleTable: Styles, numbering: Numbering): Paragraph[] {
  // Word counts per abstract list: list instances (w:num) sharing one continue its numbering, unless a
  // startOverride restarts it the first time that instance is used.
  const counter = new ListCounter();
  const started = new Set<string>();
  const styles = styleTable.paragraph;
  /** The abstract list whose levels a list instance uses, following w:numStyleLink to the numbering style's list. */
  const abstractOf = (numId: string): string | undefined => {
    let abstractId = numbering.nums.get(numId)?.abstractId;
    for (let hops = 0; abstractId !== undefined && hops < 4; hops++) {
      const link = numbering.styleLinks.get(abstractId);
      const target = link ? styleTable.numbering.get(link) : undefined;
      const next = target ? numbering.nums.get(target)?.abstractId : undefined;
      if (next === undefined || next === abstractId) break;
      abstractId = next;
    }
    return abstractId;
  };
  /** The level of a list that names `styleId` (or a style it is based on) in its w:pStyle. */
  const levelOfStyle = (levels: Map<number, Level> | undefined, styleId: string | undefined): number | undefined => {
    for (let id = styleId, hops = 0; id && levels && hops < 10; id = styles.get(id)?.basedOn, hops++) {
      for (const [k, l] of levels) if (l.pStyle === id) return k;
    }
    return undefined;
  };
  return raws.map((r) => {
    if (r.imported) return r.imported;
    const style = r.styleId ? styles.get(r.styleId) : undefined;
    let numId = r.numId;
    let ilvl = r.ilvl;
    if (numId === undefined && style?.numId) {
      numId = style.numId;
      if (ilvl === undefined) {
        const id = abstractOf(numId);
        ilvl = style.ilvl ?? levelOfStyle(id !== undefined ? numbering.abstract.get(id) : undefined, r.styleId) ?? 0;
      }
    }
    const p: Paragraph = { text: r.text, style: style?.name ?? r.styleId ?? "Normal", styleBuiltIn: style?.builtIn ?? (r.styleId ? "Other" : "Normal"), inTable: r.inTable || undefined };
    const outline = r.outlineLevel ?? style?.outlineLevel;
    if (outline && outline <= 9) p.outlineLevel = outline;
    if (numId && numId !== "0") {
      const num = numbering.nums.get(numId);
      const abstractId = abstractOf(numId);
      const base = abstractId !== undefined ? numbering.abstract.get(abstractId) : undefined;
      const levels = base && num?.levelOverrides.size ? new Map([...base, ...num.levelOverrides]) : base;
      if (levels && num) {
        const lvl = ilvl ?? 0;
        const key = `abstract:${abstractId}`;
        if (!started.has(numId)) {
          started.add(numId);
          if (num.overrides.size) counter.reset(key, Math.min(...num.overrides.keys()));
        }
        const label = counter.label(key, lvl, levels, (k) => num.overrides.get(k));
        if (label !== undefined) {
          p.listString = label;
          p.listLevel = lvl;
          p.listId = numId;
        }
      }
    }
    if (r.hidden) p.hidden = r.hidden;
    if (r.source) p.source = r.source;
    return p;
  });
}

// ---------------------------------------------------------------------------------------------------------------

const CORRUPT = "文件不是有效的 .docx（无法作为压缩包打开），可能已损坏或被截断。";

/** Read a .docx: its paragraphs, main part and imported content. Throws InputError with a Chinese message for corrupt, hostile or non-docx input. */
export async function readDocxContent(bytes: Uint8Array, options: DocxReadOptions = {}, nesting = 0): Promise<DocxContent> {
  const limits: ReadLimits = { ...READ_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) throw new InputError(limitMessages.fileTooLarge(bytes.length, limits.maxFileBytes));
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, options.inflate ?? streamInflate, inflateBudget(bytes.length, limits), limits.maxEntries, (n) => limitMessages.entries(n, limits.maxEntries));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(CORRUPT);
  }
  const readPart = async (name: string): Promise<string | null> => {
    const data = await zip.read(name, limitMessages.inflated);
    return data === null ? null : decodePart(data, options.decodeUtf8);
  };
  // The main part: _rels/.rels names it; else [Content_Types].xml; else the usual name.
  let mainPart: string | undefined;
  const rootRels = await readPart("_rels/.rels");
  if (rootRels) {
    for (const rel of readRelationships(rootRels, "_rels/.rels", limits).values()) {
      const target = resolveTarget("", rel.target);
      if (REL_OFFICE_DOCUMENT.test(rel.type) && !rel.external && zip.has(target)) {
        mainPart = target;
        break;
      }
    }
  }
  if (!mainPart) {
    const types = await readPart("[Content_Types].xml");
    if (types) {
      const sc = new XmlScanner(types, "[Content_Types].xml", limits.maxDepth);
      for (let t = sc.next(); t !== END && !mainPart; t = sc.next()) {
        if (t !== OPEN || !/(^|:)Override$/.test(sc.tag())) continue;
        const name = sc.attr("PartName");
        if (name && MAIN_CONTENT_TYPES.test(sc.attr("ContentType") ?? "") && zip.has(name)) mainPart = name.replace(/^\/+/, "");
      }
    }
  }
  mainPart ??= "word/document.xml";
  const mainXml = await readPart(mainPart);
  if (mainXml === null) throw new InputError("压缩包中没有 word/document.xml，不是 Word 文档。");
  const relsXml = await readPart(relsPartOf(mainPart));
  const rels = relsXml ? readRelationships(relsXml, relsPartOf(mainPart), limits) : new Map<string, Relationship>();
  const partOfType = (suffix: string, fallback: string): string => {
    for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(suffix)) return resolveTarget(mainPart, rel.target);
    return fallback;
  };

  const sc = new XmlScanner(mainXml, mainPart, limits.maxDepth);
  const reader = new BodyReader(sc, mainPart, options.positions === true, limits);
  let sawBody = false;
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === OPEN && sc.tag() === "w:body" && sc.depth === 2 && !sc.selfClosing) {
      sawBody = true;
      reader.body(false);
    } else if (t === CLOSE && sc.tag() === "w:document") break;
  }
  if (!sawBody) throw new InputError(`${mainPart} 中没有正文（w:body），文件可能已损坏。`);

  const stylesName = partOfType("/styles", "word/styles.xml");
  const numberingName = partOfType("/numbering", "word/numbering.xml");
  const styles = readStyles(await readPart(stylesName), stylesName, limits);
  const numbering = readNumbering(await readPart(numberingName), numberingName, limits);

  // Imported content (w:altChunk): a .docx or text part is read in place; anything else is reported as unchecked.
  const raws = reader.out;
  const altChunks: AltChunk[] = [];
  if (reader.altChunkIds.length) {
    const types = await readPart("[Content_Types].xml");
    const typeOf = contentTypes(types, limits);
    let shift = 0;
    for (const { id, at } of reader.altChunkIds) {
      const rel = rels.get(id);
      if (!rel || rel.external) continue;
      const part = resolveTarget(mainPart, rel.target);
      const contentType = typeOf(part);
      const chunk: AltChunk = { paragraph: at + shift, part, read: false, contentType };
      let imported: Paragraph[] | null = null;
      if (/wordprocessingml\.document|ms-word/.test(contentType) && nesting < limits.maxNestedDocx) {
        const data = await zip.read(part, limitMessages.inflated);
        if (data) imported = (await readDocxContent(data, { ...options, positions: false }, nesting + 1)).paragraphs;
      } else if (/^text\/plain/.test(contentType)) {
        const data = await zip.read(part, limitMessages.inflated);
        if (data) imported = textToParagraphs(decodeText(data).text, limits);
      }
      if (imported) {
        chunk.read = true;
        raws.splice(at + shift, 0, ...imported.map((p) => ({ text: p.text, inTable: false, imported: { ...p, imported: part } })));
        shift += imported.length;
      }
      altChunks.push(chunk);
    }
  }
  const paragraphs = renderLabels(raws, styles, numbering);
  return { paragraphs, mainPart, mainXml, altChunks };
}

function contentTypes(xml: string | null, limits: ReadLimits): (part: string) => string {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  if (xml) {
    const sc = new XmlScanner(xml, "[Content_Types].xml", limits.maxDepth);
    for (let t = sc.next(); t !== END; t = sc.next()) {
      if (t !== OPEN) continue;
      if (/(^|:)Override$/.test(sc.tag())) overrides.set((sc.attr("PartName") ?? "").replace(/^\/+/, "").toLowerCase(), sc.attr("ContentType") ?? "");
      else if (/(^|:)Default$/.test(sc.tag())) defaults.set((sc.attr("Extension") ?? "").toLowerCase(), sc.attr("ContentType") ?? "");
    }
  }
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase()) ?? "";
}

/** Read a .docx file's body paragraphs. Throws InputError with a Chinese message for corrupt, hostile or non-docx input. */
export async function readDocx(bytes: Uint8Array, options: DocxReadOptions = {}): Promise<Paragraph[]> {
  return (await readDocxContent(bytes, options)).paragraphs;
}
