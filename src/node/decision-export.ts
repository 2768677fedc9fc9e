/**
 * `tdkt decision`: the council's passed nominations become a decision's
 * attached list (a formatted .xlsx ready to print on A4 landscape) and rows of
 * the master's award history (appended atomically; running it twice adds
 * nothing).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { awardById, matchAward, type AwardId } from '../core/awards';
import {
  decisionFromSession,
  listSubtitle,
  listTitle,
  mergeHistory,
  passedNominations,
  type Decision,
} from '../core/council';
import type { Row } from '../core/contract';
import { parseDate, UnitRegistry } from '../core/units';
import { writeFileAtomic } from './atomic-write';
import { councilLevelOf } from './check';
import { UserError } from './errors';
import { readMaster, writeMaster, type MasterData } from './xlsx-store';

const FONT = 'Times New Roman';
const COLUMNS: ReadonlyArray<{ header: string; key: string; width: number }> = [
  { header: 'STT', key: 'stt', width: 6 },
  { header: 'Họ và tên / Tên tập thể', key: 'name', width: 30 },
  { header: 'Chức vụ', key: 'position', width: 34 },
  { header: 'Đơn vị', key: 'unit', width: 30 },
  { header: 'Danh hiệu, hình thức khen thưởng', key: 'award', width: 36 },
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function cellText(value: Row[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The attached list as a workbook (one sheet "Danh sách"). */
export function decisionListWorkbook(decision: Decision, list: ReadonlyArray<Row>): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tdkt';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Danh sách', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;
  const base: Partial<ExcelJS.Font> = { name: FONT, size: 13 };

  const titleRow = (r: number, text: string, font: Partial<ExcelJS.Font>, height = 20): void => {
    sheet.mergeCells(r, 1, r, last);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { ...base, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.getRow(r).height = height;
  };
  titleRow(1, 'DANH SÁCH', { bold: true, size: 14 });
  titleRow(2, listTitle(decision, list), { bold: true }, 36);
  titleRow(3, listSubtitle(decision), { italic: true }, 36);

  const headerAt = 5;
  const header = sheet.getRow(headerAt);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...base, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.height = 36;
  sheet.pageSetup.printTitlesRow = `${headerAt}:${headerAt}`;
  sheet.views = [{ state: 'frozen', ySplit: headerAt }];

  // Group by award (the list comes in catalogue order); sections only when there are several awards.
  const groups: Array<{ award: string; awardId: AwardId | null; rows: Row[] }> = [];
  for (const row of list) {
    const award = cellText(row.award);
    const current = groups[groups.length - 1];
    if (current && current.award === award) current.rows.push(row);
    else groups.push({ award, awardId: (row.awardId as AwardId | null) ?? null, rows: [row] });
  }
  let r = headerAt + 1;
  const border = (row: ExcelJS.Row): void => {
    for (let c = 1; c <= last; c++) row.getCell(c).border = THIN;
  };
  groups.forEach((group, g) => {
    if (groups.length > 1) {
      const individuals = group.rows.filter((x) => x.subject !== 'collective').length;
      const collectives = group.rows.length - individuals;
      const counts = [
        individuals ? `${two(individuals)} cá nhân` : '',
        collectives ? `${two(collectives)} tập thể` : '',
      ].filter(Boolean);
      const kind = group.awardId ? awardById(group.awardId).kind : 'form';
      sheet.mergeCells(r, 1, r, last);
      const cell = sheet.getCell(r, 1);
      cell.value = `${ROMAN[g] ?? g + 1}. ${kind === 'title' ? `Danh hiệu “${group.award}”` : group.award} (${counts.join(', ')})`;
      cell.font = { ...base, bold: true };
      cell.alignment = { vertical: 'middle', wrapText: true };
      border(sheet.getRow(r));
      r++;
    }
    group.rows.forEach((row, i) => {
      const line = sheet.getRow(r);
      line.getCell(1).value = i + 1;
      line.getCell(2).value = cellText(row.name);
      line.getCell(3).value = cellText(row.position);
      line.getCell(4).value = cellText(row.unit);
      line.getCell(5).value = cellText(row.award);
      for (let c = 1; c <= last; c++) {
        const cell = line.getCell(c);
        cell.font = base;
        cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c === 1 ? 'center' : 'left' };
      }
      border(line);
      r++;
    });
  });

  const individuals = list.filter((x) => x.subject !== 'collective').length;
  const collectives = list.length - individuals;
  const total = [individuals ? `${two(individuals)} cá nhân` : '', collectives ? `${two(collectives)} tập thể` : '']
    .filter(Boolean)
    .join(' và ');
  r++;
  sheet.mergeCells(r, 1, r, last);
  const footer = sheet.getCell(r, 1);
  footer.value = `Danh sách này có ${total || '0 cá nhân'}./.`;
  footer.font = { ...base, italic: true };
  footer.alignment = { horizontal: 'left' };
  return workbook;
}

/** Writes the attached list (.xlsx) atomically. */
export async function exportDecisionList(decision: Decision, list: ReadonlyArray<Row>, file: string): Promise<void> {
  const workbook = decisionListWorkbook(decision, list);
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFileAtomic(file, (temp) => workbook.xlsx.writeFile(temp));
}

export interface DecisionOptions {
  into: string;
  number: string;
  /** dd/mm/yyyy or yyyy-mm-dd. */
  date: string;
  signer: string;
  out: string;
  /** Only this award (name as written: "LĐTT", "Lao động tiên tiến"…). */
  award?: string;
  year?: number;
  /** The decision's authority; default from the master's settings. */
  issuer?: string;
  level?: string;
  dryRun?: boolean;
}

