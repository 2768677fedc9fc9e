/**
 * Which runtime (user) is calling into a service right now. A FakeSpreadsheet may be shared by several runtimes,
 * and some of its state is per user (active sheet) or goes back to the caller's screen (toast).
 */
export interface Actor {
  readonly user: string;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

let current: Actor | undefined;

export function runAs<T>(actor: Actor, fn: () => T): T {
  const previous = current;
  current = actor;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

export function currentActor(): Actor | undefined {
  return current;
}
