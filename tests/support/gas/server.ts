import type { CacheStore } from './cache';
import type { LockTable } from './lock';
import type { FakeSpreadsheet } from './spreadsheet';
import type { GasRuntime } from './runtime';
import type { TriggerRecord } from './triggers';

/**
 * What Google keeps for one script bound to one spreadsheet: locks, property stores, caches and triggers. Runtimes
 * that share a FakeSpreadsheet (several users of the same add-in) share this state; user stores are per user.
 */
export interface ServerState {
  locks: LockTable;
  scriptProperties: Map<string, string>;
  documentProperties: Map<string, string>;
  userProperties: Map<string, Map<string, string>>;
  scriptCache: CacheStore;
  documentCache: CacheStore;
  userCaches: Map<string, CacheStore>;
  triggers: TriggerRecord[];
  /** The latest runtime loaded for each user: installable triggers run as the user who installed them. */
  runtimes: Map<string, GasRuntime>;
}

const states = new WeakMap<FakeSpreadsheet, ServerState>();

export function serverFor(spreadsheet: FakeSpreadsheet): ServerState {
  let state = states.get(spreadsheet);
  if (!state) {
    state = {
      locks: new Map(),
      scriptProperties: new Map(),
      documentProperties: new Map(),
      userProperties: new Map(),
      scriptCache: new Map(),
      documentCache: new Map(),
      userCaches: new Map(),
      triggers: [],
      runtimes: new Map(),
    };
    states.set(spreadsheet, state);
  }
  return state;
}

export function perUser<V>(map: Map<string, V>, user: string, make: () => V): V {
  if (!map.has(user)) map.set(user, make());
  return map.get(user) as V;
}
