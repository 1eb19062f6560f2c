export { publishIncident } from "./publish-incident";
export { postStatusUpdate } from "./post-status-update";
export { listStatusIncidents, ListStatusIncidentsQuery } from "./list-status-incidents";
export { listTemplates, ensureDefaultTemplates, type TemplateDto } from "./templates";
export { renderTemplate, unfilledVariables, templateVariables } from "./render-template";
export { listOutbox, retryOutboxMessage, type OutboxItemDto } from "./outbox-admin";
export { deliverOutbox } from "./deliver-outbox";
export { subscribe, confirmSubscription, unsubscribe } from "./subscribe";
export type { StatusIncidentDto, StatusUpdateDto } from "./status-dto";
