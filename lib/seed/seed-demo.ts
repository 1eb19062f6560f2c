import { db } from "../db";
import { createCtx, systemCtx, type Ctx } from "../context";
import { hashPassword } from "../auth/password";
import { writeAudit } from "../audit/write-audit";
import { appendEntry } from "../timeline/append-entry";
import { DEMO_COMPONENTS, DEMO_FLAGS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

/** Seeds the demo world only into an empty database. Returns whether it seeded. */
export async function seedDemoIfEmpty(ctx: Ctx = systemCtx("seed")): Promise<boolean> {
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

    const commander = users.get("commander")!;
    const asUser = (key: string) => {
      const u = users.get(key)!;
      return createCtx({ type: "user", ...u }, { log: ctx.log });
    };
    const declaredAt = new Date(Date.now() - 25 * 60_000);
    const incident = await tx.incident.create({
      data: {
        title: "Payment gateway timeouts",
        summary: "Card payments time out at the gateway; checkout fails for most customers.",
        severity: "SEV1",
        status: "investigating",
        dependencyCategory: "payment",
        dependencyName: "Stripe",
        components: ["Checkout", "Payment processing"],
        detectedAt: new Date(declaredAt.getTime() - 3 * 60_000),
        declaredAt,
        acknowledgedAt: new Date(declaredAt.getTime() + 2 * 60_000),
        updateCadenceMinutes: 10,
        nextUpdateDueAt: new Date(Date.now() + 4 * 60_000),
        declaredById: commander.id,
      },
    });
    const id = incident.id;
    await appendEntry(tx, asUser("commander"), {
      incidentId: id,
      kind: "status_change",
      payload: { from: null, to: "triage" },
    });
    for (const [role, key] of [
      ["commander", "commander"],
      ["scribe", "scribe"],
      ["ops", "ops"],
      ["comms", "comms"],
    ] as const) {
      const holder = users.get(key)!;
      await tx.roleAssignment.create({
        data: { incidentId: id, role, userId: holder.id, assignedById: commander.id },
      });
      await appendEntry(tx, asUser("commander"), {
        incidentId: id,
        kind: "role_change",
        payload: { role, change: "assigned", userId: holder.id, userName: holder.name },
      });
    }
    await appendEntry(tx, asUser("commander"), {
      incidentId: id,
      kind: "status_change",
      payload: { from: "triage", to: "investigating" },
    });
    await appendEntry(tx, asUser("scribe"), {
      incidentId: id,
      kind: "update",
      payload: {
        known:
          "Gateway API calls time out after 30 s; error rate on /checkout is 78%. Stripe status page shows no incident yet.",
        impact: "Most customers cannot complete checkout. Existing orders are unaffected.",
        nextSteps:
          "Ops lead prepares payments.defer_mode; comms lead drafts the payment-delay message.",
        nextUpdateDueAt: incident.nextUpdateDueAt!.toISOString(),
      },
    });
    await appendEntry(tx, asUser("scribe"), {
      incidentId: id,
      kind: "decision",
      payload: {
        question: "Queue payments for later capture while the gateway is down?",
        options: [
          "Wait for the gateway",
          "Enable deferred payments",
          "Fail over to the backup processor",
        ],
        choice: "Enable deferred payments",
        rationale: "Orders keep flowing; capture runs idempotently once the gateway recovers.",
        decidedBy: commander.name,
        isReversible: true,
      },
    });
    await appendEntry(tx, asUser("scribe"), {
      incidentId: id,
      kind: "action",
      payload: {
        what: "Open a priority ticket with Stripe support",
        owner: "Olive Ops",
        dueAt: null,
        isDone: false,
      },
    });
    await writeAudit(tx, ctx, {
      action: "seed.demo",
      entityType: "database",
      after: { users: DEMO_USERS.length },
    });
  });
  ctx.log.info("demo data seeded");
  return true;
}
