import { instantFromWall, wallTime } from './date-format';
import { isDate } from './errors';
import {
  automaticDateFormat,
  automaticNumber,
  formatNumber,
  formatWallTime,
  isAutomatic,
  isDateFormat,
  serialToWall,
  wallToSerial,
} from './number-format';
import type { FakeDataValidation } from './validation';

/** What a cell can hold, as getValues returns it. */
export type CellValue = string | number | boolean | Date;

export interface Borders {
  top?: boolean;
  left?: boolean;
  bottom?: boolean;
  right?: boolean;
  vertical?: boolean;
  horizontal?: boolean;
  color?: string;
  style?: string;
}

/** Formatting of a cell; an absent key means the default. Tests can read these with `sheet.$cell(row, col)`. */
export interface CellFormat {
  numberFormat?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  background?: string;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  border?: Borders;
}

export const FORMAT_KEYS: readonly (keyof CellFormat)[] = [
  'numberFormat',
  'fontWeight',
  'fontStyle',
  'fontColor',
  'fontSize',
  'fontFamily',
  'fontLine',
  'background',
  'wrapStrategy',
  'horizontalAlignment',
  'verticalAlignment',
  'border',
];

export interface Cell extends CellFormat {
  value?: CellValue;
  /** '=…' when the cell holds a formula; `value` is then unused. */
  formula?: string;
  note?: string;
  validation?: FakeDataValidation;
}

/** Works out a formula's value; the fake cannot evaluate formulas, so by default every formula reads '#ERROR!'. */
export type FormulaEvaluator = (formula: string, where: { sheet: string; row: number; col: number }) => CellValue;
export const noEvaluation: FormulaEvaluator = () => '#ERROR!';

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
}

/** True for what setValue/setValues accept: primitives, null/undefined and dates. */
export function isWritable(value: unknown): boolean {
  return (
    value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value) || isDate(value)
  );
}

export interface Written {
  value: CellValue;
  formula?: string;
  /** A number format Sheets picks while parsing (e.g. '0%' for "12%"), applied only to automatic cells. */
  impliedFormat?: string;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const PERCENT = /^(-?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * What a value written through setValue/setValues/appendRow becomes, as if typed by a user (USER_ENTERED):
 * - '=…' is a formula; "'…" is the text after the apostrophe;
 * - "12", "1.5", "-3", "1e3", "007" become numbers, "12%" becomes 0.12, "true"/"FALSE" booleans, and ISO dates
 *   "2022-07-01" (optionally with "HH:mm[:ss]") dates in the spreadsheet time zone;
 * - in a cell formatted as plain text ('@') a string is kept exactly as written (formulas included);
 * - numbers, booleans and dates are kept; null/undefined write ''.
 * Not parsed (kept as strings): locale dates like "01/07/2022", "1,234", "+84…", currency.
 */
export function parseWrite(input: unknown, numberFormat: string | undefined, timeZone: string): Written {
  if (input === null || input === undefined) return { value: '' };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  if (typeof input !== 'string') return { value: input as number | boolean };
  if (numberFormat === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const text = input.trim();
  if (NUMBER.test(text)) return { value: Number(text) };
  const percent = PERCENT.exec(text);
  if (percent) return { value: Number(percent[1]) / 100, impliedFormat: percent[1].includes('.') ? '0.00%' : '0%' };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1).map((part) => Number(part ?? 0));
    const ms = instantFromWall(timeZone, y, mo, d, h, mi, s);
    return { value: new Date(ms), impliedFormat: iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  return { value: input };
}

/** The value getValues returns for a cell: '' when empty, a fresh Date for dates. */
export function readValue(cell: Cell | undefined, evaluate: () => CellValue): CellValue {
  if (!cell) return '';
  if (cell.formula !== undefined) return evaluate();
  const value = cell.value ?? '';
  return isDate(value) ? new Date(value.getTime()) : value;
}

/** The string getDisplayValues returns: the value shown with the cell's number format in the spreadsheet zone. */
export function displayValue(
  value: CellValue,
  numberFormat: string | undefined,
  timeZone: string,
  locale: string,
): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = isAutomatic(numberFormat) ? undefined : numberFormat;
  if (isDate(value)) {
    const wall = wallTime(value.getTime(), timeZone);
    if (format === '@') return formatWallTime(wall, automaticDateFormat(locale));
    if (format && !isDateFormat(format)) return formatNumber(wallToSerial(wall), format);
    return formatWallTime(wall, format ?? automaticDateFormat(locale));
  }
  if (!format || format === '@') return automaticNumber(value);
  if (isDateFormat(format)) return formatWallTime(serialToWall(value), format);
  return formatNumber(value, format);
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  lime: '#00ff00',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  navy: '#000080',
  maroon: '#800000',
  pink: '#ffc0cb',
};

/** Sheets stores colors as lower-case '#rrggbb'; CSS names and '#rgb' are converted; null resets (undefined). */
export function normalizeColor(color: unknown): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const text = String(color).trim().toLowerCase();
  if (NAMED_COLORS[text]) return NAMED_COLORS[text];
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((c) => c + c).join('')}`;
  return text; // '#rrggbb', or something Sheets would ignore; kept so tests can see it
}
