export { listFlags, getFlag, countActiveRelaxations } from "./list-flags";
export { flipFlag } from "./flip-flag";
export { revertFlagChange } from "./revert-flag-change";
export { revertRelaxationsOnResolve } from "./revert-on-resolve";
export { expireRelaxations, FLAG_EXPIRY_JOB, FLAG_EXPIRY_EVERY_MS } from "./expire-relaxations";
export { createFlag } from "./create-flag";
export { updateFlag } from "./update-flag";
export { archiveFlag } from "./archive-flag";
export * from "./schemas";
