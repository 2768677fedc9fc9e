/**
 * «In giấy khen…»: certificates of one decision by mail merge from a Google
 * Doc template (its address in «Cài đặt», certificateTemplateUrl).
 *
 * The template is copied once per batch (DriveApp makeCopy keeps its page
 * setup, header, footer, images and styles). The copy's body is the first
 * person's page; for each next person a page break and fresh copies of the
 * template's elements (Element.copy() is detached, so it can be appended) are
 * appended. Placeholders are filled right after each page is added: the only
 * placeholders left in the document are then those of the page just added.
 *
 * Filling: Body.replaceText takes the placeholder as an RE2 pattern (escaped,
 * core/certificates), but the reference does not say how "$" and "\" in its
 * *replacement* are read (literally, or as a Java matcher would). So a value
 * holding neither goes through replaceText (one call), and a value holding
 * either is inserted with findText + Text.deleteText/insertText, which is
 * literal whatever replaceText does. Values never enter a pattern, and are
 * only text: "=1+1" or "<b>x</b>" stay as written.
 *
 * OAuth scope: the broad https://www.googleapis.com/auth/drive stays. The
 * template is a Doc the office names by its address in «Cài đặt»; the add-in
 * did not create it and no Picker chose it, so drive.file cannot open it.
 * drive.readonly can read it but File.makeCopy is documented as needing
 * auth/drive (it creates a file). Copying body elements into a
 * DocumentApp.create() document would need only auth/documents, but loses
 * what makeCopy keeps (headers, footers, page setup, positioned images, named
 * styles), which a certificate's layout depends on.
 *
 * Without DocumentApp or DriveApp (a script not authorised for them) the menu
 * says so politely.
 */
import {
  CERTIFICATE_PLACEHOLDERS,
  CERTIFICATE_TEMPLATE_SETTING,
  certificateFields,
  documentIdFromUrl,
  pdfExportUrl,
  placeholderPattern,
  type CertificateFields,
} from '../core/certificates';
import { SHEETS, type Row } from '../core/contract';
import { formatViDate } from '../core/dates';
import { cleanText } from '../core/text';
import { rowsOfDecision } from './council';
import { UserFacingError } from './errors';
import { requireOffice, settingValue } from './office';
import { referenceData } from './reference';
import { SheetStore } from './sheet-store';
import { runMenuAction } from './ui-guard';

export const CERTIFICATES_TITLE = 'In giấy khen';
/** One document per run: beyond this the run could pass Apps Script's six minutes. */
export const MAX_CERTIFICATES = 250;

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;

export interface CertificateBatch {
  documentId: string;
  url: string;
  pdfUrl: string;
  count: number;
}

function servicesAvailable(): boolean {
  return typeof DocumentApp !== 'undefined' && typeof DriveApp !== 'undefined';
}

/** Characters whose reading in replaceText's replacement the reference leaves open. */
const UNSURE_IN_REPLACEMENT = /[$\\]/;

/**
 * Replaces every match of the pattern with the value, literally, without
 * replaceText: the matches are found first, then edited from the last, so
 * earlier offsets stay right and an inserted value is never searched again.
 */
function insertLiteral(body: Body, pattern: string, value: string): void {
  const found: GoogleAppsScript.Document.RangeElement[] = [];
  for (let r = body.findText(pattern); r; r = body.findText(pattern, r)) found.push(r);
  for (const r of found.reverse()) {
    const text = r.getElement().asText();
    const start = r.getStartOffset();
    text.deleteText(start, r.getEndOffsetInclusive());
    if (value) text.insertText(start, value);
  }
}

function fill(body: Body, fields: CertificateFields): void {
  for (const name of CERTIFICATE_PLACEHOLDERS) {
    const value = fields[name];
    if (UNSURE_IN_REPLACEMENT.test(value)) insertLiteral(body, placeholderPattern(name), value);
    else body.replaceText(placeholderPattern(name), value);
  }
}

/** Appends an element copied from the template by its type; other types (e.g. a table of contents) are left out. */
function append(body: Body, element: Element): void {
  const type = element.getType();
  if (type === DocumentApp.ElementType.PARAGRAPH) body.appendParagraph(element.asParagraph());
  else if (type === DocumentApp.ElementType.TABLE) body.appendTable(element.asTable());
  else if (type === DocumentApp.ElementType.LIST_ITEM) body.appendListItem(element.asListItem());
}

/** Makes the batch document: one page per history row, in order. */
export function mergeCertificates(templateId: string, rows: ReadonlyArray<Row>, name: string): CertificateBatch {
  const file = DriveApp.getFileById(templateId).makeCopy(name);
  const doc = DocumentApp.openById(file.getId());
  const body = doc.getBody();
  const template: Element[] = [];
  const count = body.getNumChildren();
  for (let i = 0; i < count; i++) template.push(body.getChild(i).copy());
  rows.forEach((row, i) => {
    if (i > 0) {
      body.appendPageBreak();
      for (const element of template) append(body, element.copy());
    }
    fill(body, certificateFields(row));
  });
  doc.saveAndClose();
  const id = doc.getId();
  return { documentId: id, url: doc.getUrl(), pdfUrl: pdfExportUrl(id), count: rows.length };
}

