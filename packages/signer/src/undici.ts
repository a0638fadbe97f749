// The `@credchain/signer/undici` entry: kept apart so the main entry never loads undici's types or code.
export { signingInterceptor } from "./undici-interceptor.js";
