// The one fill-in convention of outlines and snippets: every blank is 【…】 (a number is 【X】, a date 【时间】, choices
// are separated by “/”), nothing else marks a blank (no XX, ××, 某某, ○○, ____), and 【】 are never empty or nested.
/** Ways of marking a number other than 【X】. */
const NUMBER_BLANK = /^(?:N|n|x|XX|xx|×+|Ｘ|数字|几|若干)$/;

/** What in a text breaks the convention, in Chinese; empty when it keeps it. */
export function placeholderProblems(text: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "【") {
      if (depth > 0) problems.push("【】嵌套");
      depth++;
      open = i;
    } else if (text[i] === "】") {
      if (depth === 0) problems.push("多余的“】”");
      else if (i === open + 1) problems.push("空的【】");
      depth = Math.max(0, depth - 1);
    }
  }
  if (depth > 0) problems.push("“【”未闭合");
  for (const m of text.matchAll(/【([^【】]*)】/g)) if (NUMBER_BLANK.test(m[1])) problems.push(`数字空位应写作【X】，而不是【${m[1]}】`);
  const outside = text.replace(/【[^【】]*】/g, "");
  const found = outside.match(/[XxＸｘ×]+|某某|○○|〇〇|_{2,}|＿{2,}|\*{2,}/g);
  if (found) problems.push(`【】以外的占位符：${[...new Set(found)].join("、")}`);
  return problems;
}
