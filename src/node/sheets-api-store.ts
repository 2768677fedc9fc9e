/**
 * The master in a Google Sheet, through the Google Sheets API v4 (the
 * `googleapis` client): the same contract sheets and headers as the local
 * .xlsx master and the add-in, read whole and written whole.
 *
 * Requests (Google allows 60 read and 60 write requests per minute per user),
 * the same number whatever the row count — rows only make them bigger:
 *   read():  2 — spreadsheets.get (time zone, sheet titles)
 *               + one values.batchGet of every contract sheet.
 *   write(): 4 — spreadsheets.get (time zone, sheets, grid sizes)
 *               + one spreadsheets.batchUpdate (add missing sheets with a frozen bold header,
 *                 grow grids that are too small, number formats: dates dd/MM/yyyy)
 *               + one values.batchUpdate, valueInputOption RAW, of every sheet's header and rows
 *               + one values.batchClear of the old cells outside the new data
 *                 (left out when there are none, as on a new spreadsheet: then 3).
 * Every HTTP attempt counts in `requestCount`, retries included.
 *
 * What the Sheets API guarantees, and what it does not:
 * - One spreadsheets.batchUpdate is validated as a whole and applied all or
 *   nothing ("if any request is not valid, no requests will be applied").
 * - values.batchUpdate and values.batchClear each apply as one edit in
 *   practice, but the documentation promises no more than per-request success.
 * - Nothing spans requests: no transaction, no lock, no precondition (revision
 *   or ETag) on values. A failure between two requests leaves the earlier ones
 *   applied, and a person or the add-in editing the sheet meanwhile is not
 *   detected (the last writer wins). tdkt expects one writer at a time.
 * So the requests are ordered so that stopping after any of them loses no
 * data: the batchUpdate only adds empty sheets, grows grids and sets formats;
 * the values write then replaces the old header and rows cell by cell in the
 * same rectangle (empty cells are sent as "", which empties them; null would
 * leave the old value); only after that are the old cells outside the new
 * rectangle cleared. Stopping between the last two leaves the new rows plus
 * old rows below them — extra rows, never lost ones — and the error says to
 * write again. Clearing first would instead lose the old rows if the write
 * then failed. (Sending the values as updateCells inside the one batchUpdate
 * would make the whole write atomic, for a payload about three times larger.)
 *
 * RAW input keeps every string a string: text beginning with "=", "+", "-" or
 * "@" is imported data and must never become a formula (USER_ENTERED would
 * turn "=HYPERLINK(…)" into a formula and "+84 912" into a formula error).
 * Dates go as serial numbers with a date format, so they are real dates.
 *
 * A written sheet holds exactly the master: the contract's columns in
 * contract order (a sheet whose columns were moved by hand reads right, and
 * is put back in order on the next write), and nothing else — cells outside
 * the new data, including columns a person added on the right, are cleared.
 */
import { google, type Auth, type sheets_v4 } from 'googleapis';
import {
  MASTER_MARKER_SHEET,
  SHEETS,
  SHEET_ORDER,
  columnIndex,
  headersOf,
  toCell,
  valuesToRows,
  type CellValue,
  type ColumnSpec,
  type Row,
  type SheetKey,
} from '../core/contract';
import { isIsoDate } from '../core/dates';
import { UserError } from './errors';
import type { MasterStore } from './master-store';
import { emptyMaster, type MasterData } from './xlsx-store';
import { a1Range, quoteSheetTitle } from './sheets-api/a1';
import { SheetsRequester, type Operation, type RetryOptions } from './sheets-api/requests';
import { instantToSerial, isKnownTimeZone, isoDateToSerial, serialToInstant } from './sheets-api/serial';

export type { RetryOptions } from './sheets-api/requests';

/** Read and write access to Google Sheets, nothing else. */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** The most characters a Google Sheets cell holds. */
export const MAX_CELL_CHARS = 50_000;

