// The formulation rule: the forms a formulation takes (labelled, unlabelled, quoted, comma-separated, two clauses), each kind
// of error (missing, substituted, order, count, short form, outdated member), generic members gated by the name, the
// outdated-wording table, and every entry run over correct text written by us.
import fs from "node:fs";
import path from "node:path";
import { formulation } from "../../../src/core/check/rules";
import { formulationEntries } from "../../../src/core/check/data";
import { fixed, run } from "./helpers";

/** The findings of the rule as [found text, severity]. */
function hits(text: string): [string, string][] {
  return run(formulation, text).map((f) => [text.slice(f.offset, f.offset + f.length), f.severity]);
}

describe("forms a formulation takes", () => {
  test.each([
    ["labelled", "四个意识：政治意识、核心意识、大局意识、看齐意识。", "政治意识、核心意识、大局意识、看齐意识"],
    ["unlabelled", "自觉增强政治意识、核心意识、大局意识、看齐意识。", "政治意识、核心意识、大局意识、看齐意识"],
    ["quoted without 顿号", "增强“政治意识”“核心意识”“大局意识”“看齐意识”。", "政治意识”“核心意识”“大局意识”“看齐意识"],
    ["comma-separated", "坚定道路自信，制度自信，理论自信，文化自信。", "道路自信，制度自信，理论自信，文化自信"],
    ["two clauses reversed (两个维护)", "坚决维护党中央权威和集中统一领导，坚决维护习近平总书记党中央的核心、全党的核心地位。", "坚决维护党中央权威和集中统一领导，坚决维护习近平总书记党中央的核心、全党的核心地位"],
    ["two clauses reversed (两个确立)", "确立习近平新时代中国特色社会主义思想的指导地位，确立习近平同志党中央的核心、全党的核心地位。", "确立习近平新时代中国特色社会主义思想的指导地位，确立习近平同志党中央的核心、全党的核心地位"],
  ])("%s: wrong order found", (_n, text, found) => {
    expect(hits(text)).toEqual([[found, "error"]]);
  });
  test("the order fix keeps separators and quotes in place", () => {
    expect(fixed(formulation, "增强“政治意识”“核心意识”“大局意识”“看齐意识”。")).toBe("增强“政治意识”“大局意识”“核心意识”“看齐意识”。");
    expect(fixed(formulation, "坚定道路自信，制度自信，理论自信，文化自信。")).toBe("坚定道路自信，理论自信，制度自信，文化自信。");
  });
  test("两个确立 takes 习近平同志, not 总书记; 两个维护 takes either", () => {
    expect(hits("确立习近平总书记党中央的核心、全党的核心地位。")).toEqual([["确立习近平总书记党中央的核心", "error"]]);
    expect(hits("坚决维护习近平同志党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。")).toEqual([]);
  });
});

