/** Menu handlers: each is a thin wrapper that calls the core through the Sheet store. */
import { REPORT_SHEETS } from '../core/contract';
import type { ReviewKind } from '../core/tracking';
import { activeSpreadsheet } from './active';
import { dashboardSummary, refreshDashboardSheet, writeDashboard } from './dashboard';
import { UserFacingError } from './errors';
import { withDocumentLock } from './lock';
import { loadProgressForm, PROGRESS_SIDEBAR_TITLE } from './progress';
import { disableDailyReminders, enableDailyReminders, sendReminders } from './reminders';
import { writeReview } from './review';
import { parseYear, planYears, rollOverPlan } from './rollover';
import { setupSpreadsheet } from './setup';
import { SheetStore } from './sheet-store';
import { readTracking, recomputeComputedColumns, statusOptions } from './tracking';
import { runMenuAction } from './ui-guard';

export function setupWorkbook(): void {
  runMenuAction('Thiết lập bảng tính', () =>
    withDocumentLock(() => {
      const { created, repaired, recomputed } = setupSpreadsheet(activeSpreadsheet());
      const updated = recomputed > 0 ? ` Đã cập nhật trạng thái của ${recomputed} nội dung công việc.` : '';
      if (created.length === 0 && repaired.length === 0) {
        return `Bảng tính đã đầy đủ các trang, không cần thay đổi.${updated}`;
      }
      const parts: string[] = [];
      if (created.length) parts.push(`đã tạo ${created.length} trang (${created.join(', ')})`);
      if (repaired.length) parts.push(`đã bổ sung cột cho ${repaired.join(', ')}`);
      return `Hoàn tất: ${parts.join('; ')}.${updated}`;
    }),
  );
}