export interface SheetsApiMasterStoreOptions {
  /** The id in the sheet's address: https://docs.google.com/spreadsheets/d/<id>/edit */
  spreadsheetId: string;
  /** Credentials; by default `authFromEnvironment()`. */
  auth?: sheets_v4.Options['auth'];
  /** Another API root, e.g. a local test server ("http://127.0.0.1:PORT/"). */
  rootUrl?: string;
  /**
   * The fetch the client sends requests with. By default gaxios loads node-fetch,
   * which honours HTTPS_PROXY; tests under Jest pass Node's own fetch, because Jest
   * cannot run the dynamic import() by which gaxios loads node-fetch.
   */
  fetchImplementation?: typeof fetch;
  /** A ready client (auth, rootUrl and fetchImplementation are then ignored). */
  sheetsClient?: sheets_v4.Sheets;
  retry?: RetryOptions;
}

/**
 * Google credentials from the environment, for the Sheets API store.
 *
 * Set-up, once: in the Google Cloud console, enable the Google Sheets API,
 * create a service account and download a JSON key for it; then
 *   export GOOGLE_APPLICATION_CREDENTIALS=/path/to/key.json
 * and share the spreadsheet with the service account's address
 * (…@….iam.gserviceaccount.com) as Editor. Without the variable, GoogleAuth
 * falls back to Application Default Credentials (`gcloud auth
 * application-default login`, or the metadata server on Google Cloud).
 * Nothing is read until the first request.
 */
export function authFromEnvironment(env: NodeJS.ProcessEnv = process.env): Auth.GoogleAuth {
  return new google.auth.GoogleAuth({
    scopes: [SHEETS_SCOPE],
    keyFile: env.GOOGLE_APPLICATION_CREDENTIALS || undefined,
  });
}

/** Per-call options: the store retries itself (gaxios would retry GETs on its own, uncounted). */
const CALL_OPTIONS = { retry: false };

const META_FIELDS =
  'properties(title,timeZone),sheets.properties(sheetId,title,index,gridProperties(rowCount,columnCount))';

/** The size of a sheet the store adds (that of a sheet added in the Sheets UI), or more when the data needs it. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

interface SheetInfo {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
}

interface SpreadsheetInfo {
  title: string;
  timeZone: string;
  sheets: SheetInfo[];
}

/** How each column type is shown; the same formats as the .xlsx master. */
const NUMBER_FORMAT: Partial<Record<ColumnSpec['type'], sheets_v4.Schema$NumberFormat>> = {
  text: { type: 'TEXT' },
  longtext: { type: 'TEXT' },
  url: { type: 'TEXT' },
  email: { type: 'TEXT' },
  integer: { type: 'NUMBER', pattern: '0' },
  percent: { type: 'PERCENT', pattern: '0%' },
  date: { type: 'DATE', pattern: 'dd/MM/yyyy' },
  datetime: { type: 'DATE_TIME', pattern: 'dd/MM/yyyy HH:mm' },
};

/** Sheet titles compared as Sheets does (case-insensitively), and NFC so a title typed on a Mac still matches. */
function titleKey(title: string): string {
  return title.normalize('NFC').trim().toLowerCase();
}

