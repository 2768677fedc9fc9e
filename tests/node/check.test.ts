import { Command } from 'commander';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Row } from '../../src/core/contract';
import { hongNguRegistry } from '../../src/core/units';
import { register } from '../../scripts/commands/check';
import { UserError } from '../../src/node/errors';
import { emptyMaster, readMaster, writeMaster, type MasterData } from '../../src/node/xlsx-store';

let nextRow = 5;
const nom = (name: string, unit: string, award: string, year: number, extra: Row = {}): Row => ({
  year,
  unit,
  subject: 'individual',
  name,
  award,
  reviewStatus: 'proposed',
  sourceFile: `${unit}.xlsx`,
  sourceSheet: 'Danh sách',
  sourceRow: nextRow++,
  ...extra,
});
const reg = (name: string, unit: string, award: string, year: number): Row => ({
  year,
  unit,
  subject: 'individual',
  name,
  award,
});
const hist = (name: string, unit: string, award: string, year: number, extra: Row = {}): Row => ({
  year,
  subject: 'individual',
  name,
  unit,
  award,
  decisionNumber: `${year % 100}/QĐ-UBND`,
  ...extra,
});
const recognised = (initiative: string): Row => ({
  initiative,
  initiativeRecognition: 'Quyết định của Hội đồng sáng kiến',
});

/** A unit's LĐTT nominations and registrations. */
function team(unit: string, year: number, names: string[]): { nominations: Row[]; registrations: Row[] } {
  return {
    nominations: names.map((n) => nom(n, unit, 'Lao động tiên tiến', year)),
    registrations: names.map((n) => reg(n, unit, 'Lao động tiên tiến', year)),
  };
}

function master(parts: Partial<Pick<MasterData, 'nominations' | 'registrations' | 'awardHistory'>>): MasterData {
  const data = emptyMaster();
  data.units = hongNguRegistry().toRows();
  return { ...data, ...parts };
}

/**
 * The problem set of the issue: quota (over the unit's decided LĐTT), 2
 * consecutive years, merger, registration (CSTĐCS nobody registered: error;
 * LĐTT of a unit that sent no registration: warning), reused initiative.
 */
function problemMaster(): MasterData {
  const tckh = team(
    'Phòng Tài chính - Kế hoạch',
    2022,
    Array.from({ length: 10 }, (_, i) => `Phạm Văn Số ${i + 1}`),
  );
  const tuphap = team(
    'Phòng Tư pháp',
    2022,
    Array.from({ length: 7 }, (_, i) => `Lâm Thị Mục ${i + 1}`),
  );
  return master({
    nominations: [
      ...tckh.nominations,
      nom('Phạm Văn Số 1', 'Phòng Tài chính - Kế hoạch', 'Chiến sĩ thi đua cơ sở', 2022, recognised('SK số 1')),
      nom('Phạm Văn Số 2', 'Phòng Tài chính - Kế hoạch', 'Chiến sĩ thi đua cơ sở', 2022, recognised('SK số 2')),
      nom('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cấp tỉnh', 2022, recognised('SK tỉnh Mai')),
      nom('Trần Thị Bình', 'Xã Long Khánh', 'Chiến sĩ thi đua cấp tỉnh', 2026, recognised('SK tỉnh Bình')),
      nom('Võ Thị Hoa', 'Phòng Nội vụ', 'Lao động tiên tiến', 2022),
      ...tuphap.nominations,
      nom('Lâm Thị Mục 1', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022, recognised('Số hóa sổ hộ tịch')),
      nom('Đỗ Văn Đăng', 'Phòng Văn hóa và Thông tin', 'Lao động tiên tiến', 2022),
      nom('Đỗ Văn Đăng', 'Phòng Văn hóa và Thông tin', 'Chiến sĩ thi đua cơ sở', 2022, recognised('Số hóa di tích')),
    ],
    registrations: [
      ...tckh.registrations,
      ...tuphap.registrations,
      reg('Phạm Văn Số 1', 'Phòng Tài chính - Kế hoạch', 'Chiến sĩ thi đua cơ sở', 2022),
      reg('Phạm Văn Số 2', 'Phòng Tài chính - Kế hoạch', 'Chiến sĩ thi đua cơ sở', 2022),
      reg('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cấp tỉnh', 2022),
      reg('Trần Thị Bình', 'Xã Long Khánh', 'Chiến sĩ thi đua cấp tỉnh', 2026),
      reg('Lâm Thị Mục 1', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022),
      // Registered for LĐTT only: the CSTĐCS nomination has no registration.
      reg('Đỗ Văn Đăng', 'Phòng Văn hóa và Thông tin', 'Lao động tiên tiến', 2022),
    ],
    awardHistory: [
      // The LĐTT decision of Phòng Tài chính - Kế hoạch for 2022: the quota's base is known.
      ...tckh.nominations.map((n) => hist(String(n.name), 'Phòng Tài chính - Kế hoạch', 'Lao động tiên tiến', 2022)),
      hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2021),
      hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022),
      // Long Khánh A merged into Long Khánh on 01/7/2025.
      hist('Trần Thị Bình', 'Xã Long Khánh A', 'Chiến sĩ thi đua cơ sở', 2024),
      hist('Trần Thị Bình', 'Xã Long Khánh A', 'Chiến sĩ thi đua cơ sở', 2025),
      hist('Trần Thị Bình', 'Xã Long Khánh', 'Chiến sĩ thi đua cơ sở', 2026),
      hist('Lâm Thị Mục 1', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2021, { initiative: 'Số hoá sổ hộ tịch' }),
    ],
  });
}

