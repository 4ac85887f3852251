// What the hosts exchange with 一键排版: capabilities, formats read back, the backup kept for 撤销排版, and results.

/** What the host can format. Word decides by requirement set (see FORMAT_REQUIREMENTS); the in-memory host can do all. */
export interface FormatCapabilities {
  /** Paper size and margins (Word: Section.pageSetup, WordApiDesktop 1.3). */
  pageSetup: boolean;
  /** A PAGE field in the footer (Word: Range.insertField, WordApi 1.5; odd/even footers, WordApiDesktop 1.3). */
  pageNumbers: boolean;
  /** A separate font for digits and Latin letters (Word: Font.nameAscii, WordApiDesktop 1.3). */
  asciiFont: boolean;
  /** Line spacing of an exact number of points (固定值). No Word requirement set offers a line-spacing rule. */
  fixedLineSpacing: boolean;
  /**
   * Finding the document's 公文 styles by name, so 一键排版 and inserts set them (Word: document.getStyles and
   * StyleCollection.getByNameOrNullObject, WordApi 1.5). The styles carry the exact line spacing Office.js cannot set.
   */
  namedStyles: boolean;
}

export type CapabilityName = keyof FormatCapabilities;

/** A requirement set of the Word JavaScript API. */
export interface RequirementSet {
  name: string;
  version: string;
}

/**
 * The requirement sets each capability needs in Word (all of them), or null when no set provides it.
 * Sources: the @types/office-js remarks ([Api set: …]) of Section.pageSetup / PageSetup (WordApiDesktop 1.3),
 * Range.insertField (WordApi 1.5; "In Word on the web, fields are mainly read-only"), Font.nameAscii (WordApiDesktop 1.3),
 * Paragraph.lineSpacing (WordApi 1.1, set as a multiple: OfficeDev/office-js#2296, #3203).
 */
export const FORMAT_REQUIREMENTS: Record<CapabilityName, readonly RequirementSet[] | null> = {
  pageSetup: [{ name: "WordApiDesktop", version: "1.3" }],
  pageNumbers: [
    { name: "WordApi", version: "1.5" },
    { name: "WordApiDesktop", version: "1.3" },
  ],
  asciiFont: [{ name: "WordApiDesktop", version: "1.3" }],
  fixedLineSpacing: null,
  namedStyles: [{ name: "WordApi", version: "1.5" }],
};

/** Capabilities from a requirement-set test (in Word, the add-in passes the requirements API of office.js). */
export function capabilitiesFrom(isSetSupported: (name: string, version: string) => boolean): FormatCapabilities {
  const has = (sets: readonly RequirementSet[] | null) => {
    if (!sets) return false;
    try {
      return sets.every((s) => isSetSupported(s.name, s.version));
    } catch {
      return false;
    }
  };
  return {
    pageSetup: has(FORMAT_REQUIREMENTS.pageSetup),
    pageNumbers: has(FORMAT_REQUIREMENTS.pageNumbers),
    asciiFont: has(FORMAT_REQUIREMENTS.asciiFont),
    fixedLineSpacing: has(FORMAT_REQUIREMENTS.fixedLineSpacing),
    namedStyles: has(FORMAT_REQUIREMENTS.namedStyles),
  };
}

export const ALL_CAPABILITIES: FormatCapabilities = { pageSetup: true, pageNumbers: true, asciiFont: true, fixedLineSpacing: true, namedStyles: true };

/** A character format of part of a paragraph (the heading sentence of a run-in heading). */
export interface RunFormatState {
  offset: number;
  length: number;
  font?: string | null;
  asciiFont?: string | null;
  sizePt?: number | null;
  bold?: boolean | null;
}

/**
 * A paragraph's format as read. `null`: mixed within the paragraph or unreadable (never restored);
 * `undefined`: not set on the paragraph (the style's value; the in-memory host restores it by removing its own).
 */
export interface ParagraphFormatState {
  style?: string;
  styleBuiltIn?: string;
  outlineLevel?: number;
  font?: string | null;
  asciiFont?: string | null;
  /** Word only: the East Asian font (Font.nameFarEast, WordApiDesktop 1.3); Font.name may report the Latin one or "" on Chinese text. */
  farEastFont?: string | null;
  sizePt?: number | null;
  bold?: boolean | null;
  /** Word only: its heading styles can be italic and coloured; 一键排版 sets upright black and 撤销排版 puts these back. */
  italic?: boolean | null;
  color?: string | null;
  alignment?: string | null;
  firstLineIndentPt?: number | null;
  leftIndentPt?: number | null;
  rightIndentPt?: number | null;
  lineSpacingPt?: number | null;
  spaceBeforePt?: number | null;
  spaceAfterPt?: number | null;
  /** Character formats of parts of the paragraph (the in-memory host's model of run-in heading fonts). */
  runs?: RunFormatState[];
}

export interface PageSetupState {
  paperSize?: string | null;
  pageWidthPt?: number | null;
  pageHeightPt?: number | null;
  topMarginPt?: number | null;
  bottomMarginPt?: number | null;
  leftMarginPt?: number | null;
  rightMarginPt?: number | null;
  footerDistancePt?: number | null;
  oddAndEvenPagesHeaderFooter?: boolean | null;
}

/** The document's formats, read in one batch, with what the host can change. */
export interface DocumentFormats {
  paragraphs: ParagraphFormatState[];
  /** The first section's page setup, or null when the host cannot read it. */
  page: PageSetupState | null;
  /** Whether the first section's odd-page (primary) footer is empty; null when unknown. */
  footerEmpty: boolean | null;
  capabilities: FormatCapabilities;
  /** The 公文 styles the document has (their names), which 一键排版 sets by name; absent where the host cannot tell. */
  styles?: string[];
}

export type FooterKind = "Primary" | "EvenPages";

/** What 一键排版 replaced, for 撤销排版. Kept by the pane (Word's own undo may not cover add-in edits on every platform). */
export interface FormatBackup {
  paragraphs: {
    paragraph: number;
    /** The paragraph's text when formatted: a paragraph whose text changed since is not restored. */
    expected: string;
    before: ParagraphFormatState;
    /** Word only: 一键排版 gave the paragraph another style, and Word may have reset its line spacing with it. */
    restyled?: boolean;
    /** The 公文 style 一键排版 set on the paragraph by name (absent: a built-in style and direct formats). */
    styledAs?: string;
    /** The heading sentence of a run-in heading, as it was. */
    runIn?: { text: string } & Omit<RunFormatState, "offset" | "length">;
  }[];
  /** Page setup of every section before, or null when it was not changed. */
  page: PageSetupState[] | null;
  /** Footers that received page numbers (emptied again on restore) and the odd/even setting before. */
  /** `written`: each footer's text right after 一键排版 wrote it; a footer that reads otherwise at 撤销排版 was changed by the user and is left alone. */
  pageNumbers: { footers: FooterKind[]; oddAndEvenBefore: boolean | null; written?: string[] } | null;
}

export interface FormatApplyResult {
  /** Paragraphs formatted. */
  applied: number;
  /** Paragraphs skipped because their text changed since the plan was made. */
  skipped: number;
  backup: FormatBackup;
  /** What could not be done, in Chinese (unsupported by this Word, footers already in use, …). */
  notes: string[];
}

export interface RestoreResult {
  restored: number;
  skipped: number;
  notes: string[];
}