function findSheet(sheets: SheetInfo[], title: string): SheetInfo | undefined {
  return sheets.find((s) => titleKey(s.title) === titleKey(title));
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** A datetime row value as a serial in the spreadsheet's zone, or undefined when it is not an ISO date-time. */
function dateTimeSerial(text: string, timeZone: string): number | undefined {
  const m = ISO_DATETIME.exec(text);
  if (!m) return undefined;
  if (m[8]) {
    const instant = Date.parse(text);
    return Number.isFinite(instant) ? instantToSerial(instant, timeZone) : undefined;
  }
  // No offset: already a wall-clock time of the spreadsheet's zone.
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  return Number.isFinite(wall) ? (wall - EPOCH_MS) / DAY_MS : undefined;
}

export class SheetsApiMasterStore implements MasterStore {
  readonly spreadsheetId: string;
  private readonly api: sheets_v4.Sheets;
  private readonly requester: SheetsRequester;

  constructor(options: SheetsApiMasterStoreOptions) {
    if (!options.spreadsheetId?.trim()) {
      throw new UserError('Chưa có mã bảng tính Google (phần nằm giữa /d/ và /edit trong đường dẫn).', 2);
    }
    this.spreadsheetId = options.spreadsheetId.trim();
    this.api =
      options.sheetsClient ??
      google.sheets({
        version: 'v4',
        auth: options.auth ?? authFromEnvironment(),
        ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
        ...(options.fetchImplementation ? { fetchImplementation: options.fetchImplementation } : {}),
        retry: false,
      });
    this.requester = new SheetsRequester(this.spreadsheetId, options.retry);
  }

  get label(): string {
    return `Google Sheet ${this.spreadsheetId}`;
  }

  /** HTTP requests this store has sent, retries included. */
  get requestCount(): number {
    return this.requester.requestCount;
  }

  async read(): Promise<MasterData> {
    const info = await this.info('read');
    const found = SHEET_ORDER.map((key) => findSheet(info.sheets, SHEETS[key].name));
    // Sheets the contract gained later may be missing from an older master: read as empty.
    const missing = SHEET_ORDER.filter((key, i) => !found[i] && key === MASTER_MARKER_SHEET).map(
      (key) => `«${SHEETS[key].name}»`,
    );
    if (missing.length) {
      throw new UserError(
        `Bảng tính Google «${info.title}» (mã ${this.spreadsheetId}) thiếu trang ${missing.join(', ')}. ` +
          'Bảng tính này chưa được tạo bằng tdkt, hoặc đã bị đổi tên hay xóa trang. ' +
          'Hãy kiểm tra lại tên các trang, hoặc ghi dữ liệu vào bảng tính để tdkt tạo các trang còn thiếu.',
      );
    }
    const present = SHEET_ORDER.map((_, i) => i).filter((i) => found[i]);
    const response = await this.requester.send('read', 'đọc dữ liệu', () =>
      this.api.spreadsheets.values.batchGet(
        {
          spreadsheetId: this.spreadsheetId,
          ranges: present.map((i) => quoteSheetTitle(found[i]!.title)),
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
          majorDimension: 'ROWS',
        },
        CALL_OPTIONS,
      ),
    );
    const valueRanges = response.valueRanges ?? [];
    if (valueRanges.length !== present.length) {
      throw new UserError(
        `Google Sheets trả về ${valueRanges.length} vùng dữ liệu thay vì ${present.length} khi đọc bảng tính «${this.spreadsheetId}». Vui lòng thử lại.`,
      );
    }
    const data = emptyMaster();
    present.forEach((sheetIndex, i) => {
      const key = SHEET_ORDER[sheetIndex];
      data[key] = sheetRows(key, (valueRanges[i].values ?? []) as CellValue[][], info.timeZone);
    });
    return data;
  }

  async write(data: MasterData): Promise<void> {
    const info = await this.info('write');
    const plan = planWrite(data, info);
    await this.requester.send('write', 'tạo trang và định dạng', () =>
      this.api.spreadsheets.batchUpdate(
        { spreadsheetId: this.spreadsheetId, requestBody: { requests: plan.structure } },
        CALL_OPTIONS,
      ),
    );
    await this.requester.send('write', 'ghi dữ liệu', () =>
      this.api.spreadsheets.values.batchUpdate(
        { spreadsheetId: this.spreadsheetId, requestBody: { valueInputOption: 'RAW', data: plan.values } },
        CALL_OPTIONS,
      ),
    );
    if (plan.clear.length === 0) return;
    try {
      await this.requester.send('write', 'xóa dữ liệu cũ', () =>
        this.api.spreadsheets.values.batchClear(
          { spreadsheetId: this.spreadsheetId, requestBody: { ranges: plan.clear } },
          CALL_OPTIONS,
        ),
      );
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      throw new UserError(
        `Dữ liệu mới đã được ghi vào bảng tính Google «${this.spreadsheetId}», nhưng chưa xóa được các ô cũ nằm ngoài dữ liệu mới, ` +
          `nên bên dưới có thể còn sót các dòng cũ. Hãy ghi lại một lần nữa. Chi tiết: ${err.message}`,
        err.exitCode,
      );
    }
  }

  private async info(operation: Operation): Promise<SpreadsheetInfo> {
    const spreadsheet = await this.requester.send(operation, 'đọc thông tin bảng tính', () =>
      this.api.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: META_FIELDS }, CALL_OPTIONS),
    );
    const title = spreadsheet.properties?.title ?? this.spreadsheetId;
    const timeZone = spreadsheet.properties?.timeZone ?? 'UTC';
    if (!isKnownTimeZone(timeZone)) {
      throw new UserError(
        `Múi giờ «${timeZone}» của bảng tính Google «${title}» không được hỗ trợ. Hãy chọn lại múi giờ trong Tệp › Cài đặt (ví dụ: (GMT+07:00) Hà Nội).`,
      );
    }
    const sheets = (spreadsheet.sheets ?? []).map((s) => ({
      sheetId: s.properties?.sheetId ?? 0,
      title: s.properties?.title ?? '',
      rowCount: s.properties?.gridProperties?.rowCount ?? 0,
      columnCount: s.properties?.gridProperties?.columnCount ?? 0,
    }));
    return { title, timeZone, sheets };
  }
}

