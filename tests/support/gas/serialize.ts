import { isDate } from './errors';
import { isPlainObject } from './boundary';

/**
 * google.script.run's rules (HTML Service: "Communicate with Server Functions"): parameters and return values may
 * be primitives (number, boolean, string, null), arrays and plain objects made of them. A Date, a function, a DOM
 * element other than a form, or any other object is illegal, anywhere inside the value; so are cycles.
 * undefined inside arrays becomes null; undefined object fields are dropped.
 *
 * Choices for what the docs leave open, following observed behaviour:
 * - an illegal parameter makes the call fail in the page before reaching the server:
 *   Error("Failed due to illegal value in property: <key>");
 * - an illegal return value (e.g. an object holding a Date) reaches the success handler as null — the well-known
 *   "my server function returns null" symptom; convert dates to strings or numbers on the server.
 */

/** The key of the first illegal value, or undefined if the value may cross. */
export function illegalKey(value: unknown, key = '0', stack: object[] = []): string | undefined {
  if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  if (typeof value !== 'object' || isDate(value) || stack.includes(value)) return key;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = illegalKey(value[i], String(i), [...stack, value]);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return key;
  for (const [k, v] of Object.entries(value)) {
    const bad = illegalKey(v, k, [...stack, value]);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** The value as the other side receives it (a legal value, copied). */
export function transfer(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : transfer(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = transfer(v);
    return out;
  }
  return value;
}
