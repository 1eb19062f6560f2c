export { assignRole, relieveRole } from "./assign-role";
export { declareIncident } from "./declare-incident";
export { listActions, listDecisions } from "./list-room-records";
export { getIncident, listIncidents } from "./list-incidents";
export { transitionIncident } from "./transition-incident";
export { updateIncident } from "./update-incident";
export * from "./schemas";