/** A sheet's values (header row first) as contract rows; serial dates become ISO dates and instants. */
function sheetRows(key: SheetKey, values: CellValue[][], timeZone: string): Row[] {
  if (values.length === 0) return [];
  const index = columnIndex(key, values[0]);
  const dated = SHEETS[key].columns.filter((c) => (c.type === 'date' || c.type === 'datetime') && index[c.key] >= 0);
  const lines = values.map((line, r) => {
    if (r === 0 || dated.length === 0) return line;
    const copy = [...line];
    for (const col of dated) {
      const i = index[col.key];
      const v = copy[i];
      if (typeof v !== 'number') continue;
      // A date is the whole-day part (the same in every zone); a date-time is a wall clock of the sheet's zone.
      copy[i] =
        col.type === 'date'
          ? new Date(EPOCH_MS + Math.floor(Math.round(v * DAY_MS) / DAY_MS) * DAY_MS)
          : new Date(serialToInstant(v, timeZone));
    }
    return copy;
  });
  return valuesToRows(key, lines);
}

/** A row value as the value sent with RAW input. */
function apiCell(
  col: ColumnSpec,
  value: Row[string] | undefined,
  timeZone: string,
  where: () => string,
): string | number | boolean {
  const cell = toCell(col, value);
  if (cell === null || cell === '') return '';
  if (cell instanceof Date) {
    return col.type === 'date'
      ? isoDateToSerial(cell.toISOString().slice(0, 10))
      : instantToSerial(cell.getTime(), timeZone);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : String(cell);
  if (typeof cell === 'boolean') return cell;
  if (col.type === 'date' && isIsoDate(cell)) return isoDateToSerial(cell);
  if (col.type === 'datetime') {
    const serial = dateTimeSerial(cell, timeZone);
    if (serial !== undefined) return serial;
  }
  if (cell.length > MAX_CELL_CHARS) {
    throw new UserError(
      `${where()}: nội dung dài ${cell.length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự của một ô Google Sheets. Hãy rút gọn nội dung này rồi ghi lại.`,
    );
  }
  return cell;
}

interface WritePlan {
  structure: sheets_v4.Schema$Request[];
  values: sheets_v4.Schema$ValueRange[];
  clear: string[];
}

/** Runs of neighbouring columns that share a value, as [start, end) with the value. */
function runs<T>(
  items: ReadonlyArray<T>,
  same: (a: T, b: T) => boolean,
): Array<{ start: number; end: number; item: T }> {
  const out: Array<{ start: number; end: number; item: T }> = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && last.end === i && same(last.item, item)) last.end = i + 1;
    else out.push({ start: i, end: i + 1, item });
  });
  return out;
}

