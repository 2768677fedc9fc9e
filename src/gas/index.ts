/**
 * The Apps Script entry: it only exposes globals. The build turns every export
 * into a top-level function declaration, which is what menus, triggers and
 * google.script.run can call.
 */
import { runDailyTracking } from './actions';
import { buildMenu } from './menu';
import { referenceChanged } from './reference';

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(): void {
  onOpen();
}

/** The daily time-driven trigger («Bật nhắc việc hằng ngày»); its name is reminders.ts's DAILY_HANDLER. */
export function dailyTracking(): void {
  runDailyTracking();
}

/**
 * The installable change trigger that setup installs: someone changed the
 * spreadsheet by hand; the cached units and settings are dropped. Its name is
 * reference.ts's CHANGE_HANDLER.
 */
export function onSpreadsheetChange(): void {
  referenceChanged();
}

export {
  setupWorkbook as menuSetupWorkbook,
  openPlanLoadDialog as menuLoadPlan,
  openProgressSidebar as menuOpenProgress,
  refreshDashboard as menuRefreshDashboard,
  sixMonthReview as menuSixMonthReview,
  annualReview as menuAnnualReview,
  enableReminders as menuEnableReminders,
  disableReminders as menuDisableReminders,
  sendRemindersNow as menuSendReminders,
  rollOverToNewYear as menuRollOverYear,
} from './actions';
export { getProgressForm, submitProgress, previewPlan, loadPlan } from './server-api';

// The council's work on nominations: menus and the functions their pages call.
export { openNominationSidebar as menuNominate, checkAllNominations as menuCheckNominations } from './nominations';
export { openCouncilDialog as menuCouncilSession, makeDecision as menuMakeDecision } from './council';
export { printCertificates as menuPrintCertificates } from './certificates';
export { makeInspectionRoster as menuInspectionRoster } from './roster';
export { checkNomination, submitNomination, recordCouncilSession } from './server-api';
