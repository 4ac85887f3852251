// Confusion pairs of 公文 decided by context (typos.json entries with before/after/later conditions, added for issue 12)
// and slips inside fixed phrases (src/data/lexicon/collocations.json): each rule with sentences where it must fire and
// sentences, written by us, where the same characters are right and it must stay silent.
import { checkDocument } from "../../../src/core/check/engine";
import { loadTypoLexicon, typo } from "../../../src/core/check/rules/typo";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import { setLexicon, type Lexicon } from "../../../src/core/lexicon";

const findings = (text: string) => checkDocument(parseDocument([{ text }]), {}, [typo]);
const fixedText = (text: string) => {
  let out = text;
  for (const f of [...findings(text)].reverse()) if (f.fix) out = out.slice(0, f.fix.offset) + f.fix.text + out.slice(f.fix.offset + f.fix.length);
  return out;
};

let lex: Lexicon;
beforeAll(async () => {
  lex = await loadTypoLexicon();
}, 60000);
afterEach(() => setLexicon(lex));

// [wrong sentence, the sentence after one-click 修复]
const wrong: [string, string][] = [
  // 形式/形势
  ["坚决反对形势主义、官僚主义。", "坚决反对形式主义、官僚主义。"],
  ["有的学习流于形势，没有入脑入心。", "有的学习流于形式，没有入脑入心。"],
  ["当前形式依然严峻复杂。", "当前形势依然严峻复杂。"],
  ["面对复杂严峻的形式，班子保持了定力。", "面对复杂严峻的形势，班子保持了定力。"],
  ["准确把握新形式下的目标任务。", "准确把握新形势下的目标任务。"],
  // 反映/反应
  ["对群众反应强烈的问题立行立改。", "对群众反映强烈的问题立行立改。"],
  ["认真梳理基层反应的问题。", "认真梳理基层反映的问题。"],
  ["这些问题充分反应了班子成员的短板。", "这些问题充分反映了班子成员的短板。"],
  ["有困难要如实向组织反应。", "有困难要如实向组织反映。"],
  // 必须/必需
  ["为干部开展工作提供所必须的条件。", "为干部开展工作提供所必需的条件。"],
  // 既要/即要、即使/既使
  ["我们即要抓好整改，又要建立长效机制。", "我们既要抓好整改，又要建立长效机制。"],
  ["既便工作再忙，也要抽时间学习。", "即便工作再忙，也要抽时间学习。"],
  // 期间/其间
  ["主题教育其间，班子成员深入基层调研。", "主题教育期间，班子成员深入基层调研。"],
  // 锤炼
  ["在基层一线锤练党性。", "在基层一线锤炼党性。"],
  // 巡察/巡查
  ["市委第二巡查组反馈了五个方面的问题。", "市委第二巡察组反馈了五个方面的问题。"],
  ["召开巡查整改专题民主生活会。", "召开巡察整改专题民主生活会。"],
  ["推动巡视巡查上下联动。", "推动巡视巡察上下联动。"],
  // 权力/权利
  ["防止权利过于集中。", "防止权力过于集中。"],
  ["党员依法享有的民主权力得到保障。", "党员依法享有的民主权利得到保障。"],
  ["明确各方的权力和义务。", "明确各方的权利和义务。"],
  // 做/作
  ["切实作到真学真懂真信真用。", "切实做到真学真懂真信真用。"],
  ["党中央做出的重大决策部署。", "党中央作出的重大决策部署。"],
  ["省委做出了重要部署。", "省委作出了重要部署。"],
  // 的/地/得
  ["要深刻的认识到问题的严重性。", "要深刻地认识到问题的严重性。"],
  ["扎扎实实的把整改任务落到实处。", "扎扎实实地把整改任务落到实处。"],
  ["有效的加以解决。", "有效地加以解决。"],
  ["党员先锋模范作用发挥的不够充分。", "党员先锋模范作用发挥得不够充分。"],
  ["对新思想理解的不深不透。", "对新思想理解得不深不透。"],
  ["这项工作完成的非常出色。", "这项工作完成得非常出色。"],
  ["存在说的多、做的少的问题。", "存在说得多、做得少的问题。"],
  // 象/像、其他、至今、考察、异形词、账
  ["好象问题都已解决。", "好像问题都已解决。"],
  ["至今为止尚未完成。", "迄今为止尚未完成。"],
  ["按程序考查干部。", "按程序考察干部。"],
  ["向组织如实交待问题。", "向组织如实交代问题。"],
  ["工作中存在推委现象。", "工作中存在推诿现象。"],
  // slips inside fixed phrases (the lexicon's collocation list)
  ["压紧压实管党治党主题责任。", "压紧压实管党治党主体责任。"],
  ["坚持正风素纪，一刻不停。", "坚持正风肃纪，一刻不停。"],
  ["深入推进党风廉政建设和反复倡廉工作。", "深入推进党风廉政建设和反腐倡廉工作。"],
  ["进一步加强政治监都。", "进一步加强政治监督。"],
  ["确保各项决策部属落地见效。", "确保各项决策部署落地见效。"],
  ["坚决防止问题反弹回朝。", "坚决防止问题反弹回潮。"],
];

