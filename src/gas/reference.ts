/**
 * The reference data most actions need besides the plan: the units sheet (who
 * answers for what, who may report for which unit) and the settings sheet
 * (council name, reminder days, the standing office's e-mails).
 *
 * Recording progress is the hot path (every staff member, many times a day),
 * so it takes them from the document cache, kept REFERENCE_CACHE_SECONDS:
 * reading both sheets would cost four Spreadsheet calls per submission.
 *
 * Keeping the cache true:
 * - Script executions and API requests fire no trigger, so tdkt clears the
 *   cache itself wherever it writes the units or settings sheet (only setup
 *   does: headers, formats, default settings).
 * - A person's changes: setup installs an installable change trigger
 *   (CHANGE_HANDLER, onChange), which Sheets runs after every change by hand
 *   (cells edited, rows or columns inserted or removed, sheets added, renamed
 *   or removed…). Its event names no range, so it clears the cache on every
 *   change: one CacheService call, no Spreadsheet call.
 * - What is left is bounded by the expiry: the trigger runs a moment after
 *   the change, a read begun just before it may put the old rows back, and
 *   writes through the Sheets API (the tdkt command line) fire nothing.
 *
 * Setup records in the document properties that the trigger is installed
 * (referenceCacheTrusted: no Spreadsheet call to ask). Only then does the
 * dashboard take units and settings from the cache; in a workbook set up by
 * an older version (no trigger) it reads them fresh. Reviews, reminders and
 * the daily run still read them fresh; the progress sidebar uses the cache
 * either way, as before.
 *
 * Who owns the trigger. An installable trigger runs as the account that made
 * it, and no account can see another's triggers, so setup gives each account
 * that runs it its own (never two; several accounts' triggers just clear the
 * cache several times). If that account later loses edit access, its trigger
 * may stop running and tdkt cannot tell. We accept that rather than check on
 * every read: the cache then is no worse than it always was for the progress
 * sidebar (units and settings at most REFERENCE_CACHE_SECONDS old, and tdkt's
 * own writes still clear it), and the next setup by anyone in the office
 * installs a trigger of theirs.
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
/** Every cache key of the reference data (only one for now), cleared together. */
export const REFERENCE_CACHE_KEYS: ReadonlyArray<string> = [CACHE_KEY];

/** The global function of the change trigger; index.ts exposes it under this name. */
export const CHANGE_HANDLER = 'onSpreadsheetChange';
/** Document property: set by setup once the change trigger is installed; who did it, for whoever looks. */
const WATCHED_KEY = 'tdkt.reference.watched';

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
  cache()?.removeAll([...REFERENCE_CACHE_KEYS]);
}

/**
 * The change trigger's work: someone changed the spreadsheet by hand, maybe
 * the units or settings sheet. No Spreadsheet call; never throws (there is
 * nobody to show an error to, and a failed trigger mails its owner).
 */
export function referenceChanged(): void {
  try {
    forgetReference();
  } catch (err) {
    console.warn(
      `Không xóa được dữ liệu đơn vị, cài đặt trong bộ nhớ đệm: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** True when setup installed the change trigger, so the cached units and settings follow every change. */
export function referenceCacheTrusted(): boolean {
  try {
    return !!PropertiesService.getDocumentProperties().getProperty(WATCHED_KEY);
  } catch {
    return false;
  }
}

function isChangeTrigger(trigger: GoogleAppsScript.Script.Trigger): boolean {
  return (
    trigger.getHandlerFunction() === CHANGE_HANDLER &&
    String(trigger.getEventType()) === String(ScriptApp.EventType.ON_CHANGE)
  );
}

/**
 * Installs this account's change trigger unless it is there already (never
 * two), and records that the cache may be trusted. ScriptApp and
 * PropertiesService only: no Spreadsheet call. Returns false, and records
 * nothing, when the trigger cannot be installed (the account's 20 triggers
 * are used up…): reports then keep reading the sheets.
 */
export function watchReferenceChanges(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  try {
    const mine = ScriptApp.getProjectTriggers().filter(isChangeTrigger);
    // A second one (a double run of an older version) would only clear the cache twice: drop it.
    mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
    if (mine.length === 0) ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create();
    PropertiesService.getDocumentProperties().setProperty(
      WATCHED_KEY,
      Session.getEffectiveUser().getEmail() || 'unknown',
    );
    return true;
  } catch (err) {
    console.warn(
      `Không cài được trình kích hoạt theo dõi thay đổi của bảng tính: ${err instanceof Error ? err.message : String(err)}`,
    );
    return false;
  }
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
