import { db } from "../db";
import { authorize, type Ctx } from "../context";

export type UserSummaryDto = { id: string; name: string; email: string; role: string };

/** Active users, for role pickers. */
export async function listUsers(ctx: Ctx): Promise<UserSummaryDto[]> {
  authorize(ctx, "incident.read");
  const rows = await db().user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" } });
  return rows.map(({ id, name, email, role }) => ({ id, name, email, role }));
}
