import rolesData from "../../src/data/roles.json";
import { RolesFileSchema } from "../../src/core/parse/rolesSchema";
import { checkRolesTable, classifyHeading, classifyLeadIn, matchUnmarkedHeading } from "../../src/core/parse/roles";

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
  test("lead-ins and unmarked headings", () => {
    expect(classifyLeadIn("针对以上问题，我将从以下方面抓好整改：")).toBe("measures");
    expect(classifyLeadIn("下面，我再强调三点意见。")).toBe("requirements");
    expect(matchUnmarkedHeading("需要说明的有关情况")).toBe("personal-matters");
    expect(matchUnmarkedHeading("这是一句很长的正文内容，不是标题，也不应当被识别为任何小节。")).toBeNull();
  });
});
