// The part of aws4 (https://github.com/mhart/aws4) the local server uses to verify signatures.
// Declared here because the example does not depend on @types/aws4.
declare module "aws4" {
  interface Aws4Request {
    method?: string;
    host?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    service?: string;
    region?: string;
    doNotModifyHeaders?: boolean;
    extraHeadersToInclude?: Record<string, boolean>;
  }
  interface Aws4Credentials {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string | undefined;
  }
  class RequestSigner {
    constructor(request: Aws4Request, credentials: Aws4Credentials);
    datetime: string;
    signature(): string;
    canonicalString(): string;
  }
  const aws4: { RequestSigner: typeof RequestSigner };
  export default aws4;
}
