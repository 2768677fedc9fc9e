/**
 * "Nạp kế hoạch từ văn bản…": the plan's text (pasted, or read from a Google
 * Doc) is parsed by the core, previewed, then merged into the plan sheet by
 * (year, id): items are updated in place, never duplicated, and the progress
 * columns are kept. The server always parses again: it never trusts items
 * sent back by a page.
 */
import { SCHEDULE_KIND } from '../core/contract';
import { formatViDate, todayIn } from '../core/dates';
import { recomputePlan } from '../core/tracking';
import { formatDueList, mergePlanRows, parsePlan, planRows, responsibleUnits, type ParsedPlan } from '../core/plan';
import type { PlanLoadResult, PlanPreview, PlanSource } from './api-types';
import { UserFacingError } from './errors';
import { withDocumentLock } from './lock';
import { councilSettings, referenceData } from './reference';
import type { SheetStore } from './sheet-store';

const MAX_PLAN_CHARS = 500_000;

/**
 * A Google Doc as plain text with its list numbers: getText() drops Word/Docs
 * auto-numbering, so numbered list items get their numbers rebuilt from their
 * list and nesting level. Docs has no batched read in DocumentApp; one pass
 * over the paragraphs is the cheapest way.
 */
function docText(url: string): string {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openByUrl(url);
  } catch {
    throw new UserFacingError(
      'Không mở được Google Tài liệu theo đường dẫn này. Vui lòng kiểm tra đường dẫn và quyền xem tài liệu.',
    );
  }
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  for (const paragraph of doc.getBody().getParagraphs()) {
    const text = paragraph.getText();
    if (paragraph.getType() !== DocumentApp.ElementType.LIST_ITEM) {
      lines.push(text);
      continue;
    }
    const item = paragraph.asListItem();
    const level = item.getNestingLevel();
    const glyph = item.getGlyphType();
    const numbers = counters.get(item.getListId()) ?? [];
    numbers[level] = (numbers[level] ?? 0) + 1;
    numbers.length = level + 1;
    counters.set(item.getListId(), numbers);
    lines.push(`${listMarker(numbers, glyph)} ${text}`);
  }
  return lines.join('\n');
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function listMarker(numbers: number[], glyph: GoogleAppsScript.Document.GlyphType): string {
  const last = numbers[numbers.length - 1];
  const G = DocumentApp.GlyphType;
  if (glyph === G.BULLET || glyph === G.HOLLOW_BULLET || glyph === G.SQUARE_BULLET) return '-';
  if (glyph === G.LATIN_LOWER) return `${String.fromCharCode(96 + last)})`;
  if (glyph === G.LATIN_UPPER) return `${String.fromCharCode(64 + last)}.`;
  if (glyph === G.ROMAN_UPPER) return `${roman(last)}.`;
  if (glyph === G.ROMAN_LOWER) return `${roman(last).toLowerCase()}.`;
  // Decimal levels below a Roman section number restart per section: "1.", "1.1.".
  return `${numbers.filter((n) => n > 0).join('.')}.`;
}

function sourceText(source: PlanSource): string {
  const text = 'docUrl' in source ? docText(String(source.docUrl).trim()) : String(source.text ?? '');
  if (text.trim() === '')
    throw new UserFacingError('Vui lòng dán nội dung kế hoạch hoặc nhập đường dẫn Google Tài liệu.');
  if (text.length > MAX_PLAN_CHARS)
    throw new UserFacingError('Văn bản quá dài (quá 500.000 ký tự); vui lòng chỉ dán phần kế hoạch.');
  return text;
}

function parse(source: PlanSource, year: number | null): { plan: ParsedPlan; year: number } {
  const plan = parsePlan(sourceText(source), year ? { year } : {});
  if (plan.items.length === 0) {
    throw new UserFacingError(
      'Không tìm thấy nội dung công việc nào. Kế hoạch cần có mục «NỘI DUNG» (hoặc «NHIỆM VỤ») với các việc được đánh số.',
    );
  }
  const planYear = year ?? plan.year;
  if (!planYear) throw new UserFacingError('Không xác định được năm của kế hoạch; vui lòng nhập năm.');
  return { plan, year: planYear };
}

function scheduleLabel(kind: string, start: string | null, due: string[]): string {
  if (kind === 'window' && start) return `${formatViDate(start)} – ${formatDueList(due)}`;
  if (kind === 'deadline') return `Hạn ${formatDueList(due)}`;
  return SCHEDULE_KIND.find((k) => k.code === kind)?.label ?? kind;
}

export function previewPlanLoad(store: SheetStore, source: PlanSource, year: number | null): PlanPreview {
  const { plan, year: planYear } = parse(source, year);
  const existing = store.read('plan').rows.map((r) => r.row);
  const merge = mergePlanRows(existing, planRows(plan, planYear));
  const action = (id: string) =>
    merge.added.includes(id) ? 'add' : merge.updated.includes(id) ? 'update' : 'unchanged';
  return {
    title: plan.title,
    year: planYear,
    items: plan.items.map((item) => ({
      id: item.id,
      title: item.title,
      responsible: responsibleUnits(item),
      schedule: scheduleLabel(item.schedule.kind, item.schedule.start, item.schedule.due),
      action: action(item.id),
    })),
    warnings: plan.warnings.map((w) => w.message),
    deliverables: plan.deliverables.map((d) => `${d.unitLabel}: ${d.title}`),
  };
}

export function applyPlanLoad(store: SheetStore, source: PlanSource, year: number | null): PlanLoadResult {
  const { plan, year: planYear } = parse(source, year);
  return withDocumentLock(() => {
    const table = store.read('plan');
    const merge = mergePlanRows(
      table.rows.map((r) => r.row),
      planRows(plan, planYear),
    );
    // New and changed items get their computed columns (next due date…) from the log in the same write.
    const log = store.read('progress').rows.map((r) => r.row);
    const settings = councilSettings(referenceData(store).settings);
    const rows = recomputePlan(merge.rows, log, todayIn(store.timeZone), {
      dueSoonDays: settings.reminderDays,
      timeZone: store.timeZone,
    });
    store.replaceRows(table, rows);
    return {
      message: `Đã nạp kế hoạch năm ${planYear}: thêm ${merge.added.length}, cập nhật ${merge.updated.length}, giữ nguyên ${merge.unchanged.length} nội dung công việc.`,
      added: merge.added.length,
      updated: merge.updated.length,
      unchanged: merge.unchanged.length,
    };
  });
}
