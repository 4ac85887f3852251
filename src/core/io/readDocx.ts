// Reading a .docx into paragraphs: body order (tables and content controls included), styles, list labels from numbering.xml, tracked changes resolved.
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { Paragraph } from "../model";
import { ListCounter, type ListLevelDef } from "../listFormat";
import { InputError } from "./decodeText";

export const DOCX_LIMITS = {
  /** Entries in the zip; a real .docx has a few dozen. */
  maxEntries: 5000,
  /** Total inflated size of the parts we read. */
  maxInflatedBytes: 256 * 1024 * 1024,
};

type Node = Record<string, unknown>;
type Children = Node[];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

function tagOf(node: Node): string {
  for (const k of Object.keys(node)) if (k !== ":@") return k;
  return "";
}
function kids(node: Node): Children {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as Children) : [];
}
function attr(node: Node, name: string): string | undefined {
  const a = node[":@"] as Record<string, string> | undefined;
  return a?.[name];
}
function child(node: Node, tag: string): Node | undefined {
  return kids(node).find((c) => tagOf(c) === tag);
}
function textOf(node: Node): string {
  const v = (node as Record<string, unknown>)["#text"];
  return typeof v === "string" ? v : "";
}

function decodeXmlEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

function parseXml(xml: string, part: string): Children {
  if (/<!ENTITY/i.test(xml)) throw new InputError(`文件中的 ${part} 含有实体声明（<!ENTITY>），出于安全原因拒绝读取。`);
  try {
    return parser.parse(xml) as Children;
  } catch {
    throw new InputError(`文件中的 ${part} 不是有效的 XML，文件可能已损坏。`);
  }
}

type Level = ListLevelDef;
interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

function readNumbering(doc: Children | null): Numbering {
  const out: Numbering = { abstract: new Map(), nums: new Map() };
  const root = doc?.find((n) => tagOf(n) === "w:numbering");
  if (!root) return out;
  for (const n of kids(root)) {
    const tag = tagOf(n);
    if (tag === "w:abstractNum") {
      const levels = new Map<number, Level>();
      for (const l of kids(n)) {
        if (tagOf(l) !== "w:lvl") continue;
        const ilvl = Number(attr(l, "w:ilvl") ?? 0);
        const start = Number(attr(child(l, "w:start") ?? {}, "w:val") ?? 1);
        const numFmt = attr(child(l, "w:numFmt") ?? {}, "w:val") ?? "decimal";
        const lvlText = attr(child(l, "w:lvlText") ?? {}, "w:val") ?? "";
        levels.set(ilvl, { start: Number.isFinite(start) ? start : 1, numFmt, lvlText: decodeXmlEntities(lvlText) });
      }
      out.abstract.set(attr(n, "w:abstractNumId") ?? "", levels);
    } else if (tag === "w:num") {
      const abstractId = attr(child(n, "w:abstractNumId") ?? {}, "w:val") ?? "";
      const overrides = new Map<number, number>();
      for (const o of kids(n)) {
        if (tagOf(o) !== "w:lvlOverride") continue;
        const so = child(o, "w:startOverride");
        if (so) overrides.set(Number(attr(o, "w:ilvl") ?? 0), Number(attr(so, "w:val") ?? 1));
      }
      out.nums.set(attr(n, "w:numId") ?? "", { abstractId, overrides });
    }
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

function readStyles(doc: Children | null): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  const root = doc?.find((n) => tagOf(n) === "w:styles");
  if (!root) return out;
  for (const s of kids(root)) {
    if (tagOf(s) !== "w:style" || attr(s, "w:type") !== "paragraph") continue;
    const id = attr(s, "w:styleId") ?? "";
    const name = attr(child(s, "w:name") ?? {}, "w:val") ?? id;
    const lower = name.toLowerCase();
    const hm = /^heading (\d)$/.exec(lower);
    const info: StyleInfo = { name, builtIn: hm ? `Heading${hm[1]}` : BUILTIN[lower] };
    const ppr = child(s, "w:pPr");
    if (ppr) {
      const numPr = child(ppr, "w:numPr");
      if (numPr) {
        info.numId = attr(child(numPr, "w:numId") ?? {}, "w:val");
        info.ilvl = Number(attr(child(numPr, "w:ilvl") ?? {}, "w:val") ?? 0);
      }
      const ol = child(ppr, "w:outlineLvl");
      if (ol) info.outlineLevel = Number(attr(ol, "w:val")) + 1;
    }
    info.basedOn = attr(child(s, "w:basedOn") ?? {}, "w:val");
    out.set(id, info);
  }
  return out;
}

interface RawParagraph {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  inTable: boolean;
}

/** Collect the text of a run-level subtree, skipping deleted text and field codes. */
function collectText(nodes: Children, parts: string[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    switch (tag) {
      case "w:t":
        for (const c of kids(n)) parts.push(decodeXmlEntities(textOf(c)));
        break;
      case "w:tab":
        parts.push("\t");
        break;
      case "w:br":
      case "w:cr":
        parts.push("\n");
        break;
      case "w:del":
      case "w:delText":
      case "w:instrText":
      case "w:pPr":
      case "w:rPr":
      case "w:moveFrom":
      case "w:commentReference":
      case "w:footnoteReference":
      case "w:endnoteReference":
        break;
      default:
        if (tag && tag !== "#text") collectText(kids(n), parts);
    }
  }
}

function walkBody(nodes: Children, inTable: boolean, out: RawParagraph[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === "w:p") {
      const ppr = child(n, "w:pPr");
      const raw: RawParagraph = { text: "", inTable };
      if (ppr) {
        raw.styleId = attr(child(ppr, "w:pStyle") ?? {}, "w:val");
        const numPr = child(ppr, "w:numPr");
        if (numPr) {
          raw.numId = attr(child(numPr, "w:numId") ?? {}, "w:val");
          const il = attr(child(numPr, "w:ilvl") ?? {}, "w:val");
          if (il !== undefined) raw.ilvl = Number(il);
        }
        const ol = child(ppr, "w:outlineLvl");
        if (ol) raw.outlineLevel = Number(attr(ol, "w:val")) + 1;
        // A paragraph whose mark was deleted in a tracked change still shows; we keep it.
      }
      const parts: string[] = [];
      collectText(kids(n), parts);
      raw.text = parts.join("").replace(/\n/g, " ");
      out.push(raw);
    } else if (tag === "w:tbl") {
      walkBody(kids(n), true, out);
    } else if (tag === "w:del" || tag === "w:moveFrom") {
      continue;
    } else if (tag && tag !== "#text" && tag !== "w:sectPr") {
      walkBody(kids(n), inTable, out);
    }
  }
}