describe("errors", () => {
  test("members missing after the name: any number", () => {
    expect(hits("四个意识：政治意识、看齐意识。")).toEqual([["政治意识、看齐意识", "error"]]);
    expect(fixed(formulation, "四个自信：道路自信、理论自信。")).toBe("四个自信：道路自信、理论自信、制度自信、文化自信。");
  });
  test("a member missing from a formulation always cited whole, no name near: a gap is an error, a cut-off end a warning", () => {
    expect(hits("增强政治意识、核心意识、看齐意识。")).toEqual([["政治意识、核心意识、看齐意识", "error"]]);
    expect(hits("坚定道路自信、理论自信、制度自信。")).toEqual([["道路自信、理论自信、制度自信", "warning"]]);
    // Without a checked source (三不腐 here) the same finding is a 提示.
    expect(hits("始终做到不敢腐、不想腐。")).toEqual([["不敢腐、不想腐", "info"]]);
  });
  test("three of six discipline members are an everyday phrase, not an incomplete list", () => {
    expect(hits("严守政治纪律、组织纪律、群众纪律。")).toEqual([]);
  });
  test("a substituted member: sharing the members' affix or most of the missing one's characters", () => {
    expect(hits("四个意识：政治意识、大局意识、服务意识、看齐意识。")).toEqual([["服务意识", "error"]]);
    expect(fixed(formulation, "坚决破除形式主义、官僚主义、享乐主义和奢华之风。")).toBe("坚决破除形式主义、官僚主义、享乐主义和奢靡之风。");
    expect(hits("一体推进不敢腐、不能腐、不会腐。")).toEqual([["不会腐", "info"]]);
  });
  test("an unrelated fourth item after three members is left alone", () => {
    expect(hits("坚决反对形式主义、官僚主义、享乐主义、特权思想。")).toEqual([]);
    expect(hits("增强政治意识、大局意识、责任意识、服务意识。")).toEqual([]);
  });
  test("an outdated member: 全面建成小康社会 inside 四个全面", () => {
    expect(fixed(formulation, "协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。")).toBe("协调推进全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党。");
    expect(hits("到2020年全面建成小康社会。")).toEqual([]);
  });
  test("a wrong count in the name, alone or labelling the list", () => {
    expect(fixed(formulation, "牢固树立“三个意识”。")).toBe("牢固树立“四个意识”。");
    expect(hits("牢记“两个务必”：务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争。")).toEqual([["两个务必", "error"]]);
    expect(hits("牢记“两个务必”，继续保持谦虚谨慎的作风。")).toEqual([]);
  });
  test("a wrong short form", () => {
    expect(fixed(formulation, "增强“四种意识”。")).toBe("增强“四个意识”。");
    expect(fixed(formulation, "做到“两个坚决维护”。")).toBe("做到“两个维护”。");
    expect(fixed(formulation, "深刻领悟“两个确立”的重大意义。")).toBe("深刻领悟“两个确立”的决定性意义。");
  });
  test("the verb or phrase that goes with each name: 领悟“两个确立”的决定性意义, 做到“两个维护”, 增强“四个意识”", () => {
    expect(fixed(formulation, "深刻领悟“两个维护”的决定性意义。")).toBe("深刻领悟“两个确立”的决定性意义。");
    expect(fixed(formulation, "坚决做到“两个确立”。")).toBe("坚决做到“两个维护”。");
    expect(fixed(formulation, "坚定“四个意识”，增强“四个自信”。")).toBe("增强“四个意识”，增强“四个自信”。");
    // The standard sentence is left alone.
    expect(hits("深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。")).toEqual([]);
    expect(hits("捍卫“两个确立”，做到“两个维护”。")).toEqual([]);
  });
  test("二十届X中全会 misspellings", () => {
    expect(fixed(formulation, "学习贯彻党的二十大四中全会精神。")).toBe("学习贯彻党的二十届四中全会精神。");
    expect(fixed(formulation, "学习贯彻二十届4中全会精神。")).toBe("学习贯彻二十届四中全会精神。");
    expect(hits("学习贯彻党的二十大和二十届历次全会精神，落实党的二十届四中全会部署。")).toEqual([]);
  });
});

describe("misfires", () => {
  test("习总书记 is not found inside 学习总书记", () => {
    expect(hits("深入学习总书记重要讲话精神。")).toEqual([]);
    expect(fixed(formulation, "认真学习习总书记重要讲话精神。")).toBe("认真学习习近平总书记重要讲话精神。");
  });
  test("members of 六个必须坚持 in another order are everyday phrases unless the name is near", () => {
    expect(hits("坚持问题导向、系统观念、人民至上，抓好整改。")).toEqual([]);
    expect(hits("坚持守正创新、人民至上、问题导向。")).toEqual([]);
    expect(hits("把握“六个必须坚持”，坚持守正创新、人民至上、问题导向。").map((h) => h[0])).toEqual(["守正创新、人民至上、问题导向"]);
  });
  test("新发展理念 members are checked only with the name near", () => {
    expect(hits("推动绿色、协调、创新发展。")).toEqual([]);
    expect(hits("贯彻新发展理念，推动创新、协调、开放、绿色、共享发展。").map((h) => h[0])).toEqual(["创新、协调、开放、绿色、共享"]);
  });
  test("the 2023 主题教育 goal's fifth item is 廉洁奉公树立新风", () => {
    const goal = formulationEntries().find((e) => e.id === "zhuti-jiaoyu-2023-mubiao")!;
    expect(goal.members[4]).toBe("廉洁奉公树立新风");
    expect(hits("凝心铸魂筑牢根本、锤炼品格强化忠诚、实干担当促进发展、践行宗旨为民造福、廉洁奉公树立新风。")).toEqual([]);
  });
});

