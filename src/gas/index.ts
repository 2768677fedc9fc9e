/**
 * The Apps Script entry: it only exposes globals. The build turns every export
 * into a top-level function declaration, which is what menus, triggers and
 * google.script.run can call.
 */
import { buildMenu } from './menu';

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(): void {
  onOpen();
}

export {
  setupWorkbook as menuSetupWorkbook,
  openPlanLoadDialog as menuLoadPlan,
  openProgressSidebar as menuOpenProgress,
} from './actions';
export { getProgressForm, submitProgress, previewPlan, loadPlan } from './server-api';
