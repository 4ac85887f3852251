// GB/T 9704-2012 formats for each kind of paragraph: title, headings of levels 1–4, body, signature.
import type { Block, BlockKind, ParagraphFormat } from "../blocks";

export const BODY_SIZE_PT = 16; // 3号
export const TITLE_SIZE_PT = 22; // 2号
export const LINE_SPACING_PT = 28;

export interface FormatSettings {
  titleFont: string;
  level1Font: string;
  level2Font: string;
  level3Font: string;
  bodyFont: string;
  titleSizePt: number;
  bodySizePt: number;
  lineSpacingPt: number;
  /** Local custom: level-3 headings in bold (level 4 too, unless boldLevel4 says otherwise). */
  boldLevel3: boolean;
  /** Level-4 headings' font; unset: level3Font. */
  level4Font?: string;
  /** Local customs: bold level-1, level-2 and level-4 headings. */
  boldLevel1?: boolean;
  boldLevel2?: boolean;
  boldLevel4?: boolean;
  /** Font for digits and Latin letters (e.g. Times New Roman); "" or unset: the paragraph's Chinese font. */
  asciiFont?: string;
}

export const GBT_DEFAULTS: FormatSettings = {
  titleFont: "方正小标宋简体",
  level1Font: "黑体",
  level2Font: "楷体",
  level3Font: "仿宋",
  bodyFont: "仿宋",
  titleSizePt: TITLE_SIZE_PT,
  bodySizePt: BODY_SIZE_PT,
  lineSpacingPt: LINE_SPACING_PT,
  boldLevel3: false,
  level4Font: "仿宋",
  boldLevel1: false,
  boldLevel2: false,
  asciiFont: "",
};

/** GB/T 9704-2012 page: A4, top margin 37 mm, bottom 35 mm, binding (left) 28 mm, right 26 mm (text block 156 × 225 mm). */
export const GBT_PAGE = { paperSize: "A4", widthMm: 210, heightMm: 297, topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 } as const;

/** Page numbers: 4号 半角宋体 Arabic digits with a dash (一字线) on each side, “— 1 —”. */
export const PAGE_NUMBER = { font: "宋体", sizePt: 14, before: "— ", after: " —" } as const;

/** GB/T 9704 7.5: the page number's dash line sits 7 mm below the text block. */
export const PAGE_NUMBER_BELOW_TEXT_MM = 7;

/**
 * Word's footer distance (page bottom to the footer's bottom) that puts a one-line footer of `sizePt` 7 mm below the
 * text block: the bottom margin, less 7 mm, less the line (taken as the font size; Word adds a little leading).
 */
export function footerDistancePt(bottomMm: number, sizePt: number): number {
  return Math.round((mmToPt(bottomMm - PAGE_NUMBER_BELOW_TEXT_MM) - sizePt) * 100) / 100;
}

/** Millimetres to points, to two decimals. */
export function mmToPt(mm: number): number {
  return Math.round(((mm * 72) / 25.4) * 100) / 100;
}

/** Chinese font sizes (字号) and their points, largest first. */
export const CHINESE_FONT_SIZES: readonly { name: string; pt: number }[] = [
  { name: "初号", pt: 42 },
  { name: "小初", pt: 36 },
  { name: "一号", pt: 26 },
  { name: "小一", pt: 24 },
  { name: "二号", pt: 22 },
  { name: "小二", pt: 18 },
  { name: "三号", pt: 16 },
  { name: "小三", pt: 15 },
  { name: "四号", pt: 14 },
  { name: "小四", pt: 12 },
  { name: "五号", pt: 10.5 },
];

/** "三号" for 16 pt, "16 磅" for a size without a name. */
export function fontSizeName(pt: number): string {
  return CHINESE_FONT_SIZES.find((s) => s.pt === pt)?.name ?? `${pt} 磅`;
}

/** The heading font of a level (levels 3–4 仿宋 in GB/T 9704; level 4 may differ by local custom). */
export function headingFont(level: number, s: FormatSettings = GBT_DEFAULTS): string {
  return level <= 1 ? s.level1Font : level === 2 ? s.level2Font : level === 3 ? s.level3Font : (s.level4Font ?? s.level3Font);
}

/** Whether headings of a level are bold by the settings. */
export function headingBold(level: number, s: FormatSettings = GBT_DEFAULTS): boolean {
  if (level <= 1) return !!s.boldLevel1;
  if (level === 2) return !!s.boldLevel2;
  if (level === 3) return s.boldLevel3;
  return s.boldLevel4 ?? s.boldLevel3;
}

/** The format of a paragraph of this kind and level. */
export function formatFor(kind: BlockKind, level: number | undefined, s: FormatSettings = GBT_DEFAULTS): ParagraphFormat {
  const body: ParagraphFormat = { font: s.bodyFont, sizePt: s.bodySizePt, bold: false, alignment: "justified", firstLineIndentPt: s.bodySizePt * 2, lineSpacingPt: s.lineSpacingPt, styleBuiltIn: "Normal" };
  switch (kind) {
    case "title":
      return { ...body, font: s.titleFont, sizePt: s.titleSizePt, alignment: "centered", firstLineIndentPt: 0, lineSpacingPt: Math.max(s.lineSpacingPt, s.titleSizePt + 6), styleBuiltIn: "Title" };
    case "salutation":
      return { ...body, firstLineIndentPt: 0, alignment: "left" };
    case "signature":
      return { ...body, firstLineIndentPt: 0, alignment: "right" };
    case "heading": {
      const lv = level ?? 1;
      const style = (["Heading1", "Heading2", "Heading3", "Heading4"] as const)[Math.min(lv, 4) - 1];
      return { ...body, font: headingFont(lv, s), bold: headingBold(lv, s), styleBuiltIn: style };
    }
    default:
      return body;
  }
}

/** Give blocks their GB/T 9704 format (or leave them plain when the office uses its own template). */
export function withFormat(blocks: Block[], mode: "gbt" | "plain", s: FormatSettings = GBT_DEFAULTS): Block[] {
  if (mode === "plain") return blocks.map(({ format: _f, ...b }) => b);
  return blocks.map((b) => ({ ...b, format: formatFor(b.kind, b.level, s) }));
}
