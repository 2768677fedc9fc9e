/** Menu handlers: each is a thin wrapper that calls the core through the Sheet store. */
import { setupSpreadsheet } from './setup';
import { runMenuAction } from './ui-guard';
import { SheetStore } from './sheet-store';
import { loadProgressForm, PROGRESS_SIDEBAR_TITLE } from './progress';
import { UserFacingError } from './errors';

export function setupWorkbook(): void {
  runMenuAction('Thiết lập bảng tính', () => {
    const lock = LockService.getDocumentLock();
    lock.waitLock(30_000);
    try {
      const { created, repaired } = setupSpreadsheet(SpreadsheetApp.getActiveSpreadsheet());
      if (created.length === 0 && repaired.length === 0) return 'Bảng tính đã đầy đủ các trang, không cần thay đổi.';
      const parts: string[] = [];
      if (created.length) parts.push(`đã tạo ${created.length} trang (${created.join(', ')})`);
      if (repaired.length) parts.push(`đã bổ sung cột cho ${repaired.join(', ')}`);
      return `Hoàn tất: ${parts.join('; ')}.`;
    } finally {
      lock.releaseLock();
    }
  });
}

export function openProgressSidebar(): void {
  runMenuAction('Cập nhật tiến độ', () => {
    const form = loadProgressForm(new SheetStore());
    if (form.items.length === 0) {
      throw new UserFacingError(
        'Kế hoạch chưa có nội dung công việc nào. Vui lòng nạp kế hoạch trước khi cập nhật tiến độ.',
      );
    }
    const template = HtmlService.createTemplateFromFile('ProgressSidebar');
    // The page boots from this JSON, HTML-escaped by <?= ?> into an attribute: data, never markup.
    template.boot = JSON.stringify(form);
    SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(PROGRESS_SIDEBAR_TITLE));
  });
}

export function openPlanLoadDialog(): void {
  runMenuAction('Nạp kế hoạch', () => {
    new SheetStore().requireSheet('plan');
    const page = HtmlService.createHtmlOutputFromFile('PlanLoadDialog').setWidth(760).setHeight(620);
    SpreadsheetApp.getUi().showModalDialog(page, 'Nạp kế hoạch từ văn bản');
  });
}
