import { db } from "../lib/db";

/** Row counts of everything a write may touch, to assert a refused write changed nothing. */
export async function incidentFootprint(incidentId: string) {
  const client = db();
  const [incident, entries, roles, decisions, actions, audit] = await Promise.all([
    client.incident.findUnique({ where: { id: incidentId } }),
    client.timelineEntry.count({ where: { incidentId } }),
    client.roleAssignment.findMany({ where: { incidentId }, orderBy: { assignedAt: "asc" } }),
    client.decision.count({ where: { incidentId } }),
    client.actionItem.count({ where: { incidentId } }),
    client.auditLog.count({ where: { incidentId } }),
  ]);
  return { incident, entries, roles, decisions, actions, audit };
}
