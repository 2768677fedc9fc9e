/**
 * Every menu action runs through `runMenuAction`, so no uncaught error ever
 * reaches the user as a raw stack: problems become a Vietnamese alert.
 */
import { activeSpreadsheet } from './active';
import { UserFacingError } from './errors';

/** What a menu action tells the user when it is done: a toast, or an alert for longer news. */
export type MenuResult = string | { alert: string } | void;

export function runMenuAction(title: string, action: () => MenuResult): void {
  let message: MenuResult;
  try {
    message = action();
  } catch (err) {
    const ui = SpreadsheetApp.getUi();
    if (err instanceof UserFacingError) {
      ui.alert(title, err.message, ui.ButtonSet.OK);
    } else {
      console.error(err);
      const detail = err instanceof Error ? err.message : String(err);
      ui.alert(
        title,
        `Đã xảy ra lỗi ngoài dự kiến, dữ liệu chưa bị thay đổi thêm.\nChi tiết: ${detail}`,
        ui.ButtonSet.OK,
      );
    }
    return;
  }
  if (!message) return;
  if (typeof message === 'string') activeSpreadsheet().toast(message, title, 5);
  else {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message.alert, ui.ButtonSet.OK);
  }
}

/**
 * For functions that pages call through google.script.run: a UserFacingError
 * travels to the page's failure handler with its Vietnamese message; anything
 * else is logged and replaced by a polite generic message.
 */
export function runPageCall<T>(action: () => T): T {
  try {
    return action();
  } catch (err) {
    if (err instanceof UserFacingError) throw new Error(err.message);
    console.error(err);
    throw new Error('Máy chủ gặp lỗi ngoài dự kiến khi xử lý yêu cầu. Vui lòng thử lại hoặc báo Thường trực Hội đồng.');
  }
}
