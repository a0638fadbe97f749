// Loaded on first use: the shared-file reader stays out of programs that never read a profile.
export { loadSharedConfig, profileSettings, ssoConfigFromProfile } from "@credchain/provider-ini";
