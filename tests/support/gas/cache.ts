import { GasObject, SERVICE } from './boundary';
import { Clock } from './clock';
import { GasError, badArguments } from './errors';

/** key → value and expiry time (ms on the runtime clock). Shared by runtimes that share a spreadsheet. */
export type CacheStore = Map<string, { value: string; expires: number }>;

const DEFAULT_TTL = 600;
const MAX_TTL = 21600;
const MAX_VALUE = 100 * 1024;
const MAX_KEY = 250;

/**
 * A cache (CacheService.getScriptCache() …). Entries expire on the runtime clock: advance it with the `now` option
 * or Utilities.sleep. TTL defaults to 600 s and is capped at 21600 s; values are strings of at most 100 KB and keys
 * at most 250 characters ("Argument too large"). Numbers and booleans are stored as strings; objects are refused.
 */
export class FakeCache extends GasObject {
  readonly [SERVICE] = 'Cache';
  constructor(
    readonly $store: CacheStore,
    readonly $clock: Clock,
  ) {
    super();
  }

  #live(key: string): string | null {
    const entry = this.$store.get(key);
    if (!entry) return null;
    if (entry.expires <= this.$clock.now()) {
      this.$store.delete(key);
      return null;
    }
    return entry.value;
  }

  get(key: string): string | null {
    return this.#live(String(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.#live(String(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: unknown, expirationInSeconds = DEFAULT_TTL): void {
    if (value === null || value === undefined || typeof value === 'object')
      throw badArguments('CacheService.Cache.put', [key, value]);
    const text = String(value);
    if (String(key).length > MAX_KEY) throw new GasError('Argument too large: key');
    if (Buffer.byteLength(text) > MAX_VALUE) throw new GasError('Argument too large: value');
    const ttl = Math.min(Math.max(1, expirationInSeconds), MAX_TTL);
    this.$store.set(String(key), { value: text, expires: this.$clock.now() + ttl * 1000 });
  }
  putAll(values: Record<string, unknown>, expirationInSeconds = DEFAULT_TTL): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.$store.delete(String(key));
  }
  removeAll(keys: string[]): void {
    keys.forEach((key) => this.$store.delete(String(key)));
  }
}

export interface CacheStores {
  script: CacheStore;
  document: CacheStore;
  user: CacheStore;
}

export class FakeCacheService extends GasObject {
  readonly [SERVICE] = 'CacheService';
  constructor(
    readonly $stores: CacheStores,
    readonly $clock: Clock,
  ) {
    super();
  }
  getScriptCache(): FakeCache {
    return new FakeCache(this.$stores.script, this.$clock);
  }
  getUserCache(): FakeCache {
    return new FakeCache(this.$stores.user, this.$clock);
  }
  getDocumentCache(): FakeCache {
    return new FakeCache(this.$stores.document, this.$clock);
  }
}
