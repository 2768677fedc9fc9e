/**
 * Cell values the way the Sheets API holds and shows them: what a written value
 * becomes (RAW keeps it as given; USER_ENTERED parses it as if typed into the
 * UI) and how a stored cell is rendered for each valueRenderOption.
 */
import { invalid } from './errors';

/** A cell's user-entered value, as in the API's ExtendedValue (exactly one field set). */
export type ExtendedValue =
  | { stringValue: string }
  | { numberValue: number }
  | { boolValue: boolean }
  | { formulaValue: string }
  | { errorValue: { type: ErrorType; message: string } };

export type ErrorType = 'ERROR' | 'NULL_VALUE' | 'DIVIDE_BY_ZERO' | 'VALUE' | 'REF' | 'NAME' | 'NUM' | 'N_A';

export interface NumberFormat {
  type: 'TEXT' | 'NUMBER' | 'PERCENT' | 'CURRENCY' | 'DATE' | 'TIME' | 'DATE_TIME' | 'SCIENTIFIC';
  pattern?: string;
}

export interface CellFormat {
  numberFormat?: NumberFormat;
  [field: string]: unknown;
}

export interface Cell {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: CellFormat;
}

export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
export type ValueInputOption = 'RAW' | 'USER_ENTERED';

/** The most characters one cell may hold. */
export const MAX_CELL_CHARS = 50_000;

const DAY_MS = 86_400_000;
/** Serial 0: 30 December 1899, as in Lotus 1-2-3 and Sheets. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

const ERROR_TEXT: Record<ErrorType, string> = {
  ERROR: '#ERROR!',
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
};

/** Locales that write 1.234,5 (the others write 1,234.5). */
const COMMA_DECIMAL = /^(vi|de|fr|es|it|pt|ru|id|nl|pl|tr|da|sv|nb|fi|cs|uk)(_|$)/;

/** A value of `values[r][c]` in a write request, as the stored cell value (undefined: the cell is emptied). */
export function inputValue(
  value: unknown,
  option: ValueInputOption,
  locale: string,
  where: string,
): { value?: ExtendedValue; numberFormat?: NumberFormat } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`Invalid ${where}: number must be finite`);
    return { value: { numberValue: value } };
  }
  if (typeof value === 'boolean') return { value: { boolValue: value } };
  if (typeof value !== 'string') throw invalid(`Invalid ${where}: unsupported value type ${typeof value}`);
  if (value.length > MAX_CELL_CHARS) {
    throw invalid(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (value === '') return {};
  if (option === 'RAW') return { value: { stringValue: value } };
  return parseTyped(value, locale);
}

/** What Sheets makes of text typed into a cell (the USER_ENTERED rules this server knows). */
export function parseTyped(text: string, locale: string): { value?: ExtendedValue; numberFormat?: NumberFormat } {
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  if (text.startsWith('=')) return { value: { formulaValue: text } };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: { boolValue: trimmed.toLowerCase() === 'true' } };
  const commaDecimal = COMMA_DECIMAL.test(locale);
  const percent = /%$/.test(trimmed);
  const number = parseLocaleNumber(percent ? trimmed.slice(0, -1).trim() : trimmed, commaDecimal);
  if (number !== undefined) {
    if (!percent) return { value: { numberValue: number.value } };
    const pattern = number.decimals > 0 ? `0.${'0'.repeat(number.decimals)}%` : '0%';
    return { value: { numberValue: number.value / 100 }, numberFormat: { type: 'PERCENT', pattern } };
  }
  const date = parseDate(trimmed, locale);
  if (date) return { value: { numberValue: date.serial }, numberFormat: date.format };
  // A leading + or - starts a formula in Sheets; text after it that is no number is a formula parse error.
  if (/^[+-]/.test(text)) return { value: { formulaValue: `=${text}` } };
  return { value: { stringValue: text } };
}

function parseLocaleNumber(text: string, commaDecimal: boolean): { value: number; decimals: number } | undefined {
  const [group, decimal] = commaDecimal ? ['.', ','] : [',', '.'];
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const intPart = (m[2] ?? '0').split(group).join('');
  const value = Number(`${m[1]}${intPart}.${m[3] ?? '0'}${m[4] ? `e${m[4]}` : ''}`);
  return Number.isFinite(value) ? { value, decimals: m[3]?.length ?? 0 } : undefined;
}

function parseDate(text: string, locale: string): { serial: number; format: NumberFormat } | undefined {
  let y: number, mo: number, d: number;
  let time = '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(text);
  let iso = true;
  if (m) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
    time = m[4] ?? '';
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (.+))?$/.exec(text);
    if (!m) return undefined;
    iso = false;
    const monthFirst = /^en_US$/.test(locale);
    [y, mo, d] = monthFirst ? [+m[3], +m[1], +m[2]] : [+m[3], +m[2], +m[1]];
    time = m[4] ?? '';
  }
  const day = Date.UTC(y, mo - 1, d);
  const check = new Date(day);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  let fraction = 0;
  if (time) {
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
    if (!t || +t[1] > 23 || +t[2] > 59 || +(t[3] ?? 0) > 59) return undefined;
    fraction = (+t[1] * 3600 + +t[2] * 60 + +(t[3] ?? 0)) / 86400;
  }
  const datePattern = iso ? 'yyyy-MM-dd' : /^en_US$/.test(locale) ? 'M/d/yyyy' : 'dd/MM/yyyy';
  return {
    serial: (day - EPOCH_MS) / DAY_MS + fraction,
    format: time ? { type: 'DATE_TIME', pattern: `${datePattern} HH:mm:ss` } : { type: 'DATE', pattern: datePattern },
  };
}

