import { MONTHS, WEEKDAYS, WallTime, wallTime } from './date-format';

/**
 * Google Sheets number formats (the strings of Range.setNumberFormat), enough to compute getDisplayValues:
 * date/time tokens (d dd ddd dddd, m mm mmm mmmm, yy yyyy, h hh, m mm as minutes next to h or s, s ss, AM/PM),
 * numbers ('0', '0.00', '#,##0.###', '0%', quoted literals, [$₫] currency tags, ';' sections) and '@' (text).
 */

/** What Range.getNumberFormat returns for a cell whose format was never set ("Automatic"). */
export const AUTOMATIC = '0.###############';

/** The format used to show dates in cells with the automatic format, by spreadsheet locale. */
export function automaticDateFormat(locale: string): string {
  return locale === 'en_US' ? 'M/d/yyyy H:mm:ss' : 'dd/MM/yyyy H:mm:ss';
}

export function isAutomatic(format: string | undefined): boolean {
  return format === undefined || format === '' || format === AUTOMATIC || /^general$/i.test(format);
}

function withoutLiterals(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string): boolean {
  const bare = withoutLiterals(format);
  return /[dyhs]/i.test(bare) || (/m/i.test(bare) && !/[0#?]/.test(bare));
}

interface Token {
  kind: 'lit' | 'y' | 'm' | 'min' | 'd' | 'h' | 's' | 'ampm';
  n: number;
  text: string;
}

function dateTokens(format: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)"|\\(.)|(am\/pm|a\/p)|(y+|m+|d+|h+|s+)|([\s\S])/gi;
  for (const m of format.matchAll(re)) {
    if (m[1] !== undefined || m[2] !== undefined) tokens.push({ kind: 'lit', n: 0, text: m[1] ?? m[2] });
    else if (m[3]) tokens.push({ kind: 'ampm', n: 0, text: m[3] });
    else if (m[4]) tokens.push({ kind: m[4][0].toLowerCase() as Token['kind'], n: m[4].length, text: m[4] });
    else tokens.push({ kind: 'lit', n: 0, text: m[5] });
  }
  // 'm' / 'mm' means minutes right after an hour or right before seconds.
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, i) => {
    if (t.kind === 'm' && t.n <= 2 && (fields[i - 1]?.kind === 'h' || fields[i + 1]?.kind === 's')) t.kind = 'min';
  });
  return tokens;
}

export function formatWallTime(w: WallTime, format: string): string {
  const tokens = dateTokens(format);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  const pad = (v: number, n: number): string => String(v).padStart(n, '0');
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'y':
          return t.n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'm':
          return t.n >= 5
            ? MONTHS[w.month - 1][0]
            : t.n === 4
              ? MONTHS[w.month - 1]
              : t.n === 3
                ? MONTHS[w.month - 1].slice(0, 3)
                : pad(w.month, t.n);
        case 'min':
          return pad(w.minute, t.n);
        case 'd':
          return t.n >= 4 ? WEEKDAYS[w.weekday - 1] : t.n === 3 ? WEEKDAYS[w.weekday - 1].slice(0, 3) : pad(w.day, t.n);
        case 'h':
          return pad(twelveHour ? w.hour % 12 || 12 : w.hour, Math.min(t.n, 2));
        case 's':
          return pad(w.second, Math.min(t.n, 2));
        case 'ampm':
          return t.text.length === 3 ? (w.hour < 12 ? 'a' : 'p') : w.hour < 12 ? 'AM' : 'PM';
        default:
          return t.text;
      }
    })
    .join('');
}

function splitSections(format: string): string[] {
  return format.match(/(?:"[^"]*"|\\.|[^;])+/g) ?? [''];
}

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** Formats a number with a numeric Sheets format. */
export function formatNumber(value: number, format: string): string {
  const sections = splitSections(format);
  let section = sections[0];
  let n = value;
  let minus = value < 0;
  if (value < 0 && sections[1] !== undefined) [section, n, minus] = [sections[1], -value, false];
  else if (value === 0 && sections[2] !== undefined) section = sections[2];
  section = section.replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '"$1"').replace(/\[[^\]]*\]/g, '');
  let [prefix, pattern, suffix] = ['', '', ''];
  for (const m of section.matchAll(/"([^"]*)"|\\(.)|([0#?][0#?,.]*|\.[0#?]+)|([\s\S])/g)) {
    if (m[3] !== undefined && !pattern) pattern = m[3];
    else if (pattern) suffix += m[1] ?? m[2] ?? m[3] ?? m[4];
    else prefix += m[1] ?? m[2] ?? m[4];
  }
  if (!pattern) return prefix; // a format without digit placeholders, e.g. "n/a"
  if ((prefix + suffix).includes('%')) n *= 100;
  const [intPattern, decPattern] = pattern.includes('.') ? pattern.split('.') : [pattern, undefined];
  const minDecimals = count(decPattern ?? '', /0/g);
  const minInt = count(intPattern, /0/g);
  let [intPart, decPart = ''] = Math.abs(n)
    .toFixed(count(decPattern ?? '', /[0#?]/g))
    .split('.');
  while (decPart.length > minDecimals && decPart.endsWith('0')) decPart = decPart.slice(0, -1);
  if (minInt === 0 && /^0+$/.test(intPart)) intPart = '';
  intPart = intPart.padStart(minInt, '0');
  if (intPattern.includes(',')) intPart = intPart.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = minus && /[1-9]/.test(intPart + decPart) ? '-' : '';
  return `${sign}${prefix}${intPart}${decPattern !== undefined ? '.' : ''}${decPart}${suffix}`;
}

/** "Automatic" display of a number: integers as is, others with up to 10 significant digits. */
export function automaticNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10))).toUpperCase();
}

/** Sheets date serial number (days since 1899-12-30) ↔ wall-clock fields. */
export function serialToWall(serial: number): WallTime {
  return wallTime(Math.round((serial - 25569) * 86400000), 'UTC');
}

export function wallToSerial(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) / 86400000 + 25569;
}
