/**
 * The Sheets API master store, with the real googleapis client talking to the
 * local Sheets API server (tests/support/sheets-server) over HTTP.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { google } from 'googleapis';
import { SHEETS, SHEET_ORDER, headersOf, type Row } from '../../src/core/contract';
import { UserError } from '../../src/node/errors';
import { XlsxMasterStore } from '../../src/node/master-store';
import {
  SHEETS_SCOPE,
  SheetsApiMasterStore,
  authFromEnvironment,
  type RetryOptions,
} from '../../src/node/sheets-api-store';
import { emptyMaster, type MasterData } from '../../src/node/xlsx-store';
import { startSheetsServer, type SheetsServer } from '../support/sheets-server';

const TOKEN = 'test-access-token';
const CONTRACT_NAMES = SHEET_ORDER.map((k) => SHEETS[k].name);

/** 30 June 2022 is day 44742 of the Sheets (and Excel) calendar. */
const SERIAL_2022_06_30 = 44742;

let server: SheetsServer;
let sleeps: number[];

beforeEach(async () => {
  server = await startSheetsServer({ accessToken: TOKEN });
  sleeps = [];
});
afterEach(() => server.close());

function store(spreadsheetId: string, retry: RetryOptions = {}): SheetsApiMasterStore {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN });
  return new SheetsApiMasterStore({
    spreadsheetId,
    auth,
    rootUrl: server.url,
    fetchImplementation: fetch,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.25,
      ...retry,
    },
  });
}

/** Rows as a read gives them back: every contract column, blanks as null. */
function normalise(data: MasterData): MasterData {
  const out = {} as MasterData;
  for (const key of SHEET_ORDER) {
    out[key] = data[key].map((row) =>
      Object.fromEntries(
        SHEETS[key].columns.map((c) => [c.key, row[c.key] === undefined || row[c.key] === '' ? null : row[c.key]]),
      ),
    );
  }
  return out;
}

function sample(): MasterData {
  const data = emptyMaster();
  data.plan = [
    {
      year: 2022,
      id: '1.10',
      title: 'Họp Hội đồng Thi đua – Khen thưởng',
      start: '2022-06-30',
      status: 'in_progress',
      percent: 0.5,
      nextDue: '2022-12-31',
      lastUpdate: '2022-06-30T08:15:00.000Z',
    },
    { year: 2022, id: '2', title: '-Tổng kết năm', scheduleKind: 'deadline', status: 'done', percent: 1 },
  ];
  data.nominations = [
    {
      year: 2022,
      unit: 'Phòng Y tế',
      subject: 'individual',
      name: '=HYPERLINK("x")',
      position: '+84 912',
      award: '@Lao động tiên tiến',
      commendationKind: 'regular',
      sourceRow: 12,
      importedAt: '2023-01-05T02:30:00.000Z',
    },
  ];
  data.units = [{ name: 'Xã Tân Phú', kind: 'commune', aliases: 'Tân Phú; xã Tân-Phú', validFrom: '2021-01-01' }];
  data.awardHistory = [
    {
      year: 2021,
      subject: 'collective',
      name: 'Trường THCS A',
      unit: 'Xã Tân Phú',
      award: 'Tập thể lao động xuất sắc',
    },
  ];
  return data;
}

