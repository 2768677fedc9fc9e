/**
 * A small RFC 4180 CSV reader and writer, enough for the unit registry file
 * (`name,kind,cluster,aliases,…`). Pure: it works on strings, so it runs in
 * Apps Script and in Node alike.
 *
 * Reading follows RFC 4180 and the way spreadsheet programs write CSV:
 * - fields are separated by commas, records by CRLF, LF or a lone CR;
 * - a field may be quoted with `"`; inside it commas, line breaks and doubled
 *   quotes (`""` for one `"`) are literal;
 * - a byte order mark at the start is dropped;
 * - a final line break does not make an extra empty record.
 * Unquoted fields are taken as they are (no trimming): the caller decides.
 */

export class CsvError extends Error {
  /** 1-based line of the input where the problem starts. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvError';
    this.line = line;
  }
}

export interface CsvRecord {
  /** The fields of the record. */
  readonly fields: string[];
  /** 1-based line of the input where the record starts. */
  readonly line: number;
}

/**
 * Parses CSV text into records. Throws a CsvError (with a Vietnamese message)
 * for a quoted field that never ends or a quote followed by stray characters.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = input.length;
  // True when the current record has started (something was read since the last break).
  let started = false;

  const endRecord = () => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    started = false;
  };

  while (i < n) {
    const ch = input[i];
    if (!started) {
      recordLine = line;
      started = true;
    }
    if (ch === '"' && field === '') {
      // A quoted field.
      const quoteLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const c = input[i];
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          // Line breaks inside quotes are kept, normalised to \n.
          if (c === '\r' && input[i + 1] === '\n') i++;
          field += '\n';
          line++;
          i++;
          continue;
        }
        field += c;
        i++;
      }
      if (!closed) {
        throw new CsvError(`Dấu ngoặc kép mở ở dòng ${quoteLine} chưa được đóng.`, quoteLine);
      }
      const next = input[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(`Dòng ${line}: sau dấu ngoặc kép đóng phải là dấu phẩy hoặc xuống dòng.`, line);
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      i++;
      endRecord();
      line++;
      continue;
    }
    field += ch;
    i++;
  }
  if (started) endRecord();
  return records;
}

/** Parses CSV text into rows of fields (see parseCsvRecords). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

/** One field as CSV: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  if (/[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return '"' + value.replace(/"/g, '""') + '"';
  return value;
}

/** Rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
