import { db, type Tx } from "../db";
import { authorizeInIncident, type Ctx } from "../context";
import { conflict, parseInput, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { IncidentRole, TimelineEntry } from "../generated/prisma/client";
import { appendEntry } from "../timeline/append-entry";
import { loadIncident, loadIncidentDto } from "./load-incident";
import { publishIncidentChange } from "./publish-change";
import { AssignRoleInput, RelieveRoleInput, type IncidentSummaryDto } from "./schemas";

/** Relieves the current holder of a role, if any, with its timeline entry. */
async function relieveHolder(tx: Tx, ctx: Ctx, incidentId: string, role: IncidentRole, now: Date) {
  const current = await tx.roleAssignment.findFirst({
    where: { incidentId, role, relievedAt: null },
    include: { user: { select: { name: true } } },
  });
  if (!current) return { current: null, entry: null };
  const { count } = await tx.roleAssignment.updateMany({
    where: { id: current.id, relievedAt: null },
    data: { relievedAt: now },
  });
  if (count === 0) throw conflict(`The ${role} role changed hands meanwhile; try again`);
  const entry = await appendEntry(tx, ctx, {
    incidentId,
    kind: "role_change",
    payload: { role, change: "relieved", userId: current.userId, userName: current.user.name },
  });
  return { current, entry };
}

type Args = { ctx: Ctx; incidentId: string; input: unknown };

/** Assigns (or hands off) one of the four roles: one holder at a time, with history. */
export async function assignRole({ ctx, incidentId, input }: Args): Promise<IncidentSummaryDto> {
  await authorizeInIncident(ctx, "incident.command", incidentId);
  const { role, userId } = parseInput(AssignRoleInput, input);

  const { dto, entries } = await db().$transaction(async (tx) => {
    await loadIncident(tx, incidentId);
    const user = await tx.user.findFirst({ where: { id: userId, disabledAt: null } });
    if (!user) throw validationError([{ path: "userId", message: "No active user has this id" }]);
    if (user.role === "viewer") {
      throw validationError([
        { path: "userId", message: `${user.name} is a viewer and cannot hold a role` },
      ]);
    }
    const now = new Date();
    const entries: TimelineEntry[] = [];
    const { current, entry } = await relieveHolder(tx, ctx, incidentId, role, now);
    if (current?.userId === userId) throw conflict(`${user.name} already holds this role`);
    if (entry) entries.push(entry);
    await tx.roleAssignment.create({
      data: {
        incidentId,
        role,
        userId,
        assignedAt: now,
        assignedById: ctx.actor.type === "user" ? ctx.actor.id : null,
      },
    });
    entries.push(
      await appendEntry(tx, ctx, {
        incidentId,
        kind: "role_change",
        payload: { role, change: "assigned", userId, userName: user.name },
      }),
    );
    await writeAudit(tx, ctx, {
      action: "incident.role.assign",
      entityType: "incident",
      entityId: incidentId,
      incidentId,
      before: current ? { role, userId: current.userId } : null,
      after: { role, userId },
    });
    return { dto: await loadIncidentDto(tx, incidentId), entries };
  });
  publishIncidentChange(dto, entries);
  return dto;
}

/** Relieves a role's holder without a successor: the room then warns the role is unfilled. */
export async function relieveRole({ ctx, incidentId, input }: Args): Promise<IncidentSummaryDto> {
  await authorizeInIncident(ctx, "incident.command", incidentId);
  const { role } = parseInput(RelieveRoleInput, input);

  const { dto, entry } = await db().$transaction(async (tx) => {
    await loadIncident(tx, incidentId);
    const { current, entry } = await relieveHolder(tx, ctx, incidentId, role, new Date());
    if (!current) throw conflict(`Nobody holds the ${role} role`);
    await writeAudit(tx, ctx, {
      action: "incident.role.relieve",
      entityType: "incident",
      entityId: incidentId,
      incidentId,
      before: { role, userId: current.userId },
      after: null,
    });
    return { dto: await loadIncidentDto(tx, incidentId), entry };
  });
  publishIncidentChange(dto, entry ? [entry] : []);
  return dto;
}
