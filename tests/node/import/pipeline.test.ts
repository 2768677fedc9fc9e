import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEETS } from '../../../src/core/contract';
import { UserError } from '../../../src/node/errors';
import { collectInputs, importReports, runImport, type ImportProgress } from '../../../src/node/import/pipeline';
import { readMaster, writeMaster, type MasterData } from '../../../src/node/xlsx-store';
import type { MasterStore } from '../../../src/node/master-store';
import { CountingStore, createMaster, fakeParse, sha256, writeReportFile, type FakeReport } from './pipeline-helpers';

const REPORTS: Record<string, FakeReport> = {
  '01_yte_dk.xlsx': {
    unitText: 'Phòng Y tế huyện Hồng Ngự',
    kind: 'registration',
    records: [{ name: 'Nguyễn Thị Ngọc Ngân', awardText: 'CSTĐCS' }, { name: 'Lâm Thị Lài' }],
  },
  '03_yte_kt.xlsx': {
    unitText: 'PHÒNG Y TẾ',
    kind: 'nomination',
    records: [
      { name: 'Nguyễn Thị Ngọc Ngân', awardText: 'Chiến sĩ thi đua cơ sở' },
      { name: 'Đặng Kim Hằng', awardText: 'CSTĐ cơ sở' },
      { name: '=HYPERLINK("http://x")', position: '@Chuyên viên' },
      { name: 'Phan Thị Hồng Mai', awardText: 'Giấy khen của Giám đốc Sở' },
    ],
  },
  '04_gd_kt.xlsx': {
    unitText: 'Phòng Giáo dục và Đào tạo',
    kind: 'nomination',
    records: [
      { name: 'ĐẶNG KIM HẰNG'.normalize('NFD'), awardText: 'CSTĐCS' },
      { name: 'Lâm Thị Lài', awardText: 'Giấy khen của Chủ tịch UBND huyện' },
    ],
  },
};

