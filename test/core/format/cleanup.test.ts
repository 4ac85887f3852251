// 清理: each option by text before/after and count, confined to what it says; the fixes applied by both hosts agree.
import fc from "fast-check";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import type { Paragraph } from "../../../src/core/model";
import { CLEANUP_OPTIONS, cleanupFixes, cleanupPlaces, endsSentence, planCleanup, textsAfterCleanup, withoutPlaces, type CleanupOption } from "../../../src/core/format/cleanup";
import { checkDocument } from "../../../src/core/check/engine";
import { junk } from "../../../src/core/check/rules";
import { MemoryHost } from "../../../src/host/memoryHost";
import { WordHost } from "../../../src/host/wordHost";
import { createWordMock } from "../../support/wordMock";

const ALL = CLEANUP_OPTIONS.map((o) => o.id);

function clean(lines: string[], options: CleanupOption[], extra: Partial<Paragraph>[] = []) {
  const doc = parseDocument(lines.map((text, i) => ({ text, ...extra[i] })));
  const plan = planCleanup(doc);
  const fixes = cleanupFixes(doc, plan, options);
  return { plan, fixes, after: textsAfterCleanup(lines, fixes) };
}

// Pasted from a PDF: lines broken mid-sentence, blank lines, spaces, half-width punctuation, nonstandard markers.
const MESSY = [
  "李某某同志在巡视整改专题民主生活会上的发言提纲", // 0
  "", // 1
  "按照市委巡视整改工作要求,会前我认真学习了规定篇目,广泛征求了", // 2
  "意见建议,深入开展谈心谈话。现将个人对照检查情况报告如下：", // 3
  "一.存在的问题", // 4
  "(一)理论学习不够深入。对党的创新理论学得不够系统,满足于", // 5
  "读原文、记原话,学用结合不够紧密。", // 6
  "", // 7
  "1、学习 质量 不高", // 8
  "平时学习满足于读报纸、看文件，没有做到学思用贯通、知信行统一。", // 9
  "（一）、担当作为不够", // 10
  "面对矛盾问题有时存在畏难情绪，推进工作的力度和节奏", // 11
  "不够快。", // 12
  "二、整改措施", // 13
  "一是加强理论武装,坚持每周学习不少于 5 小时。", // 14
  "二是改进工作作风，深入基层调查研究。", // 15
  "以上是我的个人对照检查，请各位同志批评指正。", // 16
  "", // 17
  "李  某某", // 18
  "2023年6月29日", // 19
];

describe("planCleanup counts what each option touches", () => {
  test("the messy sample", () => {
    const { counts, joins, blanks } = planCleanup(parseDocument(MESSY.map((text) => ({ text }))));
    expect(counts).toEqual({ joinLines: 3, removeBlank: 2, removeSpaces: 2, fullWidth: 6, markers: 4 });
    expect(joins).toEqual([
      [2, 3],
      [5, 6],
      [11, 12],
    ]);
    // The blank line before the signature stays (GB/T 9704: signature one line below the text).
    expect(blanks).toEqual([1, 7]);
  });

  test("all options together", () => {
    const { after } = clean(MESSY, ALL);
    expect(after).toEqual([
      "李某某同志在巡视整改专题民主生活会上的发言提纲",
      "按照市委巡视整改工作要求，会前我认真学习了规定篇目，广泛征求了意见建议，深入开展谈心谈话。现将个人对照检查情况报告如下：",
      "一、存在的问题",
      "（一）理论学习不够深入。对党的创新理论学得不够系统，满足于读原文、记原话，学用结合不够紧密。",
      "1.学习质量不高",
      "平时学习满足于读报纸、看文件，没有做到学思用贯通、知信行统一。",
      "（一）担当作为不够",
      "面对矛盾问题有时存在畏难情绪，推进工作的力度和节奏不够快。",
      "二、整改措施",
      "一是加强理论武装，坚持每周学习不少于 5 小时。",
      "二是改进工作作风，深入基层调查研究。",
      "以上是我的个人对照检查，请各位同志批评指正。",
      "",
      "李  某某",
      "2023年6月29日",
    ]);
    // Nothing left to clean.
    const again = planCleanup(parseDocument(after.map((text) => ({ text }))));
    expect(again.counts).toEqual({ joinLines: 0, removeBlank: 0, removeSpaces: 0, fullWidth: 0, markers: 0 });
  });

  test.each(ALL)("option %s alone changes only what it says", (option) => {
    const { after, plan } = clean(MESSY, [option]);
    const changed = MESSY.length - after.length + after.filter((t, i) => t !== MESSY[i]).length;
    expect(plan.counts[option]).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
    const others = ALL.filter((o) => o !== option);
    // What another option would still do is still there to do.
    const rest = planCleanup(parseDocument(after.map((text) => ({ text })))).counts;
    for (const o of others) if (o !== "joinLines" && o !== "removeBlank") expect(rest[o]).toBe(plan.counts[o]);
    expect(rest[option]).toBe(0);
  });
});