describe("outdated wording, decided by cases", () => {
  test.each([
    ["深入学习贯彻党的十九大精神，推动工作落实。", ["学习贯彻党的十九大精神"]],
    ["党的十九大以来，我们持续加强作风建设。", []],
    ["五年来，我们认真学习贯彻党的十九大精神，推动各项工作取得新进展。", []],
    ["过去一个时期，我们学习贯彻党的十九大精神，推动了发展。", []],
    ["2018年，我们认真学习贯彻党的十九大精神。", []],
    ["深入学习习近平总书记系列重要讲话精神。", ["习近平总书记系列重要讲话精神"]],
    ["扎实做好新冠肺炎疫情防控工作。", ["新冠肺炎疫情"]],
    ["2020年新冠肺炎疫情期间，干部下沉社区。", []],
    ["对照《党员领导干部廉洁从政若干准则》查摆问题。", ["《党员领导干部廉洁从政若干准则》"]],
  ])("%s", (text, found) => {
    const f = run(formulation, text);
    expect(f.map((x) => text.slice(x.offset, x.offset + x.length))).toEqual(found);
    for (const x of f) expect(x.severity).toBe("info");
  });
});

describe("sources", () => {
  test("each entry names the page its wording was checked against, or is reported as 提示 only", () => {
    for (const e of formulationEntries()) if (e.source) expect(e.source).toMatch(/^https?:\/\//);
    const unsourced = formulationEntries().find((e) => !e.source && e.wrong.length)!;
    const w = unsourced.wrong[0];
    const f = run(formulation, `这里写了${w.text}。`);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === "info")).toBe(true);
  });
});

describe("every entry over correct text written by us", () => {
  const entries = formulationEntries();
  test.each(entries.map((e) => [e.id, e] as const))("%s: its canonical form and its name are not reported", (_id, e) => {
    expect(hits(`我们要深刻把握${e.canonical}的要求。`)).toEqual([]);
    if (e.name) expect(hits(`深刻把握“${e.name}”的丰富内涵。`)).toEqual([]);
    for (const a of e.alsoCorrect ?? []) expect(hits(`坚持${a}。`)).toEqual([]);
  });
  test.each([
    "推进全面深化改革、全面依法治国、全面从严治党。",
    "坚持把自己摆进去、把工作摆进去，深刻剖析问题根源。",
    "召开支部委员会、党小组会，研究整改事项。",
    "坚持人民至上，把群众满意作为检验整改成效的标准。",
    "在守正创新、系统观念上下功夫，推动工作提质增效。",
    "学习总书记关于巡视工作的重要论述。",
    "党的十九大以来的五年，我们推动了一批重点项目。",
    "落实主体责任，支持纪检监察组履行监督责任。",
    "做到对党忠诚、个人干净、敢于担当。",
    "弘扬伟大建党精神，传承红色基因。",
    "全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
    "深入开展深入贯彻中央八项规定精神学习教育。",
    "牢记“三个务必”，坚定历史自信、增强历史主动。",
  ])("an everyday sentence: %s", (text) => {
    expect(hits(text)).toEqual([]);
  });
  test("the shipped snippets and outline skeletons (over a thousand sentences of ours): no formulation finding", () => {
    const texts: string[] = [];
    const walk = (o: unknown): void => {
      if (typeof o === "string") texts.push(...o.split("\n"));
      else if (o && typeof o === "object") for (const v of Object.values(o)) walk(v);
    };
    const data = path.join(__dirname, "../../../src/data");
    for (const dir of ["snippets", "outlines"]) {
      for (const f of fs.readdirSync(path.join(data, dir)).filter((x) => x.endsWith(".json") && !x.startsWith("pinyin"))) walk(JSON.parse(fs.readFileSync(path.join(data, dir, f), "utf8")));
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(run(formulation, texts).map((f) => `${f.message}｜${texts[f.paragraph]}`)).toEqual([]);
  });
  const dirs = ["clean", "realistic", "genre"].map((d) => path.join(__dirname, "../../fixtures", d)).filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => path.join(d, f)));
  test.each(files.map((f) => [path.basename(f), f] as const))("%s: no formulation finding", (_n, file) => {
    const lines = fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
    expect(run(formulation, lines).map((f) => f.message)).toEqual([]);
  });
});
