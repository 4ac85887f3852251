// The .docx reader before issue 13 (JSZip + fast-xml-parser tree), kept as the oracle of the parity test. Reading a .docx into paragraphs: body order (tables and content controls included), styles, list labels from numbering.xml, tracked changes resolved.
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { Paragraph } from "../../src/core/model";
import { ListCounter, type ListLevelDef } from "../../src/core/listFormat";
import { InputError } from "../../src/core/io/decodeText";

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

type Level = ListLevelDef & { pStyle?: string };
interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  /** Abstract lists that take their levels from a numbering style (w:numStyleLink) → that style's id. */
  styleLinks: Map<string, string>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number>; levelOverrides: Map<number, Level> }>;
}

function readLevel(l: Node): Level {
  const start = Number(attr(child(l, "w:start") ?? {}, "w:val") ?? 1);
  const numFmt = attr(child(l, "w:numFmt") ?? {}, "w:val") ?? "decimal";
  const lvlText = attr(child(l, "w:lvlText") ?? {}, "w:val") ?? "";
  const pStyle = attr(child(l, "w:pStyle") ?? {}, "w:val");
  return { start: Number.isFinite(start) ? start : 1, numFmt, lvlText: decodeXmlEntities(lvlText), pStyle };
}

function readNumbering(doc: Children | null): Numbering {
  const out: Numbering = { abstract: new Map(), styleLinks: new Map(), nums: new Map() };
  const root = doc?.find((n) => tagOf(n) === "w:numbering");
  if (!root) return out;
  for (const n of kids(root)) {
    const tag = tagOf(n);
    if (tag === "w:abstractNum") {
      const id = attr(n, "w:abstractNumId") ?? "";
      const levels = new Map<number, Level>();
      for (const l of kids(n)) {
        if (tagOf(l) !== "w:lvl") continue;
        levels.set(Number(attr(l, "w:ilvl") ?? 0), readLevel(l));
      }
      out.abstract.set(id, levels);
      const link = attr(child(n, "w:numStyleLink") ?? {}, "w:val");
      if (link) out.styleLinks.set(id, link);
    } else if (tag === "w:num") {
      const abstractId = attr(child(n, "w:abstractNumId") ?? {}, "w:val") ?? "";
      const overrides = new Map<number, number>();
      const levelOverrides = new Map<number, Level>();
      for (const o of kids(n)) {
        if (tagOf(o) !== "w:lvlOverride") continue;
        const ilvl = Number(attr(o, "w:ilvl") ?? 0);
        const so = child(o, "w:startOverride");
        if (so) overrides.set(ilvl, Number(attr(so, "w:val") ?? 1));
        // A whole level redefined for this list instance (w:lvlOverride/w:lvl).
        const lvl = child(o, "w:lvl");
        if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
      }
      out.nums.set(attr(n, "w:numId") ?? "", { abstractId, overrides, levelOverrides });
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

interface Styles {
  paragraph: Map<string, StyleInfo>;
  /** Numbering styles (w:type="numbering") → the list instance they stand for, for w:numStyleLink. */
  numbering: Map<string, string>;
}

function readStyles(doc: Children | null): Styles {
  const paragraph = new Map<string, StyleInfo>();
  const numbering = new Map<string, string>();
  const root = doc?.find((n) => tagOf(n) === "w:styles");
  if (!root) return { paragraph, numbering };
  for (const s of kids(root)) {
    if (tagOf(s) !== "w:style") continue;
    if (attr(s, "w:type") === "numbering") {
      const numId = attr(child(child(child(s, "w:pPr") ?? {}, "w:numPr") ?? {}, "w:numId") ?? {}, "w:val");
      if (numId) numbering.set(attr(s, "w:styleId") ?? "", numId);
      continue;
    }
    if (attr(s, "w:type") !== "paragraph") continue;
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
        const il = attr(child(numPr, "w:ilvl") ?? {}, "w:val");
        // Without w:ilvl the level is the one whose w:pStyle names this style (resolved in renderLabels).
        if (il !== undefined) info.ilvl = Number(il);
      }
      const ol = child(ppr, "w:outlineLvl");
      if (ol) info.outlineLevel = Number(attr(ol, "w:val")) + 1;
    }
    info.basedOn = attr(child(s, "w:basedOn") ?? {}, "w:val");
    paragraph.set(id, info);
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
      // Text boxes are not part of their anchor paragraph's text (nor body paragraphs), and mc:Fallback repeats
      // mc:Choice (a text box is stored twice, as DrawingML and as VML): reading both doubled the text.
      case "w:txbxContent":
      case "mc:Fallback":
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
    } else if (tag === "w:del" || tag === "w:moveFrom" || tag === "mc:Fallback") {
      continue;
    } else if (tag && tag !== "#text" && tag !== "w:sectPr") {
      walkBody(kids(n), inTable, out);
    }
  }
}

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
    return p;
  });
}

/** Read a .docx file's body paragraphs. Throws InputError with a Chinese message for corrupt, hostile or non-docx input. */
export async function legacyReadDocx(bytes: Uint8Array, limits: typeof DOCX_LIMITS = DOCX_LIMITS): Promise<Paragraph[]> {
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
