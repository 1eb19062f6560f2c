// The incident lifecycle. Forward moves, a regression when a mitigation fails, cancelling (declining)
// early, and reopening a resolved incident. Enforced in transitionIncident, shown in the room.

export type IncidentStatus =
  "triage" | "investigating" | "identified" | "mitigated" | "resolved" | "closed" | "cancelled";

export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triage: ["investigating", "cancelled"],
  investigating: ["identified", "mitigated", "cancelled"],
  identified: ["mitigated", "investigating"],
  mitigated: ["resolved", "investigating"],
  resolved: ["closed", "investigating"],
  closed: [],
  cancelled: [],
};

export const TRANSITION_LABELS: Partial<Record<`${IncidentStatus}>${IncidentStatus}`, string>> = {
  "triage>investigating": "Start investigating",
  "triage>cancelled": "Decline (not an incident)",
  "investigating>identified": "Cause identified",
  "investigating>mitigated": "Mitigated",
  "investigating>cancelled": "Cancel incident",
  "identified>mitigated": "Mitigated",
  "identified>investigating": "Back to investigating",
  "mitigated>resolved": "Resolve",
  "mitigated>investigating": "Mitigation failed",
  "resolved>closed": "Close",
  "resolved>investigating": "Reopen",
};

/** The milestone timestamp a status sets when it is reached. */
export const MILESTONE: Partial<
  Record<
    IncidentStatus,
    "acknowledgedAt" | "mitigatedAt" | "resolvedAt" | "closedAt" | "cancelledAt"
  >
> = {
  investigating: "acknowledgedAt",
  mitigated: "mitigatedAt",
  resolved: "resolvedAt",
  closed: "closedAt",
  cancelled: "cancelledAt",
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const isReopen = (from: IncidentStatus, to: IncidentStatus) =>
  from === "resolved" && to === "investigating";