function planWrite(data: MasterData, info: SpreadsheetInfo): WritePlan {
  const structure: sheets_v4.Schema$Request[] = [];
  const formats: sheets_v4.Schema$Request[] = [];
  const values: sheets_v4.Schema$ValueRange[] = [];
  const clear: string[] = [];
  const usedIds = new Set(info.sheets.map((s) => s.sheetId));
  let sheetCount = info.sheets.length;
  let nextId = 1;

  SHEET_ORDER.forEach((key, position) => {
    const spec = SHEETS[key];
    const width = spec.columns.length;
    const rows = data[key] ?? [];
    const lines: Array<Array<string | number | boolean>> = [headersOf(key)];
    rows.forEach((row, r) => {
      lines.push(
        spec.columns.map((col) =>
          apiCell(col, row[col.key], info.timeZone, () => `Trang «${spec.name}», dòng ${r + 2}, cột «${col.header}»`),
        ),
      );
    });
    const height = lines.length;

    let sheet = findSheet(info.sheets, spec.name);
    if (!sheet) {
      while (usedIds.has(nextId)) nextId++;
      usedIds.add(nextId);
      sheet = {
        sheetId: nextId,
        title: spec.name,
        rowCount: Math.max(NEW_SHEET_ROWS, height),
        columnCount: Math.max(NEW_SHEET_COLUMNS, width),
      };
      structure.push({
        addSheet: {
          properties: {
            sheetId: sheet.sheetId,
            title: sheet.title,
            index: Math.min(position, sheetCount),
            gridProperties: { rowCount: sheet.rowCount, columnCount: sheet.columnCount, frozenRowCount: 1 },
          },
        },
      });
      sheetCount++;
      structure.push({
        repeatCell: {
          range: {
            sheetId: sheet.sheetId,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: 0,
            endColumnIndex: width,
          },
          cell: {
            userEnteredFormat: { textFormat: { bold: true }, wrapStrategy: 'WRAP', verticalAlignment: 'MIDDLE' },
          },
          fields: 'userEnteredFormat(textFormat.bold,wrapStrategy,verticalAlignment)',
        },
      });
      for (const run of runs(spec.columns, (a, b) => (a.width ?? 120) === (b.width ?? 120))) {
        structure.push({
          updateDimensionProperties: {
            range: { sheetId: sheet.sheetId, dimension: 'COLUMNS', startIndex: run.start, endIndex: run.end },
            properties: { pixelSize: run.item.width ?? 120 },
            fields: 'pixelSize',
          },
        });
      }
    } else {
      const rowCount = Math.max(sheet.rowCount, height);
      const columnCount = Math.max(sheet.columnCount, width);
      if (rowCount !== sheet.rowCount || columnCount !== sheet.columnCount) {
        structure.push({
          updateSheetProperties: {
            properties: { sheetId: sheet.sheetId, gridProperties: { rowCount, columnCount } },
            fields: 'gridProperties(rowCount,columnCount)',
          },
        });
      }
      // The old cells outside the new rectangle: rows below it, and columns to its right.
      if (rowCount > height) clear.push(a1Range(sheet.title, height, 0, rowCount - 1, columnCount - 1));
      if (columnCount > width) clear.push(a1Range(sheet.title, 0, width, height - 1, columnCount - 1));
    }

    // Number formats over each column's data rows, to the grid's end (no endRowIndex).
    const columnFormats = spec.columns.map((col) => NUMBER_FORMAT[col.type]);
    for (const run of runs(columnFormats, (a, b) => JSON.stringify(a) === JSON.stringify(b))) {
      if (!run.item) continue;
      formats.push({
        repeatCell: {
          range: { sheetId: sheet.sheetId, startRowIndex: 1, startColumnIndex: run.start, endColumnIndex: run.end },
          cell: { userEnteredFormat: { numberFormat: run.item } },
          fields: 'userEnteredFormat.numberFormat',
        },
      });
    }

    values.push({ range: a1Range(sheet.title, 0, 0, height - 1, width - 1), majorDimension: 'ROWS', values: lines });
  });

  return { structure: [...structure, ...formats], values, clear };
}