export interface DecisionRun {
  decision: Decision;
  out: string;
  listed: number;
  /** History rows appended (0 on a second run). */
  added: number;
  /** Rows already in the history. */
  already: number;
  skipped: Array<{ name: string; reason: string }>;
  written: boolean;
}

const ISSUER_LEVEL_WORD = { province: 'tỉnh', district: 'huyện', commune: 'xã' } as const;

/**
 * The authority from the settings: "issuer" when set, else the chair of the
 * People's Committee of the council's level and place, taken from the
 * council's name ("Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự").
 */
export function defaultIssuer(data: MasterData, level: keyof typeof ISSUER_LEVEL_WORD): string {
  const setting = (key: string) => String(data.settings.find((s) => s.key === key)?.value ?? '').trim();
  const issuer = setting('issuer');
  if (issuer) return issuer;
  const name = setting('councilName');
  const place = /(?:^|\s)((?:huyện|tỉnh|xã|thị trấn|phường|thị xã|thành phố)\s.+)$/iu.exec(name)?.[1];
  return `Chủ tịch Ủy ban nhân dân ${place ?? ISSUER_LEVEL_WORD[level]}`;
}

export async function runDecision(options: DecisionOptions): Promise<DecisionRun> {
  if (!fs.existsSync(options.into)) {
    throw new UserError(
      `Không tìm thấy bảng tính chính «${options.into}». Hãy tạo bằng lệnh: npx tdkt init ${options.into}`,
      2,
    );
  }
  if (!/\.xlsx$/i.test(options.out)) {
    throw new UserError(`Tệp danh sách phải là tệp .xlsx (đã nhận «${options.out}»).`, 2);
  }
  if (path.resolve(options.out) === path.resolve(options.into)) {
    throw new UserError('Tệp danh sách (--out) không được trùng với bảng tính chính (--into).', 2);
  }
  if (!parseDate(options.date)) {
    throw new UserError(`Ngày quyết định «${options.date}» không hợp lệ; hãy ghi dạng dd/mm/yyyy.`, 2);
  }
  let award: AwardId | undefined;
  if (options.award !== undefined) {
    const match = matchAward(options.award);
    if (!match.award) throw new UserError(`Không xác định được danh hiệu «${options.award}»: ${match.reason}`, 2);
    award = match.award.id;
  }
  const data = await readMaster(options.into);
  const level = councilLevelOf(data, options.level);
  const passed = passedNominations(data.nominations, { award, year: options.year });
  if (passed.length === 0) {
    throw new UserError(
      `Không có đề nghị nào ở trạng thái «Đạt»${award ? ` cho “${awardById(award).name}”` : ''}${options.year ? ` năm ${options.year}` : ''} trong «${options.into}». Hãy ghi kết quả xét vào cột «Trạng thái xét» trước.`,
    );
  }
  const years = [...new Set(passed.map((p) => Number(p.row.year)))];
  if (years.length > 1 && options.year === undefined) {
    throw new UserError(
      `Các đề nghị «Đạt» thuộc nhiều năm (${years.sort().join(', ')}); vui lòng chọn một năm bằng --year.`,
      2,
    );
  }
  let result;
  try {
    result = decisionFromSession(
      {
        number: options.number,
        date: options.date,
        signer: options.signer,
        level,
        issuer: options.issuer ?? defaultIssuer(data, level),
      },
      passed.map((p) => p.row),
    );
  } catch (err) {
    if (err instanceof RangeError) throw new UserError(err.message, 2);
    throw err;
  }
  const skipped = result.skipped.map((s) => ({ name: String(s.row.name ?? ''), reason: s.reason }));
  if (result.list.length === 0) {
    throw new UserError(
      `Không có đề nghị nào thuộc thẩm quyền quyết định của cấp này:\n${skipped.map((s) => `  • ${s.reason}`).join('\n')}`,
    );
  }
  const registry = UnitRegistry.fromRows(data.units);
  const merged = mergeHistory(data.awardHistory, result.history, registry);
  let written = false;
  if (!options.dryRun) {
    await exportDecisionList(result.decision, result.list, options.out);
    if (merged.added.length) {
      await writeMaster(options.into, { ...data, awardHistory: merged.rows });
      written = true;
    }
  }
  return {
    decision: result.decision,
    out: options.out,
    listed: result.list.length,
    added: merged.added.length,
    already: merged.already.length,
    skipped,
    written,
  };
}

/** The Vietnamese summary of a decision run. */
export function formatDecisionSummary(run: DecisionRun, dryRun = false): string {
  const lines = [
    `Quyết định số ${run.decision.number} ngày ${run.decision.date.split('-').reverse().join('/')} của ${run.decision.issuer}: ${run.listed} cá nhân, tập thể.`,
  ];
  if (dryRun) {
    lines.push('Chạy thử (--dry-run): không ghi danh sách, không ghi lịch sử khen thưởng.');
  } else {
    lines.push(`Đã ghi danh sách kèm theo Quyết định vào «${run.out}».`);
    lines.push(
      run.added
        ? `Đã thêm ${run.added} dòng vào trang «Lịch sử khen thưởng».`
        : 'Lịch sử khen thưởng đã có đủ các dòng này, không thêm dòng nào.',
    );
  }
  if (run.already && run.added) lines.push(`${run.already} dòng đã có trong lịch sử từ trước nên không thêm lại.`);
  for (const s of run.skipped) lines.push(`  • Không đưa vào quyết định: ${s.reason}`);
  return lines.join('\n');
}
