// A Word object model for the adapter's tests, built on office-addin-mock: load/sync semantics from the mock,
// a paragraph model whose edits are queued and applied only when context.sync succeeds (as in a real batch).
import { OfficeMockObject } from "office-addin-mock";

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
}

export interface WordMock {
  run: <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;
  syncs: () => number;
  texts: () => string[];
  loads: string[];
  ops: string[];
  selected: () => string | null;
  failSyncAt: (n: number | null, error?: { code: string; message: string }) => void;
  paragraph: (i: number) => FakeParagraph;
  /** The document's sections (one unless `options.sections` says more), with page setup, headers and footers. */
  sections: () => FakeSection[];
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
}

export class FakeParagraph {
  text: string;
  style: string;
  styleBuiltIn: string;
  outlineLevel = 10;
  isListItem: boolean;
  tableNestingLevel: number;
  listItemOrNullObject: { isNullObject: boolean; listString?: string; level?: number };
  listOrNullObject: { isNullObject: boolean; id?: number };
  font: Record<string, unknown> = {};
  alignment?: string;
  firstLineIndent?: number;
  lineSpacing?: number;
  leftIndent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Word reports 0 for a paragraph without a right indent. */
  rightIndent?: number = 0;
  attachedList?: { id: number; level: number };
  /** Character formats set on searched ranges, by the text searched for (a run-in heading's sentence). */
  rangeFonts: Record<string, Record<string, unknown>> = {};
  constructor(
    init: FakeParagraphInit,
    private world: World,
  ) {
    this.text = init.text;
    this.style = init.style ?? "Normal";
    this.styleBuiltIn = init.styleBuiltIn ?? "Normal";
    this.isListItem = !!init.list;
    this.tableNestingLevel = init.inTable ? 1 : 0;
    this.listItemOrNullObject = init.list ? { isNullObject: false, listString: init.list.label, level: init.list.level } : { isNullObject: true };
    this.listOrNullObject = init.list ? { isNullObject: false, id: init.list.id } : { isNullObject: true };
    // Setting a font property of the paragraph sets it for all its text, searched ranges included (as in Word).
    this.font = new Proxy({ ...init.font }, {
      set: (target, key: string, value) => {
        target[key] = value;
        for (const f of Object.values(this.rangeFonts)) delete f[key];
        return true;
      },
    });
    for (const key of ["alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "spaceBefore", "spaceAfter"] as const) {
      if (init[key] !== undefined) (this as Record<string, unknown>)[key] = init[key];
    }
  }
  load(arg: string) {
    this.world.loads.push(`paragraph:${arg}`);
    return this;
  }
  private queue(name: string, apply: () => void) {
    this.world.pending.push(() => {
      this.world.ops.push(name);
      apply();
    });
  }
  insertParagraph(text: string, where: "After" | "Before") {
    const p = new FakeParagraph({ text }, this.world);
    this.queue(`insertParagraph(${where})`, () => {
      const list = this.world.paragraphs;
      const i = list.indexOf(this);
      list.splice(where === "After" ? i + 1 : i, 0, p);
    });
    return p;
  }
  insertText(text: string, where: string) {
    this.queue(`paragraph.insertText(${where})`, () => {
      if (where === "Replace") this.text = text;
      else if (where === "End") this.text += text;
      else this.text = text + this.text;
    });
    return this.range(0, this.text.length);
  }
  delete() {
    this.queue("paragraph.delete", () => {
      const list = this.world.paragraphs;
      list.splice(list.indexOf(this), 1);
    });
  }
  select(_mode?: string) {
    this.queue("paragraph.select", () => (this.world.selected = this.text));
  }
  attachToList(id: number, level: number) {
    this.queue(`attachToList(${id},${level})`, () => (this.attachedList = { id, level }));
  }
  detachFromList() {
    this.queue("detachFromList", () => (this.isListItem = false));
  }
  getRange(_where?: string) {
    return {
      select: () => this.queue("range.select", () => (this.world.selected = "")),
      // From the paragraph's start to the selection's end: the cursor is collapsed at the paragraph's end here.
      expandTo: () => {
        const range = { text: "", load: () => (this.world.afterSync.push(() => (range.text = this.text)), range) };
        return range;
      },
    };
  }
  search(needle: string, _opts?: unknown) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the search results close over their paragraph
    const para = this;
    const hits = () => {
      const out: number[] = [];
      for (let i = para.text.indexOf(needle); i >= 0; i = para.text.indexOf(needle, i + needle.length)) out.push(i);
      return out;
    };
    const rangeAt = (n: number) => ({
      insertText: (text: string, where: string) =>
        para.queue(`range.insertText(${where})`, () => {
          const at = hits()[n];
          if (at === undefined) throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
          para.text = para.text.slice(0, at) + text + para.text.slice(at + needle.length);
        }),
      select: () => para.queue("range.select", () => (para.world.selected = needle)),
      // One font object per searched text: what the batch sets on it, else the paragraph's font.
      font: new Proxy((para.rangeFonts[needle] ??= {}), { get: (target, key: string) => (key in target ? target[key] : para.font[key]) }),
    });
    const collection = {
      items: [] as ReturnType<typeof rangeAt>[],
      getFirst: () => rangeAt(0),
      load: () => {
        para.world.loads.push("search:items");
        para.world.afterSync.push(() => (collection.items = hits().map((_, n) => rangeAt(n))));
        return collection;
      },
    };
    return collection;
  }
  private range(_a: number, _b: number) {
    return { select: () => this.queue("range.select", () => (this.world.selected = this.text)) };
  }
}

