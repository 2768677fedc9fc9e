/**
 * `tdkt check`: checks every nomination of the master against the rulebook of
 * its year (src/core/awards/eligibility.ts), reports the nomination rows the
 * import kept out of the master (award missing or not in the catalogue,
 * conflicts and duplicates between files: read from the import's
 * discrepancies, see src/core/awards/eligibility/imported.ts), writes each
 * nomination's findings into its "Kết quả kiểm tra" column (one atomic write of
 * the master, unless dry run) and, when asked, a JSON report:
 *
 *   { "findings": [ { "file", "sheet", "row", "name", "unit", "award", "year",
 *                     "rule", "article", "severity", "message" } ] }
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  bySeverity,
  checkNominationsIndexed,
  countByRule,
  countBySeverity,
  findingsText,
  importFindings,
  ruleLabel,
  unreadableFiles,
  SEVERITY_LABEL,
  type CouncilLevel,
  type Finding,
  type IndexedFinding,
  type QuotaRounding,
} from '../core/awards';
import type { Row } from '../core/contract';
import { UnitRegistry } from '../core/units';
import { writeFileAtomic } from './atomic-write';
import { UserError } from './errors';
import { textTable } from './text-table';
import { readMaster, writeMaster, type MasterData } from './xlsx-store';

export const COUNCIL_LEVELS: ReadonlyArray<CouncilLevel> = ['province', 'district', 'commune'];

const LEVEL_NAME: Record<CouncilLevel, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };

export interface CheckOptions {
  /** The master workbook (.xlsx). */
  into: string;
  /** Where to write the JSON report, if anywhere. */
  report?: string;
  /** Check and report, but do not write the findings into the master. */
  dryRun?: boolean;
  /** Only nominations of this achievement year. */
  year?: number;
  /** The council's level; default: the master's setting "councilLevel". */
  level?: CouncilLevel;
  quotaRounding?: QuotaRounding;
}

export interface CheckRun {
  master: string;
  level: CouncilLevel;
  /** Nominations checked. */
  checked: number;
  /** Nomination rows the import kept out of the master that have findings (see importFindings). */
  keptOut: number;
  findings: IndexedFinding[];
  /** True when the master was rewritten with the findings. */
  written: boolean;
  dryRun: boolean;
  report?: string;
  /** Problems of the unit sheet (Vietnamese), which may weaken unit matching. */
  unitIssues: string[];
  /** Files the import could not read (Vietnamese): their rows were never checked. */
  importIssues: string[];
}

/** The council level from the option or the master's settings; a usage error when it is not one. */
export function councilLevelOf(data: MasterData, option?: string): CouncilLevel {
  const setting = data.settings.find((s) => s.key === 'councilLevel')?.value;
  const value = String(option ?? setting ?? 'district')
    .trim()
    .toLowerCase();
  if ((COUNCIL_LEVELS as ReadonlyArray<string>).includes(value)) return value as CouncilLevel;
  throw new UserError(
    `Cấp Hội đồng «${value}» không hợp lệ; hãy dùng province (tỉnh), district (huyện) hoặc commune (xã) — trong trang «Cài đặt» (councilLevel) hoặc tùy chọn --level.`,
    2,
  );
}

/** The report's findings with exactly the documented keys, in order. */
export function reportFindings(findings: ReadonlyArray<Finding>): Finding[] {
  return findings.map((f) => ({
    file: f.file,
    sheet: f.sheet,
    row: f.row,
    name: f.name,
    unit: f.unit,
    award: f.award,
    year: f.year,
    rule: f.rule,
    article: f.article,
    severity: f.severity,
    message: f.message,
  }));
}

/** Writes `{ "findings": [...] }` atomically, creating the folder if needed. */
export async function writeCheckReport(file: string, findings: ReadonlyArray<Finding>): Promise<void> {
  const body = JSON.stringify({ findings: reportFindings(findings) }, null, 2) + '\n';
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFileAtomic(file, (temp) => fs.promises.writeFile(temp, body, 'utf8'));
}

/** The nominations with their findings column set (checked rows only); null where nothing was found. */
export function withFindings(
  nominations: ReadonlyArray<Row>,
  checked: ReadonlySet<number>,
  findings: ReadonlyArray<IndexedFinding>,
): { rows: Row[]; changed: boolean } {
  const byRow = new Map<number, IndexedFinding[]>();
  for (const f of findings) {
    // Rows the import kept out of the master have no row in the nominations sheet to write to.
    if (f.index !== null) byRow.set(f.index, [...(byRow.get(f.index) ?? []), f]);
  }
  let changed = false;
  const rows = nominations.map((row, i) => {
    if (!checked.has(i)) return row;
    const list = byRow.get(i);
    const value = list ? findingsText(list) : null;
    if ((row.findings ?? null) === value) return row;
    changed = true;
    return { ...row, findings: value };
  });
  return { rows, changed };
}

