/**
 * An error the user can act on: its message is Vietnamese, shown as it is
 * (no stack), and the process exits with `exitCode` (2 = wrong usage).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