interface World {
  sections: FakeSection[];
  paragraphs: FakeParagraph[];
  pending: (() => void)[];
  afterSync: (() => void)[];
  ops: string[];
  loads: string[];
  selected: string | null;
}

/** Build a mock Word with `paragraphs`, the cursor in paragraph `cursor`. */
export function createWordMock(inits: FakeParagraphInit[], cursor = 0, cursorEnd = cursor, options: WordMockOptions = {}): WordMock {
  const world: World = { sections: [], paragraphs: [], pending: [], afterSync: [], ops: [], loads: [], selected: null };
  world.paragraphs = inits.map((p) => new FakeParagraph(p, world));
  world.sections = Array.from({ length: options.sections ?? 1 }, (_, i) => new FakeSection(world, options.pageSetup, i === 0 ? options : {}));
  let syncs = 0;
  let failAt: number | null = null;
  let failError = { code: "GeneralException", message: "sync failed" };

  const selection = {
    text: "",
    isEmpty: true,
    load(arg: string) {
      world.loads.push(`selection:${arg}`);
    },
    getRange: (where: string) => ({ where }),
    paragraphs: { getLast: () => world.paragraphs[cursorEnd] },
    insertText(text: string, where: string) {
      const p = world.paragraphs[cursor];
      world.pending.push(() => {
        world.ops.push(`selection.insertText(${where})`);
        p.text += text;
      });
      return {
        search: (needle: string) => ({ getFirst: () => ({ select: () => world.pending.push(() => (world.selected = needle)) }) }),
        select: () => world.pending.push(() => (world.selected = "")),
      };
    },
  };

  const data = {
    context: {
      document: {
        body: {
          paragraphs: {
            items: world.paragraphs,
            load: function (this: OfficeMockObject, arg: string) {
              world.loads.push(String(arg));
              return OfficeMockObject.prototype.load.call(this, "items");
            },
          },
          getRange: () => ({
            expandTo: (to: { where: string }) => ({
              paragraphs: {
                items: [] as FakeParagraph[],
                load(arg: string) {
                  world.loads.push(`before:${arg}`);
                  const last = to.where === "End" ? cursorEnd : cursor;
                  world.afterSync.push(() => (this.items = world.paragraphs.slice(0, last + 1)));
                },
              },
            }),
          }),
        },
        getSelection: () => selection,
      },
    },
    run: async function (this: { context: unknown }, cb: (c: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { sync: () => Promise<void>; document: { body: { paragraphs: { items: unknown } }; sections?: unknown } }; run: WordMock["run"] };
  const ctx = mock.context;
  // Sections stay plain objects (outside the mock's load/sync model), like the paragraphs' own properties.
  ctx.document.sections = {
    get items() {
      return world.sections;
    },
    load(arg?: string) {
      world.loads.push(`sections:${arg ?? ""}`);
    },
    getFirst: () => world.sections[0],
  };
  // Property sets are not queued here; a failed sync puts the formats back as Word would (nothing of the batch applies).
  let committed = snapshotFormats(world);
  const originalSync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    syncs++;
    if (failAt !== null && syncs === failAt) {
      world.pending = [];
      restoreFormats(committed);
      throw Object.assign(new Error(failError.message), failError);
    }
    const ops = world.pending;
    world.pending = [];
    // A failing operation fails the whole sync, as in Word; earlier operations of the batch stay undone here.
    const snapshot = world.paragraphs.map((p) => ({ p, text: p.text }));
    const order = [...world.paragraphs];
    try {
      for (const op of ops) op();
    } catch (e) {
      world.paragraphs.splice(0, world.paragraphs.length, ...order);
      for (const s of snapshot) s.p.text = s.text;
      restoreFormats(committed);
      throw e;
    }
    committed = snapshotFormats(world);
    await originalSync();
    // The mock copies the array when loaded; keep it pointing at the live paragraphs.
    for (const f of world.afterSync.splice(0)) f();
  };
  return {
    run: (batch) => mock.run(batch),
    syncs: () => syncs,
    texts: () => world.paragraphs.map((p) => p.text),
    loads: world.loads,
    ops: world.ops,
    selected: () => world.selected,
    failSyncAt: (n, error) => {
      failAt = n;
      if (error) failError = error;
    },
    paragraph: (i) => world.paragraphs[i],
    sections: () => world.sections,
  };
}

const FORMAT_KEYS = ["style", "styleBuiltIn", "alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "spaceBefore", "spaceAfter"] as const;

/** The formats of paragraphs, page setups and header/footer contents, to put back after a failed sync. */
function snapshotFormats(world: World) {
  return {
    paragraphs: world.paragraphs.map((p) => ({
      p,
      values: FORMAT_KEYS.map((k) => p[k]),
      font: { ...p.font },
      rangeFonts: Object.fromEntries(Object.entries(p.rangeFonts).map(([k, v]) => [k, { ...v }])),
    })),
    sections: world.sections.map((s) => ({ s, pageSetup: { ...s.pageSetup }, parts: [...s.parts.values()].map((b) => ({ b, state: b.snapshot() })) })),
  };
}

function restoreFormats(snap: ReturnType<typeof snapshotFormats>): void {
  for (const { p, values, font, rangeFonts } of snap.paragraphs) {
    FORMAT_KEYS.forEach((k, i) => ((p as unknown as Record<string, unknown>)[k] = values[i]));
    for (const key of Object.keys(p.font)) delete p.font[key];
    Object.assign(p.font, font);
    for (const [k, f] of Object.entries(p.rangeFonts)) {
      for (const key of Object.keys(f)) delete f[key];
      Object.assign(f, rangeFonts[k]);
    }
  }
  for (const { s, pageSetup, parts } of snap.sections) {
    for (const key of Object.keys(s.pageSetup)) delete s.pageSetup[key];
    Object.assign(s.pageSetup, pageSetup);
    for (const { b, state } of parts) b.restore(state);
  }
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
    this.pageSetup = { paperSize: "A4", pageWidth: 595.3, pageHeight: 841.9, topMargin: 72, bottomMargin: 72, leftMargin: 90, rightMargin: 90, footerDistance: 35.4, oddAndEvenPagesHeaderFooter: false, ...pageSetup };
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
    this.world.pending.push(() => {
      this.world.ops.push(`${this.key}.clear`);
      this.restore({ text: "", font: {}, fields: [] });
    });
  }
  get paragraphs() {
    return { getFirst: () => this.paragraph() };
  }
  snapshot() {
    return { text: this.text, font: { ...this.font }, alignment: this.alignment, firstLineIndent: this.firstLineIndent, leftIndent: this.leftIndent, rightIndent: this.rightIndent, fields: [...this.fields] };
  }
  restore(state: Partial<ReturnType<FakeHeaderFooter["snapshot"]>>) {
    this.text = state.text ?? "";
    this.font = { ...state.font };
    this.alignment = state.alignment;
    this.firstLineIndent = state.firstLineIndent;
    this.leftIndent = state.leftIndent;
    this.rightIndent = state.rightIndent;
    this.fields = [...(state.fields ?? [])];
  }
  /** The body's (only) paragraph: its formats are the body's own fields. */
  private paragraph() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the paragraph proxy writes through to its body
    const body = this;
    const queue = (name: string, apply: () => void) =>
      body.world.pending.push(() => {
        body.world.ops.push(`${body.key}.${name}`);
        apply();
      });
    const rangeOf = (range: { start: number; end: number }) => ({
      insertField: (where: string, type: string) =>
        queue(`insertField(${where},${type})`, () => {
          const at = where === "Before" || where === "Start" ? range.start : range.end;
          body.text = body.text.slice(0, at) + `{${type.toUpperCase()}}` + body.text.slice(at);
          body.fields.push(type);
        }),
    });
    return {
      get font() {
        return body.font;
      },
      set alignment(v: string) {
        body.alignment = v;
      },
      set firstLineIndent(v: number) {
        body.firstLineIndent = v;
      },
      set leftIndent(v: number) {
        body.leftIndent = v;
      },
      set rightIndent(v: number) {
        body.rightIndent = v;
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
