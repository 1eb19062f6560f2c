import type { Tx } from "../db";
import { createCtx, type Ctx } from "../context";
import type { Incident } from "../generated/prisma/client";
import { appendEntry } from "../timeline/append-entry";
import { DecisionPayload } from "../timeline/schemas";
import { minutesAgo, STEPS } from "./war-room-story";

type DemoUser = { id: string; name: string; email: string; role: string };

/** The live SEV1 demo room with a busy, realistic timeline, decisions and actions. */
export async function seedWarRoom(
  tx: Tx,
  users: Map<string, DemoUser>,
  log: Ctx["log"],
): Promise<Incident> {
  const ctxOf = (key: string) => createCtx({ type: "user", ...users.get(key)! }, { log });
  const commander = users.get("commander")!;
  const declaredAt = minutesAgo(25);
  const incident = await tx.incident.create({
    data: {
      title: "Payment gateway timeouts",
      summary: "Card payments time out at the gateway; checkout fails for most customers.",
      severity: "SEV1",
      status: "investigating",
      dependencyCategory: "payment",
      dependencyName: "Stripe",
      components: ["Checkout", "Payment processing"],
      detectedAt: minutesAgo(28),
      declaredAt,
      acknowledgedAt: minutesAgo(23),
      updateCadenceMinutes: 10,
      nextUpdateDueAt: minutesAgo(-4),
      declaredById: commander.id,
    },
  });
  for (const step of STEPS) {
    const at = minutesAgo(step.at);
    let payload = step.payload;
    if (step.kind === "role_change") {
      const holder = users.get(String(payload.key))!;
      payload = {
        role: payload.role,
        change: "assigned",
        userId: holder.id,
        userName: holder.name,
      };
      await tx.roleAssignment.create({
        data: {
          incidentId: incident.id,
          role: payload.role as "commander",
          userId: holder.id,
          assignedById: commander.id,
          assignedAt: at,
        },
      });
    }
    const entry = await appendEntry(tx, ctxOf(step.by), {
      incidentId: incident.id,
      kind: step.kind,
      payload,
      amendsSeq: step.amendsSeq,
      at,
    });
    if (step.kind === "decision") {
      const { question, options, choice, rationale, decidedBy, isReversible } =
        DecisionPayload.parse(payload);
      await tx.decision.create({
        data: {
          incidentId: incident.id,
          seq: entry.seq,
          question,
          options,
          choice,
          rationale,
          decidedBy,
          isReversible,
          createdAt: at,
        },
      });
    }
    if (step.kind === "action") {
      const p = payload as { what: string; owner: string; dueAt: string | null; isDone: boolean };
      const fields = {
        what: p.what,
        owner: p.owner,
        dueAt: p.dueAt ? new Date(p.dueAt) : null,
        doneAt: p.isDone ? at : null,
      };
      if (step.amendsSeq)
        await tx.actionItem.updateMany({
          where: { incidentId: incident.id, seq: step.amendsSeq },
          data: fields,
        });
      else
        await tx.actionItem.create({
          data: { incidentId: incident.id, seq: entry.seq, ...fields, createdAt: at },
        });
    }
  }
  return tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
}

/** Two past incidents so the list and the status history are not empty. */
export async function seedPastIncidents(
  tx: Tx,
  users: Map<string, DemoUser>,
  log: Ctx["log"],
): Promise<void> {
  const commander = users.get("commander")!;
  const ctx = createCtx({ type: "user", ...commander }, { log });
  const past = [
    {
      title: "Login failures through the identity provider",
      severity: "SEV2",
      dependencyCategory: "auth",
      dependencyName: "Okta",
      daysAgo: 6,
      hours: 1.5,
      status: "closed",
    },
    {
      title: "Elevated latency in us-east-1",
      severity: "SEV3",
      dependencyCategory: "cloud",
      dependencyName: "us-east-1",
      daysAgo: 19,
      hours: 3,
      status: "resolved",
    },
  ] as const;
  for (const p of past) {
    const declaredAt = minutesAgo(p.daysAgo * 24 * 60);
    const resolvedAt = new Date(declaredAt.getTime() + p.hours * 3_600_000);
    const incident = await tx.incident.create({
      data: {
        title: p.title,
        severity: p.severity,
        status: p.status,
        dependencyCategory: p.dependencyCategory,
        dependencyName: p.dependencyName,
        declaredAt,
        detectedAt: declaredAt,
        acknowledgedAt: new Date(declaredAt.getTime() + 4 * 60_000),
        mitigatedAt: new Date(resolvedAt.getTime() - 20 * 60_000),
        resolvedAt,
        closedAt: p.status === "closed" ? new Date(resolvedAt.getTime() + 86_400_000) : null,
        updateCadenceMinutes: 15,
        declaredById: commander.id,
      },
    });
    await tx.roleAssignment.create({
      data: {
        incidentId: incident.id,
        role: "commander",
        userId: commander.id,
        assignedAt: declaredAt,
      },
    });
    const path = [
      "triage",
      "investigating",
      "mitigated",
      "resolved",
      ...(p.status === "closed" ? ["closed"] : []),
    ];
    for (const [i, to] of path.entries()) {
      const at =
        i === 0
          ? declaredAt
          : i === path.length - 1 && p.status === "closed"
            ? new Date(resolvedAt.getTime() + 86_400_000)
            : new Date(
                declaredAt.getTime() + (i / 3) * (resolvedAt.getTime() - declaredAt.getTime()),
              );
      await appendEntry(tx, ctx, {
        incidentId: incident.id,
        kind: "status_change",
        payload: { from: path[i - 1] ?? null, to },
        at,
      });
    }
  }
}
