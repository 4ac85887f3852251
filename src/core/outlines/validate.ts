// Checking the shipped outlines against their schema: run by the tests and when the CLI is built, not at every start.
import type { DocTypeId } from "../model";
import { OUTLINE_FILES } from "./library";
import { OutlineSchema } from "./schema";

/** Problems of the shipped outline files, in Chinese ([] when they are sound). */
export function outlineDataProblems(): string[] {
  const problems: string[] = [];
  for (const [type, raw] of Object.entries(OUTLINE_FILES) as [DocTypeId, unknown][]) {
    const parsed = OutlineSchema.safeParse(raw);
    if (!parsed.success) problems.push(`提纲库 ${type}.json 数据有误：${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("；")}`);
    else if (parsed.data.type !== type) problems.push(`提纲库 ${type}.json 的 type 字段为 ${parsed.data.type}`);
  }
  return problems;
}
