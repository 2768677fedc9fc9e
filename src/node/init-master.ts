/**
 * `tdkt init`: creates the local master workbook with the contract's sheets,
 * filled with a plan's items and the unit registry. It never overwrites a
 * workbook unless told to, and then keeps a backup first.
 */
import * as fs from 'fs';
import type { Row } from '../core/contract';
import { parsePlan, planRows, type ParsedPlan } from '../core/plan';
import { UnitRegistry, hongNguRegistry } from '../core/units';
import { backupFile } from './atomic-write';
import { UserError } from './errors';
import { readPlanText } from './plan-document';
import { emptyMaster, writeMaster } from './xlsx-store';

export interface InitOptions {
  plan?: string;
  units?: string;
  year?: number;
  force?: boolean;
}

export interface InitSummary {
  file: string;
  backup: string | null;
  year: number | null;
  plan: ParsedPlan | null;
  units: number;
  unitsSource: string;
  unitIssues: string[];
}

export async function loadPlan(file: string, year?: number): Promise<ParsedPlan> {
  const text = await readPlanText(file);
  const plan = parsePlan(text, year === undefined ? {} : { year });
  if (plan.items.length === 0) {
    throw new UserError(
      `Không tìm thấy nội dung công việc nào trong kế hoạch «${file}». Kế hoạch cần có mục «NỘI DUNG» (hoặc «NHIỆM VỤ») với các việc được đánh số.`,
    );
  }
  return plan;
}

function loadUnits(file: string | undefined): { registry: UnitRegistry; source: string } {
  if (!file) return { registry: hongNguRegistry(), source: 'danh sách mẫu huyện Hồng Ngự (có sẵn)' };
  if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy tệp danh sách đơn vị «${file}».`, 2);
  try {
    return { registry: UnitRegistry.fromCsv(fs.readFileSync(file, 'utf8')), source: file };
  } catch (err) {
    throw new UserError(`Không đọc được danh sách đơn vị «${file}»: ${(err as Error).message}`);
  }
}

export async function initMaster(file: string, options: InitOptions = {}): Promise<InitSummary> {
  if (!/\.xlsx$/i.test(file)) throw new UserError(`Bảng tính chính phải là tệp .xlsx (đã nhận «${file}»).`, 2);
  const exists = fs.existsSync(file);
  if (exists && !options.force) {
    throw new UserError(
      `Tệp «${file}» đã có. tdkt không ghi đè để tránh mất dữ liệu; nếu thật sự muốn tạo lại, thêm --force (bản cũ sẽ được sao lưu).`,
    );
  }
  // Read every input before touching the disk: a bad plan or CSV leaves nothing behind.
  const plan = options.plan ? await loadPlan(options.plan, options.year) : null;
  const year = options.year ?? plan?.year ?? null;
  if (plan && year === null) {
    throw new UserError(
      `Không xác định được năm của kế hoạch «${options.plan}». Vui lòng ghi rõ bằng --year <năm>.`,
      2,
    );
  }
  const { registry, source } = loadUnits(options.units);

  const data = emptyMaster();
  data.units = registry.toRows();
  if (plan) data.plan = planRows(plan, year);
  data.settings = data.settings.map((s: Row) =>
    s.key === 'year' && year !== null ? { ...s, value: String(year) } : s,
  );

  const backup = exists ? backupFile(file) : null;
  await writeMaster(file, data);
  return {
    file,
    backup,
    year,
    plan,
    units: registry.size,
    unitsSource: source,
    unitIssues: registry.issues.map((i) => (i.line ? `dòng ${i.line}: ${i.message}` : i.message)),
  };
}
