// Everything provider-ini exports. Its entries `shared-config` (what a chain does before its first
// provider runs) and `plan` (the plan and the file providers) export parts of it, for code that
// loads them at different times.
export * from "./shared-config.js";
export * from "./plan.js";
export type { ProfileInit } from "./options.js";
export { AWS_DEFAULT_REGION, AWS_REGION, resolveRegion } from "./resolve-region.js";
export { sectionHeader, type ProfileFileKind, type SectionEdit, type SectionRef } from "./set-profile-value.js";
export { writeProfile, type WriteProfileInit } from "./write-profile.js";
export { writeConfigValue, type WriteConfigValueInit } from "./write-config-value.js";
