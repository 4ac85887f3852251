import { EXPECTED_ROLES } from "../../../src/core/snippets/quality";
import { builtinSnippets } from "../../../src/core/snippets/library";
import { fitsMeeting, snippetInspection } from "../../../src/core/snippets/meeting";
import { createSearchIndex, search, suggest } from "../../../src/core/snippets/search";
import type { DocTypeId, Role } from "../../../src/core/model";
import type { MeetingKind } from "../../../src/core/outlines/meetings";

const index = createSearchIndex(builtinSnippets());
const cases = Object.entries(EXPECTED_ROLES).flatMap(([type, roles]) => roles.map((role) => [type as DocTypeId, role] as const));
const suggested = (type: DocTypeId, role: Role, meeting?: MeetingKind) => suggest(index, { type, role, meeting, limit: 60 }).hits.map((h) => h.snippet.text);

describe("snippets fit the meeting being prepared", () => {
  test("a snippet naming 巡视 or 巡察 fits only that inspection's meeting", () => {
    expect(snippetInspection({ text: "省委巡视组反馈意见", tags: [] })).toBe("巡视");
    expect(snippetInspection({ text: "反馈意见", tags: ["巡察背景"] })).toBe("巡察");
    expect(snippetInspection({ text: "巡视巡察整改", tags: [] })).toBe("both");
    expect(fitsMeeting({ text: "巡视组反馈", tags: [] }, "annual")).toBe(false);
    expect(fitsMeeting({ text: "巡视组反馈", tags: [] }, "xuncha")).toBe(false);
    expect(fitsMeeting({ text: "巡视（巡察）组反馈", tags: [] }, "xuncha")).toBe(true);
    expect(fitsMeeting({ text: "理论学习不够深入", tags: [] }, "topic")).toBe(true);
  });
  test("without a meeting the opening suggestions include inspection wording (what the filter removes)", () => {
    expect(suggested("personal-review", "preamble").some((t) => /巡视|巡察/.test(t))).toBe(true);
  });
  test.each(cases)("%s / %s: no 巡视 or 巡察 in the suggestions for annual, 学习教育 and other 专题 meetings", (type, role) => {
    for (const meeting of ["annual", "campaign", "topic"] as const) expect(suggested(type, role, meeting).filter((t) => /巡视|巡察/.test(t))).toEqual([]);
    expect(suggested(type, role, "xuncha").filter((t) => /巡视/.test(t) && !/巡察/.test(t))).toEqual([]);
  });
  test("the annual opening suggests the annual snippets; a typed query still finds inspection wording", () => {
    expect(suggested("personal-review", "preamble", "annual").some((t) => /年度民主生活会/.test(t))).toBe(true);
    expect(search(index, "巡视组", { meeting: "annual" }).total).toBeGreaterThan(0);
  });
});
