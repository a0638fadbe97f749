export {
  AWS_CONFIG_FILE,
  AWS_SHARED_CREDENTIALS_FILE,
  loadSharedConfig,
  type ConfigFile,
  type CredentialsFile,
  type FileFacts,
  type Profile,
  type ProfileMap,
  type SharedConfig,
  type SharedConfigInit,
} from "./load-shared-config.js";
export type { ProfileInit } from "./options.js";
export { fromSharedCredentialsFile, type SharedCredentialsFileInit } from "./from-shared-credentials-file.js";
export { fromConfigFile, type ConfigFileInit } from "./from-config-file.js";
export { assertProfileExists, getScopedProfile } from "./get-scoped-profile.js";
export { AWS_DEFAULT_REGION, AWS_REGION, resolveRegion } from "./resolve-region.js";
export { profileSettings } from "./profile-settings.js";
export { sectionHeader, type ProfileFileKind, type SectionEdit, type SectionRef } from "./set-profile-value.js";
export { writeProfile, type WriteProfileInit } from "./write-profile.js";
export { writeConfigValue, type WriteConfigValueInit } from "./write-config-value.js";
export {
  CREDENTIAL_SOURCE_NAMES,
  type AssumeRolePlan,
  type CredentialPlan,
  type CredentialSourceName,
  type CredentialSourcePlan,
  type InvalidPlan,
  type LoginPlan,
  type NonePlan,
  type ProcessPlan,
  type SkippedProvider,
  type SsoPlan,
  type StaticPlan,
  type WebIdentityPlan,
} from "./credential-plan.js";
export { planProfile, type PlanProfileOptions } from "./plan-profile.js";
export { MAX_ROLE_CHAIN } from "./plan-role-chain.js";
export { describePlan, planSummary, type PlanSummaryStep } from "./describe-plan.js";
export { ssoConfigFromProfile } from "./sso-config.js";
export { canonicalCredentialSource, credentialSourceFoundNothing } from "./canonical-credential-source.js";
