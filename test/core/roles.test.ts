import rolesData from "../../src/data/roles.json";
import { RolesFileSchema } from "../../src/core/parse/rolesSchema";
import { checkRolesTable, classifyHeading, classifyLeadIn, joinedRoles, matchUnmarkedHeading } from "../../src/core/parse/roles";

describe("roles.json", () => {
  test("satisfies its schema and every pattern compiles", () => {
    expect(RolesFileSchema.safeParse(rolesData).success).toBe(true);
    for (const rules of [...Object.values(rolesData.types), rolesData.leadIn, rolesData.unmarkedHeadings]) for (const r of rules) expect(() => new RegExp(r.pattern, "u")).not.toThrow();
  });
  test("the load-time check refuses a broken table", () => {
    expect(() => checkRolesTable({ ...rolesData, leadIn: [{ role: "nonsense", pattern: "x" }] })).toThrow(/leadIn\[0\]/);
    expect(() => checkRolesTable({ ...rolesData, types: {} })).toThrow(/types\.personal-review/);
    expect(RolesFileSchema.safeParse({ ...rolesData, version: 2 }).success).toBe(false);
  });
  test.each([
    ["存在问题的原因", "personal-review", "causes"],
    ["存在的问题原因分析", "personal-review", "causes"],
    ["今后努力方向和整改措施", "personal-review", "measures"],
    ["会前准备情况", "team-review", "preparation"],
    ["上年度民主生活会整改措施落实情况", "team-review", "last-rectification"],
    ["统一思想认识", "speech-mobilization", "awareness"],
    ["下一步工作打算", "rectification-report", "next-steps"],
  ])("%s in %s is %s", (title, type, role) => {
    expect(classifyHeading(title, type as never).role).toBe(role);
  });
  test.each([
    // The point comes first, its purpose after the comma.
    ["加强组织领导，确保整改任务落地见效", "leadership"],
    ["压实工作责任，确保按期完成整改任务", "leadership"],
    ["坚持问题导向，不折不扣抓好反馈问题整改", "tasks"],
    ["聚焦突出问题，精准有效推进整改落实", "tasks"],
    ["端正整改态度，切实把思想统一到县委要求上来", "awareness"],
  ])("mobilization point %s is %s", (title, role) => {
    expect(classifyHeading(title, "speech-mobilization").role).toBe(role);
  });
  test("a review heading is classified whole, not by its first clause", () => {
    expect(classifyHeading("针对问题，提出整改措施", "personal-review").role).toBe("measures");
  });
  test("headings that join two parts", () => {
    expect(joinedRoles("会前准备及上年度民主生活会整改措施落实情况", "team-review")).toEqual(["preparation", "last-rectification"]);
    expect(joinedRoles("今后努力方向和整改措施", "personal-review")).toEqual(["measures", "measures"]);
    expect(joinedRoles("存在问题的原因", "personal-review")).toEqual([]);
    expect(joinedRoles("学习贯彻党和国家方针政策", "personal-review")).toEqual([]);
  });
  test("lead-ins: the last sentence speaks first, and only the type's roles are given", () => {
    const text = "刚才，班子通报了上年度整改措施落实情况。受区委委托，我讲两个方面的意见。";
    expect(classifyLeadIn(text)).toBe("requirements");
    expect(classifyLeadIn("会上通报了整改措施落实情况。", "speech-guidance")).toBeNull();
    expect(classifyLeadIn("会上通报了整改措施落实情况。", "personal-review")).toBe("measures");
  });
  test("lead-ins and unmarked headings", () => {
    expect(classifyLeadIn("针对以上问题，我将从以下方面抓好整改：")).toBe("measures");
    expect(classifyLeadIn("下面，我再强调三点意见。")).toBe("requirements");
    expect(matchUnmarkedHeading("需要说明的有关情况")).toBe("personal-matters");
    expect(matchUnmarkedHeading("这是一句很长的正文内容，不是标题，也不应当被识别为任何小节。")).toBeNull();
  });
});
