/**
 * A local HTTP server that answers the subset of the Google Sheets API v4 that
 * tdkt uses, with the documented request and response JSON shapes, so the
 * real `googleapis` client can be pointed at it (`rootUrl`). It listens on
 * 127.0.0.1 on a port the system picks.
 *
 * Routes (paths as googleapis builds them, see googleapis/build/src/apis/sheets/v4.js):
 *   GET  /v4/spreadsheets/{id}                     spreadsheets.get (`fields` honoured)
 *   POST /v4/spreadsheets/{id}:batchUpdate          addSheet, deleteSheet, updateSheetProperties,
 *                                                   repeatCell, updateDimensionProperties (column widths)
 *   GET  /v4/spreadsheets/{id}/values:batchGet      ranges=…&valueRenderOption=…&dateTimeRenderOption=…
 *   POST /v4/spreadsheets/{id}/values:batchUpdate   valueInputOption RAW | USER_ENTERED
 *   POST /v4/spreadsheets/{id}/values:batchClear
 *
 * Test controls: `failNext(n, status)` answers the next n requests with that
 * error; `rateLimit: { perMinute }` answers 429 RESOURCE_EXHAUSTED beyond the
 * limit within any 60 s (reads and writes counted apart, as Google's quotas
 * are); `accessToken` demands "Authorization: Bearer <token>"; a spreadsheet's
 * `access` ("reader" | "none") answers 403 PERMISSION_DENIED.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, invalid } from './errors';
import { selectFields } from './field-mask';
import {
  SheetsState,
  batchUpdate,
  clearValues,
  readValues,
  transaction,
  writeValues,
  type FakeSheet,
  type FakeSpreadsheet,
} from './model';
import type { DateTimeRenderOption, ValueInputOption, ValueRenderOption } from './values';

export { SheetsState } from './model';
export type { FakeSheet, FakeSpreadsheet } from './model';
export type { Cell, ExtendedValue } from './values';

export interface SheetsServerOptions {
  /** Requests allowed per rolling minute, reads and writes each (Google: 60 per user per minute). */
  rateLimit?: { perMinute: number };
  /** Milliseconds "now" for the rate limit window (tests move it instead of waiting). */
  clock?: () => number;
  /** When set, every request must carry this OAuth access token. */
  accessToken?: string;
}

export interface LoggedRequest {
  method: string;
  /** The decoded path, e.g. "/v4/spreadsheets/abc/values:batchGet". */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** The HTTP status the server answered. */
  status: number;
}

export interface RequestLine {
  method: string;
  path: string;
}

export interface SheetsServer {
  /** The root URL for googleapis: `google.sheets({ version: 'v4', rootUrl: url })`. */
  readonly url: string;
  readonly port: number;
  readonly state: SheetsState;
  readonly requests: LoggedRequest[];
  /**
   * Answers the next `count` requests with `status` (Google's error JSON, before any other check);
   * with `match`, only requests it accepts count and fail.
   */
  failNext(count: number, status: number, message?: string, match?: (request: RequestLine) => boolean): void;
  close(): Promise<void>;
}

const ENUMS = {
  valueRenderOption: ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
  dateTimeRenderOption: ['SERIAL_NUMBER', 'FORMATTED_STRING'],
  majorDimension: ['ROWS', 'COLUMNS'],
  valueInputOption: ['RAW', 'USER_ENTERED'],
} as const;

function enumValue<K extends keyof typeof ENUMS>(
  name: K,
  value: unknown,
  fallback: (typeof ENUMS)[K][number] | undefined,
): (typeof ENUMS)[K][number] {
  if (value === undefined || value === null || value === '') {
    if (fallback === undefined) throw invalid(`'${name}' is required but not specified`);
    return fallback;
  }
  if (!(ENUMS[name] as readonly unknown[]).includes(value)) {
    throw invalid(`Invalid value at '${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}', "${String(value)}"`);
  }
  return value as (typeof ENUMS)[K][number];
}

function sheetResource(sheet: FakeSheet): Record<string, unknown> {
  return { properties: structuredClone(sheet.properties) };
}

function spreadsheetResource(spreadsheet: FakeSpreadsheet, url: string): Record<string, unknown> {
  return {
    spreadsheetId: spreadsheet.spreadsheetId,
    properties: structuredClone(spreadsheet.properties),
    sheets: spreadsheet.sheets.map(sheetResource),
    spreadsheetUrl: `${url}spreadsheets/d/${spreadsheet.spreadsheetId}/edit`,
  };
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw invalid(`Invalid JSON payload received. Unexpected token.`);
  }
}

