/**
 * The add-in's menu. Each item names a global function exported by index.ts;
 * a test checks every name resolves in the built bundle.
 */
import type * as Globals from './index';

export const MENU_TITLE = 'Thi đua – Khen thưởng';

type GlobalName = keyof typeof Globals;
export type MenuEntry = { caption: string; fn: GlobalName } | 'separator';

export const MENU: ReadonlyArray<MenuEntry> = [
  { caption: 'Thiết lập bảng tính', fn: 'menuSetupWorkbook' },
  { caption: 'Nạp kế hoạch từ văn bản…', fn: 'menuLoadPlan' },
  'separator',
  { caption: 'Cập nhật tiến độ…', fn: 'menuOpenProgress' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.fn);
  }
  menu.addToUi();
}