/** Render Word list labels for paragraphs as Word would draw them. */
function renderLabels(raws: RawParagraph[], styles: Map<string, StyleInfo>, numbering: Numbering): Paragraph[] {
  // Word counts per abstract list: list instances (w:num) sharing one continue its numbering, unless a
  // startOverride restarts it the first time that instance is used.
  const counter = new ListCounter();
  const started = new Set<string>();
  return raws.map((r) => {
    const style = r.styleId ? styles.get(r.styleId) : undefined;
    let numId = r.numId;
    let ilvl = r.ilvl;
    if (numId === undefined && style?.numId) {
      numId = style.numId;
      ilvl = ilvl ?? style.ilvl ?? 0;
    }
    const p: Paragraph = { text: r.text, style: style?.name ?? r.styleId ?? "Normal", styleBuiltIn: style?.builtIn ?? (r.styleId ? "Other" : "Normal"), inTable: r.inTable || undefined };
    const outline = r.outlineLevel ?? style?.outlineLevel;
    if (outline && outline <= 9) p.outlineLevel = outline;
    if (numId && numId !== "0") {
      const num = numbering.nums.get(numId);
      const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
      if (levels && num) {
        const lvl = ilvl ?? 0;
        const key = `abstract:${num.abstractId}`;
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
    return p;
  });
}

/** Read a .docx file's body paragraphs. Throws InputError with a Chinese message for corrupt, hostile or non-docx input. */
export async function readDocx(bytes: Uint8Array, limits: typeof DOCX_LIMITS = DOCX_LIMITS): Promise<Paragraph[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new InputError("文件不是有效的 .docx（无法作为压缩包打开），可能已损坏或被截断。");
  }
  const entries = Object.keys(zip.files);
  if (entries.length > limits.maxEntries) throw new InputError(`.docx 内含 ${entries.length} 个部件，超过上限 ${limits.maxEntries}，疑似恶意文件，拒绝读取。`);
  let inflated = 0;
  const read = async (name: string): Promise<string | null> => {
    const f = zip.file(name);
    if (!f) return null;
    const declared = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (inflated + declared > limits.maxInflatedBytes) throw new InputError(".docx 解压后体积过大，疑似压缩炸弹，拒绝读取。");
    let s: string;
    try {
      s = await f.async("string");
    } catch {
      throw new InputError(`.docx 中的 ${name} 无法解压，文件可能已损坏或被截断。`);
    }
    inflated += s.length;
    if (inflated > limits.maxInflatedBytes) throw new InputError(".docx 解压后体积过大，疑似压缩炸弹，拒绝读取。");
    return s;
  };
  const docXml = await read("word/document.xml");
  if (docXml === null) throw new InputError("压缩包中没有 word/document.xml，不是 Word 文档。");
  const doc = parseXml(docXml, "word/document.xml");
  const stylesXml = await read("word/styles.xml");
  const numberingXml = await read("word/numbering.xml");
  const styles = readStyles(stylesXml ? parseXml(stylesXml, "word/styles.xml") : null);
  const numbering = readNumbering(numberingXml ? parseXml(numberingXml, "word/numbering.xml") : null);
  const document = doc.find((n) => tagOf(n) === "w:document");
  const body = document ? child(document, "w:body") : undefined;
  if (!body) throw new InputError("word/document.xml 中没有正文（w:body），文件可能已损坏。");
  const raws: RawParagraph[] = [];
  walkBody(kids(body), false, raws);
  return renderLabels(raws, styles, numbering);
}
