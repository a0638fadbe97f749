// `@credchain/provider-ini/plan`: a profile as a plan (botocore's precedence, validation and loop
// detection) and the providers a static plan runs (the credential source names are
// `shared-config`'s). The root entry exports all of these too; this entry leaves out the writers
// (and their cross-process lock), so a chain that loads it when its walk reaches the profile loads
// only what a resolution uses.
export type {
  AssumeRolePlan,
  CredentialPlan,
  CredentialSourcePlan,
  InvalidPlan,
  LoginPlan,
  NonePlan,
  ProcessPlan,
  SkippedProvider,
  SsoPlan,
  StaticPlan,
  WebIdentityPlan,
} from "./credential-plan.js";
export { planProfile, type PlanProfileOptions } from "./plan-profile.js";
export { MAX_ROLE_CHAIN } from "./plan-role-chain.js";
export { describePlan, planSummary, type PlanSummaryStep } from "./describe-plan.js";
export { ssoConfigFromProfile } from "./sso-config.js";
export { credentialSourceFoundNothing } from "./canonical-credential-source.js";
export { fromSharedCredentialsFile, type SharedCredentialsFileInit } from "./from-shared-credentials-file.js";
export { fromConfigFile, type ConfigFileInit } from "./from-config-file.js";
