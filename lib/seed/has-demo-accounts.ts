import { db } from "../db";
import { DEMO_USERS } from "./demo-data";

/** Whether the demo logins work on this database (shown on the sign-in page only then). */
export async function hasDemoAccounts(): Promise<boolean> {
  try {
    const admin = await db().user.findUnique({ where: { email: DEMO_USERS[0].email } });
    return Boolean(admin && !admin.disabledAt);
  } catch {
    return false;
  }
}