function cleanMaster(): MasterData {
  const staff = team(
    'Phòng Y tế',
    2022,
    ['An', 'Bình', 'Chi', 'Dũng', 'Em', 'Giang', 'Hà'].map((n) => `Nguyễn Văn ${n}`),
  );
  return master({
    nominations: [
      ...staff.nominations,
      nom('Nguyễn Văn An', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, recognised('Quản lý hồ sơ sức khỏe')),
      nom('Trần Thị Lan', 'Phòng Nội vụ', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện', 2022),
    ],
    registrations: [...staff.registrations, reg('Nguyễn Văn An', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022)],
  });
}

interface Finding {
  file: string | null;
  sheet: string | null;
  row: number | null;
  name: string;
  unit: string;
  award: string;
  year: number | null;
  rule: string;
  article: string;
  severity: string;
  message: string;
}

describe('tdkt check', () => {
  let dir: string;
  let log: jest.SpyInstance;
  let out: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-check-'));
    out = '';
    log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      out += args.join(' ') + '\n';
    });
    process.exitCode = undefined;
  });
  afterEach(() => {
    log.mockRestore();
    process.exitCode = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command as the CLI would; returns the exit code (UserError → its code). */
  async function tdkt(...args: string[]): Promise<number> {
    const program = new Command().exitOverride();
    register(program);
    try {
      await program.parseAsync(['node', 'tdkt', ...args]);
      return typeof process.exitCode === 'number' ? process.exitCode : 0;
    } catch (err) {
      if (err instanceof UserError) {
        out += `Lỗi: ${err.message}\n`;
        return err.exitCode;
      }
      throw err;
    } finally {
      process.exitCode = undefined;
    }
  }

  it('finds the quota, consecutive-year, registration and reused-initiative errors; not the merged unit', async () => {
    const file = path.join(dir, 'master.xlsx');
    const report = path.join(dir, 'out', 'check.json');
    await writeMaster(file, problemMaster());

    expect(await tdkt('check', '--into', file, '--report', report)).toBe(1);

    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings: Finding[] };
    expect(Object.keys(json)).toEqual(['findings']);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual([
        'file',
        'sheet',
        'row',
        'name',
        'unit',
        'award',
        'year',
        'rule',
        'article',
        'severity',
        'message',
      ]);
    }
    const of = (rule: string, name?: string) =>
      json.findings.filter((f) => f.rule === rule && (name === undefined || f.name === name));

    const quota = of('cstdcs.quota').filter((f) => f.severity === 'error');
    expect(quota.map((f) => f.name)).toEqual(['Phạm Văn Số 1', 'Phạm Văn Số 2']);
    expect(quota[0]).toMatchObject({
      severity: 'error',
      unit: 'Phòng Tài chính - Kế hoạch',
      award: 'Chiến sĩ thi đua cơ sở',
      year: 2022,
      file: 'Phòng Tài chính - Kế hoạch.xlsx',
      sheet: 'Danh sách',
    });
    expect(quota[0].article).toMatch(/Nghị định số 91\/2017\/NĐ-CP/);
    expect(quota[0].message).toMatch(/vượt tỷ lệ không quá 15%/);

    const [consecutive] = of('cstd_tinh.consecutive', 'Ngô Thị Mai');
    expect(consecutive.severity).toBe('error');
    expect(consecutive.article).toMatch(/^Điều 22 /);
    expect(consecutive.message).toMatch(/còn thiếu năm 2020/);

    // Three consecutive CSTĐCS across the Long Khánh A → Long Khánh merger: no error.
    expect(of('cstd_tinh.consecutive', 'Trần Thị Bình')).toEqual([]);
    expect(json.findings.filter((f) => f.name === 'Trần Thị Bình' && f.severity === 'error')).toEqual([]);

    // CSTĐCS is registered by name with the council: no registration is an error.
    const [registration] = of('registration', 'Đỗ Văn Đăng');
    expect(registration).toMatchObject({ severity: 'error', award: 'Chiến sĩ thi đua cơ sở' });
    // LĐTT of a unit that sent no registration at all: the unit must send it (warning).
    const [unsent] = of('registration', 'Võ Thị Hoa');
    expect(unsent).toMatchObject({ severity: 'warning', award: 'Lao động tiên tiến' });
    expect(unsent.message).toMatch(/chưa nhận được bản đăng ký thi đua năm 2022 nào của Phòng Nội vụ/);

    const [reused] = of('initiative_unique', 'Lâm Thị Mục 1');
    expect(reused.severity).toBe('error');
    expect(reused.message).toMatch(/Số hóa sổ hộ tịch.*năm 2021/);

    // The province's titles are only proposed by this district council.
    expect(of('issuer.level', 'Ngô Thị Mai')[0].severity).toBe('warning');

    // The summary: counts by severity and by rule, then the table.
    expect(out).toMatch(/KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG \(Hội đồng cấp huyện\)/);
    expect(out).toMatch(/Đã kiểm tra \d+ đề nghị khen thưởng: \d+ đề nghị có vấn đề; \d+ lỗi, \d+ cảnh báo/);
    expect(out).toMatch(/cstdcs\.quota\s+0?\s*2/);
    expect(out).toMatch(/Chi tiết:/);
    expect(out).toMatch(/Lỗi\s+Phòng Tài chính - Kế hoạch\.xlsx:\d+\s+Phạm Văn Số 1/);

    // Each nomination's findings are in its "Kết quả kiểm tra" column.
    const back = await readMaster(file);
    const mai = back.nominations.find((r) => r.name === 'Ngô Thị Mai') as Row;
    expect(String(mai.findings)).toMatch(/^\[Cảnh báo\] .*\n\[Lỗi\] .*còn thiếu năm 2020/s);
    const clean = back.nominations.find((r) => r.name === 'Phạm Văn Số 3') as Row;
    expect(clean.findings).toBeNull();
  });

  it('a clean set gives no error and exit code 0', async () => {
    const file = path.join(dir, 'master.xlsx');
    await writeMaster(file, cleanMaster());
    const report = path.join(dir, 'check.json');
    expect(await tdkt('check', '--into', file, '--report', report)).toBe(0);
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings: Finding[] };
    expect(json.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(out).toMatch(/0 lỗi, 0 cảnh báo/);
  });

  it('--dry-run leaves the master untouched; --year checks one year', async () => {
    const file = path.join(dir, 'master.xlsx');
    await writeMaster(file, problemMaster());
    const before = fs.readFileSync(file);
    expect(await tdkt('check', '--into', file, '--dry-run', '--year', '2026')).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(out).toMatch(/Đã kiểm tra 1 đề nghị/);
    expect(out).toMatch(/Chạy thử \(--dry-run\)/);
  });

  it('writes nothing the second time when the findings are already there', async () => {
    const file = path.join(dir, 'master.xlsx');
    await writeMaster(file, cleanMaster());
    await tdkt('check', '--into', file);
    const first = fs.statSync(file).mtimeMs;
    out = '';
    await tdkt('check', '--into', file);
    expect(fs.statSync(file).mtimeMs).toBe(first);
    expect(out).toMatch(/đã đúng, không cần ghi lại/);
  });

  it.each([
    [['check'], /--into/],
    [['check', '--into', 'khong-co.xlsx'], /Không tìm thấy bảng tính chính/],
    [['check', '--into', 'm.xlsx', '--year', 'abc'], /Năm «abc» không hợp lệ/],
    [['check', '--into', 'm.xlsx', '--level', 'national'], /Cấp Hội đồng «national» không hợp lệ/],
  ])('usage errors exit with 2: %j', async (args, message) => {
    expect(await tdkt(...args.map((a) => (a === 'm.xlsx' ? path.join(dir, a) : a)))).toBe(2);
    expect(out).toMatch(message);
  });

  it('reports the rows the import kept out (its discrepancies), writing only to rows of the master', async () => {
    const file = path.join(dir, 'master.xlsx');
    const src = (name: string) => `/bao-cao/${name}`;
    const data = master({
      nominations: [
        nom('Huỳnh Thị Diễm Thùy', 'Phòng Kinh tế và Hạ tầng', 'Giấy khen của Chủ tịch UBND huyện', 2022, {
          sourceFile: src('03_KTHT.xlsx'),
          sourceRow: 23,
        }),
        nom('Ngô Ngọc Lộc', 'Xã Long Khánh A', 'Giấy khen của Chủ tịch UBND huyện', 2022, {
          sourceFile: src('13_LKA.xlsx'),
          sourceRow: 14,
        }),
      ],
    });
    data.importLog = [
      { file: src('03_KTHT.xlsx'), status: 'imported', unit: 'Phòng Kinh tế và Hạ tầng', kind: 'nomination' },
      { file: src('13_LKA.xlsx'), status: 'imported', unit: 'Xã Long Khánh A', kind: 'nomination' },
      { file: src('02_hong.xlsx'), status: 'failed', unit: null, kind: null },
    ];
    const gap = (f: string, row: number | null, name: string | null, code: string, what: string): Row => ({
      file: src(f),
      sheet: row === null ? null : 'DSKT',
      row,
      name,
      code,
      what,
      why: 'Bản ghi này chưa được thêm vào bảng tính chính.',
      suggestion: 'Vui lòng đề nghị đơn vị sửa rồi gửi lại.',
      resolved: 'no',
    });
    data.discrepancies = [
      gap(
        '13_LKA.xlsx',
        17,
        'Huỳnh Thị Diễm Thùy',
        'conflict',
        '“Huỳnh Thị Diễm Thùy” (năm 2022) được đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”.',
      ),
      gap('13_LKA.xlsx', 22, 'Ngô Minh Kiệt', 'missing_award', 'Chưa ghi danh hiệu cho “Ngô Minh Kiệt”.'),
      {
        ...gap('02_hong.xlsx', null, null, 'unreadable_file', 'Không đọc được tệp.'),
        why: 'Tệp «02_hong.xlsx» bị hỏng.',
      },
    ];
    await writeMaster(file, data);
    const report = path.join(dir, 'check.json');
    expect(await tdkt('check', '--into', file, '--report', report)).toBe(1);
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings: Finding[] };
    expect(json.findings.map((f) => [f.name, f.rule, f.severity, f.unit, f.year])).toEqual(
      expect.arrayContaining([
        ['Huỳnh Thị Diễm Thùy', 'record.conflict', 'error', 'Xã Long Khánh A', 2022],
        ['Huỳnh Thị Diễm Thùy', 'record.conflict', 'warning', 'Phòng Kinh tế và Hạ tầng', 2022],
        ['Ngô Minh Kiệt', 'award.missing', 'error', 'Xã Long Khánh A', 2022],
      ]),
    );
    expect(out).toMatch(/Đã kiểm tra 2 đề nghị khen thưởng \(và 2 dòng đề nghị chưa được nhập vào bảng tính chính/);
    expect(out).toMatch(/Lưu ý: Tệp «02_hong\.xlsx» bị hỏng\. Các dòng của tệp «02_hong\.xlsx» chưa được kiểm tra\./);
    const back = await readMaster(file);
    expect(back.nominations).toHaveLength(2);
    expect(back.nominations[1].findings).toBeNull();
    expect(String(back.nominations[0].findings)).toMatch(/^\[Cảnh báo\] .*tệp «13_LKA\.xlsx», trang «DSKT», dòng 17/);
  });

  it('reads the council level from the settings', async () => {
    const file = path.join(dir, 'master.xlsx');
    const data = problemMaster();
    data.settings = data.settings.map((s) => (s.key === 'councilLevel' ? { ...s, value: 'province' } : s));
    await writeMaster(file, data);
    const report = path.join(dir, 'check.json');
    await tdkt('check', '--into', file, '--report', report, '--dry-run');
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings: Finding[] };
    expect(json.findings.filter((f) => f.rule === 'issuer.level' && f.name === 'Ngô Thị Mai')).toEqual([]);
    expect(out).toMatch(/Hội đồng cấp tỉnh/);
  });
});
