// Where each paragraph's text sits in the .docx part it was read from, so that comments can be anchored on the right
// characters of the XML (the reviewing page splices them into the main part).

export interface SourceSpan {
  /** Offset in the paragraph's text (UTF-16 units) where this piece starts. */
  textStart: number;
  /** Its length in the paragraph's text. */
  length: number;
  /** Offset in the part's XML string of the enclosing <w:r …> start tag (the piece's own element when it is in no run). */
  runStart: number;
  /** Offset just after that run's </w:r>. */
  runEnd: number;
  /** Offset in the part's XML of this piece: the w:t element's content start, or the w:tab/w:br element's start. */
  xmlStart: number;
  /** End of the same (the w:t content's end, or just after the w:tab/w:br element). */
  xmlEnd: number;
  kind: "text" | "tab" | "break" | "symbol" | "other";
}

export interface ParagraphSource {
  /** The part, e.g. "word/document.xml" (the main part as found through _rels/.rels). */
  part: string;
  /** Index of this w:p among the body's paragraphs in reading order. */
  element: number;
  /** Offset of <w:p …> in the part's XML string. */
  pStart: number;
  /** Offset just after </w:p> (or after <w:p/>). */
  pEnd: number;
  spans: SourceSpan[];
}