describe("confusion pairs and fixed phrases: each wrong form is found and fixed", () => {
  test.each(wrong)("%s", (text, right) => {
    expect(findings(text).length).toBeGreaterThan(0);
    expect(fixedText(text)).toBe(right);
  });
});

// The same characters where they are right: no finding at all.
const right = [
  "形式多样的主题党日活动，内容丰富。",
  "探索学习的新形式，用好线上平台。",
  "国际国内形势深刻变化，形式主义必须纠治。",
  "这次活动反响热烈，群众反映强烈的问题正在解决。",
  "应急处置反应迅速，化学反应的问题由专家评估。",
  "对过敏反应的问题要及时处置。",
  "这些物资是群众生活所必需的，必须保障供应。",
  "发现问题即要整改，不能拖延。",
  "一经查实即是违纪。",
  "既便于群众办事，又便于基层操作。",
  "即使工作再忙，也要抽时间学习。",
  "其间，班子成员多次深入基层调研。",
  "会议期间，各位同志畅所欲言。",
  "安全生产巡查组对消防隐患进行了排查。",
  "公民依法享有权利、履行义务，党员权利受到保障。",
  "把权力关进制度的笼子，防止滥用权利。",
  "把工作到位的经验推广开来，写作到深夜。",
  "他做出的成绩有目共睹。",
  "这是正确的把握，也是有效的将领之道。",
  "对问题的认识到位，整改措施有力。",
  "分管的很多工作已经完成。",
  "他说的多是实情。",
  "其他同志也作了发言，就像在家里一样。",
  "迄今为止，整改任务已全部完成。",
  "截至目前，已完成整改任务二十项，截止日期为月底。",
  "组织部门对干部进行了考察，考查成绩合格。",
  "交代问题要如实，推诿扯皮要纠正。",
  "压实主体责任，开展主题教育，坚持正风肃纪、反腐倡廉。",
  "我讲四个意思。",
  "他的言行一直很低调。",
  "集中整治生态环境突出问题。",
  "把精力用于担当作为、干事创业。",
  "把对党忠诚落实到具体行动中。",
  "加强政治监督，严守政治纪律和政治规矩。",
  "领导干部要关心部属，工作部署要具体，会后安排部署到位。",
  "反弹回潮的苗头要及时纠正，使团回朝复命。",
];

describe("the same characters where they are right: silence", () => {
  test.each(right)("%s", (text) => {
    expect(findings(text).map((f) => f.message)).toEqual([]);
  });
});

describe("the sentence condition (later / notLater) of the table", () => {
  test("即要 is 既要 only with 又要/也要 later in the same sentence", () => {
    expect(findings("要即要抓好整改，又要建立机制。").length).toBe(1);
    expect(findings("发现问题即要整改。又要注意方法。")).toEqual([]);
  });
  test("a fixed phrase's slip is an error; a near-pinyin one is a hint", () => {
    const f = findings("压实主题责任。");
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["typo", "error"]]);
  });
});
