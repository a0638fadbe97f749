export const AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
export const AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
export const AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
/** The boto2-era name; botocore reads it first. */
export const AWS_SECURITY_TOKEN = "AWS_SECURITY_TOKEN";
export const AWS_CREDENTIAL_EXPIRATION = "AWS_CREDENTIAL_EXPIRATION";
export const AWS_ACCOUNT_ID = "AWS_ACCOUNT_ID";

/** Every variable the provider reads, in the order `explain` lists them. */
export const ENV_CREDENTIAL_VARS = [
  AWS_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY,
  AWS_SECURITY_TOKEN,
  AWS_SESSION_TOKEN,
  AWS_CREDENTIAL_EXPIRATION,
  AWS_ACCOUNT_ID,
] as const;
