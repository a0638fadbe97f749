// Loaded when a chain's walk first reaches the profile's providers (or explain, or a profile
// chain, asks for the plan): provider-ini's planning and what turns a plan into providers. A
// resolution that env answers never loads either.
export { planProfile } from "@credchain/provider-ini/plan";
export { profileLinks } from "./plan-providers.js";
