// Minimal Word packages in the flat OPC form that Word's insertOoxml takes (<pkg:package>): the GB/T 9704 公文 paragraph
// styles (exact 28-point lines, 2-character first-line indents, East Asian fonts, outline levels), and a document whose
// headings are numbered by a GB/T 9704 multilevel list (the self-test's list scenario). Pure strings, no DOM.
import { GBT_DEFAULTS, headingBold, headingFont, type FormatSettings } from "./gbt9704";
import type { Block, ParagraphFormat } from "../blocks";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const CONTENT_TYPES = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  document: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
  numbering: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
} as const;

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Part {
  name: string;
  contentType: string;
  xml: string;
}

/** A flat OPC package: the package relationships, the document and its related parts (styles, numbering). */
export function flatOpc(documentXml: string, related: { type: "styles" | "numbering"; xml: string }[] = []): string {
  const rels = related.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${r.type}" Target="${r.type}.xml"/>`).join("");
  const parts: Part[] = [
    { name: "/_rels/.rels", contentType: CONTENT_TYPES.rels, xml: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>` },
    { name: "/word/_rels/document.xml.rels", contentType: CONTENT_TYPES.rels, xml: `<Relationships xmlns="${PKG_REL}">${rels}</Relationships>` },
    { name: "/word/document.xml", contentType: CONTENT_TYPES.document, xml: documentXml },
    ...related.map((r) => ({ name: `/word/${r.type}.xml`, contentType: CONTENT_TYPES[r.type], xml: r.xml })),
  ];
  const body = parts.map((p) => `<pkg:part pkg:name="${p.name}" pkg:contentType="${p.contentType}"><pkg:xmlData>${p.xml}</pkg:xmlData></pkg:part>`).join("");
  return `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${body}</pkg:package>`;
}

function paragraphXml(text: string, pPr = ""): string {
  const run = text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : "";
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${run}</w:p>`;
}

function documentXml(paragraphs: string[]): string {
  return `<w:document xmlns:w="${W}"><w:body>${paragraphs.join("")}</w:body></w:document>`;
}

/** GB/T 9704 结构层次序数 as a Word multilevel list: 一、（一）1.（1）. */
const GBT_LEVELS = [
  { numFmt: "chineseCounting", lvlText: "%1、" },
  { numFmt: "chineseCounting", lvlText: "（%2）" },
  { numFmt: "decimal", lvlText: "%3." },
  { numFmt: "decimal", lvlText: "（%4）" },
];

function numberingXml(): string {
  const lvls = GBT_LEVELS.map((l, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${l.numFmt}"/><w:lvlText w:val="${l.lvlText}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:lvl>`).join("");
  return `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
}

/** A document of paragraphs, those with `listLevel` numbered by one GB/T 9704 multilevel list (一、（一）1.（1）). */
export function listDocumentPackage(paragraphs: readonly { text: string; listLevel?: number }[]): string {
  const ps = paragraphs.map((p) => paragraphXml(p.text, p.listLevel === undefined ? "" : `<w:numPr><w:ilvl w:val="${p.listLevel}"/><w:numId w:val="1"/></w:numPr>`));
  return flatOpc(documentXml(ps), [{ type: "numbering", xml: numberingXml() }]);
}

/** The 公文 paragraph styles: id (ASCII, stable), the name Word shows in the Styles gallery, and what each is for. */
export const GONGWEN_STYLES = [
  { id: "GongwenTitle", name: "公文标题", kind: "title" },
  { id: "GongwenHeading1", name: "公文一级标题", kind: "heading", level: 1 },
  { id: "GongwenHeading2", name: "公文二级标题", kind: "heading", level: 2 },
  { id: "GongwenHeading3", name: "公文三级标题", kind: "heading", level: 3 },
  { id: "GongwenHeading4", name: "公文四级标题", kind: "heading", level: 4 },
  { id: "GongwenBody", name: "公文正文", kind: "body" },
  { id: "GongwenSignature", name: "公文落款", kind: "signature" },
  { id: "GongwenNote", name: "公文附注", kind: "note" },
] as const;

export type GongwenStyleId = (typeof GONGWEN_STYLES)[number]["id"];

/** What one 公文 style sets: the values the harness draws and the Word adapter reads back to confirm. */
export interface GongwenStyleDef {
  id: GongwenStyleId;
  name: string;
  font: string;
  asciiFont: string;
  sizePt: number;
  bold: boolean;
  alignment: "left" | "centered" | "right" | "justified";
  /** Exact line spacing in points (w:lineRule="exact"). */
  lineSpacingPt: number;
  /** First-line indent in characters (w:firstLineChars = chars × 100). */
  firstLineChars: number;
  /** Right indent in characters (落款 右空二字). */
  rightChars: number;
  /** Word outline level 1–4 (w:outlineLvl = level − 1), shown in the Navigation Pane; absent for body text. */
  outlineLevel?: number;
}

/** The eight 公文 styles for these settings (排版设置 changes the definitions, not each paragraph). */
export function gongwenStyleDefs(s: FormatSettings = GBT_DEFAULTS): GongwenStyleDef[] {
  const base = { asciiFont: s.asciiFont || "Times New Roman", sizePt: s.bodySizePt, bold: false, lineSpacingPt: s.lineSpacingPt, rightChars: 0 };
  return GONGWEN_STYLES.map((st): GongwenStyleDef => {
    switch (st.kind) {
      case "title":
        return { ...base, id: st.id, name: st.name, font: s.titleFont, sizePt: s.titleSizePt, alignment: "centered", firstLineChars: 0, lineSpacingPt: Math.max(s.lineSpacingPt, s.titleSizePt + 6) };
      case "heading":
        return { ...base, id: st.id, name: st.name, font: headingFont(st.level, s), bold: headingBold(st.level, s), alignment: "justified", firstLineChars: 2, outlineLevel: st.level };
      case "signature":
        return { ...base, id: st.id, name: st.name, font: s.bodyFont, alignment: "right", firstLineChars: 0, rightChars: 2 };
      default:
        return { ...base, id: st.id, name: st.name, font: s.bodyFont, alignment: "justified", firstLineChars: 2 };
    }
  });
}

const JC = { left: "left", centered: "center", right: "right", justified: "both" } as const;

/** One style as w:style: exact spacing, character-unit indents (with the point fallback), East Asian font, outline level. */
export function styleXml(d: GongwenStyleDef): string {
  const half = Math.round(d.sizePt * 2);
  const ind = `<w:ind w:firstLineChars="${d.firstLineChars * 100}" w:firstLine="${Math.round(d.firstLineChars * d.sizePt * 20)}"${d.rightChars ? ` w:rightChars="${d.rightChars * 100}" w:right="${Math.round(d.rightChars * d.sizePt * 20)}"` : ""}/>`;
  const pPr =
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="${Math.round(d.lineSpacingPt * 20)}" w:lineRule="exact"/>${ind}<w:jc w:val="${JC[d.alignment]}"/>` +
    (d.outlineLevel ? `<w:outlineLvl w:val="${d.outlineLevel - 1}"/>` : "") +
    `</w:pPr>`;
  const font = escapeXml(d.font);
  const ascii = escapeXml(d.asciiFont);
  const rPr = `<w:rPr><w:rFonts w:ascii="${ascii}" w:hAnsi="${ascii}" w:eastAsia="${font}" w:cs="${ascii}" w:hint="eastAsia"/>${d.bold ? "<w:b/><w:bCs/>" : '<w:b w:val="0"/><w:bCs w:val="0"/>'}<w:i w:val="0"/><w:color w:val="000000"/><w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`;
  return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${d.id}"><w:name w:val="${escapeXml(d.name)}"/><w:basedOn w:val="Normal"/><w:next w:val="GongwenBody"/><w:qFormat/>${pPr}${rPr}</w:style>`;
}

/**
 * The styles package: a styles part with the eight definitions and a document of one empty paragraph per style (Word
 * brings a package's styles into the document only when its content uses them). Inserted in one batch.
 */
export function gongwenStylesPackage(s: FormatSettings = GBT_DEFAULTS): string {
  const defs = gongwenStyleDefs(s);
  const styles = `<w:styles xmlns:w="${W}">${defs.map(styleXml).join("")}</w:styles>`;
  const doc = documentXml(defs.map((d) => paragraphXml("", `<w:pStyle w:val="${d.id}"/>`)));
  return flatOpc(doc, [{ type: "styles", xml: styles }]);
}

/** The 公文 style a planned paragraph takes (title, headings 1–4, body text, 落款), or null. */
export function gongwenStyleFor(kind: string, level?: number): GongwenStyleId | null {
  if (kind === "title") return "GongwenTitle";
  if (kind === "heading") return (["GongwenHeading1", "GongwenHeading2", "GongwenHeading3", "GongwenHeading4"] as const)[Math.min(Math.max(level ?? 1, 1), 4) - 1];
  if (kind === "body" || kind === "salutation") return "GongwenBody";
  if (kind === "signature") return "GongwenSignature";
  return null;
}

/** What a paragraph to format or insert says about itself, for choosing its 公文 style. */
export interface StyledParagraph {
  kind: string;
  level?: number;
  format: ParagraphFormat;
  /** A Word list item (or a block that joins a list): it keeps its style, which may carry the numbering. */
  listItem?: boolean;
  /** A run-in heading: formatted as body text, only its heading sentence in the heading's font. */
  runIn?: unknown;
  /** The right indent the paragraph is to get, in points; null: none is set (an inserted block). */
  rightIndentPt?: number | null;
}

/** The character indents and alignment of each style: these do not depend on 排版设置. */
const STYLE_GEOMETRY = new Map(gongwenStyleDefs().map((d) => [d.id, d]));

/**
 * The name of the 公文 style a paragraph takes when the document has it, or null to keep today's built-in style and
 * direct formats. A Word list item keeps its style (its numbering may come from it). A style whose indents or alignment
 * differ from the planned ones is not used: a style's indents in characters win over the point indents an add-in can
 * set (w:firstLineChars, office-js #5440), so a salutation (no indent) or a date line set off under the signature
 * would otherwise move.
 */
export function gongwenStyleNameFor(p: StyledParagraph): string | null {
  if (p.listItem) return null;
  const id = gongwenStyleFor(p.runIn || p.kind === "closing" ? "body" : p.kind, p.level);
  const d = id ? STYLE_GEOMETRY.get(id) : undefined;
  if (!d || d.alignment !== p.format.alignment) return null;
  const size = p.format.sizePt;
  if (Math.abs(d.firstLineChars * size - p.format.firstLineIndentPt) > 0.5) return null;
  if (p.rightIndentPt !== null && Math.abs(d.rightChars * size - (p.rightIndentPt ?? 0)) > 0.5) return null;
  return d.name;
}

/** The 公文 style an inserted block takes in a document that has the styles `present` (names); a block that joins a list keeps the list's. */
export function gongwenStyleOfBlock(b: Block, present: readonly string[]): string | null {
  if (!b.format || !present.length) return null;
  const name = gongwenStyleNameFor({ kind: b.kind, level: b.level, format: b.format, listItem: !!b.list, rightIndentPt: null });
  return name && present.includes(name) ? name : null;
}

type XmlNode = Record<string, unknown>;
const arr = (v: unknown): XmlNode[] => (v === undefined ? [] : Array.isArray(v) ? (v as XmlNode[]) : [v as XmlNode]);
const attr = (n: unknown, name: string): string | undefined => (n && typeof n === "object" ? ((n as XmlNode)[`@_w:${name}`] as string | undefined) : undefined);
const RJC: Record<string, GongwenStyleDef["alignment"]> = { left: "left", center: "centered", right: "right", both: "justified" };

/**
 * The 公文 styles a flat OPC package defines, read back from its styles part (what the harness's host applies and the
 * tests compare): fonts, size, bold, alignment, exact line spacing, character indents, outline level.
 */
export function parseStylesPackage(pkg: string, parse: (xml: string) => XmlNode): GongwenStyleDef[] {
  const doc = parse(pkg);
  const part = arr((doc["pkg:package"] as XmlNode)?.["pkg:part"]).find((p) => p["@_pkg:name"] === "/word/styles.xml");
  const styles = arr(((part?.["pkg:xmlData"] as XmlNode)?.["w:styles"] as XmlNode)?.["w:style"]);
  const ids = new Set<string>(GONGWEN_STYLES.map((s) => s.id));
  return styles
    .filter((s) => ids.has(s["@_w:styleId"] as string))
    .map((s) => {
      const pPr = (s["w:pPr"] ?? {}) as XmlNode;
      const rPr = (s["w:rPr"] ?? {}) as XmlNode;
      const spacing = pPr["w:spacing"];
      if (attr(spacing, "lineRule") !== "exact") throw new Error(`样式 ${String(s["@_w:styleId"])} 的行距不是固定值`);
      const b = rPr["w:b"];
      const outline = attr(pPr["w:outlineLvl"], "val");
      const def: GongwenStyleDef = {
        id: s["@_w:styleId"] as GongwenStyleId,
        name: attr(s["w:name"], "val") ?? "",
        font: attr(rPr["w:rFonts"], "eastAsia") ?? "",
        asciiFont: attr(rPr["w:rFonts"], "ascii") ?? "",
        sizePt: Number(attr(rPr["w:sz"], "val")) / 2,
        bold: b !== undefined && attr(b, "val") !== "0",
        alignment: RJC[attr(pPr["w:jc"], "val") ?? "both"] ?? "justified",
        lineSpacingPt: Number(attr(spacing, "line")) / 20,
        firstLineChars: Number(attr(pPr["w:ind"], "firstLineChars") ?? 0) / 100,
        rightChars: Number(attr(pPr["w:ind"], "rightChars") ?? 0) / 100,
      };
      if (outline !== undefined) def.outlineLevel = Number(outline) + 1;
      return def;
    });
}
