/**
 * The reference data most actions need besides the plan: the units sheet (who
 * answers for what, who may report for which unit) and the settings sheet
 * (council name, reminder days, the standing office's e-mails).
 *
 * Recording progress is the hot path (every staff member, many times a day),
 * so it takes them from the document cache, kept REFERENCE_CACHE_SECONDS:
 * reading both sheets would cost four Spreadsheet calls per submission. A
 * change to the units or settings sheet therefore reaches the progress
 * sidebar within that time. Reports the office asks for (dashboard, reviews,
 * reminders) read the sheets fresh and refresh the cache.
 */
import type { Row } from '../core/contract';
import { DEFAULT_COUNCIL_NAME, DEFAULT_DUE_SOON_DAYS } from '../core/tracking';
import type { SheetStore } from './sheet-store';

export interface Reference {
  units: Row[];
  settings: Row[];
}

export const REFERENCE_CACHE_SECONDS = 300;
const CACHE_KEY = 'tdkt:reference:v1';

function cache(): GoogleAppsScript.Cache.Cache | null {
  return CacheService.getDocumentCache();
}

/** Units and settings rows: from the cache unless `fresh`, else read (and cached). */
export function referenceData(store: SheetStore, options: { fresh?: boolean } = {}): Reference {
  if (!options.fresh) {
    const hit = cache()?.get(CACHE_KEY);
    if (hit) return JSON.parse(hit) as Reference;
  }
  const reference: Reference = {
    units: store.read('units').rows.map((r) => r.row),
    settings: store.read('settings').rows.map((r) => r.row),
  };
  try {
    cache()?.put(CACHE_KEY, JSON.stringify(reference), REFERENCE_CACHE_SECONDS);
  } catch {
    // Too large for the cache (over 100 KB): every call reads the sheets, which is only slower.
  }
  return reference;
}

/** Drops the cached copy, after tdkt itself changed the units or settings sheet. */
export function forgetReference(): void {
  cache()?.remove(CACHE_KEY);
}

export interface CouncilSettings {
  councilName: string;
  /** «reminderDays»: remind, and show as due soon, items due within this many days. */
  reminderDays: number;
  /** «year»: the plan year being followed, or null when not set. */
  year: number | null;
}

const MAX_REMINDER_DAYS = 90;

/** The settings tdkt uses, with defaults for empty or unreadable values. */
export function councilSettings(settings: ReadonlyArray<Row>): CouncilSettings {
  const value = (key: string) => String(settings.find((s) => String(s.key ?? '').trim() === key)?.value ?? '').trim();
  const days = Number(value('reminderDays'));
  const year = Number(value('year'));
  return {
    councilName: value('councilName') || DEFAULT_COUNCIL_NAME,
    reminderDays:
      value('reminderDays') !== '' && Number.isInteger(days) && days >= 0 && days <= MAX_REMINDER_DAYS
        ? days
        : DEFAULT_DUE_SOON_DAYS,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
  };
}
