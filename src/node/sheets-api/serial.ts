/**
 * Google Sheets dates are serial numbers: days since 30 December 1899, the
 * fraction being the time of day, counted in the spreadsheet's own time zone
 * (a wall clock, not an instant). A calendar date is therefore the same
 * whole number in every time zone; a date-time needs the zone to become an
 * instant.
 */
import { isoToDate, dateToIso } from '../../core/dates';

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for a zone Intl does not know.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const seconds = Math.floor(instantMs / 1000) * 1000;
  const parts = formatter(timeZone).formatToParts(new Date(seconds));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - seconds;
}

/** "2022-06-30" → 44742. */
export function isoDateToSerial(iso: string): number {
  return Math.round((isoToDate(iso).getTime() - EPOCH_MS) / DAY_MS);
}

/** 44742 (or 44742.75: the time is dropped) → "2022-06-30". */
export function serialToIsoDate(serial: number): string {
  const wallMs = Math.round(serial * DAY_MS);
  return dateToIso(new Date(EPOCH_MS + Math.floor(wallMs / DAY_MS) * DAY_MS));
}

/** An instant as the serial of the zone's wall clock at that instant. */
export function instantToSerial(instantMs: number, timeZone: string): number {
  return (instantMs + zoneOffsetMs(timeZone, instantMs) - EPOCH_MS) / DAY_MS;
}

/** A serial wall-clock time in the zone as an instant (ms since 1970 UTC). */
export function serialToInstant(serial: number, timeZone: string): number {
  const wallMs = EPOCH_MS + Math.round(serial * DAY_MS);
  // The offset at the guessed instant, then once more at the corrected one (DST edges).
  const guess = wallMs - zoneOffsetMs(timeZone, wallMs);
  return wallMs - zoneOffsetMs(timeZone, guess);
}
