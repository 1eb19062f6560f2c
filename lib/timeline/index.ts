export { appendEntry, toEntryDto } from "./append-entry";
export { listEntriesAfter } from "./list-entries";
export * from "./schemas";
