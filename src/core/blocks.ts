// Paragraphs to insert, as data: their text, what they are, and (optionally) the format to give them.

export type BlockKind = "title" | "salutation" | "heading" | "body" | "closing" | "signature";

export interface ParagraphFormat {
  /** East Asian font name (方正小标宋简体, 黑体, 楷体, 仿宋). */
  font: string;
  sizePt: number;
  bold: boolean;
  alignment: "left" | "centered" | "right" | "justified";
  /** First-line indent in points (2 characters of 3号 = 32 pt). */
  firstLineIndentPt: number;
  /** Fixed line spacing in points. */
  lineSpacingPt: number;
  /** Word built-in style to apply first (Heading 1–4 so the Navigation Pane shows headings). */
  styleBuiltIn?: "Heading1" | "Heading2" | "Heading3" | "Heading4" | "Normal" | "Title";
}

export interface Block {
  text: string;
  kind: BlockKind;
  level?: 1 | 2 | 3 | 4;
  /** Absent: the paragraph keeps the document's own style (for offices with house templates). */
  format?: ParagraphFormat;
  /** Join an automatic Word list at this level instead of typing a marker (the text then has no marker). */
  list?: { listId: string; level: number };
}
