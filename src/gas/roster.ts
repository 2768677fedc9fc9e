/**
 * «Lập danh sách kiểm tra…»: the year's inspection roster. A seed is asked
 * (the year by default, so the same year gives the same roster); the units
 * sheet's clusters and last year's roster sheet, when there is one, go into
 * core/roster pickInspectionRoster; the result is written in one setValues
 * to «Danh sách kiểm tra <năm>», a sheet the office may then edit (next year
 * reads it back as "inspected last year").
 */
import { rosterSheetName, SHEETS, type CellValue } from '../core/contract';
import { todayIn } from '../core/dates';
import { pickInspectionRoster, rosterFromValues, rosterValues, ROSTER_HEADER } from '../core/roster';
import { UnitRegistry } from '../core/units';
import { fitRows } from './council';
import { UserFacingError } from './errors';
import { withDocumentLock } from './lock';
import { requireOffice, settingValue } from './office';
import { referenceData } from './reference';
import { reportSheet, reportValues } from './report-sheet';
import { SheetStore } from './sheet-store';
import { runMenuAction } from './ui-guard';

export const ROSTER_TITLE = 'Lập danh sách kiểm tra';

const HEADER_BACKGROUND = '#d9e7fd';
const WIDTHS = [50, 200, 260, 150, 160, 260];

export interface RosterOutcome {
  sheetName: string;
  clusters: number;
  units: number;
  message: string;
}

/** Reads a sheet whole in one call; an empty sheet reads as no rows. */
function sheetValues(sheet: GoogleAppsScript.Spreadsheet.Sheet): CellValue[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1) as CellValue[][];
  } catch {
    return [];
  }
}

/** Picks and writes the roster of `year` with `seed`. Units exist on `date` (ISO). */
export function writeRoster(store: SheetStore, year: number, seed: number, date: string): RosterOutcome {
  const reference = referenceData(store, { fresh: true });
  const registry = UnitRegistry.fromRows(reference.units);
  const lastSheet = store.spreadsheet.getSheetByName(rosterSheetName(year - 1));
  let lastYear: string[] = [];
  if (lastSheet) {
    try {
      lastYear = rosterFromValues(sheetValues(lastSheet)).flatMap((g) => g.units);
    } catch (err) {
      throw new UserFacingError(
        `Trang «${rosterSheetName(year - 1)}» không đọc được: ${(err as Error).message} Vui lòng khôi phục tiêu đề cột hoặc đổi tên trang đó.`,
      );
    }
  }
  const roster = pickInspectionRoster({ units: registry.all(), lastYear, seed, date, registry });
  const units = roster.reduce((n, g) => n + g.units.length, 0);
  if (units === 0) {
    throw new UserFacingError(
      `Chưa có đơn vị nào được gán «Cụm, khối thi đua» trên trang «${SHEETS.units.name}». Vui lòng ghi cụm, khối thi đua cho các đơn vị rồi lập lại danh sách.`,
    );
  }
  const values = rosterValues(roster, { lastYear });
  const width = ROSTER_HEADER.length;
  const sheetName = rosterSheetName(year);
  const { sheet, created } = reportSheet(store.spreadsheet, sheetName);
  if (!created) sheet.clear();
  fitRows(sheet, values.length);
  sheet.getRange(1, 1, values.length, width).setValues(reportValues(values, width));
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.getRange(1, 1).setNote(`Lập ngày ${date.split('-').reverse().join('/')} với hạt giống (seed) ${seed}.`);
  if (created) WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.setFrozenRows(1);
  sheet.activate();
  const fresh = lastSheet ? ` Đơn vị đã kiểm tra năm ${year - 1} được ưu tiên để lại sau.` : '';
  return {
    sheetName,
    clusters: roster.length,
    units,
    message: `Đã lập danh sách kiểm tra năm ${year} (hạt giống ${seed}) trên trang «${sheetName}»: ${units} đơn vị thuộc ${roster.length} cụm, khối thi đua.${fresh} Thường trực Hội đồng có thể sửa trực tiếp trên trang này.`,
  };
}

/** The year the roster is for: the settings' year when set, else this year. */
function rosterYear(settingsYear: string, today: string): number {
  const year = Number(settingsYear);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

export function makeInspectionRoster(): void {
  runMenuAction(ROSTER_TITLE, () => {
    const store = new SheetStore();
    store.requireSheet('units');
    const reference = referenceData(store, { fresh: true });
    requireOffice(reference, 'lập danh sách kiểm tra');
    const today = todayIn(store.timeZone);
    const year = rosterYear(settingValue(reference.settings, 'year'), today);
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(
      ROSTER_TITLE,
      `Lập danh sách kiểm tra năm ${year}. Nhập hạt giống (một số nguyên) để chọn ngẫu nhiên các đơn vị; cùng một hạt giống luôn cho cùng một danh sách. Để trống để dùng ${year}.`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const typed = answer.getResponseText().trim();
    const seed = typed === '' ? year : Number(typed);
    if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) {
      throw new UserFacingError(`Hạt giống «${typed}» không hợp lệ; vui lòng nhập một số nguyên, ví dụ ${year}.`);
    }
    const sheetName = rosterSheetName(year);
    if (store.spreadsheet.getSheetByName(sheetName)) {
      const confirm = ui.alert(
        ROSTER_TITLE,
        `Trang «${sheetName}» đã có. Lập lại sẽ ghi đè danh sách hiện tại (kể cả phần đã sửa tay). Anh/chị có muốn tiếp tục?`,
        ui.ButtonSet.YES_NO,
      );
      if (confirm !== ui.Button.YES) return;
    }
    // Units as they stand today in the roster's year, else at its start.
    const date = today.startsWith(String(year)) ? today : `${year}-01-01`;
    const outcome = withDocumentLock(() => writeRoster(store, year, seed, date));
    return { alert: outcome.message };
  });
}
