/**
 * `npm start`: the main job on the bundled examples, as a new user would run it.
 * 1. builds the add-in (dist/), 2. creates the local master workbook from the
 * example plan and units.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildGas } from './build-gas';
import { initMaster } from '../src/node/init-master';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const MASTER = path.join(EXAMPLES, 'master.xlsx');

async function main(): Promise<void> {
  const build = await buildGas();
  console.log(
    `1. Đã đóng gói add-in vào ${path.relative(ROOT, build.outDir)}/ (${build.globals.length} hàm, ${build.pages.length} trang).`,
  );

  // The example master is made afresh each run (it is not a user's data, so no backup).
  fs.rmSync(MASTER, { force: true });
  const init = await initMaster(MASTER, {
    plan: path.join(EXAMPLES, 'ke-hoach-mau-2024.txt'),
    units: path.join(EXAMPLES, 'units.csv'),
  });
  console.log(
    `2. Đã tạo bảng tính chính ${path.relative(ROOT, MASTER)}: ${init.plan?.items.length ?? 0} nội dung công việc năm ${init.year}, ${init.units} đơn vị.`,
  );
}

main().catch((err: unknown) => {
  console.error('Lỗi:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
