import { GasObject, SERVICE } from './boundary';
import { Clock } from './clock';
import { GasError } from './errors';

export type LockKind = 'script' | 'document' | 'user';

/** Who holds each lock, and until when if the holder is simulated. Shared by runtimes that share a spreadsheet. */
export type LockTable = Map<string, { holder: string; until?: number }>;

export interface LockEnv {
  user: string;
  clock: Clock;
  /** The id of the running execution: locks belong to executions and are released when they end. */
  execution(): string;
}

function lockKey(kind: LockKind, user: string): string {
  return kind === 'user' ? `user:${user}` : kind;
}

/**
 * Takes the lock for `holder`, waiting at most `timeoutMs` on the fake clock. A simulated holder with a deadline
 * (`runtime.lock.holdBy(…, { forMs })`) lets go at that time; one without a deadline never does.
 */
function acquire(table: LockTable, key: string, holder: string, clock: Clock, timeoutMs: number): boolean {
  const now = clock.now();
  const entry = table.get(key);
  const freeAt = !entry || entry.holder === holder ? now : entry.until;
  if (freeAt !== undefined && freeAt - now <= timeoutMs) {
    clock.advance(freeAt - now);
    table.set(key, { holder });
    return true;
  }
  clock.advance(timeoutMs);
  return false;
}

export class FakeLock extends GasObject {
  readonly [SERVICE] = 'Lock';
  #held = false;

  constructor(
    readonly $table: LockTable,
    readonly $key: string,
    readonly $env: LockEnv,
  ) {
    super();
  }

  tryLock(timeoutInMillis: number): boolean {
    this.#held = acquire(this.$table, this.$key, this.$env.execution(), this.$env.clock, Number(timeoutInMillis) || 0);
    return this.#held;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new GasError('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.$table.get(this.$key)?.holder === this.$env.execution()) this.$table.delete(this.$key);
    this.#held = false;
  }
  hasLock(): boolean {
    return this.#held && this.$table.get(this.$key)?.holder === this.$env.execution();
  }
}

/**
 * LockService. Locks are held by executions (each runtime.call is one); a lock the execution still holds is released
 * when it ends, as in Apps Script. Re-acquiring a lock the execution already holds succeeds at once.
 */
export class FakeLockService extends GasObject {
  readonly [SERVICE] = 'LockService';
  constructor(
    readonly $table: LockTable,
    readonly $env: LockEnv,
  ) {
    super();
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.$table, lockKey('script', this.$env.user), this.$env);
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this.$table, lockKey('document', this.$env.user), this.$env);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.$table, lockKey('user', this.$env.user), this.$env);
  }
}

/** `runtime.lock`: simulate another process holding a lock. */
export class LockControl {
  constructor(
    private readonly table: LockTable,
    private readonly env: LockEnv,
  ) {}

  /**
   * Makes `holder` own the lock (script lock by default). With `forMs` it lets go that many ms later on the
   * runtime clock, so a waitLock/tryLock with a long enough timeout gets it after waiting.
   */
  holdBy(holder: string, options: { kind?: LockKind; forMs?: number; user?: string } = {}): void {
    const key = lockKey(options.kind ?? 'script', options.user ?? this.env.user);
    this.table.set(key, {
      holder,
      until: options.forMs === undefined ? undefined : this.env.clock.now() + options.forMs,
    });
  }
  release(kind: LockKind = 'script', user = this.env.user): void {
    this.table.delete(lockKey(kind, user));
  }
  /** Who holds the lock now (a runtime's holder is "<user>#<execution number>"). */
  holder(kind: LockKind = 'script', user = this.env.user): string | undefined {
    const entry = this.table.get(lockKey(kind, user));
    return entry && (entry.until === undefined || entry.until > this.env.clock.now()) ? entry.holder : undefined;
  }
}

export function releaseExecutionLocks(table: LockTable, execution: string): void {
  for (const [key, entry] of table) if (entry.holder === execution) table.delete(key);
}