/**
 * The value of a formula, for the few formulas this server evaluates
 * (literals and HYPERLINK). Anything else is a parse error (#ERROR!), as an
 * unknown function would be #NAME? in Sheets.
 */
export function evaluateFormula(formula: string): ExtendedValue {
  const body = formula.slice(1).trim();
  const string = /^"((?:[^"]|"")*)"$/.exec(body);
  if (string) return { stringValue: string[1].replace(/""/g, '"') };
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return { numberValue: Number(body) };
  const link = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(body);
  if (link) return { stringValue: (link[2] ?? link[1]).replace(/""/g, '"') };
  const call = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(body);
  if (call) return { errorValue: { type: 'NAME', message: `Unknown function: '${call[1]}'.` } };
  return { errorValue: { type: 'ERROR', message: `Formula parse error.` } };
}

function isDateFormat(format: NumberFormat | undefined): boolean {
  return !!format && (format.type === 'DATE' || format.type === 'TIME' || format.type === 'DATE_TIME');
}

/** A stored cell as it comes back in a values response (undefined: empty). */
export function renderCell(
  cell: Cell | undefined,
  render: ValueRenderOption,
  dateTimeRender: DateTimeRenderOption,
  locale = 'en_US',
): string | number | boolean | undefined {
  const entered = cell?.userEnteredValue;
  if (!entered) return undefined;
  if ('formulaValue' in entered && render === 'FORMULA') return entered.formulaValue;
  const value = 'formulaValue' in entered ? evaluateFormula(entered.formulaValue) : entered;
  const format = cell?.userEnteredFormat?.numberFormat;
  if ('stringValue' in value) return value.stringValue === '' ? undefined : value.stringValue;
  if ('errorValue' in value) return ERROR_TEXT[value.errorValue.type];
  if ('boolValue' in value)
    return render === 'FORMATTED_VALUE' ? (value.boolValue ? 'TRUE' : 'FALSE') : value.boolValue;
  if ('numberValue' in value) {
    const n = value.numberValue;
    if (render === 'FORMATTED_VALUE') return formatNumber(n, format, locale);
    // dateTimeRenderOption is ignored with FORMATTED_VALUE; with the others it decides how date cells come back.
    if (dateTimeRender === 'FORMATTED_STRING' && isDateFormat(format)) return formatNumber(n, format, locale);
    return n;
  }
  return undefined;
}

/**
 * A number shown with its number format: the date patterns, 0 / 0.00 and
 * percentages; otherwise as Sheets' automatic format roughly shows it. The
 * decimal separator follows the locale (no digit grouping).
 */
export function formatNumber(n: number, format: NumberFormat | undefined, locale = 'en_US'): string {
  if (isDateFormat(format)) {
    return formatSerial(n, format!.pattern ?? (format!.type === 'TIME' ? 'HH:mm:ss' : 'M/d/yyyy'));
  }
  const pattern = format?.pattern ?? '';
  const decimals = /\.(0+)/.exec(pattern)?.[1].length ?? 0;
  let text: string;
  if (format?.type === 'PERCENT') text = `${(n * 100).toFixed(decimals)}%`;
  else if (format?.type === 'NUMBER' && pattern) text = n.toFixed(decimals);
  else text = general(n);
  return COMMA_DECIMAL.test(locale) ? text.replace('.', ',') : text;
}

function general(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** A serial date-time shown with a Sheets date pattern (dd, d, MM, M, yyyy, yy, HH, hh, mm, ss, AM/PM). */
export function formatSerial(serial: number, pattern: string): string {
  const at = new Date(EPOCH_MS + Math.round(serial * DAY_MS));
  const tokens = pattern.match(/yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|AM\/PM|am\/pm|./g) ?? [];
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  const hour = at.getUTCHours();
  return tokens
    .map((token, i) => {
      const previous =
        tokens
          .slice(0, i)
          .filter((t) => /^[yMdHhms]/.test(t))
          .pop() ?? '';
      const next = tokens.slice(i + 1).find((t) => /^[yMdHhms]/.test(t)) ?? '';
      // "m"/"mm" is minutes after an hour or before seconds, else the month.
      const minutes = /^[Hh]/.test(previous) || /^s/.test(next);
      switch (token) {
        case 'yyyy':
          return String(at.getUTCFullYear());
        case 'yy':
          return pad(at.getUTCFullYear() % 100);
        case 'MM':
          return pad(at.getUTCMonth() + 1);
        case 'M':
          return String(at.getUTCMonth() + 1);
        case 'dd':
          return pad(at.getUTCDate());
        case 'd':
          return String(at.getUTCDate());
        case 'HH':
          return pad(hour);
        case 'H':
          return String(hour);
        case 'hh':
          return pad(hour % 12 || 12);
        case 'h':
          return String(hour % 12 || 12);
        case 'mm':
          return minutes ? pad(at.getUTCMinutes()) : pad(at.getUTCMonth() + 1);
        case 'm':
          return minutes ? String(at.getUTCMinutes()) : String(at.getUTCMonth() + 1);
        case 'ss':
          return pad(at.getUTCSeconds());
        case 's':
          return String(at.getUTCSeconds());
        case 'AM/PM':
          return hour < 12 ? 'AM' : 'PM';
        case 'am/pm':
          return hour < 12 ? 'am' : 'pm';
        default:
          return token;
      }
    })
    .join('');
}
