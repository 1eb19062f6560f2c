export { appendEntry, toEntryDto } from "./append-entry";
export { completeAction } from "./complete-action";
export { listEntriesAfter } from "./list-entries";
export { postEntry } from "./post-entry";
export * from "./schemas";
