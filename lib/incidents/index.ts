export { declareIncident } from "./declare-incident";
export { getIncident, listIncidents } from "./list-incidents";
export * from "./schemas";
