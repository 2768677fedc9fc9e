/**
 * Plan items as rows of the contract's plan sheet, and loading a plan into an
 * existing sheet: items are matched by (year, id), updated in place, never
 * duplicated, and the progress columns people and tdkt filled are kept.
 */
import { SHEETS, type Row } from '../contract';
import { formatViDate, isIsoDate } from '../dates';
import type { ParsedPlan, PlanItem } from './types';

/** The columns a plan document defines; every other plan column is progress and is kept on reload. */
const DOCUMENT_COLUMNS = [
  'year',
  'id',
  'title',
  'content',
  'lead',
  'advisory',
  'executor',
  'coordinators',
  'target',
  'responsibleUnits',
  'scheduleKind',
  'scheduleText',
  'start',
  'due',
] as const;

/** Due dates as people read them in the sheet: "28/02/2022; 30/06/2022". */
export function formatDueList(due: ReadonlyArray<string>): string {
  return due.map(formatViDate).join('; ');
}

/** The ISO dates of a due-list cell, written dd/mm/yyyy or ISO, separated by ; or , */
export function parseDueList(text: unknown): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const dates: string[] = [];
  for (const part of text.split(/[;,\n]/)) {
    const p = part.trim();
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(p);
    const iso = vi ? `${vi[3]}-${vi[2].padStart(2, '0')}-${vi[1].padStart(2, '0')}` : p;
    if (isIsoDate(iso)) dates.push(iso);
  }
  return dates;
}

/** Who answers for an item: the executor when named, else the lead and the advisory office. */
export function responsibleUnits(item: PlanItem): string {
  const names = item.executor ? [item.executor] : [item.lead, item.advisory];
  return names.filter(Boolean).join('; ');
}

export function planItemRow(item: PlanItem, year: number): Row {
  return {
    year,
    id: item.id,
    title: item.title,
    content: item.content,
    lead: item.lead,
    advisory: item.advisory,
    executor: item.executor,
    coordinators: item.coordinators.join('; '),
    target: item.target,
    responsibleUnits: responsibleUnits(item),
    scheduleKind: item.schedule.kind,
    scheduleText: item.schedule.text,
    start: item.schedule.start,
    due: formatDueList(item.schedule.due),
    status: 'not_started',
    percent: 0,
  };
}

export function planRows(plan: ParsedPlan, year = plan.year): Row[] {
  if (year === null) throw new Error('The plan has no year');
  return plan.items.map((item) => planItemRow(item, year));
}

export interface PlanMerge {
  rows: Row[];
  added: string[];
  updated: string[];
  unchanged: string[];
}

const sameValue = (a: Row[string] | undefined, b: Row[string] | undefined) => (a ?? '') === (b ?? '');

/**
 * Loads plan rows into the existing ones: an item with the same year and id is
 * updated in its document columns only (status, %, dates of progress stay);
 * new items are appended; items no longer in the document are kept as they are.
 */
export function mergePlanRows(existing: ReadonlyArray<Row>, incoming: ReadonlyArray<Row>): PlanMerge {
  const key = (r: Row) => `${r.year}|${r.id}`;
  const rows = existing.map((r) => ({ ...r }));
  const at = new Map(rows.map((r, i) => [key(r), i]));
  const result: PlanMerge = { rows, added: [], updated: [], unchanged: [] };
  for (const row of incoming) {
    const i = at.get(key(row));
    if (i === undefined) {
      at.set(key(row), rows.length);
      rows.push({ ...row });
      result.added.push(String(row.id));
      continue;
    }
    const before = rows[i];
    const changed = DOCUMENT_COLUMNS.some((c) => !sameValue(before[c], row[c]));
    if (!changed) {
      result.unchanged.push(String(row.id));
      continue;
    }
    for (const c of DOCUMENT_COLUMNS) before[c] = row[c] ?? null;
    result.updated.push(String(row.id));
  }
  return result;
}

/** Every plan-sheet column is either from the document or progress; a test keeps this true. */
export const PLAN_PROGRESS_COLUMNS = SHEETS.plan.columns
  .map((c) => c.key)
  .filter((k) => !(DOCUMENT_COLUMNS as ReadonlyArray<string>).includes(k));
