import { db } from "../db";
import { createCtx, type Ctx } from "../context";
import { logger } from "../logger";
import { hashPassword } from "../auth/password";
import { writeAudit } from "../audit/write-audit";
import { seedPastIncidents, seedWarRoom } from "./seed-war-room";
import { seedStatusDemo } from "./seed-status";
import { DEMO_COMPONENTS, DEMO_FLAGS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

// Seeding writes dozens of entries: keep their per-entry log lines out of a newcomer's terminal.
const quietSeedCtx = () =>
  createCtx(
    { type: "system", name: "seed" },
    { log: logger().child({ seed: true }, { level: "warn" }) },
  );

/** Seeds the demo world only into an empty database. Returns whether it seeded. */
export async function seedDemoIfEmpty(ctx: Ctx = quietSeedCtx()): Promise<boolean> {
  const client = db();
  if ((await client.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await client.$transaction(async (tx) => {
    const users = new Map<string, { id: string; name: string; email: string; role: string }>();
    for (const u of DEMO_USERS) {
      const created = await tx.user.create({ data: { ...u, passwordHash } });
      users.set(u.email.split("@")[0]!, created);
    }
    await tx.component.createMany({
      data: DEMO_COMPONENTS.map((c, position) => ({ ...c, position })),
    });
    await tx.component.updateMany({
      where: { name: { in: ["Checkout", "Payment processing"] } },
      data: { status: "partial_outage" },
    });
    await tx.flag.createMany({
      data: DEMO_FLAGS.map((f) => ({
        ...f,
        valueType: "boolean" as const,
        defaultValue: false,
        value: false,
        ownerId: users.get("ops")!.id,
      })),
    });

    const incident = await seedWarRoom(tx, users, ctx.log);
    await seedPastIncidents(tx, users, ctx.log);
    await seedStatusDemo(tx, incident, users.get("comms")!.id);
    await writeAudit(tx, ctx, {
      action: "seed.demo",
      entityType: "database",
      after: { users: DEMO_USERS.length },
    });
  });
  logger().info("demo data seeded");
  return true;
}