describe("合并断行", () => {
  test("joins a run of broken lines and a Latin word split across lines with a space", () => {
    const { after } = clean(["标题材料", "我们要深入学习贯彻党的创新理论，牢固树立", "正确的政绩观，坚持以人民为中心的发展思想，", "推动各项工作落地见效。", "会议强调要落实 the rectification", "plan 等要求。"], ["joinLines"]);
    expect(after).toEqual(["标题材料", "我们要深入学习贯彻党的创新理论，牢固树立正确的政绩观，坚持以人民为中心的发展思想，推动各项工作落地见效。", "会议强调要落实 the rectification plan 等要求。"]);
  });

  test("never joins titles, headings, salutations, signatures, list items, enumerations or short lines", () => {
    const lines = [
      "在巡视整改工作动员部署会上的讲话", // title
      "同志们：", // salutation
      "今天我们召开会议，主要任务是动员部署整改工作", // no end mark, but the next is a heading
      "一、提高政治站位", // heading
      "要充分认识巡视整改的重要意义，切实增强责任感", // next is an enumeration
      "一是要把整改作为政治任务，二是要把整改作为发展机遇。",
      "要坚持问题导向，压实整改责任，确保件件有着落", // next is a list item
      "整改台账",
      "正文说明", // short line
      "下一段。",
      "市委办公室", // signature
      "2023年6月29日",
    ];
    const { plan } = clean(lines, ["joinLines"], [{}, {}, {}, {}, {}, {}, {}, { listString: "1." }]);
    expect(plan.joins).toEqual([]);
  });

  test("never joins a line onto one that starts a typed item, a part or article heading, or an indented paragraph", () => {
    const cut = "我们深入学习贯彻党的创新理论并取得了如下成效";
    for (const next of ["①理论学习更加深入。", "⑴理论学习更加深入。", "1)理论学习更加深入。", "2）理论学习更加深入。", "3、理论学习更加深入。", "A.理论学习更加深入。", "b）理论学习更加深入。", "Ⅱ.理论学习更加深入。", "第一部分 总体情况", "第三条 理论学习。", "\u3000\u3000新的一段开始了。", "  新的一段开始了。", "\t新的一段开始了。", "●理论学习更加深入。"]) {
      const { plan } = clean(["某局党委关于巡视整改情况的报告", cut, next], ["joinLines"]);
      expect([next, plan.joins]).toEqual([next, []]);
    }
  });

  test("joins a continuation that merely starts with a number", () => {
    const { after } = clean(["报告", "坚持每周集中学习，个人自学时间每周不少于", "5小时，全年累计不少于200小时。", "全年党费收缴金额较上年同期增长", "2.5倍，按时足额上缴。"], ["joinLines"]);
    expect(after).toEqual(["报告", "坚持每周集中学习，个人自学时间每周不少于5小时，全年累计不少于200小时。", "全年党费收缴金额较上年同期增长2.5倍，按时足额上缴。"]);
  });

  test("a line ending in a sentence mark (also inside a closing quote) is not joined", () => {
    expect(endsSentence("这是一句话。")).toBe(true);
    expect(endsSentence("他说：“要抓好落实。”")).toBe(true);
    expect(endsSentence("坚持“两个维护”")).toBe(false);
    expect(endsSentence("加强党委（党组）")).toBe(false);
    expect(endsSentence("满足于读原文、")).toBe(false);
  });
});