export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  if (!fs.existsSync(options.into)) {
    throw new UserError(
      `Không tìm thấy bảng tính chính «${options.into}». Hãy tạo bằng lệnh: npx tdkt init ${options.into}`,
      2,
    );
  }
  const data = await readMaster(options.into);
  const level = councilLevelOf(data, options.level);
  const registry = UnitRegistry.fromRows(data.units);
  const checkedFindings = checkNominationsIndexed({
    nominations: data.nominations,
    registrations: data.registrations,
    history: data.awardHistory,
    registry,
    councilLevel: level,
    year: options.year,
    quotaRounding: options.quotaRounding,
  });
  const imported = importFindings({
    discrepancies: data.discrepancies,
    importLog: data.importLog,
    nominations: data.nominations,
    registry,
    year: options.year,
  });
  const findings = [...checkedFindings, ...imported];
  const checked = new Set<number>();
  data.nominations.forEach((row, i) => {
    if (options.year === undefined || Number(row.year) === options.year) checked.add(i);
  });
  if (options.report) await writeCheckReport(options.report, findings);
  let written = false;
  if (!options.dryRun) {
    const { rows, changed } = withFindings(data.nominations, checked, findings);
    if (changed) {
      await writeMaster(options.into, { ...data, nominations: rows });
      written = true;
    }
  }
  return {
    master: options.into,
    level,
    checked: checked.size,
    keptOut: new Set(imported.filter((f) => f.index === null).map(recordKey)).size,
    findings,
    written,
    dryRun: Boolean(options.dryRun),
    report: options.report,
    unitIssues: registry.issues.map((i) => i.message),
    importIssues: unreadableFiles(data.discrepancies),
  };
}

/** One key per record: its nominations row, or its place in its source file. */
function recordKey(f: IndexedFinding): string {
  return f.index !== null ? `#${f.index}` : `${f.file ?? ''}|${f.sheet ?? ''}|${f.row ?? ''}|${f.name}`;
}

function place(f: Finding): string {
  if (!f.file) return 'nhập tay';
  const file = path.basename(f.file);
  return f.row === null ? file : `${file}:${f.row}`;
}

/** The Vietnamese summary: counts by severity and by rule, then the findings table. */
export function formatCheckSummary(run: CheckRun): string {
  const lines: string[] = [];
  lines.push(`KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG (Hội đồng ${LEVEL_NAME[run.level]})`);
  lines.push('');
  if (run.checked === 0 && run.keptOut === 0) {
    lines.push('Không có đề nghị khen thưởng nào để kiểm tra.');
    for (const issue of run.importIssues) lines.push(`Lưu ý: ${issue}`);
    return lines.join('\n');
  }
  const counts = countBySeverity(run.findings);
  const withAny = new Set(run.findings.map(recordKey)).size;
  const keptOut = run.keptOut
    ? ` (và ${run.keptOut} dòng đề nghị chưa được nhập vào bảng tính chính do sai lệch khi nhập)`
    : '';
  lines.push(
    `Đã kiểm tra ${run.checked} đề nghị khen thưởng${keptOut}: ${withAny} đề nghị có vấn đề; ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.document} cần bổ sung hồ sơ.`,
  );
  if (run.findings.length) {
    lines.push('');
    lines.push('Theo quy định:');
    lines.push(
      textTable(
        [
          { header: 'Quy định', max: 60 },
          { header: 'Mã' },
          { header: 'Lỗi', align: 'right' },
          { header: 'Cảnh báo', align: 'right' },
          { header: 'Hồ sơ', align: 'right' },
          { header: 'Căn cứ', max: 70 },
        ],
        countByRule(run.findings).map((r) => [ruleLabel(r.rule), r.rule, r.error, r.warning, r.document, r.article]),
      ),
    );
    lines.push('');
    lines.push('Chi tiết:');
    const sorted = bySeverity(run.findings);
    lines.push(
      textTable(
        [
          { header: 'STT', align: 'right' },
          { header: 'Mức' },
          { header: 'Nguồn', max: 40 },
          { header: 'Họ tên / Tập thể', max: 32 },
          { header: 'Danh hiệu', max: 36 },
          { header: 'Vấn đề', max: 48 },
        ],
        sorted.map((f, i) => [i + 1, SEVERITY_LABEL[f.severity], place(f), f.name, f.award, ruleLabel(f.rule)]),
      ),
    );
    lines.push('');
    lines.push('Nội dung từng vấn đề (theo STT):');
    sorted.forEach((f, i) => lines.push(`${String(i + 1).padStart(3)}. ${f.message}`));
  }
  lines.push('');
  for (const issue of run.importIssues) lines.push(`Lưu ý: ${issue}`);
  for (const issue of run.unitIssues) lines.push(`Lưu ý về danh sách đơn vị: ${issue}`);
  if (run.dryRun) lines.push('Chạy thử (--dry-run): không ghi gì vào bảng tính chính.');
  else if (run.written)
    lines.push(`Đã ghi kết quả vào cột «Kết quả kiểm tra» của trang «Đề nghị khen thưởng» trong «${run.master}».`);
  else lines.push(`Cột «Kết quả kiểm tra» trong «${run.master}» đã đúng, không cần ghi lại.`);
  if (run.report) lines.push(`Đã ghi báo cáo chi tiết vào «${run.report}».`);
  if (counts.error > 0) {
    lines.push('Có đề nghị chưa đủ điều kiện (lỗi): xin xem lại trước khi trình Hội đồng.');
  }
  return lines.join('\n');
}
