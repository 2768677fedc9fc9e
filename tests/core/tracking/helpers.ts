import { readFileSync } from 'fs';
import * as path from 'path';
import type { Row } from '../../../src/core/contract';
import { UnitRegistry } from '../../../src/core/units';

export const ROOT = path.resolve(__dirname, '../../..');

/** The sample units of the repository (examples/units.csv), as a registry and as units-sheet rows. */
export function sampleRegistry(): UnitRegistry {
  return UnitRegistry.fromCsv(readFileSync(path.join(ROOT, 'examples/units.csv'), 'utf8'));
}

export function sampleUnitRows(): Row[] {
  return sampleRegistry().toRows();
}

/** A plan row: a 2024 deadline item of Phòng Nội vụ unless told otherwise. */
export function planItem(id: string, over: Row = {}): Row {
  return {
    year: 2024,
    id,
    title: `Nội dung ${id}`,
    responsibleUnits: 'Phòng Nội vụ',
    scheduleKind: 'deadline',
    scheduleText: '',
    start: null,
    due: '',
    status: 'not_started',
    percent: 0,
    nextDue: null,
    daysLate: null,
    lastUpdate: null,
    ...over,
  };
}

let clock = 0;

/**
 * A progress-log row reporting on item `itemId`, dated `date` («Ngày thực
 * hiện»), logged at 10:00 in Hồ Chí Minh City that day (03:00 UTC) unless a
 * `loggedAt` is given. Successive calls are logged a second apart, in order.
 */
export function report(itemId: string, status: string, date: string | null, over: Row = {}): Row {
  clock++;
  const day = date ?? '2024-01-01';
  const seconds = String(clock % 60).padStart(2, '0');
  const minutes = String(Math.floor(clock / 60) % 60).padStart(2, '0');
  return {
    loggedAt: `${day}T03:${minutes}:${seconds}.000Z`,
    year: 2024,
    itemId,
    unit: 'Phòng Nội vụ',
    status,
    percent: status === 'done' ? 1 : null,
    date,
    note: '',
    evidence: '',
    user: 'canbo@hongngu.example',
    ...over,
  };
}
