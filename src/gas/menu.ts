/**
 * The add-in's menu. Each item names a global function exported by index.ts;
 * a test checks every name resolves in the built bundle.
 */
import type * as Globals from './index';

export const MENU_TITLE = 'Thi đua – Khen thưởng';

type GlobalName = keyof typeof Globals;
export type MenuEntry =
  { caption: string; fn: GlobalName } | { submenu: string; items: ReadonlyArray<MenuEntry> } | 'separator';

export const MENU: ReadonlyArray<MenuEntry> = [
  { caption: 'Thiết lập bảng tính', fn: 'menuSetupWorkbook' },
  { caption: 'Nạp kế hoạch từ văn bản…', fn: 'menuLoadPlan' },
  'separator',
  { caption: 'Cập nhật tiến độ…', fn: 'menuOpenProgress' },
  { caption: 'Bảng tổng hợp', fn: 'menuRefreshDashboard' },
  { caption: 'Báo cáo sơ kết 6 tháng', fn: 'menuSixMonthReview' },
  { caption: 'Báo cáo tổng kết năm', fn: 'menuAnnualReview' },
  'separator',
  {
    submenu: 'Nhắc việc',
    items: [
      { caption: 'Bật nhắc việc hằng ngày', fn: 'menuEnableReminders' },
      { caption: 'Tắt nhắc việc hằng ngày', fn: 'menuDisableReminders' },
      { caption: 'Gửi nhắc việc ngay', fn: 'menuSendReminders' },
    ],
  },
  'separator',
  { caption: 'Chuyển kế hoạch sang năm mới…', fn: 'menuRollOverYear' },
  'separator',
  { caption: 'Nhập đề nghị khen thưởng…', fn: 'menuNominate' },
  { caption: 'Kiểm tra điều kiện khen thưởng', fn: 'menuCheckNominations' },
  { caption: 'Biểu quyết của Hội đồng…', fn: 'menuCouncilSession' },
  { caption: 'Lập quyết định khen thưởng…', fn: 'menuMakeDecision' },
  { caption: 'In giấy khen…', fn: 'menuPrintCertificates' },
  { caption: 'Lập danh sách kiểm tra…', fn: 'menuInspectionRoster' },
];

function addEntries(
  ui: GoogleAppsScript.Base.Ui,
  menu: GoogleAppsScript.Base.Menu,
  entries: ReadonlyArray<MenuEntry>,
): void {
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else if ('submenu' in entry) {
      const sub = ui.createMenu(entry.submenu);
      addEntries(ui, sub, entry.items);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.caption, entry.fn);
  }
}

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  addEntries(ui, menu, MENU);
  menu.addToUi();
}
