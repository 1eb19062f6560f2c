export { createComponent } from "./create-component";
export { updateComponent } from "./update-component";
export { deleteComponent } from "./delete-component";
export { listComponents, type ComponentDto } from "./list-components";
export { scheduleMaintenance } from "./schedule-maintenance";
export { advanceMaintenances } from "./advance-maintenances";
export { refreshStatusSnapshot, currentSnapshot } from "./snapshot";
export * from "./schemas";
