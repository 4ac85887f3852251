// Deterministic .docx files for `npm run bench`: the generated documents of scripts/bench.mjs written as Word writes
// them — headings as automatic numbering (numbering.xml, GB/T 9704 levels), body paragraphs in several runs (some bold,
// an rsid here and there), a small table every forty paragraphs — zipped with fixed dates, so the same n gives the same bytes.
import JSZip from "jszip";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const DATE = new Date(Date.UTC(2026, 0, 1));

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
</w:styles>`;

/** A marker typed at the start of a generated line → its list level and the text without it. */
function listLevel(text) {
  const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)(.*)$/.exec(text);
  if (!m) return null;
  return { level: m[1].endsWith("、") ? 0 : m[1].startsWith("（") ? 1 : 2, text: m[2] };
}

/** Split text into 1–4 runs at punctuation, as editing in Word leaves it. */
function runs(text, k) {
  const parts = text.split(/(?<=[，；])/);
  const out = [];
  const per = Math.max(1, Math.ceil(parts.length / (1 + (k % 4))));
  for (let i = 0; i < parts.length; i += per) out.push(parts.slice(i, i + per).join(""));
  return out
    .map((t, i) => {
      const rpr = (k + i) % 7 === 0 ? "<w:rPr><w:b/></w:rPr>" : (k + i) % 5 === 0 ? '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>' : "";
      const rsid = i % 3 === 1 ? ` w:rsidR="00A1${String(k % 1000).padStart(4, "0")}"` : "";
      return `<w:r${rsid}>${rpr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
    })
    .join("");
}

function paragraphXml(p, k) {
  if (p.styleBuiltIn === "Title") return `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${runs(p.text, k)}</w:p>`;
  const list = listLevel(p.text);
  if (list) {
    const style = list.level === 0 ? '<w:pStyle w:val="1"/>' : list.level === 1 ? '<w:pStyle w:val="2"/>' : "";
    return `<w:p><w:pPr>${style}<w:numPr><w:ilvl w:val="${list.level}"/><w:numId w:val="1"/></w:numPr></w:pPr>${runs(list.text, k)}</w:p>`;
  }
  return `<w:p w:rsidR="00B2${String(k % 1000).padStart(4, "0")}"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>${runs(p.text, k)}</w:p>`;
}

function tableXml(k) {
  const cell = (t) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>${esc(t)}</w:t></w:r></w:p></w:tc>`;
  const rows = [["序号", "问题", "整改时限"], [String(k), "学习不够系统", "长期坚持"], [String(k + 1), "调研不够深入", "本年度内"]];
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
}

/** The document.xml of paragraphs ({ text, styleBuiltIn }), with a table after every 40th. */
export function documentXml(paragraphs) {
  const body = [];
  paragraphs.forEach((p, k) => {
    body.push(paragraphXml(p, k));
    if (k % 40 === 39) body.push(tableXml(k));
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

export async function writeDocx(paragraphs) {
  const zip = new JSZip();
  const add = (name, content) => zip.file(name, content, { date: DATE, compression: "DEFLATE" });
  add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`);
  add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  add("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`);
  add("word/document.xml", documentXml(paragraphs));
  add("word/styles.xml", STYLES);
  add("word/numbering.xml", NUMBERING);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
