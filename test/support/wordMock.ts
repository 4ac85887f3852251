// A small fake of the Word object model for the adapter's tests, built to fail the way Word fails (README: "How the
// tests imitate Word"). Commands are queued and run in order at context.sync(); when one throws, the ones before it
// stay applied and the ones after it are skipped (no rollback). Loads are recorded, syncs counted. Named paragraph styles
// (document.getStyles, WordApi 1.5) are modelled: setting Paragraph.style to a name the document lacks fails at sync.
import { XMLParser } from "fast-xml-parser";
import { parseStylesPackage } from "../../src/core/format/ooxml";
export interface FakeParagraphInit {
  text: string;
  style?: string;
  styleBuiltIn?: string;
  list?: { id: number; level: number; label: string };
  inTable?: boolean;
  /** Direct formats the paragraph starts with (一键排版 tests read them back and restore them). */
  font?: Record<string, unknown>;
  alignment?: string;
  firstLineIndent?: number;
  leftIndent?: number;
  lineSpacing?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  rightIndent?: number;
  /** Content that is not text: Paragraph.text leaves it out (a picture-only paragraph reads as ""). `at`: text offset. */
  objects?: { kind: "picture" | "field" | "equation" | "footnote" | "contentControl"; at: number }[];
  /** The paragraph is inside a content control; a locked one (cannotEdit) rejects every write. */
  contentControl?: { title: string; cannotEdit: boolean };
  /** Text marked as deleted by track changes: it stays in Paragraph.text and search (office-js #1267, #2792). */
  trackedDeletion?: { at: number; text: string };
  /** Character units from a Chinese template (w:firstLineChars, w:beforeLines): they override the point values. */
  firstLineChars?: number;
  beforeLines?: number;
  /** The paragraph's own line spacing, which Word keeps when a new style is applied (the style's spacing does not show). */
  keepsLineSpacing?: boolean;
}

/** A style of the document (document.getStyles): its type and what a paragraph of it gets. */
export interface FakeStyle {
  type: "Paragraph" | "Character" | "Table" | "List";
  lineSpacing?: number;
  outlineLevel?: number;
  font?: Record<string, unknown>;
  paragraphFormat?: Record<string, unknown>;
}

/** Built-in styles by the name Paragraph.style reports (English UI) and their styleBuiltIn. */
const BUILT_IN: Record<string, string> = { Normal: "Normal", Title: "Title", "Heading 1": "Heading1", "Heading 2": "Heading2", "Heading 3": "Heading3", "Heading 4": "Heading4", "Heading 5": "Heading5", "List Paragraph": "ListParagraph" };
const BUILT_IN_NAME = Object.fromEntries(Object.entries(BUILT_IN).map(([name, id]) => [id, name]));

export type Selection =
  | { story: "body"; start: { paragraph: number; offset: number }; end: { paragraph: number; offset: number } }
  | { story: "footer" | "header" | "footnote" | "textBox" };

export interface WordMock {
  run: <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;
  syncs: () => number;
  texts: () => string[];
  loads: string[];
  ops: string[];
  selected: () => string | null;
  /** Make sync `n` fail: the first `afterOps` commands of its batch are applied first (Word does not roll back). */
  failSyncAt: (n: number | null, error?: { code: string; message: string }, afterOps?: number) => void;
  paragraph: (i: number) => FakeParagraph;
  /** The body's comments: the paragraph and text they are on, their text and author. */
  comments: () => { paragraph: number; anchor: string; content: string; author: string }[];
  /** The document's sections (one unless `options.sections` says more), with page setup, headers and footers. */
  sections: () => FakeSection[];
  /** Non-text objects destroyed by deletes or whole-paragraph replaces. */
  lost: () => string[];
  /** Run `fn` just before sync `n` applies its commands (the user acting between two syncs of one action). */
  beforeSync: (n: number, fn: () => void) => void;
  world: World;
}

export interface WordMockOptions {
  /** How many sections (default 1). */
  sections?: number;
  /** Text already in the first section's footers and header. */
  footer?: string;
  evenFooter?: string;
  header?: string;
  /** Page setup every section starts with (default: A4 with Word's default margins). */
  pageSetup?: Record<string, unknown>;
  /** The selection (default: collapsed at the end of paragraph `cursor`, extended to `cursorEnd`). */
  selection?: Selection;
  /** Built-in heading styles linked to a multilevel list: setting the style makes the paragraph a list item. */
  headingNumbering?: { listId: number; levels: Record<string, number> };
  /** Word's Find and Replace dialog is open: every search fails with SearchDialogIsOpen (office-js #4922). */
  searchDialogOpen?: boolean;
  /** Search matches half- and full-width forms and straight and curly quotes of each other (default true). */
  searchFoldsWidth?: boolean;
  /** document.changeTrackingMode (WordApi 1.4). */
  changeTrackingMode?: "Off" | "TrackAll" | "TrackMineOnly";
  /** Comments the document starts with (the user's own, or the tool's from an earlier run). */
  comments?: { paragraph: number; offset: number; length: number; content: string; author?: string }[];
  /** The signed-in user: the author of every comment an add-in inserts (Comment.authorName is read-only). */
  userName?: string;
  /** Range.insertComment fails with NotAllowed, as on some Word on the web tenants (OfficeDev/office-js#6746). */
  commentsNotAllowed?: boolean;
  /** Custom styles the document has, by name (built-in ones and the initial paragraphs' styles always exist). */
  styles?: Record<string, FakeStyle>;
}

