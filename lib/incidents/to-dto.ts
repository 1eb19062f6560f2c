import type { Incident, RoleAssignment, User } from "../generated/prisma/client";
import type { IncidentSummaryDto } from "./schemas";

export type IncidentWithRoles = Incident & {
  roles: (RoleAssignment & { user: Pick<User, "name"> })[];
};

export const ACTIVE_ROLES_INCLUDE = {
  roles: {
    where: { relievedAt: null },
    include: { user: { select: { name: true } } },
    orderBy: { assignedAt: "asc" },
  },
} as const;

export function toIncidentDto(incident: IncidentWithRoles): IncidentSummaryDto {
  return {
    id: incident.id,
    number: incident.number,
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    status: incident.status,
    dependencyCategory: incident.dependencyCategory,
    dependencyName: incident.dependencyName,
    components: incident.components,
    declaredAt: incident.declaredAt.toISOString(),
    lastEntryAt: incident.lastEntryAt?.toISOString() ?? null,
    nextUpdateDueAt: incident.nextUpdateDueAt?.toISOString() ?? null,
    updateCadenceMinutes: incident.updateCadenceMinutes,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    lastSeq: incident.lastSeq,
    roles: incident.roles.map((r) => ({
      role: r.role,
      userId: r.userId,
      userName: r.user.name,
      assignedAt: r.assignedAt.toISOString(),
    })),
  };
}