describe('SheetsApiMasterStore', () => {
  it('writes the master and reads back the same rows, keeping formula-looking text as text', async () => {
    const sheet = server.state.create({ spreadsheetId: 'master', title: 'Thi đua 2022' });
    const data = sample();
    await store('master').write(data);

    expect(await store('master').read()).toEqual(normalise(data));

    const cell = (a1: string) => server.state.cell('master', a1);
    // Imported text is data: RAW input stored these as strings, not formulas.
    expect(cell("'Đề nghị khen thưởng'!D2")?.userEnteredValue).toEqual({ stringValue: '=HYPERLINK("x")' });
    expect(cell("'Đề nghị khen thưởng'!E2")?.userEnteredValue).toEqual({ stringValue: '+84 912' });
    expect(cell("'Đề nghị khen thưởng'!F2")?.userEnteredValue).toEqual({ stringValue: '@Lao động tiên tiến' });
    expect(cell("'Kế hoạch'!C3")?.userEnteredValue).toEqual({ stringValue: '-Tổng kết năm' });
    // "1.10" and the setting "7" stay text too.
    expect(cell("'Kế hoạch'!B2")?.userEnteredValue).toEqual({ stringValue: '1.10' });
    expect(server.state.getValues('master', "'Cài đặt'!B5")).toEqual([['7']]);
    // A list value is stored as its Vietnamese label.
    expect(cell("'Kế hoạch'!O2")?.userEnteredValue).toEqual({ stringValue: 'Đang thực hiện' });
    expect(cell("'Đơn vị'!B2")?.userEnteredValue).toEqual({ stringValue: 'Xã' });
    // A date is a serial number shown dd/MM/yyyy; a percent a fraction shown 0%.
    expect(cell("'Kế hoạch'!M2")).toEqual({
      userEnteredValue: { numberValue: SERIAL_2022_06_30 },
      userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' } },
    });
    expect(server.state.getValues('master', "'Kế hoạch'!M2", 'FORMATTED_VALUE')).toEqual([['30/06/2022']]);
    expect(cell("'Kế hoạch'!P2")?.userEnteredFormat?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0%' });
    // 08:15 UTC is 15:15 in Asia/Ho_Chi_Minh, the spreadsheet's zone.
    const lastUpdate = cell("'Kế hoạch'!S2")?.userEnteredValue as { numberValue: number };
    expect(lastUpdate.numberValue).toBeCloseTo(SERIAL_2022_06_30 + (15 * 60 + 15) / 1440, 9);
    // New sheets: frozen, bold header, widths from the contract.
    const plan = server.state.sheet('master', 'Kế hoạch');
    expect(plan.properties.gridProperties.frozenRowCount).toBe(1);
    expect(cell("'Kế hoạch'!A1")?.userEnteredFormat).toMatchObject({ textFormat: { bold: true } });
    expect(plan.columnWidths[2]).toBe(SHEETS.plan.columns[2].width);
    expect(sheet.properties.title).toBe('Thi đua 2022');
  });

  it('builds the same sheets and headers as the xlsx store: one contract', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-sheets-'));
    try {
      const file = path.join(dir, 'master.xlsx');
      await new XlsxMasterStore(file).write(sample());
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const xlsxNames = workbook.worksheets.map((w) => w.name);
      const xlsxHeaders = workbook.worksheets.map((w) => (w.getRow(1).values as unknown[]).slice(1));

      server.state.create({ spreadsheetId: 'm' });
      await store('m').write(sample());
      // The contract sheets come first, in contract order; the sheet the spreadsheet was made with stays last.
      expect(server.state.sheetTitles('m')).toEqual([...CONTRACT_NAMES, 'Trang tính1']);
      const apiNames = server.state.sheetTitles('m').slice(0, SHEET_ORDER.length);
      const apiHeaders = apiNames.map((name) => server.state.getValues('m', `'${name}'!1:1`)[0]);

      expect(apiNames).toEqual(xlsxNames);
      expect(apiHeaders).toEqual(xlsxHeaders);
      expect(apiHeaders).toEqual(SHEET_ORDER.map(headersOf));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends a few requests whatever the number of rows', async () => {
    const measure = async (rows: number) => {
      const id = `rows-${rows}`;
      server.state.create({ spreadsheetId: id });
      const data = emptyMaster();
      data.nominations = Array.from({ length: rows }, (_, i) => ({
        year: 2022,
        unit: `Đơn vị ${i % 40}`,
        subject: i % 2 ? 'individual' : 'collective',
        name: `Người thứ ${i + 1}`,
        award: 'Lao động tiên tiến',
        sourceRow: i + 5,
        importedAt: '2023-01-05T02:30:00.000Z',
      }));
      data.plan = Array.from({ length: rows }, (_, i) => ({ year: 2022, id: String(i + 1), title: `Việc ${i + 1}` }));
      const s = store(id);
      const firstWrite = s.requestCount;
      await s.write(data);
      const afterFirstWrite = s.requestCount;
      const back = await s.read();
      const afterRead = s.requestCount;
      await s.write(data);
      const afterSecondWrite = s.requestCount;
      expect(back.nominations).toHaveLength(rows);
      expect(back.plan[rows - 1]).toMatchObject({ id: String(rows), title: `Việc ${rows}` });
      return {
        newSpreadsheetWrite: afterFirstWrite - firstWrite,
        read: afterRead - afterFirstWrite,
        overwrite: afterSecondWrite - afterRead,
      };
    };
    const small = await measure(10);
    const large = await measure(5000);
    expect(small).toEqual({ newSpreadsheetWrite: 3, read: 2, overwrite: 4 });
    expect(large).toEqual(small);
    // What the server saw for the last overwrite.
    expect(
      server.requests.slice(-4).map((r) => `${r.method} ${r.path.replace(/^\/v4\/spreadsheets\/[^/:]+/, '')}`),
    ).toEqual(['GET ', 'POST :batchUpdate', 'POST /values:batchUpdate', 'POST /values:batchClear']);
    expect(server.state.sheet('rows-5000', 'Kế hoạch').properties.gridProperties.rowCount).toBe(5001);
  });

  it('clears the old rows when the master shrinks, and reads columns moved by hand', async () => {
    server.state.create({ spreadsheetId: 'm' });
    const s = store('m');
    const data = emptyMaster();
    data.plan = Array.from({ length: 30 }, (_, i) => ({ year: 2022, id: String(i + 1), title: `Việc ${i + 1}` }));
    data.plan[1].content = 'Chi tiết sẽ bị xóa';
    await s.write(data);
    // Fewer rows, and a value emptied inside the rows that stay.
    data.plan = data.plan.slice(0, 3).map(({ content: _content, ...row }) => row);
    await s.write(data);
    expect((await s.read()).plan).toEqual(normalise(data).plan);
    expect(server.state.getValues('m', "'Kế hoạch'")).toHaveLength(4);

    // A person rebuilds the sheet by hand in the Sheets UI: columns in another order, values typed (vi_VN).
    server.state.clear('m', "'Kế hoạch'");
    server.state.setValues('m', "'Kế hoạch'!A1", [
      ['Trạng thái', 'Mã', 'Năm', 'Ngày bắt đầu', '% hoàn thành', 'Nội dung công việc'],
      ['Hoàn thành', "'7", '2023', '01/02/2023', '50%', 'Việc gõ tay'],
    ]);
    const plan = (await s.read()).plan;
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      status: 'done',
      id: '7',
      year: 2023,
      start: '2023-02-01',
      percent: 0.5,
      title: 'Việc gõ tay',
    });
  });

  it('turns serial date-times into instants with the spreadsheet’s time zone', async () => {
    server.state.create({ spreadsheetId: 'ny', timeZone: 'America/New_York' });
    server.state.create({ spreadsheetId: 'hcm', timeZone: 'Asia/Ho_Chi_Minh' });
    for (const id of ['ny', 'hcm']) {
      await store(id).write(emptyMaster());
      server.state.setValues(
        id,
        "'Nhật ký tiến độ'!A2",
        [[SERIAL_2022_06_30 + 0.5, 2022, '1', 'Xã A', 'Đang thực hiện', 0.2, SERIAL_2022_06_30]],
        'RAW',
      );
    }
    // Noon on the sheet's wall clock: 16:00 UTC in New York (EDT), 05:00 UTC in Hà Nội.
    expect((await store('ny').read()).progress[0]).toMatchObject({
      loggedAt: '2022-06-30T16:00:00.000Z',
      date: '2022-06-30',
      status: 'in_progress',
    });
    expect((await store('hcm').read()).progress[0]).toMatchObject({
      loggedAt: '2022-06-30T05:00:00.000Z',
      date: '2022-06-30',
    });
    // And back: the same instant is written as New York's wall clock.
    const data = await store('ny').read();
    await store('ny').write(data);
    const loggedAt = server.state.cell('ny', "'Nhật ký tiến độ'!A2")?.userEnteredValue as { numberValue: number };
    expect(loggedAt.numberValue).toBeCloseTo(SERIAL_2022_06_30 + 0.5, 9);
  });

  it('waits and retries after 429, then writes', async () => {
    server.state.create({ spreadsheetId: 'm' });
    const s = store('m');
    server.failNext(2, 429);
    await s.write(sample());
    // Exponential backoff: 1 s then 2 s, each plus a quarter second of jitter (random() = 0.25).
    expect(sleeps).toEqual([1250, 2250]);
    expect(s.requestCount).toBe(3 + 2);
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200, 200, 200]);
    expect(await s.read()).toEqual(normalise(sample()));
  });

  it('rides out a real per-minute quota by backing off', async () => {
    let now = 0;
    const limited = await startSheetsServer({ accessToken: TOKEN, rateLimit: { perMinute: 2 }, clock: () => now });
    try {
      limited.state.create({ spreadsheetId: 'm' });
      const auth = new google.auth.OAuth2();
      auth.setCredentials({ access_token: TOKEN });
      const s = new SheetsApiMasterStore({
        spreadsheetId: 'm',
        auth,
        rootUrl: limited.url,
        fetchImplementation: fetch,
        retry: {
          random: () => 0,
          sleep: async (ms) => {
            sleeps.push(ms);
            now += ms;
          },
        },
      });
      await s.write(sample()); // 1 read request (get) and 2 writes
      const back = await s.read(); // 2 more reads: the second waits until the minute has passed
      expect(back).toEqual(normalise(sample()));
      expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
      expect(limited.requests.filter((r) => r.status === 429)).toHaveLength(6);
    } finally {
      await limited.close();
    }
  });

  it('gives up after the last retry with a Vietnamese message', async () => {
    server.state.create({ spreadsheetId: 'm' });
    const s = store('m', { maxRetries: 2 });
    server.failNext(5, 503);
    const error = await s.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^Dịch vụ Google Sheets tạm thời không phản hồi \(HTTP 503\) sau 2 lần thử lại/,
    );
    expect(s.requestCount).toBe(3);
    expect(sleeps).toEqual([1250, 2250]);
  });

  it('explains a missing permission, in Vietnamese, without retrying', async () => {
    server.state.create({ spreadsheetId: 'private', access: 'none' });
    server.state.create({ spreadsheetId: 'readonly', access: 'reader' });
    await expect(store('private').read()).rejects.toThrow(
      new UserError(
        'Không có quyền truy cập bảng tính Google «private». Hãy chia sẻ bảng tính này cho tài khoản mà tdkt dùng (tài khoản dịch vụ trong biến môi trường GOOGLE_APPLICATION_CREDENTIALS) rồi thử lại.',
      ),
    );
    const s = store('readonly');
    await expect(s.write(sample())).rejects.toThrow(/^Không có quyền chỉnh sửa bảng tính Google «readonly»/);
    expect(s.requestCount).toBe(2); // the get, then the refused batchUpdate
    expect(sleeps).toEqual([]);
  });

  it('names the spreadsheet it cannot find, and refuses bad credentials', async () => {
    await expect(store('1AbCdE-missing').read()).rejects.toThrow(
      /^Không tìm thấy bảng tính Google có mã «1AbCdE-missing»/,
    );
    server.state.create({ spreadsheetId: 'm' });
    const wrong = new google.auth.OAuth2();
    wrong.setCredentials({ access_token: 'expired' });
    const s = new SheetsApiMasterStore({
      spreadsheetId: 'm',
      auth: wrong,
      rootUrl: server.url,
      fetchImplementation: fetch,
    });
    await expect(s.read()).rejects.toThrow(/^Thông tin đăng nhập Google không hợp lệ hoặc đã hết hạn \(HTTP 401\)/);
  });

  it('reads sheets the contract gained later as empty', async () => {
    const names = CONTRACT_NAMES.filter((n) => n !== 'Cài đặt');
    server.state.create({ spreadsheetId: 'older', title: 'Bảng cũ', sheets: names });
    const data = await store('older').read();
    expect(data.settings.length).toBeGreaterThan(0); // the defaults of an empty master
    expect(data.plan).toEqual([]);
  });

  it('refuses to read a spreadsheet that is not a tdkt master, naming the sheet and the spreadsheet', async () => {
    const names = CONTRACT_NAMES.filter((n) => n !== 'Đơn vị' && n !== 'Cài đặt');
    server.state.create({ spreadsheetId: 'partial', title: 'Bảng cũ', sheets: names });
    const s = store('partial');
    const error = await s.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'Bảng tính Google «Bảng cũ» (mã partial) thiếu trang «Đơn vị». ' +
        'Bảng tính này chưa được tạo bằng tdkt, hoặc đã bị đổi tên hay xóa trang. ' +
        'Hãy kiểm tra lại tên các trang, hoặc ghi dữ liệu vào bảng tính để tdkt tạo các trang còn thiếu.',
    );
    expect(s.requestCount).toBe(1);
    // Writing adds the two missing sheets where the contract puts them; then the read works.
    await s.write(sample());
    expect(server.state.sheetTitles('partial')).toEqual(CONTRACT_NAMES);
    expect(await s.read()).toEqual(normalise(sample()));
  });

  it('loses no old row when a write fails midway', async () => {
    server.state.create({ spreadsheetId: 'm' });
    const s = store('m');
    const old = emptyMaster();
    old.plan = Array.from({ length: 20 }, (_, i) => ({ year: 2022, id: `old-${i + 1}`, title: `Cũ ${i + 1}` }));
    await s.write(old);
    const next = emptyMaster();
    next.plan = Array.from({ length: 5 }, (_, i) => ({ year: 2022, id: `new-${i + 1}`, title: `Mới ${i + 1}` }));

    // The values write fails: the old master is untouched.
    server.failNext(1, 500, 'Internal error encountered.', (r) => r.path.endsWith('/values:batchUpdate'));
    await expect(s.write(next)).rejects.toThrow(/^Lỗi khi ghi dữ liệu bảng tính Google «m» \(HTTP 500\)/);
    expect((await s.read()).plan).toEqual(normalise(old).plan);

    // The clearing fails: the new rows are in, old rows remain below them (extra rows, none lost).
    server.failNext(1, 500, 'Internal error encountered.', (r) => r.path.endsWith('/values:batchClear'));
    await expect(s.write(next)).rejects.toThrow(/^Dữ liệu mới đã được ghi .* Hãy ghi lại một lần nữa\./);
    const ids = (await s.read()).plan.map((r) => r.id);
    expect(ids).toEqual([...next.plan.map((r) => r.id), ...old.plan.slice(5).map((r) => r.id)]);

    await s.write(next);
    expect((await s.read()).plan).toEqual(normalise(next).plan);
  });

  it('refuses a cell longer than Sheets allows before changing anything', async () => {
    server.state.create({ spreadsheetId: 'm' });
    const s = store('m');
    const data = emptyMaster();
    data.nominations = [{ year: 2022, name: 'A', achievement: 'x'.repeat(50_001) } as Row];
    await expect(s.write(data)).rejects.toThrow(
      'Trang «Đề nghị khen thưởng», dòng 2, cột «Tóm tắt thành tích»: nội dung dài 50.001 ký tự, vượt giới hạn 50.000 ký tự của một ô Google Sheets.',
    );
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('builds its default credentials from the environment without contacting Google', () => {
    const auth = authFromEnvironment({ GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json' });
    expect(auth).toBeInstanceOf(google.auth.GoogleAuth);
    expect(auth.jsonContent).toBeNull();
    expect((auth as unknown as { scopes: string[] }).scopes).toEqual([SHEETS_SCOPE]);
    expect((auth as unknown as { keyFilename: string }).keyFilename).toBe('/nonexistent/key.json');
    const s = new SheetsApiMasterStore({ spreadsheetId: ' 1AbC ' });
    expect(s.label).toBe('Google Sheet 1AbC');
    expect(s.requestCount).toBe(0);
    expect(() => new SheetsApiMasterStore({ spreadsheetId: '' })).toThrow(UserError);
  });
});