/** An error as OfficeExtension.Error carries it: a code and a message. */
export function wordError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** Width and quote folding, as a search that ignores them would compare (，/, ：/: “/" …). */
export function foldWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\u3000/g, " ");
}

const FORMAT_KEYS = new Set(["style", "styleBuiltIn", "alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "spaceBefore", "spaceAfter", "lineUnitBefore", "lineUnitAfter"]);

/** A position in the body: before character `offset` of paragraph `paragraph`, or past its paragraph mark ("whole"). */
type Pos = { paragraph: FakeParagraph; offset: number; whole?: boolean } | { outside: true };

export class World {
  paragraphs: FakeParagraph[] = [];
  sections: FakeSection[] = [];
  pending: { name: string; run: () => void }[] = [];
  afterSync: (() => void)[] = [];
  ops: string[] = [];
  loads: string[] = [];
  lost: string[] = [];
  selected: string | null = null;
  comments: FakeComment[] = [];
  commentIds = 0;
  /** The document's custom styles by name (document.getStyles). */
  styles = new Map<string, FakeStyle>();
  /** True inside a Word.run: property sets are queued like commands. */
  batching = false;
  applying = false;
  selection!: Selection;
  constructor(readonly options: WordMockOptions) {}
  queue(name: string, run: () => void): void {
    if (this.applying || !this.batching) run();
    else this.pending.push({ name, run });
  }
  index(p: FakeParagraph): number {
    return this.paragraphs.findIndex((q) => q.raw === p.raw);
  }
  insertAt(anchor: FakeParagraph, p: FakeParagraph, where: "After" | "Before"): void {
    const i = this.index(anchor);
    if (i < 0) throw wordError("ItemNotFound");
    this.paragraphs.splice(where === "After" ? i + 1 : i, 0, p);
  }
}

let tableIds = 0;

export class FakeParagraph {
  text: string;
  style: string;
  styleBuiltIn: string;
  outlineLevel = 10;
  isListItem: boolean;
  tableNestingLevel: number;
  tableId: number | null = null;
  list: { id: number; level: number; label: string } | null;
  font: Record<string, unknown>;
  alignment?: string;
  firstLineIndent?: number;
  lineSpacing?: number;
  leftIndent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  lineUnitBefore?: number;
  lineUnitAfter?: number;
  /** Word reports 0 for a paragraph without a right indent. */
  rightIndent?: number = 0;
  objects: NonNullable<FakeParagraphInit["objects"]>;
  contentControl: FakeParagraphInit["contentControl"] | null;
  trackedDeletion: FakeParagraphInit["trackedDeletion"] | null;
  firstLineChars: number;
  beforeLines: number;
  keepsLineSpacing: boolean;
  /** Every attachToList call that succeeded (office-js #6524: the level's indents are not applied). */
  attachedList?: { id: number; level: number };
  /** Character formats set on searched ranges, by the text searched for (a run-in heading's sentence). */
  rangeFonts: Record<string, Record<string, unknown>> = {};
  /** Run formats inside the paragraph (a bold run-in heading); a whole-paragraph replace flattens them. */
  runs: { text: string; bold?: boolean }[] = [];
  readonly raw: FakeParagraph;
  constructor(
    init: FakeParagraphInit,
    readonly world: World,
  ) {
    this.raw = this;
    this.text = init.text;
    if (init.trackedDeletion) this.text = init.text.slice(0, init.trackedDeletion.at) + init.trackedDeletion.text + init.text.slice(init.trackedDeletion.at);
    this.style = init.style ?? "Normal";
    this.styleBuiltIn = init.styleBuiltIn ?? "Normal";
    this.list = init.list ? { ...init.list } : null;
    this.isListItem = !!init.list;
    this.tableNestingLevel = init.inTable ? 1 : 0;
    this.objects = [...(init.objects ?? [])];
    this.contentControl = init.contentControl ?? null;
    this.trackedDeletion = init.trackedDeletion ?? null;
    this.firstLineChars = init.firstLineChars ?? 0;
    this.beforeLines = init.beforeLines ?? 0;
    this.keepsLineSpacing = !!init.keepsLineSpacing;
    for (const key of ["alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "spaceBefore", "spaceAfter"] as const) {
      if (init[key] !== undefined) (this as Record<string, unknown>)[key] = init[key];
    }
    this.font = init.font ?? {};
    if (this.firstLineChars > 0) this.firstLineIndent = this.charIndent();
    // Setting a font property of the paragraph sets it for all its text, searched ranges included (as in Word).
    const fontTarget: Record<string, unknown> = { ...init.font };
    this.font = new Proxy(fontTarget, {
      set: (target, key: string, value) => {
        world.queue(`font.${key}`, () => {
          target[key] = value;
          for (const f of Object.values(this.raw.rangeFonts)) delete f[key];
        });
        return true;
      },
    });
    // Format properties set inside a batch are commands too: queued, applied in order at sync.
    return new Proxy(this, {
      set: (target, key: string, value) => {
        if (FORMAT_KEYS.has(key)) world.queue(`paragraph.${key}`, () => target.setFormat(key, value));
        else (target as unknown as Record<string, unknown>)[key] = value;
        return true;
      },
    });
  }
  /** The indent Word reports for an indent in characters (hundredths of a character × the font size). */
  charIndent(): number {
    return (this.firstLineChars / 100) * (typeof this.font.size === "number" ? this.font.size : 10.5);
  }
  /** What a property set does in Word: a heading style linked to a list numbers the paragraph; points override characters. */
  setFormat(key: string, value: unknown): void {
    if (key === "style") return this.setStyle(String(value));
    (this as unknown as Record<string, unknown>)[key] = value;
    if (key === "styleBuiltIn" && typeof value === "string" && BUILT_IN_NAME[value]) {
      this.style = BUILT_IN_NAME[value];
      this.outlineLevel = /^Heading\d$/.test(value) ? Number(value.slice(7)) : 10;
    }
    const numbering = this.world.options.headingNumbering;
    if (key === "styleBuiltIn" && numbering && typeof value === "string" && value in numbering.levels && !this.isListItem) {
      this.isListItem = true;
      this.list = { id: numbering.listId, level: numbering.levels[value], label: "" };
    }
    // Word's UI writes firstLine and clears firstLineChars; Office.js sets firstLineIndent but leaves w:firstLineChars,
    // which wins (the item 8): the mock keeps the characters unless they are 0.
    if (key === "lineUnitBefore" && value === 0) this.beforeLines = 0;
    if (key === "spaceBefore" && this.beforeLines > 0) this.spaceBefore = (this.beforeLines / 100) * 12;
    if (key === "firstLineIndent" && this.firstLineChars > 0) this.firstLineIndent = this.charIndent();
  }
  /** Paragraph.style by name: a built-in or existing paragraph style, else the batch fails here (as in Word). */
  setStyle(name: string): void {
    if (BUILT_IN[name]) return this.setFormat("styleBuiltIn", BUILT_IN[name]);
    const st = this.world.styles.get(name);
    if (!st || st.type !== "Paragraph") throw wordError("ItemNotFound", `The style "${name}" does not exist.`);
    this.style = name;
    this.styleBuiltIn = "Other";
    this.outlineLevel = st.outlineLevel ?? 10;
    if (st.lineSpacing !== undefined && !this.keepsLineSpacing) this.lineSpacing = st.lineSpacing;
  }
  get listItemOrNullObject() {
    return this.list ? { isNullObject: false, listString: this.list.label, level: this.list.level } : { isNullObject: true };
  }
  get listItem() {
    const self = this.raw;
    return {
      set level(level: number) {
        self.world.queue("listItem.level", () => {
          if (!self.list) throw wordError("ItemNotFound", "The paragraph is not a list item.");
          self.list.level = level;
        });
      },
    };
  }
  get listOrNullObject() {
    return this.list ? { isNullObject: false, id: this.list.id } : { isNullObject: true };
  }
  get parentContentControlOrNullObject() {
    const cc = this.contentControl;
    return { isNullObject: !cc, title: cc?.title ?? "", cannotEdit: cc?.cannotEdit ?? false, load: () => this.world.loads.push("paragraph.parentContentControl") };
  }
  get parentTableOrNullObject() {
    const self = this.raw;
    const table = {
      isNullObject: self.tableNestingLevel === 0,
      load: () => self.world.loads.push("paragraph.parentTable"),
      insertParagraph: (text: string, where: "After" | "Before") => {
        const p = new FakeParagraph({ text }, self.world);
        self.world.queue(`table.insertParagraph(${where})`, () => {
          const rows = self.world.paragraphs.filter((q) => q.tableId === self.tableId && q.tableNestingLevel > 0);
          self.world.insertAt(where === "After" ? rows[rows.length - 1] : rows[0], p, where);
        });
        return p;
      },
    };
    return table;
  }
  get inlinePictures() {
    const self = this.raw;
    const coll = { items: [] as unknown[], load: () => (self.world.loads.push("paragraph.inlinePictures"), self.world.afterSync.push(() => (coll.items = self.objects.filter((o) => o.kind === "picture"))), coll) };
    return coll;
  }
  /** Paragraph.fields (WordApi 1.4). */
  get fields() {
    const self = this.raw;
    const coll = { items: [] as unknown[], load: () => (self.world.loads.push("paragraph.fields"), self.world.afterSync.push(() => (coll.items = self.objects.filter((o) => o.kind === "field"))), coll) };
    return coll;
  }
  getOoxml() {
    const result = { value: "" };
    this.world.loads.push("paragraph.getOoxml");
    const tags: Record<string, string> = { picture: "<w:drawing/>", field: "<w:fldChar/>", equation: "<m:oMath/>", footnote: "<w:footnoteReference/>", contentControl: "<w:sdt/>" };
    this.world.afterSync.push(() => (result.value = `<w:p>${this.objects.map((o) => tags[o.kind]).join("")}<w:r><w:t>${this.text}</w:t></w:r></w:p>`));
    return result;
  }
  /** The text as it will look with tracked changes accepted (WordApi 1.4). */
  getReviewedText(_type?: string) {
    const result = { value: "" };
    this.world.afterSync.push(() => (result.value = this.reviewedText()));
    return result;
  }
  reviewedText(): string {
    const d = this.trackedDeletion;
    if (!d) return this.text;
    const at = this.text.indexOf(d.text, Math.max(0, d.at - 1));
    return at < 0 ? this.text : this.text.slice(0, at) + this.text.slice(at + d.text.length);
  }
  load(arg: string) {
    this.world.loads.push(`paragraph:${arg}`);
    return this;
  }
  private guardWrite() {
    if (this.contentControl?.cannotEdit) throw wordError("AccessDenied", "The content control cannot be edited.");
  }
  insertParagraph(text: string, where: "After" | "Before") {
    const p = new FakeParagraph({ text }, this.world);
    this.world.queue(`insertParagraph(${where})`, () => {
      this.raw.guardWrite();
      this.world.insertAt(this, p, where);
      // A paragraph inserted next to a list item joins its list, with its formats (as pressing Enter does).
      if (this.list) {
        p.raw.list = { ...this.list };
        p.raw.isListItem = true;
        p.raw.firstLineIndent = this.firstLineIndent;
        p.raw.leftIndent = this.leftIndent;
      }
      if (this.tableNestingLevel > 0) {
        p.raw.tableNestingLevel = this.tableNestingLevel;
        p.raw.tableId = this.tableId;
      }
    });
    return p;
  }
  insertText(text: string, where: "Replace" | "Start" | "End") {
    const range = new FakeRange(this.raw, 0, 0);
    this.world.queue(`paragraph.insertText(${where})`, () => {
      this.raw.guardWrite();
      if (where === "Replace") {
        // A whole-paragraph replace drops the pictures, fields and footnotes in it and flattens its runs.
        this.raw.loseObjects();
        this.raw.runs = [];
        this.raw.text = text;
        range.set(0, text.length);
      } else if (where === "End") {
        range.set(this.text.length, this.text.length + text.length);
        this.raw.text += text;
      } else {
        for (const o of this.objects) o.at += text.length;
        this.raw.text = text + this.text;
        range.set(0, text.length);
      }
    });
    return range;
  }
  loseObjects() {
    for (const o of this.objects) this.world.lost.push(o.kind);
    this.objects = [];
  }
  delete() {
    this.world.queue("paragraph.delete", () => {
      this.raw.guardWrite();
      this.raw.loseObjects();
      this.world.paragraphs.splice(this.world.index(this.raw), 1);
    });
  }
  select(_mode?: string) {
    this.world.queue("paragraph.select", () => (this.world.selected = this.text));
  }
  attachToList(id: number, level: number) {
    this.world.queue(`attachToList(${id},${level})`, () => {
      // Word refuses to attach a paragraph that already is a list item.
      if (this.raw.list) throw wordError("InvalidArgument", "The paragraph is already a list item.");
      this.raw.attachedList = { id, level };
      this.raw.list = { id, level, label: "" };
      this.raw.isListItem = true;
    });
  }
  detachFromList() {
    this.world.queue("detachFromList", () => {
      if (!this.raw.list) throw wordError("ItemNotFound", "The paragraph is not a list item.");
      this.raw.list = null;
      this.raw.isListItem = false;
    });
  }
  getRange(where: "Start" | "End" | "Whole" | "Content" = "Whole") {
    const start = where === "End" ? this.text.length : 0;
    const end = where === "Start" ? 0 : this.text.length;
    const r = new FakeRange(this.raw, start, end);
    if (where === "Whole") r.whole = true;
    return r;
  }
  search(needle: string, opts?: { matchCase?: boolean }) {
    return searchIn(this.raw, 0, () => this.text.length, needle, opts);
  }
}

/** A range of one paragraph's text (the stand-in does not model ranges across paragraphs except for expandTo). */
export class FakeRange {
  whole = false;
  text = "";
  readonly font: Record<string, unknown>;
  constructor(
    readonly para: FakeParagraph,
    public start: number,
    public end: number,
    key?: string,
  ) {
    const rangeFonts = (para.rangeFonts[key ?? ""] ??= {});
    const world = para.world;
    // One font object per searched text: what the batch sets on it, else the paragraph's font.
    this.font = new Proxy(rangeFonts, {
      get: (target, k: string) => (k in target ? target[k] : para.font[k]),
      set: (target, k: string, value) => (world.queue(`range.font.${k}`, () => (target[k] = value)), true),
    });
  }
  set(start: number, end: number) {
    this.start = start;
    this.end = end;
  }
  load(_arg?: string) {
    this.para.world.loads.push("range:text");
    this.para.world.afterSync.push(() => (this.text = this.para.text.slice(this.start, this.end)));
    return this;
  }
  insertText(text: string, where: "Replace" | "Start" | "End" | "Before" | "After") {
    const para = this.para;
    const out = new FakeRange(para, 0, 0);
    para.world.queue(`range.insertText(${where})`, () => {
      if (para.contentControl?.cannotEdit) throw wordError("AccessDenied");
      if (this.start > para.text.length) throw wordError("ItemNotFound");
      const at = where === "Replace" || where === "Start" || where === "Before" ? this.start : this.end;
      const cut = where === "Replace" ? this.end : at;
      para.text = para.text.slice(0, at) + text + para.text.slice(cut);
      const shift = text.length - (cut - at);
      for (const o of para.objects) if (o.at >= cut) o.at += shift;
      out.set(at, at + text.length);
      if (where === "Replace") this.set(at, at + text.length);
    });
    return out;
  }
  select(_mode?: string) {
    this.para.world.queue("range.select", () => (this.para.world.selected = this.para.text.slice(this.start, this.end)));
  }
  /**
   * Range.insertComment (WordApi 1.4): the comment is made at sync, on the range as it is then. It fails like a write:
   * AccessDenied in a locked content control, ItemNotFound on a range that never resolved (getFirst of a miss) or whose
   * paragraph is gone, NotAllowed where the host refuses comments (office-js #6746).
   */
  insertComment(text: string) {
    const para = this.para;
    const world = para.world;
    const comment = new FakeComment(world, para, 0, 0, "", world.options.userName ?? "王某");
    world.queue("range.insertComment", () => {
      if (world.options.commentsNotAllowed) throw wordError("NotAllowed", "The action isn't supported in Word Online.");
      if (para.contentControl?.cannotEdit) throw wordError("AccessDenied", "The content control cannot be edited.");
      if (world.index(para) < 0 || this.start < 0 || this.end > para.text.length) throw wordError("ItemNotFound", "The range no longer exists.");
      Object.assign(comment, { start: this.start, end: this.end, content: text });
      world.comments.push(comment);
    });
    return comment;
  }
  search(needle: string, opts?: { matchCase?: boolean }) {
    return searchIn(this.para, this.start, () => this.end, needle, opts);
  }
  get paragraphs() {
    return { getFirst: () => this.para, getLast: () => this.para };
  }
  /** From this range's start to `to` (a position in the same paragraph here). */
  expandTo(to: { pos: Pos } | FakeRange) {
    const end = to instanceof FakeRange ? to.end : "outside" in to.pos ? -1 : to.pos.offset;
    const r = new FakeRange(this.para, this.start, end);
    this.para.world.queue("expandTo", () => {
      if (end < 0) throw wordError("ItemNotFound", "The ranges are in different stories.");
    });
    return r;
  }
}

/** A comment in the body (WordApi 1.4): its text, its read-only author and id, and the characters it is on. */
export class FakeComment {
  readonly id: string;
  constructor(
    private world: World,
    public para: FakeParagraph,
    public start: number,
    public end: number,
    public content: string,
    readonly authorName: string,
  ) {
    this.id = `{c${++world.commentIds}}`;
  }
  load(_arg?: string) {
    this.world.loads.push("comment");
    return this;
  }
  /** Deletes the comment and its replies; one deleted meanwhile fails the sync with ItemNotFound. */
  delete() {
    this.world.queue("comment.delete", () => {
      const i = this.world.comments.indexOf(this);
      if (i < 0) throw wordError("ItemNotFound", "The comment no longer exists.");
      this.world.comments.splice(i, 1);
    });
  }
}

/** Paragraph.search / Range.search: fails at sync while the Find dialog is open or when the text is over 255 characters. */
function searchIn(para: FakeParagraph, from: number, to: () => number, raw: string, _opts?: { matchCase?: boolean }) {
  const world = para.world;
  // ^^ is how a literal ^ is searched for.
  const needle = raw.replace(/\^\^/g, "^");
  const fold = world.options.searchFoldsWidth !== false ? foldWidth : (s: string) => s;
  const hits = () => {
    const text = fold(para.text.slice(0, to()));
    const n = fold(needle);
    const out: number[] = [];
    // A line break reads as \v in text but is searched for as ^l: a literal control character matches nothing.
    if (/[\u0000-\u001f]/.test(n)) return out;
    for (let i = text.indexOf(n, from); i >= 0 && n; i = text.indexOf(n, i + 1)) out.push(i);
    return out;
  };
  const check = () => {
    if (world.options.searchDialogOpen) throw wordError("SearchDialogIsOpen", "The search dialog is open.");
    if (raw.length > 255) throw wordError("InvalidArgument", "The search string is too long.");
  };
  world.queue("search", check);
  const collection = {
    items: [] as FakeRange[],
    getFirst: () => {
      const r = new FakeRange(para, -1, -1, needle);
      // getFirst on no hit: ItemNotFound at sync, failing the batch from that command on.
      world.queue("getFirst", () => {
        const at = hits()[0];
        if (at === undefined) throw wordError("ItemNotFound", "getFirst: no item.");
        r.set(at, at + needle.length);
      });
      return r;
    },
    load: (_arg?: string) => {
      world.loads.push("search:items");
      world.afterSync.push(() => {
        collection.items = hits().map((at) => {
          const r = new FakeRange(para, at, at + needle.length, needle);
          r.text = para.text.slice(at, at + needle.length);
          return r;
        });
      });
      return collection;
    },
  };
  return collection;
}

/** Build a mock Word with `paragraphs`, the cursor at the end of paragraph `cursor`. */
export function createWordMock(inits: FakeParagraphInit[], cursor = 0, cursorEnd = cursor, options: WordMockOptions = {}): WordMock {
  const world = new World(options);
  world.paragraphs = inits.map((p) => new FakeParagraph(p, world));
  // The custom styles the paragraphs already use exist, with those the options name.
  for (const p of inits) if (p.style && !BUILT_IN[p.style]) world.styles.set(p.style, { type: "Paragraph" });
  for (const [name, st] of Object.entries(options.styles ?? {})) world.styles.set(name, { ...st });
  // Consecutive table paragraphs form one table.
  world.paragraphs.forEach((p, i) => {
    if (p.tableNestingLevel > 0) p.tableId = i > 0 && world.paragraphs[i - 1].tableNestingLevel > 0 ? world.paragraphs[i - 1].tableId : ++tableIds;
  });
  for (const c of options.comments ?? []) world.comments.push(new FakeComment(world, world.paragraphs[c.paragraph], c.offset, c.offset + c.length, c.content, c.author ?? "李某"));
  world.sections = Array.from({ length: options.sections ?? 1 }, (_, i) => new FakeSection(world, options.pageSetup, i === 0 ? options : {}));
  world.selection = options.selection ?? {
    story: "body",
    start: { paragraph: cursor, offset: inits[cursor]?.text.length ?? 0 },
    end: { paragraph: cursorEnd, offset: inits[cursorEnd]?.text.length ?? 0 },
  };
  let syncs = 0;
  let failAt: number | null = null;
  let failAfterOps = 0;
  let failError = { code: "GeneralException", message: "sync failed" };
  let running = false;
  const hooks = new Map<number, () => void>();

  const selPos = (which: "start" | "end"): Pos => {
    const s = world.selection;
    if (s.story !== "body") return { outside: true };
    const at = s[which];
    return { paragraph: world.paragraphs[at.paragraph], offset: at.offset };
  };
  /** A paragraph of another story (the footer the cursor is in): not in the body. */
  const storyParagraph = new FakeParagraph({ text: "— 1 —" }, world);
  const selParagraph = (which: "start" | "end") => {
    const pos = selPos(which);
    return "outside" in pos ? storyParagraph : pos.paragraph;
  };
  const posRange = (pos: Pos) => ({ pos });
  const selection = {
    text: "",
    isEmpty: true,
    load(arg: string) {
      world.loads.push(`selection:${arg}`);
      world.afterSync.push(() => {
        const s = world.selection;
        if (s.story !== "body") return;
        const same = s.start.paragraph === s.end.paragraph;
        selection.isEmpty = same && s.start.offset === s.end.offset;
        selection.text = same ? world.paragraphs[s.start.paragraph].text.slice(s.start.offset, s.end.offset) : "";
      });
      return selection;
    },
    getRange: (where: "Start" | "End" | "Whole" = "Whole") => posRange(selPos(where === "Start" ? "start" : "end")),
    paragraphs: { getFirst: () => selParagraph("start"), getLast: () => selParagraph("end") },
    get parentContentControlOrNullObject() {
      return selParagraph("end").parentContentControlOrNullObject;
    },
    insertText(text: string, where: "End") {
      const pos = selPos("end");
      const para = "outside" in pos ? storyParagraph : pos.paragraph;
      const offset = "outside" in pos ? storyParagraph.text.length : pos.offset;
      return new FakeRange(para, offset, offset).insertText(text, where === "End" ? "Start" : where);
    },
  };

  /** The paragraphs a range from the body's start to `to` covers: a range ending at a paragraph's start stops before it. */
  const coveredTo = (to: Pos | FakeRange): FakeParagraph[] => {
    const pos: Pos = to instanceof FakeRange ? { paragraph: to.para, offset: to.end, whole: to.whole } : to;
    if ("outside" in pos) throw wordError("ItemNotFound", "The range is not in the body.");
    const i = world.index(pos.paragraph);
    if (i < 0) throw wordError("ItemNotFound", "The range is not in the body.");
    const through = pos.whole || pos.offset > 0 || i === 0 ? i : i - 1;
    return world.paragraphs.slice(0, through + 1);
  };
  const body = {
    get paragraphs() {
      const coll = {
        items: [] as FakeParagraph[],
        load(arg: string) {
          world.loads.push(String(arg));
          world.afterSync.push(() => (coll.items = [...world.paragraphs]));
          return coll;
        },
        getFirst: () => world.paragraphs[0],
        getLast: () => world.paragraphs[world.paragraphs.length - 1],
      };
      return coll;
    },
    getRange: (_where: "Start" | "Whole") => ({
      expandTo: (to: { pos: Pos } | FakeRange) => {
        const paragraphs = {
          items: [] as FakeParagraph[],
          load(arg: string) {
            world.loads.push(`before:${arg}`);
            // Resolved at sync: a position outside the body fails the batch with ItemNotFound.
            world.queue("expandTo", () => void coveredTo(to instanceof FakeRange ? to : to.pos));
            world.afterSync.push(() => (paragraphs.items = coveredTo(to instanceof FakeRange ? to : to.pos)));
            return paragraphs;
          },
        };
        const text = { text: "", paragraphs };
        return Object.assign(text, {
          load(_arg: string) {
            world.loads.push("range:text");
            world.queue("expandTo", () => void coveredTo(to instanceof FakeRange ? to : to.pos));
            world.afterSync.push(() => {
              const end = to instanceof FakeRange ? to : to.pos;
              if ("outside" in end) return;
              const para = end instanceof FakeRange ? end.para : end.paragraph;
              text.text = para.text.slice(0, end instanceof FakeRange ? end.end : end.offset);
            });
            return text;
          },
        });
      },
    }),
    getReviewedText(_type?: string) {
      const result = { value: "" };
      world.afterSync.push(() => (result.value = world.paragraphs.map((p) => p.reviewedText()).join("\r")));
      return result;
    },
    /** Body.getComments (WordApi 1.4): the comments on body paragraphs, in document order, as they are at sync. */
    getComments() {
      const coll = {
        items: [] as FakeComment[],
        load(arg?: string) {
          world.loads.push(`comments:${arg ?? ""}`);
          world.afterSync.push(() => {
            const at = (c: FakeComment) => world.index(c.para);
            coll.items = world.comments.filter((c) => at(c) >= 0).sort((a, b) => at(a) - at(b) || a.start - b.start);
          });
          return coll;
        },
      };
      return coll;
    },
    /** A styles package (flat OPC): Word brings in its styles the document lacks and keeps those it has (office-js #5491). */
    insertOoxml(xml: string, _where: "End") {
      world.queue("insertOoxml", () => {
        const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });
        for (const d of parseStylesPackage(xml, (x) => parser.parse(x))) {
          if (!world.styles.has(d.name)) world.styles.set(d.name, { type: "Paragraph", lineSpacing: d.lineSpacingPt, outlineLevel: d.outlineLevel, font: { name: d.font, size: d.sizePt, bold: d.bold } });
        }
      });
      // The carrier paragraphs the package brought are deleted again at once: the body's paragraphs are not modelled.
      return { delete: () => world.queue("insertOoxml.delete", () => undefined) };
    },
  };

  /** document.getStyles(): look-ups by name resolve at sync; a missing name gives a null object (WordApi 1.5). */
  const getStyles = () => {
    const handle = (name: string) => {
      const font: Record<string, unknown> = {};
      const paragraphFormat: Record<string, unknown> = {};
      const h = {
        isNullObject: true,
        nameLocal: name,
        type: "Paragraph",
        font: new Proxy(font, { set: (t, k: string, v) => (world.queue(`style.font.${k}`, () => Object.assign((world.styles.get(name)!.font ??= {}), { [k]: v })), true) }),
        paragraphFormat: new Proxy(paragraphFormat, {
          set: (t, k: string, v) => (world.queue(`style.paragraphFormat.${k}`, () => Object.assign((world.styles.get(name)!.paragraphFormat ??= {}), { [k]: v })), true),
        }),
        load(arg?: string) {
          world.loads.push(`style:${arg ?? ""}`);
          world.afterSync.push(() => {
            const st = world.styles.get(name) ?? (BUILT_IN[name] ? { type: "Paragraph" as const } : undefined);
            h.isNullObject = !st;
            if (st) {
              h.type = st.type;
              Object.assign(font, st.font);
            }
          });
          return h;
        },
      };
      return h;
    };
    const coll = {
      items: [] as { nameLocal: string }[],
      load(arg?: string) {
        world.loads.push(`styles:${arg ?? ""}`);
        world.afterSync.push(() => (coll.items = [...Object.keys(BUILT_IN), ...world.styles.keys()].map((nameLocal) => ({ nameLocal }))));
        return coll;
      },
      getByNameOrNullObject: handle,
    };
    return coll;
  };

  const document = {
    body,
    changeTrackingMode: options.changeTrackingMode ?? "Off",
    load(arg: string) {
      world.loads.push(`document:${arg}`);
      return document;
    },
    getSelection: () => selection,
    getStyles,
    sections: {
      get items() {
        return world.sections;
      },
      load(arg?: string) {
        world.loads.push(`sections:${arg ?? ""}`);
      },
      getFirst: () => world.sections[0],
    },
  };

  const context = {
    document,
    async sync() {
      syncs++;
      hooks.get(syncs)?.();
      const ops = world.pending;
      world.pending = [];
      const after = world.afterSync;
      world.afterSync = [];
      world.applying = true;
      try {
        const failHere = failAt !== null && syncs === failAt;
        ops.forEach((op, i) => {
          if (failHere && i >= failAfterOps) throw Object.assign(new Error(failError.message), failError);
          world.ops.push(op.name);
          op.run();
        });
        if (failHere) throw Object.assign(new Error(failError.message), failError);
      } finally {
        world.applying = false;
      }
      for (const f of after) f();
    },
  };

  return {
    run: async (batch) => {
      // Overlapping calls fail (office-js #1225): a second Word.run while one is in flight is refused.
      if (running) throw wordError("GeneralException", "Wait until the previous call completes.");
      running = true;
      world.batching = true;
      try {
        return await batch(context as unknown as Word.RequestContext);
      } finally {
        world.batching = false;
        world.pending = [];
        world.afterSync = [];
        running = false;
      }
    },
    syncs: () => syncs,
    texts: () => world.paragraphs.map((p) => p.text),
    loads: world.loads,
    ops: world.ops,
    selected: () => world.selected,
    failSyncAt: (n, error, afterOps = 0) => {
      failAt = n;
      failAfterOps = afterOps;
      if (error) failError = error;
    },
    paragraph: (i) => world.paragraphs[i],
    comments: () =>
      world.comments
        .filter((c) => world.index(c.para) >= 0)
        .map((c) => ({ paragraph: world.index(c.para), anchor: c.para.text.slice(c.start, c.end), content: c.content, author: c.authorName })),
    sections: () => world.sections,
    lost: () => world.lost,
    beforeSync: (n, fn) => void hooks.set(n, fn),
    world,
  };
}

/** A section: page setup (WordApiDesktop 1.3) as plain properties, headers and footers (WordApi 1.1). */
export class FakeSection {
  pageSetup: Record<string, unknown>;
  readonly parts = new Map<string, FakeHeaderFooter>();
  constructor(
    private world: World,
    pageSetup: Record<string, unknown> | undefined,
    content: WordMockOptions,
  ) {
    const target: Record<string, unknown> = { paperSize: "A4", pageWidth: 595.3, pageHeight: 841.9, topMargin: 72, bottomMargin: 72, leftMargin: 90, rightMargin: 90, footerDistance: 35.4, oddAndEvenPagesHeaderFooter: false, ...pageSetup };
    this.pageSetup = new Proxy(target, { set: (t, k: string, v) => (world.queue(`pageSetup.${k}`, () => (t[k] = v)), true) });
    this.part("footer:Primary").text = content.footer ?? "";
    this.part("footer:EvenPages").text = content.evenFooter ?? "";
    this.part("header:Primary").text = content.header ?? "";
  }
  private part(key: string): FakeHeaderFooter {
    let b = this.parts.get(key);
    if (!b) this.parts.set(key, (b = new FakeHeaderFooter(key, this.world)));
    return b;
  }
  getFooter(type: string): FakeHeaderFooter {
    return this.part(`footer:${type}`);
  }
  getHeader(type: string): FakeHeaderFooter {
    return this.part(`header:${type}`);
  }
}

/** A header or footer body with one paragraph; a PAGE field shows as "{PAGE}". */
export class FakeHeaderFooter {
  text = "";
  font: Record<string, unknown> = {};
  alignment?: string;
  firstLineIndent?: number;
  leftIndent?: number;
  rightIndent?: number;
  fields: string[] = [];
  constructor(
    readonly key: string,
    private world: World,
  ) {}
  load(arg?: string) {
    this.world.loads.push(`${this.key}:${arg ?? ""}`);
    return this;
  }
  clear() {
    this.world.queue(`${this.key}.clear`, () => {
      this.text = "";
      this.font = {};
      this.fields = [];
      this.alignment = this.firstLineIndent = this.leftIndent = this.rightIndent = undefined;
    });
  }
  get paragraphs() {
    return { getFirst: () => this.paragraph() };
  }
  /** The body's (only) paragraph: its formats are the body's own fields. */
  private paragraph() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the paragraph proxy writes through to its body
    const body = this;
    const queue = (name: string, apply: () => void) => body.world.queue(`${body.key}.${name}`, apply);
    const rangeOf = (range: { start: number; end: number }) => ({
      insertField: (where: string, type: string) =>
        queue(`insertField(${where},${type})`, () => {
          const at = where === "Before" || where === "Start" ? range.start : range.end;
          body.text = body.text.slice(0, at) + `{${type.toUpperCase()}}` + body.text.slice(at);
          body.fields.push(type);
        }),
    });
    const font = new Proxy(body.font, { set: (_t, k: string, v) => (queue(`font.${k}`, () => (body.font[k] = v)), true), get: (_t, k: string) => body.font[k] });
    return {
      font,
      set alignment(v: string) {
        queue("alignment", () => (body.alignment = v));
      },
      set firstLineIndent(v: number) {
        queue("firstLineIndent", () => (body.firstLineIndent = v));
      },
      set leftIndent(v: number) {
        queue("leftIndent", () => (body.leftIndent = v));
      },
      set rightIndent(v: number) {
        queue("rightIndent", () => (body.rightIndent = v));
      },
      insertText: (text: string, where: string) => {
        const range = { start: 0, end: 0 };
        queue(`insertText(${where})`, () => {
          if (where === "Start") {
            body.text = text + body.text;
            Object.assign(range, { start: 0, end: text.length });
          } else {
            Object.assign(range, { start: body.text.length, end: body.text.length + text.length });
            body.text += text;
          }
        });
        return rangeOf(range);
      },
    };
  }
}
