/**
 * The local Sheets API server answers the real googleapis client the way the
 * Sheets API v4 documents: these tests hold it to those behaviours.
 */
import { google, type sheets_v4 } from 'googleapis';
import { startSheetsServer, type SheetsServer } from '../support/sheets-server';

/**
 * The real client. Jest cannot run the dynamic import() by which gaxios loads node-fetch,
 * so requests go through Node's own fetch.
 */
function client(server: SheetsServer, auth?: sheets_v4.Options['auth']): sheets_v4.Sheets {
  return google.sheets({ version: 'v4', rootUrl: server.url, auth, retry: false, fetchImplementation: fetch });
}

/** The HTTP status and Google error body of a rejected googleapis call. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; error: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { response?: { status: number; data: { error: Record<string, unknown> } } };
    if (!e.response) throw err;
    return { status: e.response.status, error: e.response.data.error };
  }
  throw new Error('the call succeeded');
}

describe('local Sheets API server', () => {
  let server: SheetsServer;
  let sheets: sheets_v4.Sheets;
  beforeEach(async () => {
    server = await startSheetsServer();
    sheets = client(server);
  });
  afterEach(() => server.close());

  it('listens on 127.0.0.1 only, on a port of its own', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers spreadsheets.get at the path googleapis builds, honouring fields', async () => {
    server.state.create({ spreadsheetId: 'abc', title: 'Theo dõi', sheets: ['Kế hoạch', 'Cài đặt'] });
    const full = await sheets.spreadsheets.get({ spreadsheetId: 'abc' });
    expect(full.data).toMatchObject({
      spreadsheetId: 'abc',
      properties: { title: 'Theo dõi', timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi_VN' },
      sheets: [
        {
          properties: { sheetId: 0, title: 'Kế hoạch', index: 0, gridProperties: { rowCount: 1000, columnCount: 26 } },
        },
        { properties: { title: 'Cài đặt', index: 1 } },
      ],
    });
    const some = await sheets.spreadsheets.get({
      spreadsheetId: 'abc',
      fields: 'properties(timeZone),sheets.properties(title,gridProperties.rowCount)',
    });
    expect(some.data).toEqual({
      properties: { timeZone: 'Asia/Ho_Chi_Minh' },
      sheets: [
        { properties: { title: 'Kế hoạch', gridProperties: { rowCount: 1000 } } },
        { properties: { title: 'Cài đặt', gridProperties: { rowCount: 1000 } } },
      ],
    });
    expect(server.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v4/spreadsheets/abc', 200],
      ['GET', '/v4/spreadsheets/abc', 200],
    ]);
  });

  it('answers an unknown spreadsheet with 404 in Google’s error format', async () => {
    const res = await fetch(`${server.url}v4/spreadsheets/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
    expect(await failure(sheets.spreadsheets.values.batchGet({ spreadsheetId: 'nope', ranges: ['A1'] }))).toEqual({
      status: 404,
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });

  it('keeps strings as strings with RAW, and parses them as typed with USER_ENTERED', async () => {
    server.state.create({ spreadsheetId: 's', sheets: ['Dữ liệu'] });
    const typed = ['=HYPERLINK("x")', '+84 912', '123', '50%', "'007", 'TRUE', '30/06/2022', '@user', '-1,5'];
    const res = await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: 's',
      requestBody: {
        valueInputOption: 'RAW',
        data: [{ range: "'Dữ liệu'!A1", values: [typed] }],
      },
    });
    expect(res.data).toMatchObject({
      totalUpdatedCells: 9,
      responses: [{ updatedRange: "'Dữ liệu'!A1:I1", updatedRows: 1, updatedColumns: 9, updatedCells: 9 }],
    });
    await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: 's',
      requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: "'Dữ liệu'!A2:I2", values: [typed] }] },
    });
    const raw = typed.map((_, c) => server.state.cell('s', `'Dữ liệu'!${String.fromCharCode(65 + c)}1`));
    expect(raw.map((cell) => cell?.userEnteredValue)).toEqual(typed.map((t) => ({ stringValue: t })));
    const entered = typed.map((_, c) => server.state.cell('s', `'Dữ liệu'!${String.fromCharCode(65 + c)}2`));
    expect(entered.map((cell) => cell?.userEnteredValue)).toEqual([
      { formulaValue: '=HYPERLINK("x")' },
      { formulaValue: '=+84 912' }, // a leading + starts a formula: here a parse error
      { numberValue: 123 },
      { numberValue: 0.5 },
      { stringValue: '007' },
      { boolValue: true },
      { numberValue: 44742 },
      { stringValue: '@user' },
      { numberValue: -1.5 }, // a vi_VN spreadsheet: comma decimals
    ]);
    expect(entered[3]?.userEnteredFormat?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0%' });
    expect(entered[6]?.userEnteredFormat?.numberFormat).toEqual({ type: 'DATE', pattern: 'dd/MM/yyyy' });

    const get = (valueRenderOption: string, dateTimeRenderOption = 'SERIAL_NUMBER') =>
      sheets.spreadsheets.values
        .batchGet({ spreadsheetId: 's', ranges: ["'Dữ liệu'!A1:I2"], valueRenderOption, dateTimeRenderOption })
        .then((r) => r.data.valueRanges![0].values);
    expect(await get('UNFORMATTED_VALUE')).toEqual([
      typed,
      ['x', '#ERROR!', 123, 0.5, '007', true, 44742, '@user', -1.5],
    ]);
    expect((await get('FORMULA'))![1]).toEqual([
      '=HYPERLINK("x")',
      '=+84 912',
      123,
      0.5,
      '007',
      true,
      44742,
      '@user',
      -1.5,
    ]);
    expect((await get('FORMATTED_VALUE'))![1]).toEqual([
      'x',
      '#ERROR!',
      '123',
      '50%',
      '007',
      'TRUE',
      '30/06/2022',
      '@user',
      '-1,5',
    ]);
    expect((await get('UNFORMATTED_VALUE', 'FORMATTED_STRING'))![1][6]).toBe('30/06/2022');
  });

  it('trims trailing empty rows and cells, keeps inner blanks, and reports the range read', async () => {
    server.state.create({ spreadsheetId: 's', sheets: ['Kế hoạch', 'Trống'] });
    server.state.setValues('s', "'Kế hoạch'!A2", [
      ['a', '', 'c', '', ''],
      ['', '', '', '', ''],
      ['', 'b'],
      ['', '', ''],
    ]);
    const res = await sheets.spreadsheets.values.batchGet({
      spreadsheetId: 's',
      ranges: ["'Kế hoạch'!A1:Z", "'Kế hoạch'", 'Trống', "'Kế hoạch'!B3:C4"],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(res.data.valueRanges).toEqual([
      { range: "'Kế hoạch'!A1:Z1000", majorDimension: 'ROWS', values: [[], ['a', '', 'c'], [], ['', 'b']] },
      { range: "'Kế hoạch'!A1:Z1000", majorDimension: 'ROWS', values: [[], ['a', '', 'c'], [], ['', 'b']] },
      { range: "'Trống'!A1:Z1000", majorDimension: 'ROWS' },
      { range: "'Kế hoạch'!B3:C4", majorDimension: 'ROWS', values: [[], ['b']] },
    ]);
    // googleapis sends each range as its own query parameter, percent-encoded.
    const query = new URLSearchParams(server.requests[0].query);
    expect(query.getAll('ranges')).toEqual(["'Kế hoạch'!A1:Z", "'Kế hoạch'", 'Trống', "'Kế hoạch'!B3:C4"]);
    expect(server.requests[0].query).toContain('%27K%E1%BA%BF%20ho%E1%BA%A1ch%27%21A1%3AZ');
  });

  it('reads quoted sheet names with apostrophes, and rejects a range on a missing sheet', async () => {
    server.state.create({ spreadsheetId: 's', sheets: ["Bob's list"] });
    await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: 's',
      requestBody: { valueInputOption: 'RAW', data: [{ range: "'Bob''s list'!B2", values: [[1, 'two']] }] },
    });
    const res = await sheets.spreadsheets.values.batchGet({
      spreadsheetId: 's',
      ranges: ["'Bob''s list'!A1:C3"],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(res.data.valueRanges![0]).toEqual({
      range: "'Bob''s list'!A1:C3",
      majorDimension: 'ROWS',
      values: [[], ['', 1, 'two']],
    });
    expect(
      await failure(sheets.spreadsheets.values.batchGet({ spreadsheetId: 's', ranges: ["'Không có'!A1:B2"] })),
    ).toEqual({
      status: 400,
      error: { code: 400, message: "Unable to parse range: 'Không có'!A1:B2", status: 'INVALID_ARGUMENT' },
    });
  });

  it('requires valueInputOption and refuses writes outside the grid or the range', async () => {
    server.state.create({ spreadsheetId: 's', sheets: ['A'] });
    const write = (requestBody: sheets_v4.Schema$BatchUpdateValuesRequest) =>
      sheets.spreadsheets.values.batchUpdate({ spreadsheetId: 's', requestBody });
    expect((await failure(write({ data: [{ range: 'A!A1', values: [[1]] }] }))).error.message).toBe(
      "'valueInputOption' is required but not specified",
    );
    expect(
      (await failure(write({ valueInputOption: 'RAW', data: [{ range: 'A!A1000', values: [[1], [2]] }] }))).error,
    ).toEqual({
      code: 400,
      message: 'Range (A!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
      status: 'INVALID_ARGUMENT',
    });
    expect(
      (await failure(write({ valueInputOption: 'RAW', data: [{ range: 'A!A1:B1', values: [[1, 2, 3]] }] }))).error
        .message,
    ).toBe('Requested writing within range [A!A1:B1], but tried writing to column [C]');
    // All or nothing: the first range was fine, the second was not, so neither was written.
    await failure(
      write({
        valueInputOption: 'RAW',
        data: [
          { range: 'A!A1', values: [['kept out']] },
          { range: 'A!A2000', values: [['x']] },
        ],
      }),
    );
    expect(server.state.getValues('s', 'A')).toEqual([]);
  });

  it('applies batchUpdate requests in order, all or nothing, and rejects unknown kinds like the API', async () => {
    server.state.create({ spreadsheetId: 's', sheets: ['Sheet1'] });
    const batch = (requests: sheets_v4.Schema$Request[]) =>
      sheets.spreadsheets.batchUpdate({ spreadsheetId: 's', requestBody: { requests } });
    const res = await batch([
      { addSheet: { properties: { sheetId: 7, title: 'Kế hoạch', index: 0, gridProperties: { rowCount: 5 } } } },
      {
        updateSheetProperties: {
          properties: { sheetId: 7, gridProperties: { frozenRowCount: 1, rowCount: 999 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
      {
        repeatCell: {
          range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 },
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      { deleteSheet: { sheetId: 0 } },
    ]);
    expect(res.data.replies).toEqual([
      {
        addSheet: {
          properties: {
            sheetId: 7,
            title: 'Kế hoạch',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 5, columnCount: 26 },
          },
        },
      },
      {},
      {},
      {},
    ]);
    const sheet = server.state.sheet('s', 'Kế hoạch');
    expect(server.state.sheetTitles('s')).toEqual(['Kế hoạch']);
    // Only the masked field changed: rowCount stays 5.
    expect(sheet.properties.gridProperties).toEqual({ rowCount: 5, columnCount: 26, frozenRowCount: 1 });
    expect(server.state.cell('s', "'Kế hoạch'!C5")?.userEnteredFormat).toEqual({
      numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' },
    });
    expect(server.state.cell('s', "'Kế hoạch'!C1")).toBeUndefined();

    expect(await failure(batch([{ addSheet: { properties: { title: 'Mới' } } }, { frobnicate: {} } as never]))).toEqual(
      {
        status: 400,
        error: {
          code: 400,
          message: `Invalid JSON payload received. Unknown name "frobnicate" at 'requests[1]': Cannot find field.`,
          status: 'INVALID_ARGUMENT',
        },
      },
    );
    const duplicate = await failure(
      batch([{ addSheet: { properties: { title: 'Mới' } } }, { addSheet: { properties: { title: 'kế HOẠCH' } } }]),
    );
    expect(duplicate.error.message).toBe(
      'Invalid requests[1].addSheet: A sheet with the name "kế HOẠCH" already exists. Please enter another name.',
    );
    expect(server.state.sheetTitles('s')).toEqual(['Kế hoạch']);
    // Nor does a format set by a request before an invalid one stay.
    await failure(
      batch([
        {
          repeatCell: {
            range: { sheetId: 7 },
            cell: { userEnteredFormat: { textFormat: { bold: true } } },
            fields: 'userEnteredFormat.textFormat.bold',
          },
        },
        { deleteSheet: { sheetId: 99 } },
      ]),
    );
    expect(server.state.cell('s', "'Kế hoạch'!C5")?.userEnteredFormat).toEqual({
      numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' },
    });
    expect(server.state.cell('s', "'Kế hoạch'!A1")).toBeUndefined();
  });

  it('clears values but keeps formats', async () => {
    server.state.create({ spreadsheetId: 's', sheets: ['A'] });
    await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: 's',
      requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: 'A!A1', values: [['30/06/2022', 'x']] }] },
    });
    const res = await sheets.spreadsheets.values.batchClear({
      spreadsheetId: 's',
      requestBody: { ranges: ['A!A1:B'] },
    });
    expect(res.data).toEqual({ spreadsheetId: 's', clearedRanges: ['A!A1:B1000'] });
    expect(server.state.getValues('s', 'A')).toEqual([]);
    expect(server.state.cell('s', 'A!A1')).toEqual({
      userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' } },
    });
  });

  it('fails the next requests on demand', async () => {
    server.state.create({ spreadsheetId: 's' });
    server.failNext(2, 503);
    server.failNext(1, 500, 'boom', (r) => r.method === 'POST');
    expect((await failure(sheets.spreadsheets.get({ spreadsheetId: 's' }))).error).toEqual({
      code: 503,
      message: 'The service is currently unavailable.',
      status: 'UNAVAILABLE',
    });
    expect((await failure(sheets.spreadsheets.get({ spreadsheetId: 's' }))).status).toBe(503);
    expect((await sheets.spreadsheets.get({ spreadsheetId: 's' })).status).toBe(200);
    const post = sheets.spreadsheets.values.batchClear({ spreadsheetId: 's', requestBody: { ranges: [] } });
    expect((await failure(post)).error).toEqual({ code: 500, message: 'boom', status: 'INTERNAL' });
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 200, 500]);
  });

  it('answers 403 PERMISSION_DENIED when the caller may not read or write', async () => {
    server.state.create({ spreadsheetId: 'ro', access: 'reader' });
    server.state.create({ spreadsheetId: 'no', access: 'none' });
    expect((await sheets.spreadsheets.get({ spreadsheetId: 'ro' })).status).toBe(200);
    const write = sheets.spreadsheets.values.batchClear({ spreadsheetId: 'ro', requestBody: { ranges: ['A1'] } });
    expect(await failure(write)).toEqual({
      status: 403,
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
    expect((await failure(sheets.spreadsheets.get({ spreadsheetId: 'no' }))).status).toBe(403);
  });
});

describe('local Sheets API server with a rate limit and an access token', () => {
  let server: SheetsServer;
  let now = 0;
  beforeEach(async () => {
    now = 1_000_000;
    server = await startSheetsServer({ rateLimit: { perMinute: 2 }, clock: () => now, accessToken: 'secret' });
    server.state.create({ spreadsheetId: 's' });
  });
  afterEach(() => server.close());

  it('answers 429 RESOURCE_EXHAUSTED beyond the limit per minute, reads and writes counted apart', async () => {
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: 'secret' });
    const sheets = client(server, auth);
    const read = () => sheets.spreadsheets.get({ spreadsheetId: 's' });
    const write = () => sheets.spreadsheets.values.batchClear({ spreadsheetId: 's', requestBody: { ranges: [] } });
    await read();
    now += 30_000;
    await read();
    const limited = await failure(read());
    expect(limited.status).toBe(429);
    expect(limited.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(limited.error.message).toMatch(/Quota exceeded for quota metric 'Read requests'/);
    await write(); // writes have their own quota
    now += 30_000; // the first read is now a minute old
    await read();
    expect((await failure(read())).status).toBe(429);
  });

  it('answers 401 UNAUTHENTICATED without the right token', async () => {
    expect((await failure(client(server).spreadsheets.get({ spreadsheetId: 's' }))).error).toMatchObject({
      code: 401,
      status: 'UNAUTHENTICATED',
    });
    const wrong = new google.auth.OAuth2();
    wrong.setCredentials({ access_token: 'guess' });
    expect((await failure(client(server, wrong).spreadsheets.get({ spreadsheetId: 's' }))).status).toBe(401);
  });
});
