import { instantFromWall, wallTime } from './date-format';

/**
 * In Apps Script a Date's local time is the script's time zone (appsscript.json "timeZone"): getHours(),
 * getDate(), new Date(2022, 6, 1), toString()… all use it. A vm context would use the Node process's zone, so
 * LocalTime patches the context's own Date.prototype (never the host's) and the default zone of its
 * Intl.DateTimeFormat; the context's Date constructor (clock.ts) uses fromParts/parse.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** JS local fields (month 0-11, weekday 0 = Sunday) of an instant in the zone. */
interface Local {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
}

/** Which fields each setter takes, in argument order. */
const SETTERS: Record<string, (keyof Local)[]> = {
  setFullYear: ['year', 'month', 'day'],
  setMonth: ['month', 'day'],
  setDate: ['day'],
  setHours: ['hour', 'minute', 'second', 'ms'],
  setMinutes: ['minute', 'second', 'ms'],
  setSeconds: ['second', 'ms'],
  setMilliseconds: ['ms'],
};

const GETTERS: Record<string, keyof Local> = {
  getFullYear: 'year',
  getMonth: 'month',
  getDate: 'day',
  getDay: 'weekday',
  getHours: 'hour',
  getMinutes: 'minute',
  getSeconds: 'second',
  getMilliseconds: 'ms',
};

export class LocalTime {
  constructor(
    readonly timeZone: string,
    private readonly HostDate: DateConstructor,
  ) {}

  fields(t: number): Local {
    const w = wallTime(t, this.timeZone);
    return {
      year: w.year,
      month: w.month - 1,
      day: w.day,
      hour: w.hour,
      minute: w.minute,
      second: w.second,
      ms: w.millisecond,
      weekday: w.weekday % 7,
    };
  }

  instant(f: Local): number {
    return instantFromWall(this.timeZone, f.year, f.month + 1, f.day, f.hour, f.minute, f.second, f.ms);
  }

  /** `new Date(year, month, day?, hours?, minutes?, seconds?, ms?)` in the zone. */
  fromParts(args: unknown[]): number {
    const [year, month, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = args.map(Number);
    return this.instant({ year: Math.trunc(year), month, day, hour, minute, second, ms, weekday: 0 });
  }

  /**
   * Date.parse in the zone. Strings with an explicit zone and ISO date-only strings (UTC by spec) parse as usual;
   * others ("2022-07-01T08:00", "July 1, 2022 08:00") are wall times of the zone.
   */
  parse(text: string, parse: (s: string) => number): number {
    const t = parse(text);
    const s = text.trim();
    if (
      Number.isNaN(t) ||
      /^[+-]?\d{4,6}(-\d{2}(-\d{2})?)?$/.test(s) ||
      /(Z|[+-]\d{2}:?\d{2})$|\b(GMT|UTC|UT)\b/i.test(s)
    )
      return t;
    const host = new this.HostDate(t); // the host read the string as a wall time of its own zone
    return this.instant({
      year: host.getFullYear(),
      month: host.getMonth(),
      day: host.getDate(),
      hour: host.getHours(),
      minute: host.getMinutes(),
      second: host.getSeconds(),
      ms: host.getMilliseconds(),
      weekday: 0,
    });
  }

  /** V8's Date.prototype.toString, in the zone: "Fri Jul 01 2022 03:00:00 GMT+0700 (Indochina Time)". */
  format(t: number, part: 'date' | 'time' | 'both'): string {
    if (Number.isNaN(t)) return 'Invalid Date';
    const f = this.fields(t);
    const offset = wallTime(t, this.timeZone).offsetMinutes;
    const year = f.year < 0 ? `-${pad(f.year, 6)}` : pad(f.year, 4);
    const zoneName = new Intl.DateTimeFormat('en-US', { timeZone: this.timeZone, timeZoneName: 'long' })
      .formatToParts(new Date(t))
      .find((p) => p.type === 'timeZoneName')?.value;
    const sign = offset < 0 ? '-' : '+';
    const date = `${DAYS[f.weekday]} ${MONTHS[f.month]} ${pad(f.day)} ${year}`;
    const time = `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} GMT${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)} (${zoneName})`;
    return part === 'date' ? date : part === 'time' ? time : `${date} ${time}`;
  }

  /** Replaces the local-time methods of a context's Date.prototype and the default zone of its Intl. */
  patch(RealmDate: DateConstructor, RealmIntl: typeof Intl): void {
    const proto = RealmDate.prototype as unknown as Record<string, unknown>;
    const getTime = RealmDate.prototype.getTime;
    const setTime = RealmDate.prototype.setTime;
    const zone = this.timeZone;
    const fields = (t: number): Local => this.fields(t);
    const instant = (f: Local): number => this.instant(f);
    const format = (t: number, part: 'date' | 'time' | 'both'): string => this.format(t, part);

    for (const [name, key] of Object.entries(GETTERS)) {
      proto[name] = function (this: Date): number {
        const t = getTime.call(this);
        return Number.isNaN(t) ? NaN : fields(t)[key];
      };
    }
    proto.getTimezoneOffset = function (this: Date): number {
      const t = getTime.call(this);
      return Number.isNaN(t) ? NaN : -wallTime(t, zone).offsetMinutes;
    };
    for (const [name, keys] of Object.entries(SETTERS)) {
      proto[name] = function (this: Date, ...args: unknown[]): number {
        const t = getTime.call(this);
        if (Number.isNaN(t) && name !== 'setFullYear') return NaN;
        const f = fields(Number.isNaN(t) ? 0 : t);
        keys.forEach((key, i) => {
          if (i === 0 || i < args.length) f[key] = Number(args[i]);
        });
        return setTime.call(this, instant(f));
      };
    }
    proto.toString = function (this: Date): string {
      return format(getTime.call(this), 'both');
    };
    proto.toDateString = function (this: Date): string {
      return format(getTime.call(this), 'date');
    };
    proto.toTimeString = function (this: Date): string {
      return format(getTime.call(this), 'time');
    };
    for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
      const original = proto[name] as (this: Date, locales?: unknown, options?: object) => string;
      proto[name] = function (this: Date, locales?: unknown, options?: object): string {
        return original.call(this, locales, { timeZone: zone, ...options });
      };
    }
    const withZone = (args: unknown[]): unknown[] => [args[0], { timeZone: zone, ...(args[1] as object | undefined) }];
    RealmIntl.DateTimeFormat = new Proxy(RealmIntl.DateTimeFormat, {
      construct: (target, args, newTarget) => Reflect.construct(target, withZone(args), newTarget),
      apply: (target, thisArg, args) => Reflect.apply(target, thisArg, withZone(args)),
    });
  }
}
