// `@credchain/provider-ini/shared-config`: what a chain does before its first provider runs, as a
// boto3 Session does when it is made: read both files once, check the selected profile exists
// (ProfileNotFound), take its settings layer; and the credential source names, which a chain's
// `credentialSourceProvider` checks when it is made. The root entry exports all of these too.
// This entry leaves out the planning and the providers: a chain imports it up front and loads the
// rest when its walk reaches the profile (a bundler loads a package file whole).
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
export { assertProfileExists, getScopedProfile } from "./get-scoped-profile.js";
export { profileSettings } from "./profile-settings.js";
export { CREDENTIAL_SOURCE_NAMES, type CredentialSourceName } from "./credential-plan.js";
export { canonicalCredentialSource } from "./canonical-credential-source.js";