describe("删除空段落", () => {
  test("keeps the last paragraph, the paragraph after a table and the line before the signature", () => {
    const lines = ["报告", "", "正文。", "表格内容", "", "", "正文二。", "", "某局党委", "2023年6月29日", ""];
    const { after, plan } = clean(lines, ["removeBlank"], [{}, {}, {}, { inTable: true }]);
    expect(plan.blanks).toEqual([1, 5]);
    expect(after).toEqual(["报告", "正文。", "表格内容", "", "正文二。", "", "某局党委", "2023年6月29日", ""]);
  });

  test("whitespace-only paragraphs are blank too", () => {
    expect(clean(["报告", "  \u3000", "正文。"], ["removeBlank"]).after).toEqual(["报告", "正文。"]);
  });
});

describe("删除汉字间空格", () => {
  test.each([
    ["学习 质量 不高。", "学习质量不高。"],
    ["问题 ，要整改。", "问题，要整改。"],
    ["全角\u3000空格。", "全角空格。"],
    ["每周学习不少于 5 小时。", "每周学习不少于 5 小时。"],
    ["\u3000\u3000段首缩进的空格不动。", "\u3000\u3000段首缩进的空格不动。"],
    ["Word 文档中的英文 word 旁不动。", "Word 文档中的英文 word 旁不动。"],
  ])("%s → %s", (before, expected) => {
    expect(clean(["报告", before], ["removeSpaces"]).after[1]).toBe(expected);
  });

  test("the title and the signature keep their spacing", () => {
    const lines = ["对 照 检 查 材 料", "正文。", "以上发言，请批评指正。", "张  三", "2023年6月29日"];
    expect(clean(lines, ["removeSpaces"]).fixes).toEqual([]);
  });
});

describe("标点改为全角", () => {
  test.each([
    ["我们,你们;他们:大家!真的?", "我们，你们；他们：大家！真的？"],
    ["共计1,000元,用时3:00。", "共计1,000元，用时3:00。"],
    ["详见 https://example.cn/a,b 页面。", "详见 https://example.cn/a,b 页面。"],
    ["坚持(国家)标准,不用(ABC)。", "坚持（国家）标准，不用(ABC)。"],
    ['坚持"两个维护"。', "坚持“两个维护”。"],
    ["任务完成.下一步", "任务完成。下一步"],
    ["增长3.5个百分点", "增长3.5个百分点"],
    ["等等...", "等等..."],
    ["English, please.", "English, please."],
    ["采用Word,Excel等软件,提高效率。", "采用Word,Excel等软件，提高效率。"],
    ["见附件1,其中明确要求。", "见附件1，其中明确要求。"],
    ["版本号为v1.2,已上线。", "版本号为v1.2，已上线。"],
    ["比分3:2,胜出。", "比分3:2，胜出。"],
    // After a Latin letter the mark is left (it may be English text's).
    ["邮箱abc@x.cn,请联系。", "邮箱abc@x.cn,请联系。"],
    ["文件名为报告.docx。", "文件名为报告.docx。"],
  ])("%s → %s", (before, expected) => {
    expect(clean(["报告", before], ["fullWidth"]).after[1]).toBe(expected);
  });

  test("a heading's marker is left to 规范层次序号", () => {
    expect(clean(["报告", "一、总体情况", "(一)学习情况"], ["fullWidth"]).after[2]).toBe("(一)学习情况");
  });
});

describe("删除汉字间空格 and padded names", () => {
  test("two-character names padded to three in a list of people keep their spaces; spaces inside sentences go", () => {
    const lines = ["报告", "参加人员：王  明、李  强、欧阳晓东、张　三", "会议 认为，整改 工作取得了 明显成效。"];
    const { after } = clean(lines, ["removeSpaces"]);
    expect(after[1]).toBe(lines[1]);
    expect(after[2]).toBe("会议认为，整改工作取得了明显成效。");
  });
});

