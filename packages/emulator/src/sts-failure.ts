/** An STS error answer: its code, message and, when not the code's usual one, HTTP status. */
export class StsFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
