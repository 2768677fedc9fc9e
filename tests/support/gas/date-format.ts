/**
 * Time zones and Java SimpleDateFormat patterns, as used by Utilities.formatDate. Zones come from Intl (IANA names)
 * or are fixed offsets like 'GMT+7' / 'GMT+07:00'. Like Java, an unknown zone silently means GMT.
 */

const FIXED_ZONE = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null = null;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone) ?? null;
}

export function isKnownTimeZone(timeZone: string): boolean {
  return FIXED_ZONE.test(timeZone.trim()) || zoneFormatter(timeZone) !== null;
}

/** Date.UTC, but years 0-99 mean years 0-99 (Date.UTC reads them as 1900-1999). Fields may overflow. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year < 0 || year > 99) return t;
  const d = new Date(t);
  d.setUTCFullYear(d.getUTCFullYear() - 1900);
  return d.getTime();
}

/** Minutes east of UTC of `timeZone` at the instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const fixed = FIXED_ZONE.exec(timeZone.trim());
  if (fixed) return fixed[1] ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) : 0;
  const formatter = zoneFormatter(timeZone);
  if (!formatter) return 0;
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) p[part.type] = Number(part.value);
  const wallAsUtc = utc(p.year, p.month, p.day, p.hour, p.minute, p.second);
  return Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The wall-clock reading of an instant in a zone. */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday … 7 = Sunday
  dayOfYear: number;
  offsetMinutes: number;
}

export function wallTime(ms: number, timeZone: string): WallTime {
  const offsetMinutes = zoneOffsetMinutes(ms, timeZone);
  const d = new Date(ms + offsetMinutes * 60000);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay() || 7,
    dayOfYear: Math.floor((d.getTime() - utc(year, 1, 1)) / 86400000) + 1,
    offsetMinutes,
  };
}

/** The instant at which the wall clock of `timeZone` reads the given fields (which may overflow, as in Date.UTC). */
export function instantFromWall(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const guess = utc(year, month, day, hour, minute, second, ms);
  if (Number.isNaN(guess)) return NaN;
  const first = zoneOffsetMinutes(guess, timeZone);
  const corrected = zoneOffsetMinutes(guess - first * 60000, timeZone);
  return guess - corrected * 60000;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return withMinutes ? `${sign}${hh}${colon ? ':' : ''}${mm}` : `${sign}${hh}`;
}

function zoneName(ms: number, timeZone: string, long: boolean): string {
  if (!zoneFormatter(timeZone) || FIXED_ZONE.test(timeZone.trim())) {
    const offset = zoneOffsetMinutes(ms, timeZone);
    return offset === 0 ? 'GMT' : `GMT${offsetText(offset, true)}`;
  }
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: long ? 'long' : 'short' }).formatToParts(
    new Date(ms),
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** Week of year as Java's US calendar counts it (weeks start on Sunday; week 1 holds January 1st). */
function weekOfYear(w: WallTime): number {
  const sundayBased = w.weekday % 7; // 0 = Sunday
  const startOfWeek = utc(w.year, w.month, w.day) - sundayBased * 86400000;
  if (new Date(startOfWeek + 6 * 86400000).getUTCFullYear() > w.year) return 1;
  const jan1 = new Date(utc(w.year, 1, 1)).getUTCDay();
  return Math.floor((w.dayOfYear - 1 + jan1) / 7) + 1;
}

function field(letter: string, n: number, w: WallTime, ms: number, timeZone: string): string {
  const pad = (value: number, width = n): string => String(value).padStart(width, '0');
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
    case 'Y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year);
    case 'M':
    case 'L':
      return n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month);
    case 'd':
      return pad(w.day);
    case 'D':
      return pad(w.dayOfYear);
    case 'w':
      return pad(weekOfYear(w));
    case 'E':
      return n >= 4 ? WEEKDAYS[w.weekday - 1] : WEEKDAYS[w.weekday - 1].slice(0, 3);
    case 'u':
      return pad(w.weekday);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour);
    case 'k':
      return pad(w.hour || 24);
    case 'K':
      return pad(w.hour % 12);
    case 'h':
      return pad(w.hour % 12 || 12);
    case 'm':
      return pad(w.minute);
    case 's':
      return pad(w.second);
    case 'S':
      return pad(w.millisecond);
    case 'z':
      return zoneName(ms, timeZone, n >= 4);
    case 'Z':
      return offsetText(w.offsetMinutes, false);
    case 'X':
      return w.offsetMinutes === 0 ? 'Z' : offsetText(w.offsetMinutes, n >= 3, n >= 2);
    default:
      // Java throws IllegalArgumentException for these; W and F are valid in Java but not implemented here.
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats like Java's SimpleDateFormat(pattern) with the given zone (English names). */
export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(ms, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      for (i++; i < pattern.length; i++) {
        if (pattern[i] !== "'") out += pattern[i];
        else if (pattern[i + 1] === "'") out += pattern[i++];
        else break;
      }
      i++;
    } else if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] === ch) n++;
      out += field(ch, n, w, ms, timeZone);
      i += n;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
