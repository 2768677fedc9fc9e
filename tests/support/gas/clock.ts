import type { LocalTime } from './local-time';

/**
 * The runtime's notion of "now". `now` (the loadBundle option) is the base; Utilities.sleep and lock waits advance
 * it without really waiting.
 */
export class Clock {
  #offsetMs = 0;
  readonly #source: () => Date;

  constructor(source: () => Date = () => new Date()) {
    this.#source = source;
  }

  now(): number {
    return this.#source().getTime() + this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += Math.max(0, ms);
  }
}

/**
 * Wraps a context's own `Date` so that `new Date()`, `Date()` and `Date.now()` read the fake clock, and local-time
 * construction (`new Date(2022, 6, 1)`, `new Date('2022-07-01T08:00')`, Date.parse) uses the script time zone.
 * Because the wrapper is a Proxy of the context's Date, `d instanceof Date` holds for every date created in the
 * context, and `d.constructor === Date`.
 */
export function clockedDate(RealmDate: DateConstructor, clock: Clock, local: LocalTime): DateConstructor {
  const now = (): number => clock.now();
  const parse = (text: unknown): number => local.parse(String(text), (s) => RealmDate.parse(s));
  const proxy = new Proxy(RealmDate, {
    construct: (target, args: unknown[], newTarget) => {
      let time: unknown = args[0];
      if (args.length === 0) time = clock.now();
      else if (args.length >= 2) time = local.fromParts(args);
      else if (typeof time === 'string') time = parse(time);
      return Reflect.construct(target, [time], newTarget);
    },
    apply: (target) => new target(clock.now()).toString(),
    get: (target, key) => (key === 'now' ? now : key === 'parse' ? parse : Reflect.get(target, key)),
  });
  RealmDate.prototype.constructor = proxy;
  return proxy;
}
