import { readFileSync } from 'fs';
import * as path from 'path';
import type { ParsedPlan, PlanItem } from '../../../src/core/plan';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/plans');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** What a test states about an item; fields left out are not checked. */
export interface ItemExpectation {
  id: string;
  title?: string;
  lead?: string;
  advisory?: string;
  executor?: string;
  coordinators?: string[];
  target?: string;
  kind: string;
  start?: string | null;
  due: string[];
  source?: PlanItem['scheduleSource'];
  text?: string;
}

export function expectItems(plan: ParsedPlan, expected: ItemExpectation[]): void {
  expect(plan.items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
  for (const e of expected) {
    const item = plan.items.find((i) => i.id === e.id)!;
    const actual: Record<string, unknown> = { id: item.id, kind: item.schedule.kind, due: item.schedule.due };
    const wanted: Record<string, unknown> = { id: e.id, kind: e.kind, due: e.due };
    const optional: Array<[keyof ItemExpectation, unknown]> = [
      ['title', item.title],
      ['lead', item.lead],
      ['advisory', item.advisory],
      ['executor', item.executor],
      ['coordinators', item.coordinators],
      ['target', item.target],
      ['start', item.schedule.start],
      ['source', item.scheduleSource],
      ['text', item.schedule.text],
    ];
    for (const [key, value] of optional) {
      if (e[key] !== undefined) {
        actual[key] = value;
        wanted[key] = e[key];
      }
    }
    expect(actual).toEqual(wanted);
  }
}

/** Vietnamese letters with diacritics: every user-facing message has some. */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;
