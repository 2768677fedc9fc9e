/**
 * The plan's highlight rules (setup's conditional formatting) carry no
 * argument separator, so a spreadsheet in a «;» locale (vi_VN) reads them as
 * one in a «,» locale does; and they mean what they should: evaluated by a
 * real spreadsheet engine (LibreOffice, when installed, as in CI) on every
 * kind of row, they colour exactly the rows the rule says.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadAddin } from '../support/bundle';
import { resaveWithLibreOffice, soffice } from '../support/soffice';

function ruleFormulas(): { done: string; late: string; dueSoon: string } {
  const runtime = loadAddin();
  runtime.call('menuSetupWorkbook');
  const plan = runtime.spreadsheet.getSheetByName('Kế hoạch')!;
  const [done, late, dueSoon] = plan.$conditionalFormatRules.map((r) => String(r.$state.values[0]));
  return { done, late, dueSoon };
}

it('uses no argument separator outside its quoted texts', () => {
  for (const formula of Object.values(ruleFormulas())) {
    expect(formula.startsWith('=')).toBe(true);
    expect(formula.replace(/"[^"]*"/g, '""')).not.toMatch(/[,;]/);
  }
});

(soffice ? it : it.skip)(
  'colours done, late and due-soon rows as a spreadsheet engine evaluates them',
  async () => {
    const { done, late, dueSoon } = ruleFormulas();
    // Columns the rules read (see addin.test.ts): K kind, O status, Q next due, R days late.
    const today = new Date();
    const day = (offset: number) => new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + offset));
    type Case = { kind: string; status: string; next: Date | string; lateDays: number | string; want: string };
    const cases: Case[] = [
      { kind: 'Thời hạn', status: 'Hoàn thành', next: day(-3), lateDays: 3, want: 'done' },
      { kind: 'Thời hạn', status: 'Đang thực hiện', next: day(-3), lateDays: '', want: 'late' },
      { kind: 'Thời hạn', status: 'Chưa bắt đầu', next: day(5), lateDays: 2, want: 'late' },
      { kind: 'Thời hạn', status: 'Tạm dừng', next: day(-3), lateDays: 3, want: '' },
      { kind: 'Thường xuyên', status: 'Đang thực hiện', next: day(-3), lateDays: '', want: '' },
      { kind: 'Thời hạn', status: 'Đang thực hiện', next: day(0), lateDays: '', want: 'dueSoon' },
      { kind: 'Thời hạn', status: 'Chưa bắt đầu', next: day(7), lateDays: '', want: 'dueSoon' },
      { kind: 'Thời hạn', status: 'Chưa bắt đầu', next: day(8), lateDays: '', want: '' },
      { kind: 'Thời hạn', status: 'Chưa bắt đầu', next: '', lateDays: '', want: '' },
      { kind: 'Thời hạn', status: 'Chưa bắt đầu', next: 'không rõ', lateDays: '', want: '' },
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kế hoạch');
    cases.forEach((c, i) => {
      const r = i + 2;
      ws.getCell(r, 11).value = c.kind;
      ws.getCell(r, 15).value = c.status;
      ws.getCell(r, 17).value = c.next === '' ? null : c.next;
      ws.getCell(r, 18).value = c.lateDays === '' ? null : c.lateDays;
      // The rule as a cell formula of its row (rules are written for row 2 and shift with the row).
      [done, late, dueSoon].forEach((f, k) => {
        ws.getCell(r, 20 + k).value = { formula: f.slice(1).replace(/\$([A-Z]+)2\b/g, `$$$1${r}`) };
      });
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-highlight-'));
    try {
      const source = path.join(dir, 'rules.xlsx');
      await wb.xlsx.writeFile(source);
      const resaved = resaveWithLibreOffice(source, dir);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(resaved);
      const sheet = back.worksheets[0];
      const got = cases.map((c, i) => {
        const result = (k: number) => (sheet.getCell(i + 2, 20 + k).value as { result?: unknown }).result;
        const hits = ['done', 'late', 'dueSoon'].filter((_, k) => result(k) === true);
        // Sheets paints a cell with the first rule that holds, in the rules' order (done, late, due soon).
        return { ...c, next: String(c.next), got: hits[0] ?? '' };
      });
      expect(got).toEqual(cases.map((c) => ({ ...c, next: String(c.next), got: c.want })));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
