// `@credchain/core/aws-json`: one JSON exchange with an AWS endpoint (SSO portal, SSO-OIDC,
// Sign-In, Cognito Identity), for credchain's own packages. Its own entry so a chain loads it only
// when it reaches a provider that calls such an endpoint (a resolution from env never does). Like
// `@credchain/core/internal`, not covered by semver.
export { callAwsJson, describeJsonFailure, legacyBackoff, retryPolicy, type AwsJsonOutcome, type RetryPolicy } from "./call-aws-json.js";
// The shared pause under its earlier name here, for callers of this entry.
export { sleep as defaultSleep } from "./sleep.js";
