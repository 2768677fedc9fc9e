import { createHash } from 'node:crypto';
import { GasObject, SERVICE } from './boundary';

export class FakeUser extends GasObject {
  readonly [SERVICE] = 'User';
  constructor(readonly $email: string) {
    super();
  }
  getEmail(): string {
    return this.$email;
  }
}

export interface SessionEnv {
  user: string;
  effectiveUser: string;
  timeZone: string;
  locale: string;
}

/** Session: the runtime's user and the script time zone. */
export class FakeSession extends GasObject {
  readonly [SERVICE] = 'Session';
  constructor(readonly $env: SessionEnv) {
    super();
  }
  getActiveUser(): FakeUser {
    return new FakeUser(this.$env.user);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.$env.effectiveUser);
  }
  getScriptTimeZone(): string {
    return this.$env.timeZone;
  }
  getActiveUserLocale(): string {
    return this.$env.locale;
  }
  /** Stable per user, opaque, like the real key. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`temporary-key:${this.$env.user}`).digest('base64url').slice(0, 43);
  }
}
