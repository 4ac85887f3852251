import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GBT_DEFAULTS } from "../../../src/core/format/gbt9704";
import { GONGWEN_STYLES, gongwenStyleDefs, gongwenStylesPackage, listDocumentPackage, parseStylesPackage } from "../../../src/core/format/ooxml";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false });
const parse = (xml: string) => parser.parse(xml);

/** The flat package's parts, as a .docx zip would hold them. */
function parts(pkg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of pkg.matchAll(/<pkg:part pkg:name="([^"]+)" pkg:contentType="[^"]+"><pkg:xmlData>([\s\S]*?)<\/pkg:xmlData><\/pkg:part>/g)) out.set(m[1], m[2]);
  return out;
}

describe("公文 styles package", () => {
  const pkg = gongwenStylesPackage();
  test("is well-formed XML with the parts insertOoxml needs", () => {
    expect(XMLValidator.validate(pkg)).toBe(true);
    expect([...parts(pkg).keys()]).toEqual(["/_rels/.rels", "/word/_rels/document.xml.rels", "/word/document.xml", "/word/styles.xml"]);
    for (const xml of parts(pkg).values()) expect(XMLValidator.validate(xml)).toBe(true);
  });
  test("defines the eight styles with GB/T 9704 fonts, sizes, exact 28-point lines, 2-character indents and outline levels", () => {
    const defs = parseStylesPackage(pkg, parse);
    expect(defs.map((d) => d.name)).toEqual(GONGWEN_STYLES.map((s) => s.name));
    const by = Object.fromEntries(defs.map((d) => [d.name, d]));
    expect(by["公文标题"]).toMatchObject({ font: "方正小标宋简体", sizePt: 22, alignment: "centered", firstLineChars: 0 });
    expect(by["公文一级标题"]).toMatchObject({ font: "黑体", sizePt: 16, lineSpacingPt: 28, firstLineChars: 2, outlineLevel: 1, bold: false });
    expect(by["公文二级标题"]).toMatchObject({ font: "楷体", outlineLevel: 2 });
    expect(by["公文三级标题"]).toMatchObject({ font: "仿宋", outlineLevel: 3 });
    expect(by["公文四级标题"]).toMatchObject({ font: "仿宋", outlineLevel: 4 });
    expect(by["公文正文"]).toMatchObject({ font: "仿宋", sizePt: 16, lineSpacingPt: 28, firstLineChars: 2, alignment: "justified" });
    expect(by["公文正文"].outlineLevel).toBeUndefined();
    expect(by["公文落款"]).toMatchObject({ alignment: "right", rightChars: 2, firstLineChars: 0 });
    expect(by["公文附注"]).toMatchObject({ font: "仿宋", firstLineChars: 2 });
    expect(pkg).toContain('w:line="560" w:lineRule="exact"');
    expect(pkg).toContain('w:firstLineChars="200"');
  });
  test("the document part uses every style, so Word brings them all in", () => {
    const doc = parts(pkg).get("/word/document.xml")!;
    for (const s of GONGWEN_STYLES) expect(doc).toContain(`<w:pStyle w:val="${s.id}"/>`);
  });
  test("round-trips through a .docx zip (jszip) and back, parsing to the same definitions", async () => {
    const zip = new JSZip();
    for (const [name, xml] of parts(pkg)) zip.file(name.slice(1), xml);
    const again = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }));
    const rebuilt = new Map<string, string>();
    for (const f of Object.values(again.files).filter((x) => !x.dir)) rebuilt.set(`/${f.name}`, await f.async("string"));
    expect(rebuilt).toEqual(parts(pkg));
    const styles = parse(rebuilt.get("/word/styles.xml")!);
    expect(styles["w:styles"]["w:style"]).toHaveLength(8);
    expect(parseStylesPackage(pkg, parse)).toEqual(gongwenStyleDefs());
  });
  test("排版设置 changes the definitions: fonts, sizes, line spacing, bold, digits font", () => {
    const custom = { ...GBT_DEFAULTS, level1Font: "方正黑体_GBK", bodySizePt: 15, lineSpacingPt: 29, boldLevel3: true, asciiFont: "Times New Roman" };
    const by = Object.fromEntries(parseStylesPackage(gongwenStylesPackage(custom), parse).map((d) => [d.name, d]));
    expect(by["公文一级标题"]).toMatchObject({ font: "方正黑体_GBK", sizePt: 15, lineSpacingPt: 29 });
    expect(by["公文三级标题"].bold).toBe(true);
    expect(by["公文正文"].asciiFont).toBe("Times New Roman");
    expect(gongwenStylesPackage(custom)).toContain('w:line="580" w:lineRule="exact"');
  });
  test("a style without exact line spacing is reported, not read as 28 points", () => {
    expect(() => parseStylesPackage(pkg.replace('w:lineRule="exact"', 'w:lineRule="auto"'), parse)).toThrow(/固定值/);
  });
});

describe("list-numbered document package", () => {
  test("numbers the marked paragraphs with one chineseCounting multilevel list", () => {
    const pkg = listDocumentPackage([{ text: "标题 & 说明" }, { text: "存在的问题", listLevel: 0 }, { text: "学习方面", listLevel: 1 }]);
    expect(XMLValidator.validate(pkg)).toBe(true);
    const p = parts(pkg);
    expect(p.get("/word/document.xml")).toContain("标题 &amp; 说明");
    expect(p.get("/word/document.xml")!.match(/<w:numId w:val="1"\/>/g)).toHaveLength(2);
    expect(p.get("/word/numbering.xml")).toContain('<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>');
    expect(p.get("/word/numbering.xml")).toContain('<w:lvlText w:val="（%2）"/>');
  });
});
