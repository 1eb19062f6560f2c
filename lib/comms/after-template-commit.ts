import { broadcast } from "../realtime/broadcast";

/**
 * Templates are not on the public page, so no snapshot rebuild: open consoles and war rooms
 * just refetch their status data (the template picker included).
 */
export function afterTemplateCommit(): void {
  broadcast("incidents", "status:changed", { incidentId: null, statusIncidentId: null });
}
