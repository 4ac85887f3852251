// The schema of src/data/roles.json (zod/mini). Checked by the tests and the CLI build; the pane's loader repeats only the
// shape checks it needs, so zod stays out of the pane's first load (it cost 17 KB gzip there).
import * as z from "zod/mini";
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";

const RoleId = z.enum(ROLE_IDS as [Role, ...Role[]]);
export const RoleRuleSchema = z.object({ role: RoleId, pattern: z.string().check(z.minLength(1)) });
export const RolesFileSchema = z.object({
  version: z.literal(1),
  comment: z.optional(z.string()),
  types: z.record(z.enum(DOC_TYPE_IDS as [DocTypeId, ...DocTypeId[]]), z.array(RoleRuleSchema)),
  leadIn: z.array(RoleRuleSchema),
  unmarkedHeadings: z.array(RoleRuleSchema),
});