export function openProgressSidebar(): void {
  runMenuAction('Cập nhật tiến độ', () => {
    const form = loadProgressForm(new SheetStore());
    if (form.planItems === 0) {
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

export function refreshDashboard(): void {
  runMenuAction('Bảng tổng hợp', () =>
    withDocumentLock(() => {
      const result = refreshDashboardSheet(new SheetStore());
      result.sheet.activate();
      return dashboardSummary(result.dashboard);
    }),
  );
}

const REVIEW_TITLES: Record<ReviewKind, string> = {
  'six-month': 'Báo cáo sơ kết 6 tháng',
  annual: 'Báo cáo tổng kết năm',
};

function reviewName(kind: ReviewKind, year: number): string {
  return kind === 'six-month' ? `báo cáo sơ kết 6 tháng đầu năm ${year}` : `báo cáo tổng kết năm ${year}`;
}

function buildReview(kind: ReviewKind): void {
  const title = REVIEW_TITLES[kind];
  runMenuAction(title, () => {
    const store = new SheetStore();
    const years = planYears(store);
    if (years.length === 0) {
      throw new UserFacingError(
        'Kế hoạch chưa có nội dung công việc nào. Vui lòng nạp kế hoạch trước khi lập báo cáo.',
      );
    }
    const question = kind === 'six-month' ? 'Lập báo cáo sơ kết 6 tháng đầu năm' : 'Lập báo cáo tổng kết năm';
    const year = askYear(title, `${question} cho kế hoạch năm nào?`, defaultReviewYear(kind, years));
    if (year === null) return;
    const result = withDocumentLock(() => writeReview(store, readTracking(store), kind, year));
    result.sheet.activate();
    const counts = result.report.sections.map((s) => `${s.heading.replace(/^[IVX]+\. /, '')}: ${s.rows.length}`);
    const done = `Đã lập ${reviewName(kind, year)} trên trang «${result.sheetName}» (${counts.join('; ')}).`;
    if (result.docUrl) {
      showLink(
        title,
        `${done} Bản Google Tài liệu đã được tạo trong Drive của anh/chị (chưa chia sẻ với ai).`,
        result.docUrl,
      );
      return;
    }
    if (result.docError) return { alert: `${done}\nChưa tạo được bản Google Tài liệu: ${result.docError}` };
    return done;
  });
}

export function sixMonthReview(): void {
  buildReview('six-month');
}

export function annualReview(): void {
  buildReview('annual');
}

/** The year a review is most likely for: this year's plan, else the latest before it, else the latest. */
function defaultReviewYear(kind: ReviewKind, years: number[]): number {
  const now = new Date();
  const thisYear = now.getFullYear();
  // An annual review is written in the first weeks of the next year.
  const wanted = kind === 'annual' && now.getMonth() < 2 && years.includes(thisYear - 1) ? thisYear - 1 : thisYear;
  if (years.includes(wanted)) return wanted;
  const before = years.filter((y) => y < wanted);
  return before.length ? before[before.length - 1] : years[years.length - 1];
}

/** Asks for a year; empty means `fallback`; null when the user cancels. */
function askYear(title: string, question: string, fallback: number): number | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, `${question}\nĐể trống để chọn năm ${fallback}.`, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return parseYear(answer.getResponseText(), fallback);
}

function showLink(title: string, message: string, url: string): void {
  const template = HtmlService.createTemplateFromFile('LinkDialog');
  template.message = message;
  template.url = url;
  template.linkText = 'Mở báo cáo trên Google Tài liệu';
  SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(460).setHeight(200), title);
}

export function enableReminders(): void {
  runMenuAction('Bật nhắc việc hằng ngày', () => ({ alert: enableDailyReminders() }));
}

export function disableReminders(): void {
  runMenuAction('Tắt nhắc việc hằng ngày', () => disableDailyReminders());
}

export function sendRemindersNow(): void {
  runMenuAction('Gửi nhắc việc ngay', () =>
    withDocumentLock(() => {
      const store = new SheetStore();
      return { alert: sendReminders(store, readTracking(store)).message };
    }),
  );
}

export function rollOverToNewYear(): void {
  const title = 'Chuyển kế hoạch sang năm mới';
  runMenuAction(title, () => {
    const store = new SheetStore();
    const years = planYears(store);
    if (years.length === 0) {
      throw new UserFacingError('Kế hoạch chưa có nội dung công việc nào để chuyển sang năm mới.');
    }
    const latest = years[years.length - 1];
    const toYear = askYear(
      title,
      `Nhập năm của kế hoạch mới. Các nội dung công việc của năm gần nhất trước năm đó được sao chép sang, ` +
        `thời hạn dời theo năm, tiến độ để trống.`,
      latest + 1,
    );
    if (toYear === null) return;
    const result = withDocumentLock(() => rollOverPlan(store, toYear));
    if (result.added === 0) {
      return `Kế hoạch năm ${toYear} đã có đủ các nội dung công việc của năm ${result.fromYear}; không thêm nội dung nào.`;
    }
    return `Đã chuyển ${result.added} nội dung công việc của năm ${result.fromYear} sang năm ${toYear}. Vui lòng rà soát lại thời hạn và đơn vị chịu trách nhiệm.`;
  });
}

/**
 * The daily trigger (no UI): recompute the plan's computed columns, refresh
 * «Tổng hợp» when it exists, and send the day's reminders, in one execution
 * under the document lock, reading each sheet once.
 */
export function runDailyTracking(): void {
  const store = new SheetStore();
  try {
    const run = withDocumentLock(() => {
      const data = readTracking(store);
      recomputeComputedColumns(store, data.plan, data.log, data.today, statusOptions(store, data.settings));
      if (store.spreadsheet.getSheetByName(REPORT_SHEETS.dashboard)) writeDashboard(store, data);
      return sendReminders(store, data);
    });
    console.log(run.message);
  } catch (err) {
    if (err instanceof UserFacingError) {
      // Nobody to show it to: the run is skipped today and the next one tries again.
      console.warn(`Nhắc việc hằng ngày không chạy: ${err.message}`);
      return;
    }
    throw err;
  }
}
