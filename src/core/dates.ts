/**
 * Calendar dates in the core are ISO strings ("2022-06-30"): they cross
 * google.script.run (which cannot carry Date objects), JSON reports and both
 * runtimes unchanged. Stores turn them into date cells with `isoToDate`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * The Date a store writes for an ISO date: midnight UTC. Excel and LibreOffice
 * then hold a whole-day serial, and in Asia/Ho_Chi_Minh (UTC+7) Google Sheets
 * shows the same calendar day.
 */
export function isoToDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}

/** The ISO date of a Date as seen in UTC (the inverse of isoToDate). */
export function dateToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoToDate(to).getTime() - isoToDate(from).getTime()) / 86_400_000);
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return dateToIso(new Date(isoToDate(iso).getTime() + days * 86_400_000));
}

/** The last day of a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  return dateToIso(new Date(Date.UTC(year, month, 0)));
}

/** "2022-06-30" → "30/06/2022", the way Vietnamese documents write dates. */
export function formatViDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today's ISO date in a time zone (Asia/Ho_Chi_Minh for the council). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return isoDateIn(timeZone, now);
}

/** The calendar day of an instant in a time zone. Uses Intl, which both V8 runtimes have. */
export function isoDateIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
