/**
 * `npm start`: the main job on the bundled examples, as a new user would run it:
 * 1. builds the add-in (dist/);
 * 2. generates the example unit reports (examples/reports/, messy on purpose)
 *    and the lists of two past decisions (examples/decisions/);
 * 3. creates the local master workbook from the example plan and units;
 * 4. imports them all into it (the decisions' lists into the award history)
 *    and prints the summary.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildGas } from './build-gas';
import { initMaster } from '../src/node/init-master';
import { XlsxMasterStore } from '../src/node/master-store';
import { importReports } from '../src/node/import/pipeline';
import { formatSummary } from '../src/node/import/summary';
import { writeReport } from '../src/node/import/report';
import { makeDecisionExamples, makeExamples } from './make-examples';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const REPORTS = path.join(EXAMPLES, 'reports');
const DECISIONS = path.join(EXAMPLES, 'decisions');
const MASTER = path.join(EXAMPLES, 'master.xlsx');
const REPORT_JSON = path.join(EXAMPLES, 'import-report.json');

const rel = (p: string) => path.relative(ROOT, p);

async function main(): Promise<void> {
  const build = await buildGas();
  console.log(
    `1. Đã đóng gói add-in vào ${rel(build.outDir)}/ (${build.globals.length} hàm, ${build.pages.length} trang).`,
  );

  const examples = await makeExamples(REPORTS, { count: 24, seed: 2024 });
  const decisions = await makeDecisionExamples(DECISIONS);
  console.log(
    `2. Đã tạo ${examples.truth.files.length} báo cáo mẫu của các đơn vị trong ${rel(REPORTS)}/ và ` +
      `${decisions.length} danh sách kèm quyết định khen thưởng các năm trước trong ${rel(DECISIONS)}/.`,
  );

  // The example master is made afresh each run (it is not a user's data, so no backup).
  fs.rmSync(MASTER, { force: true });
  const init = await initMaster(MASTER, {
    plan: path.join(EXAMPLES, 'ke-hoach-mau-2024.txt'),
    units: path.join(EXAMPLES, 'units.csv'),
  });
  console.log(
    `3. Đã tạo bảng tính chính ${rel(MASTER)}: ${init.plan?.items.length ?? 0} nội dung công việc năm ${init.year}, ${init.units} đơn vị.`,
  );

  console.log(
    `4. Nhập các báo cáo vào bảng tính chính (npx tdkt import ${rel(REPORTS)} ${rel(DECISIONS)} --into ${rel(MASTER)}):\n`,
  );
  const report = await importReports({ inputs: [REPORTS, DECISIONS], store: new XlsxMasterStore(MASTER) });
  await writeReport(REPORT_JSON, report);
  console.log(formatSummary(report, { master: rel(MASTER), reportFile: rel(REPORT_JSON) }));
}

main().catch((err: unknown) => {
  console.error('Lỗi:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
