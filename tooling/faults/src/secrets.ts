/**
 * Recognisable fake secrets to plant in files, helper output and HTTP bodies. A case plants
 * them where a careless message would quote them, then checks with {@link findSecrets} that
 * no output carries any.
 */
export const PLANTED = {
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEPLANTEDSESSIONTOKEN/////////wEaCXVzLWVhc3QtMSJHMEUCIQD",
  jwt: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlUExBTlRFRA",
  password: "hunter2-PLANTED-password",
  bearer: "Bearer PLANTEDBEARERTOKEN0123456789",
} as const;

/**
 * The planted secrets (or any 12-character piece of one) that occur in `text`.
 *
 * @example
 * ```ts
 * expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
 * ```
 */
export function findSecrets(text: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(PLANTED)) {
    const core = secret.replace(/^Bearer /, "");
    for (let i = 0; i + 12 <= core.length; i += 4) {
      if (text.includes(core.slice(i, i + 12))) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}