describe("规范层次序号", () => {
  test.each([
    ["1、学习质量不高", "1.学习质量不高"],
    ["(一)理论学习", "（一）理论学习"],
    ["一.存在的问题", "一、存在的问题"],
    ["（一）、担当作为", "（一）担当作为"],
    ["1． 学习质量", "1.学习质量"],
    ["(1)学习时间", "（1）学习时间"],
    ["1. 学习质量不高", "1.学习质量不高"],
    ["（二）　作风方面", "（二）作风方面"],
  ])("%s → %s", (before, expected) => {
    const lines = ["报告", "一、总体情况", "（一）学习", before];
    expect(clean(lines, ["markers"]).after[3]).toBe(expected);
  });

  test("“1、2023年” is not rewritten to “1.2023年” (it would no longer read as a marker)", () => {
    expect(clean(["报告", "1、2023年工作回顾"], ["markers"]).fixes).toEqual([]);
  });

  test("a standard marker with nothing after it to tighten is left alone", () => {
    expect(clean(["报告", "一、总体情况", "（一）学习", "1.学习质量不高"], ["markers"]).fixes).toEqual([]);
    expect(clean(["报告", "1. 2023年工作回顾"], ["markers"]).fixes).toEqual([]);
  });
});

describe("each option alone touches only what it says (property)", () => {
  const piece = fc.constantFrom("学习", "质量", " ", "  ", "\u3000", ",", ".", ":", "(", ")", '"', "1、", "(一)", "一.", "5", "1,000", "3:00", "abc", "Word", "https://a.cn/x,y", "。", "，", "：", "", "");
  const line = fc.array(piece, { maxLength: 10 }).map((a) => a.join(""));
  const lines = fc.array(line, { minLength: 1, maxLength: 12 });
  const squeeze = (t: string) => t.replace(/[\s\u3000\u00a0]/g, "");
  const FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）", '"': "“”" };

  test("删除汉字间空格 removes whitespace only; 标点改为全角 swaps half-width marks for full-width ones only", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const spaces = clean(ls, ["removeSpaces"]).after;
        expect(spaces).toHaveLength(ls.length);
        spaces.forEach((t, i) => expect(squeeze(t)).toBe(squeeze(ls[i])));
        const full = clean(ls, ["fullWidth"]).after;
        expect(full).toHaveLength(ls.length);
        full.forEach((t, i) => {
          expect(t).toHaveLength(ls[i].length);
          for (let k = 0; k < t.length; k++) if (t[k] !== ls[i][k]) expect(FULL[ls[i][k]]).toContain(t[k]);
        });
      }),
      { numRuns: 200 },
    );
  });

  test("删除空段落 deletes blank paragraphs only; 合并断行 and 规范层次序号 keep every character but whitespace and markers", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const { after: blanks, plan } = clean(ls, ["removeBlank"]);
        expect(plan.blanks.every((i) => ls[i].trim().replace(/\u3000/g, "") === "")).toBe(true);
        expect(blanks).toEqual(ls.filter((_, i) => !plan.blanks.includes(i)));
        const joined = clean(ls, ["joinLines"]).after;
        expect(squeeze(joined.join(""))).toBe(squeeze(ls.join("")));
        const markers = clean(ls, ["markers"]);
        expect(markers.after).toHaveLength(ls.length);
        // Only the start of a heading changes (its marker).
        for (const f of markers.fixes) expect(f.offset).toBeLessThanOrEqual(ls[f.paragraph].length - ls[f.paragraph].trimStart().length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the fixes, applied by the hosts", () => {
  test("the in-memory host and the Word adapter produce the same text, in a constant number of syncs", async () => {
    const { fixes, after } = clean(MESSY, ALL);
    const memory = new MemoryHost({ paragraphs: MESSY.map((text) => ({ text })) });
    expect((await memory.applyFixes(fixes)).skipped).toBe(0);
    expect(memory.paragraphs.map((p) => p.text)).toEqual(after);
    const word = createWordMock(MESSY.map((text) => ({ text })));
    expect((await new WordHost({ run: word.run }).applyFixes(fixes)).skipped).toBe(0);
    expect(word.texts()).toEqual(after);
    expect(word.syncs()).toBeLessThanOrEqual(3);
  });

  test("a space fix carries a character of context (Word finds the text by searching for it)", () => {
    const { fixes } = clean(["报告", "学习 质量。"], ["removeSpaces"]);
    expect(fixes).toEqual([{ paragraph: 1, offset: 1, length: 3, text: "习质", expected: "习 质" }]);
  });

  test("property: fixes always match the text they expect and both hosts apply all of them", async () => {
    const piece = fc.constantFrom("学习", " ", "\u3000", ",", ".", "(", ")", '"', "1、", "(一)", "一.", "5", "abc", "。", "，", "");
    const line = fc.array(piece, { maxLength: 10 }).map((a) => a.join(""));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        const { fixes, after } = clean(lines, ALL);
        for (const f of fixes) expect(lines[f.paragraph].slice(f.offset, f.offset + f.length)).toBe(f.expected);
        const host = new MemoryHost({ paragraphs: lines.map((text) => ({ text })) });
        const result = await host.applyFixes(fixes);
        expect(result.skipped).toBe(0);
        expect(host.paragraphs.map((p) => p.text)).toEqual(after.length ? after : [""]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("合并断行 and junk: a site's line never swallows a real sentence", () => {
  // In the shape of a pasted document: a site's line ending in a contact number right above the real opening sentence.
  const PASTED = ["某局领导班子巡察整改专题民主生活会对照检查材料", "本站资料经编辑校对，从其它渠道下载的版本内容残缺，索取全文请加客服QQ987654321", "下面，我代表局领导班子作对照检查，请同志们批评", "指正。"];

  test("a junk line, or one ending in a contact number or a site's address, is never joined; real broken lines still are", () => {
    const { plan, after } = clean(PASTED, ["joinLines"]);
    expect(plan.joins).toEqual([[2, 3]]);
    expect(after[1]).toBe(PASTED[1]);
    expect(after[2]).toBe("下面，我代表局领导班子作对照检查，请同志们批评指正。");
    for (const site of ["更多范文请访问 www.example-site.com", "本材料整理者联系电话：13800001111", "欢迎关注某某资料网"]) {
      const lines = ["某局党委关于巡视整改情况的报告", "全局上下坚持以问题为导向，扎实推进各项整改任务", site, "各项整改任务均按期推进。"];
      expect(clean(lines, ["joinLines"]).plan.joins.flat()).not.toContain(lines.indexOf(site));
    }
  });

  test("the junk rule removes only the junk span when the paragraph also holds real text", () => {
    const merged = `${PASTED[1]}下面，我代表局领导班子作对照检查。`;
    const findings = checkDocument(parseDocument([PASTED[0], merged, "一、会前准备情况"].map((text) => ({ text }))), {}, [junk]);
    const fixes = findings.map((f) => f.fix!).filter(Boolean);
    expect(fixes.length).toBeGreaterThan(0);
    const out = textsAfterCleanup([PASTED[0], merged, "一、会前准备情况"], fixes);
    expect(out[1]).toBe("下面，我代表局领导班子作对照检查。");
    // The junk line alone is still deleted whole.
    const alone = checkDocument(parseDocument([PASTED[0], PASTED[1], "下面，我代表局领导班子作对照检查。"].map((text) => ({ text }))), {}, [junk]);
    expect(alone.find((f) => f.paragraph === 1)).toMatchObject({ offset: 0, length: PASTED[1].length });
  });

  test("清理 lists each place (paragraph, before → after); an unticked place is left as it is", () => {
    const lines = ["标题材料", "会议强调,要坚持问题导向抓好各项整改", "落实。", "", "坚持问题导向,压实责任。"];
    const doc = parseDocument(lines.map((text) => ({ text })));
    const plan = planCleanup(doc);
    const places = cleanupPlaces(doc, plan, ["joinLines", "fullWidth", "removeBlank"]);
    expect(places.map((p) => [p.paragraph, p.option])).toEqual([
      [1, "joinLines"],
      [1, "fullWidth"],
      [3, "removeBlank"],
      [4, "fullWidth"],
    ]);
    expect(places[1]).toMatchObject({ before: "会议强调,要坚持问题导向抓…", after: "会议强调，要坚持问题导向抓…" });
    expect(places[0].before).toContain("⏎");
    const keep = new Set([places[3].id, places[2].id]);
    const out = textsAfterCleanup(lines, cleanupFixes(doc, withoutPlaces(plan, keep), ["joinLines", "fullWidth", "removeBlank"]));
    expect(out).toEqual(["标题材料", "会议强调，要坚持问题导向抓好各项整改落实。", "", "坚持问题导向,压实责任。"]);
  });
});
