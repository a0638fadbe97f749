export { fromEnv, type EnvInit } from "./from-env.js";
export {
  AWS_ACCESS_KEY_ID,
  AWS_ACCOUNT_ID,
  AWS_CREDENTIAL_EXPIRATION,
  AWS_SECRET_ACCESS_KEY,
  AWS_SECURITY_TOKEN,
  AWS_SESSION_TOKEN,
  ENV_CREDENTIAL_VARS,
} from "./env-names.js";