export async function startSheetsServer(options: SheetsServerOptions = {}): Promise<SheetsServer> {
  const state = new SheetsState();
  const requests: LoggedRequest[] = [];
  const failures: Array<{ status: number; message?: string; match?: (request: RequestLine) => boolean }> = [];
  const clock = options.clock ?? Date.now;
  const served: Record<'read' | 'write', number[]> = { read: [], write: [] };
  let nextSheetId = 1_000_000;
  let url = '';

  function checkRateLimit(bucket: 'read' | 'write'): void {
    if (!options.rateLimit) return;
    const now = clock();
    const times = served[bucket].filter((t) => now - t < 60_000);
    served[bucket] = times;
    if (times.length >= options.rateLimit.perMinute) {
      const metric = bucket === 'read' ? 'Read requests' : 'Write requests';
      throw new ApiError(
        429,
        `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.`,
      );
    }
    times.push(now);
  }

  function checkAuth(req: http.IncomingMessage): void {
    if (options.accessToken === undefined) return;
    const header = req.headers.authorization;
    if (!header) throw new ApiError(401);
    if (header !== `Bearer ${options.accessToken}`) {
      throw new ApiError(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    }
  }

  async function route(method: string, path: string, query: URLSearchParams, req: http.IncomingMessage) {
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
    if (!m) throw new ApiError(404, 'Method not found.');
    const [, id, rest] = m;
    const endpoint = `${method} ${rest}`;
    const known = [
      'GET ',
      'POST :batchUpdate',
      'GET /values:batchGet',
      'POST /values:batchUpdate',
      'POST /values:batchClear',
    ];
    if (!known.includes(endpoint)) throw new ApiError(404, 'Method not found.');
    const spreadsheet = state.get(id);
    if (spreadsheet.access === 'none' || (spreadsheet.access === 'reader' && method !== 'GET')) {
      throw new ApiError(403);
    }
    switch (endpoint) {
      case 'GET ': {
        if (query.get('includeGridData') === 'true') throw new ApiError(501, 'includeGridData is not implemented.');
        return spreadsheetResource(spreadsheet, url);
      }
      case 'POST :batchUpdate': {
        const body = await readBody(req);
        const replies = batchUpdate(spreadsheet, body.requests ?? [], () => nextSheetId++);
        const out: Record<string, unknown> = { spreadsheetId: id, replies };
        if (body.includeSpreadsheetInResponse === true) out.updatedSpreadsheet = spreadsheetResource(spreadsheet, url);
        return out;
      }
      case 'GET /values:batchGet': {
        const render = enumValue('valueRenderOption', query.get('valueRenderOption'), 'FORMATTED_VALUE');
        const dateTime = enumValue('dateTimeRenderOption', query.get('dateTimeRenderOption'), 'SERIAL_NUMBER');
        const major = enumValue('majorDimension', query.get('majorDimension'), 'ROWS');
        const valueRanges = query
          .getAll('ranges')
          .map((range) =>
            readValues(spreadsheet, range, render as ValueRenderOption, dateTime as DateTimeRenderOption, major),
          );
        return { spreadsheetId: id, valueRanges };
      }
      case 'POST /values:batchUpdate': {
        const body = await readBody(req);
        const input = enumValue('valueInputOption', body.valueInputOption, undefined) as ValueInputOption;
        const data = body.data ?? [];
        if (!Array.isArray(data)) throw invalid(`Invalid JSON payload received. 'data' must be a list.`);
        // All or nothing: kept only when every range succeeded.
        const responses = transaction(spreadsheet, (draft) =>
          data.map((valueRange: Record<string, unknown>, i: number) => {
            if (typeof valueRange?.range !== 'string') throw invalid(`Invalid data[${i}]: range is required`);
            const major = enumValue('majorDimension', valueRange.majorDimension, 'ROWS');
            return {
              spreadsheetId: id,
              ...writeValues(draft, valueRange.range, valueRange.values ?? [], input, major),
            };
          }),
        );
        const sum = (k: 'updatedRows' | 'updatedColumns' | 'updatedCells') =>
          responses.reduce((s: number, r: Record<string, number | string>) => s + (r[k] as number), 0);
        const out: Record<string, unknown> = { spreadsheetId: id };
        if (responses.length) {
          out.totalUpdatedRows = sum('updatedRows');
          out.totalUpdatedColumns = sum('updatedColumns');
          out.totalUpdatedCells = sum('updatedCells');
          out.totalUpdatedSheets = new Set(responses.map((r) => String(r.updatedRange).split('!')[0])).size;
          out.responses = responses;
        }
        return out;
      }
      case 'POST /values:batchClear': {
        const body = await readBody(req);
        const ranges = body.ranges ?? [];
        if (!Array.isArray(ranges)) throw invalid(`Invalid JSON payload received. 'ranges' must be a list.`);
        const clearedRanges = transaction(spreadsheet, (draft) =>
          ranges.map((range) => clearValues(draft, String(range))),
        );
        return { spreadsheetId: id, clearedRanges };
      }
    }
    throw new ApiError(404, 'Method not found.');
  }

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(parsed.pathname);
    } catch {
      path = parsed.pathname;
    }
    const entry: LoggedRequest = { method, path, query: parsed.search.slice(1), status: 0 };
    requests.push(entry);
    const send = (status: number, body: unknown) => {
      entry.status = status;
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=UTF-8',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    (async () => {
      const at = failures.findIndex((f) => !f.match || f.match({ method, path }));
      if (at >= 0) {
        const [failure] = failures.splice(at, 1);
        throw new ApiError(failure.status, failure.message);
      }
      checkAuth(req);
      checkRateLimit(method === 'GET' ? 'read' : 'write');
      const result = await route(method, path, parsed.searchParams, req);
      return selectFields(result, parsed.searchParams.get('fields') ?? undefined);
    })().then(
      (result) => send(200, result),
      (err: unknown) => {
        // Drain the body so the connection can be reused.
        req.resume();
        if (err instanceof ApiError) send(err.code, err.toJSON());
        else send(500, new ApiError(500, `Test server bug: ${(err as Error)?.stack ?? String(err)}`).toJSON());
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}/`;

  return {
    url,
    port,
    state,
    requests,
    failNext(count: number, status: number, message?: string, match?: (request: RequestLine) => boolean) {
      for (let i = 0; i < count; i++) failures.push({ status, message, match });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
