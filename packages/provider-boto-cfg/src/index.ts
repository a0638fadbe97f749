export {
  fromEc2CredentialsFile,
  AWS_CREDENTIAL_FILE,
  EC2_ACCESS_KEY,
  EC2_SECRET_KEY,
  type Ec2CredentialsFileInit,
} from "./from-ec2-credentials-file.js";
export {
  fromBotoConfig,
  BOTO_CONFIG,
  BOTO_CREDENTIALS_SECTION,
  SYSTEM_BOTO_CONFIG_PATH,
  USER_BOTO_CONFIG_PATH,
  type BotoConfigInit,
} from "./from-boto-config.js";
export { parseKeyValFileContents } from "./parse-key-val-file.js";