describe('importReports', () => {
  let dir: string;
  let masterFile: string;
  let inputs: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-import-'));
    masterFile = path.join(dir, 'master.xlsx');
    inputs = path.join(dir, 'reports');
    await createMaster(masterFile);
    // Out of order on purpose, in sub-folders; a copy, a broken file, a lock file and a non-Excel file.
    writeReportFile(inputs, '04_gd_kt.xlsx');
    writeReportFile(inputs, 'sub/03_yte_kt.xlsx');
    writeReportFile(inputs, '01_yte_dk.xlsx');
    writeReportFile(
      inputs,
      'sub/deeper/05_copy of 03.xlsx',
      fs.readFileSync(path.join(inputs, 'sub/03_yte_kt.xlsx'), 'utf8'),
    );
    writeReportFile(inputs, '02_broken.xlsx');
    writeReportFile(inputs, '~$04_gd_kt.xlsx');
    writeReportFile(inputs, 'notes.txt');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds report files recursively, in file-name order, paths as given', () => {
    const rel = path.relative(process.cwd(), inputs);
    expect(collectInputs([rel]).map((p) => path.relative(rel, p))).toEqual([
      '01_yte_dk.xlsx',
      '02_broken.xlsx',
      path.join('sub', '03_yte_kt.xlsx'),
      '04_gd_kt.xlsx',
      path.join('sub', 'deeper', '05_copy of 03.xlsx'),
    ]);
    expect(collectInputs([rel]).every((p) => !path.isAbsolute(p))).toBe(true);
    // A file named twice (directly and through its folder) is read once.
    expect(collectInputs([path.join(inputs, '01_yte_dk.xlsx'), inputs])).toHaveLength(5);
  });

  it('imports, reconciles and writes the master exactly once', async () => {
    const store = new CountingStore(masterFile);
    const calls: string[][] = [];
    const events: ImportProgress[] = [];
    const report = await importReports({
      inputs: [inputs],
      store,
      parse: fakeParse(REPORTS, calls),
      now: () => new Date('2023-02-01T09:00:00Z'),
      onProgress: (p) => events.push(p),
    });
    expect(store.writes).toBe(1);
    expect(store.reads).toBe(1);
    // The byte-identical copy is not even parsed.
    expect(calls).toHaveLength(1);
    expect(calls[0].map((p) => path.basename(p))).toEqual([
      '01_yte_dk.xlsx',
      '02_broken.xlsx',
      '03_yte_kt.xlsx',
      '04_gd_kt.xlsx',
    ]);
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['hash', 'parse', 'reconcile', 'write', 'done']));

    expect(report.files.map((f) => [path.basename(f.path), f.status, f.unit, f.kind])).toEqual([
      ['01_yte_dk.xlsx', 'imported', 'Phòng Y tế', 'registration'],
      ['02_broken.xlsx', 'failed', null, null],
      ['03_yte_kt.xlsx', 'imported', 'Phòng Y tế', 'nomination'],
      ['04_gd_kt.xlsx', 'imported', 'Phòng Giáo dục và Đào tạo', 'nomination'],
      ['05_copy of 03.xlsx', 'skipped', 'Phòng Y tế', 'nomination'],
    ]);
    expect(report.files[4].message).toContain('03_yte_kt.xlsx');
    expect(report.files[1].message).toBe('Tệp «02_broken.xlsx» không phải tệp Excel hợp lệ.');
    const summary = report.records.map((r) => [
      path.basename(r.file),
      r.name,
      r.outcome,
      r.problems.map((p) => p.code),
    ]);
    expect(summary).toEqual([
      ['01_yte_dk.xlsx', 'Nguyễn Thị Ngọc Ngân', 'added', []],
      ['01_yte_dk.xlsx', 'Lâm Thị Lài', 'added', []],
      ['03_yte_kt.xlsx', 'Nguyễn Thị Ngọc Ngân', 'added', []],
      ['03_yte_kt.xlsx', 'Đặng Kim Hằng', 'added', ['not_registered']],
      ['03_yte_kt.xlsx', '=HYPERLINK("http://x")', 'added', []],
      ['03_yte_kt.xlsx', 'Phan Thị Hồng Mai', 'invalid', ['unknown_award']],
      ['04_gd_kt.xlsx', 'Đặng Kim Hằng', 'duplicate', ['duplicate']],
      ['04_gd_kt.xlsx', 'Lâm Thị Lài', 'added', []],
    ]);
    expect(report.records[0].file).toBe(path.join(inputs, '01_yte_dk.xlsx'));

    const master = await readMaster(masterFile);
    expect(master.registrations.map((r) => r.name)).toEqual(['Nguyễn Thị Ngọc Ngân', 'Lâm Thị Lài']);
    expect(master.nominations.map((r) => r.name)).toEqual([
      'Nguyễn Thị Ngọc Ngân',
      'Đặng Kim Hằng',
      '=HYPERLINK("http://x")',
      'Lâm Thị Lài',
    ]);
    expect(master.nominations[0]).toMatchObject({
      unit: 'Phòng Y tế',
      award: 'Chiến sĩ thi đua cơ sở',
      subject: 'individual',
      sourceFile: path.join(inputs, 'sub', '03_yte_kt.xlsx'),
      sourceSheet: 'DS',
      sourceRow: 10,
      importedAt: '2023-02-01T09:00:00.000Z',
    });
    expect(master.importLog.map((r) => [path.basename(String(r.file)), r.status])).toEqual([
      ['01_yte_dk.xlsx', 'imported'],
      ['02_broken.xlsx', 'failed'],
      ['03_yte_kt.xlsx', 'imported'],
      ['04_gd_kt.xlsx', 'imported'],
      ['05_copy of 03.xlsx', 'skipped'],
    ]);
    expect(master.importLog[0].sha256).toBe(sha256(path.join(inputs, '01_yte_dk.xlsx')));
    expect(master.discrepancies.map((r) => r.code).sort()).toEqual(
      ['duplicate', 'not_registered', 'unknown_award', 'unreadable_file'].sort(),
    );
    expect(master.discrepancies.every((r) => r.resolved === 'no')).toBe(true);
    expect(master.units).toHaveLength(3);
  });

  it('keeps formula-looking names and positions as text cells in the master', async () => {
    await importReports({ inputs: [inputs], store: new CountingStore(masterFile), parse: fakeParse(REPORTS) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(masterFile);
    const sheet = wb.getWorksheet(SHEETS.nominations.name)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nameCol = header.indexOf('Họ và tên / Tên tập thể') + 1;
    const posCol = header.indexOf('Chức vụ') + 1;
    const cells = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(nameCol));
    const bait = cells.find((c) => c.value === '=HYPERLINK("http://x")');
    expect(bait).toBeDefined();
    expect(bait!.type).toBe(ExcelJS.ValueType.String);
    expect(bait!.formula).toBeUndefined();
    const position = sheet.getRow(Number(bait!.row)).getCell(posCol);
    expect(position.value).toBe('@Chuyên viên');
    expect(position.type).toBe(ExcelJS.ValueType.String);
  });

  it('a second import of the same inputs adds nothing: every file is skipped', async () => {
    const parse = fakeParse(REPORTS);
    await importReports({ inputs: [inputs], store: new CountingStore(masterFile), parse });
    const before = await readMaster(masterFile);
    const calls: string[][] = [];
    const again = await importReports({
      inputs: [inputs],
      store: new CountingStore(masterFile),
      parse: fakeParse(REPORTS, calls),
    });
    // The broken file is tried again (a newer reader may read it); nothing else is parsed.
    expect(calls.flat().map((p) => path.basename(p))).toEqual(['02_broken.xlsx']);
    expect(again.files.map((f) => f.status)).toEqual(['skipped', 'failed', 'skipped', 'skipped', 'skipped']);
    expect(again.files[0].message).toContain('đã nhập trước đây');
    expect(again.records).toEqual([]);
    const after = await readMaster(masterFile);
    expect(after.registrations).toEqual(before.registrations);
    expect(after.nominations).toEqual(before.nominations);
    expect(after.discrepancies).toEqual(before.discrepancies);
  });

  it('re-importing resaved files (new bytes, same rows) gives unchanged and updated, never added', async () => {
    await importReports({ inputs: [inputs], store: new CountingStore(masterFile), parse: fakeParse(REPORTS) });
    const before = await readMaster(masterFile);
    for (const name of ['01_yte_dk.xlsx', 'sub/03_yte_kt.xlsx', '04_gd_kt.xlsx']) {
      fs.appendFileSync(path.join(inputs, name), ' resaved');
    }
    const changed: Record<string, FakeReport> = JSON.parse(JSON.stringify(REPORTS));
    changed['04_gd_kt.xlsx'].records[1].position = 'Phó Trưởng phòng';
    const again = await importReports({
      inputs: [inputs],
      store: new CountingStore(masterFile),
      parse: fakeParse(changed),
    });
    const outcomes = again.records.map((r) => r.outcome);
    expect(outcomes).not.toContain('added');
    expect(outcomes.filter((o) => o === 'updated')).toHaveLength(1);
    expect(again.records.find((r) => r.outcome === 'updated')).toMatchObject({
      name: 'Lâm Thị Lài',
      position: 'Phó Trưởng phòng',
    });
    const after = await readMaster(masterFile);
    expect(after.nominations).toHaveLength(before.nominations.length);
    expect(after.registrations).toHaveLength(before.registrations.length);
    expect(after.nominations.find((r) => r.name === 'Lâm Thị Lài')?.position).toBe('Phó Trưởng phòng');
    // Problems already listed are not listed again.
    expect(after.discrepancies.length).toBe(before.discrepancies.length);
  });

  it('a dry run writes nothing', async () => {
    const bytes = fs.readFileSync(masterFile);
    const store = new CountingStore(masterFile);
    const run = await runImport({ inputs: [inputs], store, parse: fakeParse(REPORTS), dryRun: true });
    expect(run.written).toBe(false);
    expect(store.writes).toBe(0);
    expect(run.report.records.length).toBeGreaterThan(0);
    expect(fs.readFileSync(masterFile).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['master.xlsx', 'reports']);
  });

  it('never modifies the source files', async () => {
    const files = collectInputs([inputs]);
    const before = files.map((f) => [sha256(f), fs.statSync(f).mtimeMs]);
    await importReports({ inputs: [inputs], store: new CountingStore(masterFile), parse: fakeParse(REPORTS) });
    expect(files.map((f) => [sha256(f), fs.statSync(f).mtimeMs])).toEqual(before);
  });

  it('fails with a Vietnamese UserError when the master has no units', async () => {
    await createMaster(masterFile, false);
    const promise = importReports({
      inputs: [inputs],
      store: new CountingStore(masterFile),
      parse: fakeParse(REPORTS),
    });
    await expect(promise).rejects.toThrow(UserError);
    await expect(
      importReports({ inputs: [inputs], store: new CountingStore(masterFile), parse: fakeParse(REPORTS) }),
    ).rejects.toThrow(`npx tdkt init ${masterFile} --units units.csv`);
  });

  it('a path that does not exist, or no inputs, is a usage error (exit code 2)', async () => {
    const missing = path.join(dir, 'khong-co.xlsx');
    await expect(
      importReports({ inputs: [missing], store: new CountingStore(masterFile), parse: fakeParse(REPORTS) }),
    ).rejects.toMatchObject({ name: 'UserError', exitCode: 2, message: expect.stringContaining('Không tìm thấy') });
    await expect(importReports({ inputs: [], store: new CountingStore(masterFile) })).rejects.toMatchObject({
      exitCode: 2,
    });
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    await expect(importReports({ inputs: [empty], store: new CountingStore(masterFile) })).rejects.toMatchObject({
      exitCode: 2,
    });
  });

  it('when the write fails after the temporary file is written, the master is intact and readable', async () => {
    const before = await readMaster(masterFile);
    const bytes = fs.readFileSync(masterFile);
    const inner = new CountingStore(masterFile);
    const failing: MasterStore = {
      label: masterFile,
      read: () => inner.read(),
      async write(data: MasterData) {
        // Write the whole new workbook to a temporary file beside the master, then "crash" before the rename.
        const temp = path.join(dir, '.master.xlsx.crash.tmp');
        await writeMaster(temp, data);
        expect(fs.statSync(temp).size).toBeGreaterThan(0);
        throw new Error('simulated crash');
      },
    };
    await expect(importReports({ inputs: [inputs], store: failing, parse: fakeParse(REPORTS) })).rejects.toThrow(
      'simulated crash',
    );
    expect(fs.readFileSync(masterFile).equals(bytes)).toBe(true);
    const after = await readMaster(masterFile);
    expect(after.nominations).toEqual(before.nominations);
  });

  it('excludes the master itself when it sits in an input folder', async () => {
    const inside = path.join(inputs, '00_master.xlsx');
    fs.copyFileSync(masterFile, inside);
    const report = await importReports({
      inputs: [inputs],
      store: new CountingStore(inside),
      parse: fakeParse(REPORTS),
      exclude: [inside],
    });
    expect(report.files.map((f) => path.basename(f.path))).not.toContain('00_master.xlsx');
  });
});
