/** The output of `npx tdkt plan parse`: the items as a table, or as JSON. */
import { labelOf } from '../../src/core/contract';
import { formatViDate } from '../../src/core/dates';
import { formatDueList, type PlanItem } from '../../src/core/plan';
import { loadPlan } from '../../src/node/init-master';
import { textTable } from '../../src/node/text-table';

/** The JSON of an item: exactly the documented fields. */
function itemJson(item: PlanItem) {
  const { id, title, content, lead, advisory, executor, coordinators, target, schedule } = item;
  return { id, title, content, lead, advisory, executor, coordinators, target, schedule: { ...schedule } };
}

function scheduleCell(item: PlanItem): string {
  const { kind, start, due } = item.schedule;
  if (kind === 'window' && start) return `${formatViDate(start)} – ${formatDueList(due)}`;
  if (kind === 'deadline') return `Hạn ${formatDueList(due)}`;
  return labelOf('scheduleKind', kind);
}

export async function printPlan(file: string, year: number | undefined, json: boolean): Promise<void> {
  const parsed = await loadPlan(file, year);
  if (json) {
    console.log(JSON.stringify(parsed.items.map(itemJson), null, 2));
    return;
  }
  console.log(`${parsed.title || 'Kế hoạch'}${parsed.year ? '' : ' (chưa rõ năm)'}`);
  console.log(`${parsed.items.length} nội dung công việc cần theo dõi:\n`);
  console.log(
    textTable(
      [
        { header: 'Mã' },
        { header: 'Nội dung công việc', max: 48 },
        { header: 'Chủ trì / thực hiện', max: 30 },
        { header: 'Tham mưu', max: 24 },
        { header: 'Thời gian', max: 40 },
      ],
      parsed.items.map((i) => [i.id, i.title, i.executor || i.lead, i.advisory, scheduleCell(i)]),
    ),
  );
  if (parsed.deliverables.length > 0) {
    console.log('\nViệc các đơn vị phải thực hiện (mục Tổ chức thực hiện):');
    for (const d of parsed.deliverables) {
      const due = d.schedule ? ` – hạn ${formatDueList(d.schedule.due)}` : '';
      console.log(`  • ${d.unitLabel}: ${d.title}${due}`);
    }
  }
  if (parsed.warnings.length > 0) {
    console.log('\nLưu ý:');
    for (const w of parsed.warnings) console.log(`  • ${w.message}`);
  }
}