/** Decision numbers in the history, the latest decision first. */
function decisionsOf(history: ReadonlyArray<Row>): Array<{ number: string; date: string }> {
  const byNumber = new Map<string, string>();
  for (const row of history) {
    const number = cleanText(String(row.decisionNumber ?? ''));
    if (!number) continue;
    const date = String(row.decisionDate ?? '');
    if (!byNumber.has(number) || date > (byNumber.get(number) as string)) byNumber.set(number, date);
  }
  return [...byNumber]
    .map(([number, date]) => ({ number, date }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

function showLinks(message: string, batch: CertificateBatch): void {
  const template = HtmlService.createTemplateFromFile('CertificatesDialog');
  template.message = message;
  template.docUrl = batch.url;
  template.pdfUrl = batch.pdfUrl;
  SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(480).setHeight(240), CERTIFICATES_TITLE);
}

export function printCertificates(): void {
  runMenuAction(CERTIFICATES_TITLE, () => {
    if (!servicesAvailable()) {
      throw new UserFacingError(
        'Chức năng in giấy khen cần Google Tài liệu và Google Drive, nhưng môi trường đang chạy chưa có các dịch vụ này. Vui lòng mở bảng tính trên Google Trang tính, cấp quyền cho tiện ích khi được hỏi, rồi thử lại.',
      );
    }
    const store = new SheetStore();
    const reference = referenceData(store, { fresh: true });
    requireOffice(reference, 'in giấy khen');
    const templateUrl = settingValue(reference.settings, CERTIFICATE_TEMPLATE_SETTING);
    const templateId = documentIdFromUrl(templateUrl);
    if (!templateId) {
      throw new UserFacingError(
        templateUrl
          ? `Đường dẫn mẫu Giấy khen «${templateUrl}» không phải đường dẫn Google Tài liệu. Vui lòng sửa dòng «${CERTIFICATE_TEMPLATE_SETTING}» trên trang «${SHEETS.settings.name}».`
          : `Chưa có mẫu Giấy khen. Vui lòng dán đường dẫn mẫu trên Google Tài liệu (có các chỗ trống {{ten}}, {{don_vi}}, {{danh_hieu}}, {{so_quyet_dinh}}, {{ngay_quyet_dinh}}) vào dòng «${CERTIFICATE_TEMPLATE_SETTING}» của trang «${SHEETS.settings.name}».`,
      );
    }
    const history = store.read('awardHistory').rows.map((r) => r.row);
    const decisions = decisionsOf(history);
    if (decisions.length === 0) {
      throw new UserFacingError(
        `Trang «${SHEETS.awardHistory.name}» chưa có khen thưởng nào kèm số quyết định. Vui lòng lập quyết định (menu «Lập quyết định khen thưởng…») trước khi in giấy khen.`,
      );
    }
    const latest = decisions[0];
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(
      CERTIFICATES_TITLE,
      `In giấy khen cho quyết định số nào? Để trống để chọn quyết định gần nhất (số ${latest.number}${latest.date ? ` ngày ${formatViDate(latest.date)}` : ''}).`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const number = answer.getResponseText().trim() || latest.number;
    const rows = rowsOfDecision(history, number);
    if (rows.length === 0) {
      throw new UserFacingError(
        `Không tìm thấy khen thưởng nào của quyết định số «${number}» trên trang «${SHEETS.awardHistory.name}».`,
      );
    }
    if (rows.length > MAX_CERTIFICATES) {
      throw new UserFacingError(
        `Quyết định số ${number} có ${rows.length} người được khen thưởng; mỗi lần chỉ in được tối đa ${MAX_CERTIFICATES} giấy khen. Vui lòng liên hệ người quản trị để in theo từng đợt.`,
      );
    }
    const fullNumber = cleanText(String(rows[0].decisionNumber ?? number));
    let batch: CertificateBatch;
    try {
      batch = mergeCertificates(templateId, rows, `Giấy khen – QĐ ${fullNumber}`);
    } catch (err) {
      console.error(err);
      throw new UserFacingError(
        `Không tạo được giấy khen từ mẫu: ${err instanceof Error ? err.message : String(err)}. Vui lòng kiểm tra anh/chị có quyền xem mẫu Giấy khen và đường dẫn còn đúng.`,
      );
    }
    showLinks(
      `Đã tạo ${batch.count} giấy khen của Quyết định số ${fullNumber} trong một tài liệu Google (mỗi người một trang), lưu trong Drive của anh/chị.`,
      batch,
    );
  });
}
