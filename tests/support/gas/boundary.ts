import { CallCounter } from './counter';
import { isDate } from './errors';

export const SERVICE: unique symbol = Symbol('gas.service');

/**
 * Base of every fake Apps Script object. Subclasses name themselves ('Range', 'Sheet', …) for the call counter and
 * for `String(obj)`. Members whose names start with `$` are host-only: tests may use them, the bundle cannot see them.
 */
export abstract class GasObject {
  abstract readonly [SERVICE]: string;

  toString(): string {
    return this[SERVICE];
  }
}

/** The constructors of one vm context, used to build values that belong to it. */
export interface Realm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
}

const isInstance = (value: unknown, ctor: abstract new (...args: never[]) => unknown): boolean => value instanceof ctor;

const hostOnly = (key: string | symbol): boolean => typeof key === 'string' && key.startsWith('$');

/** proxy → fake, shared by every boundary so a proxy from any runtime can be unwrapped. */
const targets = new WeakMap<object, GasObject>();

/**
 * The line between the bundle (a vm context) and the fakes (this realm).
 *
 * The bundle only ever sees proxies of the fakes. Each method call through a proxy is counted, runs with the
 * runtime's actor set, gets its arguments converted to this realm (proxies unwrapped, dates/arrays/plain objects
 * copied) and its result converted to the bundle's realm, so that `getValues()` gives the bundle real context
 * arrays and `instanceof Date` dates. Host errors are rethrown as context errors (`e instanceof Error` holds,
 * `e.name === 'Exception'` for service errors).
 */
export class Boundary {
  readonly #proxies = new WeakMap<GasObject, object>();

  constructor(
    private readonly realm: Realm,
    private readonly counter: CallCounter,
    private readonly enter: <T>(fn: () => T) => T,
  ) {}

  wrap(fake: GasObject): object {
    let proxy = this.#proxies.get(fake);
    if (!proxy) {
      proxy = new Proxy(fake, {
        get: (target, key) => this.#get(target, key),
        set: (target, key, value) => Reflect.set(target, key, value, target),
        has: (target, key) => !hostOnly(key) && Reflect.has(target, key),
        ownKeys: (target) => Reflect.ownKeys(target).filter((key) => !hostOnly(key)),
      });
      this.#proxies.set(fake, proxy);
      targets.set(proxy, fake);
    }
    return proxy;
  }

  #get(target: GasObject, key: string | symbol): unknown {
    if (hostOnly(key)) return undefined;
    const value: unknown = Reflect.get(target, key, target);
    if (typeof value !== 'function' || typeof key === 'symbol' || key in Object.prototype) return value;
    const name = `${target[SERVICE]}.${key}`;
    return (...args: unknown[]) => {
      this.counter.$record(name);
      try {
        const hostArgs = args.map((arg) => this.toHost(arg));
        return this.toContext(this.enter(() => (value as (...a: unknown[]) => unknown).apply(target, hostArgs)));
      } catch (error) {
        throw this.#contextError(error);
      }
    };
  }

  /** Host value → bundle value. Values that already belong to the context pass through unchanged. */
  toContext(value: unknown, seen = new Map<object, unknown>()): unknown {
    if (value === null || typeof value !== 'object') return value;
    const fake = targets.get(value) ?? (value instanceof GasObject ? value : undefined);
    if (fake) return this.wrap(fake);
    if (isDate(value)) return isInstance(value, this.realm.Date) ? value : new this.realm.Date(value.getTime());
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      if (isInstance(value, this.realm.Array)) return value;
      const out = new this.realm.Array();
      seen.set(value, out);
      for (const item of value) out.push(this.toContext(item, seen));
      return out;
    }
    if (isPlainObject(value) && Object.getPrototypeOf(value) !== this.realm.Object.prototype) {
      const out = new this.realm.Object() as Record<string, unknown>;
      seen.set(value, out);
      for (const [k, v] of Object.entries(value)) out[k] = this.toContext(v, seen);
      return out;
    }
    return value;
  }

  /** Bundle value → host value: proxies become their fakes; dates, arrays and plain objects are copied. */
  toHost(value: unknown, seen = new Map<object, unknown>()): unknown {
    if (value === null || typeof value !== 'object') return value;
    const fake = targets.get(value);
    if (fake) return fake;
    if (isDate(value)) return new Date(value.getTime());
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(this.toHost(item, seen));
      return out;
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      seen.set(value, out);
      for (const [k, v] of Object.entries(value)) out[k] = this.toHost(v, seen);
      return out;
    }
    return value;
  }

  #contextError(error: unknown): unknown {
    if (!(error instanceof Error)) return error; // already a context error (e.g. thrown by template code)
    const copy = new this.realm.Error(error.message);
    copy.name = error.name;
    copy.stack = error.stack;
    return copy;
  }
}

/** An object literal of any realm (its prototype is some realm's Object.prototype). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    proto !== null &&
    Object.getPrototypeOf(proto) === null &&
    Object.prototype.toString.call(value) === '[object Object]'
  );
}

const STANDARD_ERRORS: Record<string, ErrorConstructor> = {
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/**
 * An error of another realm (the bundle's, or Node's for compile errors) → an Error of this realm with the same
 * name, message and stack; standard types keep their class (a bundle TypeError is a TypeError for the test).
 */
export function hostError(error: unknown): unknown {
  if (error instanceof Error || error === null || typeof error !== 'object' || !('message' in error)) return error;
  const source = error as Error;
  const copy = new (STANDARD_ERRORS[source.name] ?? Error)(source.message);
  copy.name = source.name;
  copy.stack = source.stack;
  return copy;
}
