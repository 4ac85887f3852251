import { XMLParser } from "fast-xml-parser";
import { defineWordStyles } from "../../src/host/word/styles";
import { WordHost } from "../../src/host/wordHost";
import { HostError } from "../../src/host/DocumentHost";
import { gongwenStylesPackage, parseStylesPackage } from "../../src/core/format/ooxml";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });
const pkg = gongwenStylesPackage();
const defs = parseStylesPackage(pkg, (x) => parser.parse(x));

interface FakeStyle {
  nameLocal: string;
  isNullObject: boolean;
  font: { name?: string; size?: number; bold?: boolean };
  paragraphFormat: Record<string, unknown>;
}

/**
 * A Word stand-in for the styles batch: queued writes apply at sync, as in Word; insertOoxml brings in the package's
 * styles that are missing and leaves existing ones alone (as Word does); `paragraphs` only shows the count is irrelevant.
 */
function fakeWord(opts: { existing?: Record<string, Partial<FakeStyle["font"]>>; tracking?: string; drop?: string; paragraphs?: number } = {}) {
  const styles = new Map<string, FakeStyle>();
  for (const [name, font] of Object.entries(opts.existing ?? {})) styles.set(name, { nameLocal: name, isNullObject: false, font: { ...font }, paragraphFormat: {} });
  let syncs = 0;
  const ops: string[] = [];
  let pending: (() => void)[] = [];
  const handle = (name: string): FakeStyle => {
    const h = { nameLocal: name, isNullObject: true, font: {}, paragraphFormat: {}, load() {} } as FakeStyle & { load(): void };
    pending.push(() => {
      const s = styles.get(name);
      h.isNullObject = !s;
      if (s) {
        Object.assign(s.font, h.font);
        Object.assign(s.paragraphFormat, h.paragraphFormat);
        h.font = { ...s.font };
      }
    });
    return h;
  };
  const collection = () => ({
    items: [] as FakeStyle[],
    load() {
      pending.push(() => (allStyles.items = [...styles.values()]));
    },
    getByNameOrNullObject: handle,
  });
  const allStyles = collection();
  const context = {
    document: {
      changeTrackingMode: "Off",
      load() {
        pending.push(() => (context.document.changeTrackingMode = opts.tracking ?? "Off"));
      },
      getStyles: () => allStyles,
      body: {
        paragraphCount: opts.paragraphs ?? 1,
        insertOoxml(xml: string, where: string) {
          ops.push(`insertOoxml(${where})`);
          pending.push(() => {
            for (const d of parseStylesPackage(xml, (x) => parser.parse(x))) {
              if (!styles.has(d.name) && d.name !== opts.drop) styles.set(d.name, { nameLocal: d.name, isNullObject: false, font: { name: d.font, size: d.sizePt, bold: d.bold }, paragraphFormat: {} });
            }
          });
          return { delete: () => ops.push("delete inserted carrier paragraphs") };
        },
      },
    },
    sync: async () => {
      syncs++;
      const run = pending;
      pending = [];
      for (const f of run) f();
    },
  };
  const run = <T,>(batch: (c: Word.RequestContext) => Promise<T>) => batch(context as unknown as Word.RequestContext);
  return { run, syncs: () => syncs, ops, styles };
}

describe("adding the 公文 styles in Word", () => {
  test.each([10, 5000])("a document of %i paragraphs: three syncs, the package inserted once and its carrier deleted, all eight read back", async (n) => {
    const word = fakeWord({ paragraphs: n });
    const r = await defineWordStyles(word.run, pkg, defs, true);
    expect(word.syncs()).toBe(3);
    expect(word.ops).toEqual(["insertOoxml(End)", "delete inserted carrier paragraphs"]);
    expect(r.defs.map((d) => d.name)).toHaveLength(8);
    expect(r.notes).toEqual([]);
    expect(word.styles.get("公文正文")?.font).toMatchObject({ name: "仿宋", size: 16, bold: false });
  });
  test("a style the document already has is updated through Style objects, and what Word cannot set is said", async () => {
    const word = fakeWord({ existing: { 公文一级标题: { name: "宋体", size: 12, bold: true } } });
    const r = await defineWordStyles(word.run, pkg, defs, true);
    expect(word.styles.get("公文一级标题")?.font).toMatchObject({ name: "黑体", size: 16, bold: false });
    expect(word.styles.get("公文一级标题")?.paragraphFormat).toMatchObject({ outlineLevel: "OutlineLevel1", alignment: "Justified", firstLineIndent: 32 });
    expect(r.notes.join("")).toMatch(/公文一级标题.*固定值 28 磅/);
    expect(word.syncs()).toBe(3);
  });
  test("under 修订 nothing is written and the user is told why", async () => {
    const word = fakeWord({ tracking: "TrackAll" });
    await expect(defineWordStyles(word.run, pkg, defs, true)).rejects.toThrow(/修订已打开/);
    expect(word.ops).toEqual([]);
    expect(word.syncs()).toBe(1);
  });
  test("a style Word did not accept is named, never reported as added", async () => {
    const word = fakeWord({ drop: "公文附注" });
    await expect(defineWordStyles(word.run, pkg, defs, true)).rejects.toThrow(HostError);
    await expect(defineWordStyles(fakeWord({ drop: "公文附注" }).run, pkg, defs, true)).rejects.toThrow(/公文附注/);
  });
  test("WordHost offers it only with WordApi 1.5; below it the pane says what is left by hand", () => {
    const run = fakeWord().run;
    expect(new WordHost({ run, isSetSupported: () => false }).defineStyles).toBeUndefined();
    expect(typeof new WordHost({ run, isSetSupported: (n, v) => n === "WordApi" && Number(v.split(".")[1]) <= 5 }).defineStyles).toBe("function");
  });
});
