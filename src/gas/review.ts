/**
 * «Báo cáo sơ kết 6 tháng» and «Báo cáo tổng kết năm»: the review of a plan
 * year (core/tracking reviewReport + reviewValues) written to its own sheet
 * («Sơ kết 6 tháng 2024», «Tổng kết năm 2024»), rewritten on each run; and,
 * where Apps Script has DocumentApp, a Google Doc with the same headings and
 * tables in the user's Drive, shared with no one.
 */
import { reviewSheetName, type CellValue } from '../core/contract';
import { REVIEW_HEADER, reviewReport, reviewValues, type ReviewKind, type ReviewReport } from '../core/tracking';
import { reportSheet, reportValues } from './report-sheet';
import type { SheetStore } from './sheet-store';
import { statusOptions, type TrackingData } from './tracking';

const HEADER_BACKGROUND = '#d9e7fd';
const COLUMN_WIDTHS = [50, 60, 320, 200, 110, 90, 200, 260, 260];

export interface ReviewResult {
  report: ReviewReport;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetName: string;
  /** The Google Doc's address, or null when DocumentApp is not available. */
  docUrl: string | null;
  /** Why the Doc could not be made, when it could not. */
  docError: string | null;
}

/** Writes the review sheet from data already read, then the Doc when DocumentApp exists. */
export function writeReview(store: SheetStore, data: TrackingData, kind: ReviewKind, year: number): ReviewResult {
  const report = reviewReport(data.items, data.log, {
    ...statusOptions(store, data.settings),
    kind,
    year,
    today: data.today,
    councilName: data.settings.councilName,
  });
  const values = reviewValues(report);
  const sheetName = reviewSheetName(kind, year);
  const { sheet, created } = reportSheet(store.spreadsheet, sheetName);
  sheet.clear();
  const width = REVIEW_HEADER.length;
  const range = sheet.getRange(1, 1, values.length, width);
  // Formats first: a code such as "1.10" written into a plain-text cell stays as typed.
  formatReview(range, values);
  range.setValues(reportValues(values, width));
  if (created) COLUMN_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.setFrozenRows(2);

  let docUrl: string | null = null;
  let docError: string | null = null;
  if (typeof DocumentApp !== 'undefined') {
    try {
      docUrl = writeReviewDoc(report, values);
    } catch (err) {
      console.error(err);
      docError = err instanceof Error ? err.message : String(err);
    }
  }
  return { report, sheet, sheetName, docUrl, docError };
}

/** Title and headings bold, header rows shaded, the percent column as a percent, long text wrapped. */
function formatReview(range: GoogleAppsScript.Spreadsheet.Range, values: CellValue[][]): void {
  const isHeader = (line: CellValue[]) => line[0] === REVIEW_HEADER[0] && line[1] === REVIEW_HEADER[1];
  const isHeading = (line: CellValue[], r: number) =>
    r === 0 || (line[0] !== '' && line.slice(1).every((v) => v === '') && r > 1);
  const weights = values.map((line, r) =>
    line.map((): 'bold' | 'normal' => (isHeader(line) || isHeading(line, r) ? 'bold' : 'normal')),
  );
  const backgrounds = values.map((line) => line.map(() => (isHeader(line) ? HEADER_BACKGROUND : null)));
  const formats = values.map((line) =>
    line.map((_, c) => (c === 5 && typeof line[5] === 'number' ? '0%' : c >= 1 && c <= 8 ? '@' : 'General')),
  );
  range.setFontWeights(weights);
  range.setBackgrounds(backgrounds as string[][]);
  range.setNumberFormats(formats);
  range.setWrap(true).setVerticalAlignment('top');
}

/** The Google Doc: title, period, then each section's heading and table (or a line saying it has none). */
function writeReviewDoc(report: ReviewReport, values: CellValue[][]): string {
  const doc = DocumentApp.create(report.title);
  const body = doc.getBody();
  body.appendParagraph(report.title).setHeading(DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph(String(values[1][0]));
  for (const section of report.sections) {
    body.appendParagraph(section.heading).setHeading(DocumentApp.ParagraphHeading.HEADING2);
    if (section.rows.length === 0) {
      body.appendParagraph('Không có nội dung nào.');
      continue;
    }
    body.appendTable([
      [...REVIEW_HEADER],
      ...section.rows.map((r, i) => [
        String(i + 1),
        r.id,
        r.title,
        r.responsible,
        r.status,
        `${Math.round(r.percent * 100)}%`,
        r.dueDates,
        r.lastNote,
        r.evidence.join('\n'),
      ]),
    ]);
  }
  doc.saveAndClose();
  return doc.getUrl();
}
