/**
 * The council's work on the nominations:
 *
 * - «Biểu quyết của Hội đồng…»: a dialog to record a session (date, members
 *   present, total members, each nomination's ballots). `recordSession`
 *   tallies them against the vote rules of each nomination's rulebook
 *   (core/council tallyVotes), writes the minutes to «Biên bản họp Hội đồng
 *   <ngày>» in one setValues and sets each nomination's «Trạng thái xét» to
 *   «Đạt» / «Không đạt» in one write, under the document lock.
 * - «Lập quyết định khen thưởng…»: number, date and signer asked in prompts;
 *   the passed nominations become the decision's attached list («DS kèm QĐ
 *   <số>», formatted) and rows of «Lịch sử khen thưởng» (merged: running it
 *   twice adds nothing). Where Apps Script has DocumentApp, the decision is
 *   also written as a Google Doc in the user's Drive (core/council
 *   decisionDocument: heading block, articles, signature, attached list), after
 *   the lock is released; its address ends the final message.
 */
import {
  decisionDocument,
  decisionFromSession,
  decisionNumber,
  historyKey,
  listSubtitle,
  listTitle,
  mergeHistory,
  minutesTable,
  MINUTES_HEADER,
  passedNominations,
  type CouncilSession,
  type DecisionDocument,
  type VoteResult,
  type VoteRule,
} from '../core/council';
import { statusAfterVote, tallyBallot, validateMeeting, type SessionBallot } from '../core/council/session';
import { articleText, matchAward } from '../core/awards';
import { decisionListSheetName, minutesSheetName, SHEETS, type CellValue, type Row } from '../core/contract';
import { formatViDate, isoToDate, todayIn } from '../core/dates';
import { nominationIdentity } from '../core/nomination';
import { cleanText, matchKey } from '../core/text';
import { parseDate, UnitRegistry } from '../core/units';
import type {
  CouncilForm,
  CouncilNominationView,
  CouncilSessionInput,
  CouncilSessionResult,
} from './council-api-types';
import { UserFacingError } from './errors';
import { withDocumentLock } from './lock';
import { councilLevelOf, decisionIssuerOf, requireOffice, settingValue } from './office';
import { referenceData } from './reference';
import { reportSheet, reportValues } from './report-sheet';
import { SheetStore, type SheetTable } from './sheet-store';
import { runMenuAction } from './ui-guard';

export const COUNCIL_DIALOG_TITLE = 'Biểu quyết của Hội đồng';
export const DECISION_TITLE = 'Lập quyết định khen thưởng';

const HEADER_BACKGROUND = '#d9e7fd';
const DEFAULT_COUNCIL_NAME = 'Hội đồng Thi đua – Khen thưởng';
/** Statuses still awaiting the council's vote (empty counts as «Đề nghị»). */
const AWAITING = new Set(['proposed', 'reviewed', '']);

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

function councilName(settings: ReadonlyArray<Row>): string {
  return settingValue(settings, 'councilName') || DEFAULT_COUNCIL_NAME;
}

function nominationKey(sheetRow: number, row: Row): string {
  return `${sheetRow}|${nominationIdentity(row)}`;
}

function awardName(row: Row): string {
  const subject = text(row.subject);
  const match = matchAward(text(row.award), {
    subject: subject === 'individual' || subject === 'collective' ? subject : undefined,
  });
  return match.award?.name ?? text(row.award);
}

function errorLines(findings: string): number {
  return findings.split('\n').filter((l) => l.startsWith('[Lỗi]')).length;
}

// ── Session dialog ──────────────────────────────────────────────────────────

export function loadCouncilForm(store: SheetStore): CouncilForm {
  const reference = referenceData(store, { fresh: true });
  requireOffice(reference, 'ghi kết quả biểu quyết của Hội đồng');
  const table = store.read('nominations');
  store.requireColumns(table, ['year', 'name', 'award', 'reviewStatus']);
  const nominations: CouncilNominationView[] = table.rows
    .filter((r) => AWAITING.has(text(r.row.reviewStatus)))
    .map(({ row, sheetRow }) => {
      const year = Number(row.year);
      const findings = text(row.findings);
      return {
        key: nominationKey(sheetRow, row),
        year: Number.isInteger(year) ? year : null,
        subject: text(row.subject),
        name: text(row.name),
        unit: text(row.unit),
        award: awardName(row),
        status: text(row.reviewStatus) || 'proposed',
        findingErrors: errorLines(findings),
        findings,
      };
    });
  if (nominations.length === 0) {
    throw new UserFacingError(
      `Không có đề nghị nào đang chờ Hội đồng biểu quyết (trạng thái «Đề nghị» hoặc «Đã thẩm định») trên trang «${SHEETS.nominations.name}».`,
    );
  }
  const years = [...new Set(nominations.map((n) => n.year).filter((y): y is number => y !== null))].sort(
    (a, b) => a - b,
  );
  const today = todayIn(store.timeZone);
  const settingYear = Number(settingValue(reference.settings, 'year'));
  return {
    councilName: councilName(reference.settings),
    today,
    years,
    defaultYear: years.includes(settingYear) ? settingYear : (years[years.length - 1] ?? null),
    nominations,
  };
}

export function openCouncilDialog(): void {
  runMenuAction(COUNCIL_DIALOG_TITLE, () => {
    const form = loadCouncilForm(new SheetStore());
    const template = HtmlService.createTemplateFromFile('CouncilDialog');
    template.boot = JSON.stringify(form);
    SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(900).setHeight(640), COUNCIL_DIALOG_TITLE);
  });
}

/** The sheet row a dialog key names, checked against what the row holds now. */
function findRow(table: SheetTable, key: string): { sheetRow: number; row: Row } | undefined {
  const at = key.indexOf('|');
  const sheetRow = Number(key.slice(0, at));
  const identity = key.slice(at + 1);
  const same = table.rows.find((r) => r.sheetRow === sheetRow);
  if (same && nominationIdentity(same.row) === identity) return same;
  const moved = table.rows.filter((r) => nominationIdentity(r.row) === identity);
  return moved.length === 1 ? moved[0] : undefined;
}

/** A sheet name not taken yet: the name, else «name (2)», «name (3)»… (one call when it is free). */
function unusedName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): string {
  if (!ss.getSheetByName(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!ss.getSheetByName(candidate)) return candidate;
  }
}

/** Grows a sheet to hold `rows` rows (a new sheet has 1000): one call, two when it must grow. */
export function fitRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}

interface Voted {
  sheetRow: number;
  row: Row;
  result: VoteResult;
  rule: VoteRule;
}

/** Tallies and writes a session: minutes sheet and review statuses, all or nothing. */
export function recordSession(store: SheetStore, input: CouncilSessionInput): CouncilSessionResult {
  const today = todayIn(store.timeZone);
  const meeting = input.meeting;
  const meetingErrors = validateMeeting(meeting, today);
  if (meetingErrors.length) throw new UserFacingError(meetingErrors.join('\n'));
  const date = parseDate(meeting.date) as string;
  const ballots: SessionBallot[] = Array.isArray(input.ballots) ? input.ballots : [];
  return withDocumentLock(() => {
    const reference = referenceData(store, { fresh: true });
    requireOffice(reference, 'ghi kết quả biểu quyết của Hội đồng');
    const table = store.read('nominations');
    store.requireColumns(table, ['year', 'name', 'award', 'reviewStatus']);
    const errors: string[] = [];
    const voted: Voted[] = [];
    const seen = new Set<number>();
    for (const ballot of ballots) {
      const found = findRow(table, String(ballot.key ?? ''));
      const outcome = found ? tallyBallot({ ...meeting, date }, found.row, ballot) : null;
      if (outcome?.kind === 'blank') continue;
      if (!found) {
        errors.push(
          'Danh sách đề nghị trên trang tính đã thay đổi từ khi mở hộp thoại. Vui lòng đóng hộp thoại và mở lại.',
        );
        break;
      }
      if (seen.has(found.sheetRow)) continue;
      seen.add(found.sheetRow);
      if (outcome?.kind === 'error') errors.push(outcome.message);
      else if (outcome?.kind === 'result') voted.push({ ...found, result: outcome.result, rule: outcome.rule });
    }
    if (errors.length) throw new UserFacingError([...new Set(errors)].join('\n'));
    if (voted.length === 0) {
      throw new UserFacingError('Chưa nhập số phiếu biểu quyết cho đề nghị nào. Vui lòng nhập số phiếu rồi ghi lại.');
    }

    const session: CouncilSession = {
      year: Number(date.slice(0, 4)),
      date,
      membersTotal: meeting.membersTotal as number,
      membersPresent: meeting.membersPresent as number,
    };
    const sheetName = writeMinutes(store, session, voted, councilName(reference.settings));

    const updates: Array<{ sheetRow: number; row: Row }> = [];
    let passed = 0;
    let rejected = 0;
    let noQuorum = 0;
    for (const v of voted) {
      const status = statusAfterVote(v.result);
      if (status === null) noQuorum++;
      else {
        if (status === 'passed') passed++;
        else rejected++;
        updates.push({ sheetRow: v.sheetRow, row: { reviewStatus: status } });
      }
    }
    store.writeColumns(table, updates, ['reviewStatus']);
    const parts = [`Đạt: ${passed}`, `Không đạt: ${rejected}`];
    if (noQuorum) parts.push(`chưa đủ số thành viên dự họp để biểu quyết: ${noQuorum} (giữ nguyên trạng thái)`);
    return {
      message: `Đã ghi biên bản họp ngày ${formatViDate(date)} vào trang «${sheetName}»: ${voted.length} đề nghị được biểu quyết (${parts.join('; ')}). Trạng thái xét trên trang «${SHEETS.nominations.name}» đã được cập nhật.`,
      sheetName,
      passed,
      rejected,
      noQuorum,
    };
  });
}

const MINUTES_COLUMNS = [...MINUTES_HEADER, 'Diễn giải'];
const MINUTES_WIDTHS = [50, 200, 200, 220, 80, 100, 80, 150, 420];

/** The minutes: title rows, the table (core/council minutesTable) and a total, in one setValues. */
function writeMinutes(store: SheetStore, session: CouncilSession, voted: Voted[], council: string): string {
  const results = voted.map((v) => v.result);
  const table = minutesTable(
    session,
    voted.map((v) => v.row),
    results,
  );
  const rules = [...new Map(voted.map((v) => [v.rule.id, v.rule])).values()];
  const title: CellValue[][] = [
    [`BIÊN BẢN HỌP ${council.toLocaleUpperCase('vi')}`],
    [
      `Ngày họp: ${formatViDate(session.date as string)}. Thành viên có mặt: ${session.membersPresent}/${session.membersTotal}.`,
    ],
    ...rules.map((r) => [`Căn cứ biểu quyết: ${r.description} (${articleText(r.source)})`]),
    [''],
  ];
  const headerRow = title.length + 1;
  const body: CellValue[][] = table.slice(1).map((line, i) => {
    const out = line.slice();
    // The share as a number shown as a percent, rather than text.
    out[6] = results[i].approval;
    out.push(results[i].message);
    return out;
  });
  const passed = results.filter((r) => r.passed).length;
  const values: CellValue[][] = [
    ...title,
    MINUTES_COLUMNS,
    ...body,
    [''],
    [`Tổng cộng: ${results.length} đề nghị được biểu quyết; đạt ${passed}, không đạt ${results.length - passed}.`],
  ];
  const width = MINUTES_COLUMNS.length;
  const name = unusedName(store.spreadsheet, minutesSheetName(session.date as string));
  const sheet = store.spreadsheet.insertSheet(name, store.spreadsheet.getNumSheets());
  fitRows(sheet, values.length);
  sheet.getRange(1, 1, values.length, width).setValues(reportValues(values, width));
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(13);
  const header = sheet.getRange(headerRow, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.getRange(headerRow, 1, body.length + 1, width).setBorder(true, true, true, true, true, true);
  sheet.getRange(headerRow + 1, 7, body.length, 1).setNumberFormat('0.00%');
  sheet.getRange(headerRow + 1, 9, body.length, 1).setWrap(true);
  MINUTES_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.setFrozenRows(headerRow);
  sheet.activate();
  return name;
}

// ── Decision ────────────────────────────────────────────────────────────────

/** Asks one question; null when the user cancels. */
function ask(question: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(DECISION_TITLE, question, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return answer.getResponseText().trim();
}

export interface DecisionInput {
  number: string;
  /** ISO or dd/mm/yyyy. */
  date: string;
  signer: string;
}

export interface DecisionOutcome {
  sheetName: string;
  listed: number;
  historyAdded: number;
  historyAlready: number;
  message: string;
  /** What the decision's Google Doc holds (written by writeDecisionDoc, outside the lock). */
  document: DecisionDocument;
}

const LIST_HEADER = ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Danh hiệu, hình thức khen thưởng', 'Năm'];
const LIST_WIDTHS = [50, 220, 180, 220, 260, 60];

/** The decision from the passed nominations: its list sheet and the award history, under the lock. */
export function writeDecision(store: SheetStore, input: DecisionInput): DecisionOutcome {
  const reference = referenceData(store, { fresh: true });
  requireOffice(reference, 'lập quyết định khen thưởng');
  const nominations = store.read('nominations');
  store.requireColumns(nominations, ['year', 'name', 'award', 'reviewStatus']);
  const historyTable = store.read('awardHistory');
  store.requireColumns(historyTable, ['year', 'subject', 'name', 'unit', 'award', 'decisionNumber']);
  const registry = UnitRegistry.fromRows(reference.units);
  let number: string;
  try {
    number = decisionNumber(input.number);
  } catch {
    throw new UserFacingError('Vui lòng nhập số quyết định.');
  }

  // A passed nomination already recorded under another decision is not listed again.
  const decidedBy = new Map<string, string>();
  for (const { row } of historyTable.rows) decidedBy.set(historyKey(row, registry), text(row.decisionNumber));
  const passed = passedNominations(nominations.rows.map((r) => r.row)).map((p) => p.row);
  if (passed.length === 0) {
    throw new UserFacingError(
      `Chưa có đề nghị nào được Hội đồng biểu quyết «Đạt» trên trang «${SHEETS.nominations.name}». Vui lòng ghi kết quả biểu quyết (menu «Biểu quyết của Hội đồng…») trước khi lập quyết định.`,
    );
  }
  const earlier: Row[] = [];
  const pending = passed.filter((row) => {
    const by = decidedBy.get(historyKey(row, registry));
    if (by !== undefined && matchKey(by) !== matchKey(number)) {
      earlier.push(row);
      return false;
    }
    return true;
  });
  if (pending.length === 0) {
    throw new UserFacingError(
      `Các đề nghị «Đạt» (${passed.length}) đều đã có trong quyết định khen thưởng trước (trang «${SHEETS.awardHistory.name}»). Không có đề nghị mới để lập quyết định.`,
    );
  }

  let result;
  try {
    result = decisionFromSession(
      {
        number,
        date: input.date,
        signer: input.signer,
        level: councilLevelOf(reference.settings),
        issuer: decisionIssuerOf(reference.settings),
      },
      pending,
    );
  } catch (err) {
    if (err instanceof RangeError) throw new UserFacingError(err.message);
    throw err;
  }
  if (result.list.length === 0) {
    const lines = ['Không có đề nghị mới thuộc thẩm quyền quyết định của cấp này để lập quyết định.'];
    if (earlier.length) lines.push(`${earlier.length} đề nghị «Đạt» đã có trong quyết định khen thưởng trước.`);
    lines.push(...result.skipped.slice(0, 8).map((s) => `• ${s.reason}`));
    throw new UserFacingError(lines.join('\n'));
  }

  const merged = mergeHistory(
    historyTable.rows.map((r) => r.row),
    result.history,
    registry,
  );
  // The list first: should it fail, the history (what later years' checks read) is untouched.
  const sheetName = writeDecisionList(store, result);
  store.appendRows(historyTable, merged.added);

  const individuals = result.list.filter((r) => r.subject !== 'collective').length;
  const collectives = result.list.length - individuals;
  const lines = [
    `Đã lập danh sách kèm Quyết định số ${result.decision.number} ngày ${formatViDate(result.decision.date)} trên trang «${sheetName}»: ${individuals} cá nhân, ${collectives} tập thể.`,
    merged.added.length
      ? `Đã ghi ${merged.added.length} khen thưởng vào trang «${SHEETS.awardHistory.name}».`
      : `Trang «${SHEETS.awardHistory.name}» đã có đủ các khen thưởng này; không ghi thêm.`,
  ];
  if (merged.already.length && merged.added.length) {
    lines.push(`${merged.already.length} khen thưởng đã có từ trước nên không ghi lại.`);
  }
  if (earlier.length) lines.push(`${earlier.length} đề nghị «Đạt» đã có trong quyết định trước nên không đưa vào.`);
  if (result.skipped.length) {
    lines.push(`${result.skipped.length} đề nghị chưa đưa vào danh sách:`);
    for (const s of result.skipped.slice(0, 5)) lines.push(`• ${s.reason}`);
    if (result.skipped.length > 5) lines.push(`• … và ${result.skipped.length - 5} đề nghị khác.`);
  }
  return {
    sheetName,
    listed: result.list.length,
    historyAdded: merged.added.length,
    historyAlready: merged.already.length,
    message: lines.join('\n'),
    document: decisionDocument(result.decision, result.list, { councilName: councilName(reference.settings) }),
  };
}

/**
 * The decision as a Google Doc in the user's Drive (shared with no one): each
 * block of core/council decisionDocument in order, the heading and signature
 * tables without borders. Returns the Doc's address.
 */
export function writeDecisionDoc(content: DecisionDocument): string {
  const doc = DocumentApp.create(content.title);
  const body = doc.getBody();
  const A = DocumentApp.HorizontalAlignment;
  const alignments = { left: A.LEFT, center: A.CENTER, right: A.RIGHT, justify: A.JUSTIFY };
  for (const block of content.blocks) {
    if (block.kind === 'pageBreak') {
      body.appendPageBreak();
    } else if (block.kind === 'table') {
      const table = body.appendTable(block.cells);
      if (!block.borders) table.setBorderWidth(0);
    } else {
      const paragraph = body.appendParagraph(block.text).setAlignment(alignments[block.align]);
      if (block.bold || block.italic) {
        const style: Record<string, boolean> = {};
        if (block.bold) style[String(DocumentApp.Attribute.BOLD)] = true;
        if (block.italic) style[String(DocumentApp.Attribute.ITALIC)] = true;
        paragraph.setAttributes(style);
      }
    }
  }
  doc.saveAndClose();
  return doc.getUrl();
}

/** The line that ends the decision's message: the Doc's address, or why it could not be made. */
function decisionDocLine(content: DecisionDocument): string | null {
  if (typeof DocumentApp === 'undefined') return null;
  try {
    return `Đã lập văn bản Quyết định trên Google Tài liệu (trong Drive của anh/chị): ${writeDecisionDoc(content)}`;
  } catch (err) {
    console.error(err);
    return `Chưa lập được văn bản Quyết định trên Google Tài liệu (${err instanceof Error ? err.message : String(err)}). Danh sách trên trang tính đã được lập đầy đủ; anh/chị có thể chọn lại menu «Lập quyết định khen thưởng…» với cùng số quyết định để lập lại văn bản.`;
  }
}

/**
 * «DS kèm QĐ <số>»: «DANH SÁCH», the list's title and subtitle, the table with
 * a bold header and borders, and the signer; rewritten when it exists.
 */
function writeDecisionList(store: SheetStore, result: ReturnType<typeof decisionFromSession>): string {
  const { decision, list } = result;
  const width = LIST_HEADER.length;
  const title: CellValue[][] = [['DANH SÁCH'], [listTitle(decision, list)], [listSubtitle(decision)], ['']];
  const headerRow = title.length + 1;
  const body: CellValue[][] = list.map((r, i) => [
    i + 1,
    text(r.name),
    text(r.position),
    text(r.unit),
    text(r.award),
    r.year,
  ]);
  const footerRow = headerRow + body.length + 2;
  const footer: CellValue[][] = [
    [''],
    ['', '', '', 'Ngày quyết định', isoToDate(decision.date)],
    ['', '', '', 'Người ký', decision.signer],
  ];
  const values = [...title, LIST_HEADER, ...body, ...footer];
  const name = decisionListSheetName(decision.number);
  const { sheet, created } = reportSheet(store.spreadsheet, name);
  if (!created) sheet.clear();
  fitRows(sheet, values.length);
  sheet.getRange(1, 1, values.length, width).setValues(reportValues(values, width));
  sheet.getRange(1, 1, 2, 1).setFontWeight('bold').setFontSize(13);
  sheet.getRange(3, 1).setFontStyle('italic');
  sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.getRange(headerRow, 1, body.length + 1, width).setBorder(true, true, true, true, true, true);
  sheet.getRange(footerRow, 5).setNumberFormat('dd/MM/yyyy');
  sheet.getRange(footerRow, 4, 2, 1).setFontWeight('bold');
  if (created) LIST_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.setFrozenRows(headerRow);
  sheet.activate();
  return name;
}

function parseDecisionDate(answer: string, today: string): string | null {
  if (answer === '') return today;
  return parseDate(answer) ?? null;
}

export function makeDecision(): void {
  runMenuAction(DECISION_TITLE, () => {
    const store = new SheetStore();
    // Fail early (before the questions) on a workbook that cannot hold a decision.
    const reference = referenceData(store, { fresh: true });
    requireOffice(reference, 'lập quyết định khen thưởng');
    const passed = passedNominations(store.read('nominations').rows.map((r) => r.row));
    if (passed.length === 0) {
      throw new UserFacingError(
        `Chưa có đề nghị nào được Hội đồng biểu quyết «Đạt» trên trang «${SHEETS.nominations.name}». Vui lòng ghi kết quả biểu quyết (menu «Biểu quyết của Hội đồng…») trước khi lập quyết định.`,
      );
    }
    const number = ask(`Có ${passed.length} đề nghị «Đạt». Nhập số quyết định (ví dụ: 15 hoặc 15/QĐ-UBND).`);
    if (number === null) return;
    if (!number) throw new UserFacingError('Chưa nhập số quyết định. Vui lòng chọn lại menu và nhập số quyết định.');
    const today = todayIn(store.timeZone);
    const dateAnswer = ask(`Nhập ngày quyết định (dd/mm/yyyy). Để trống để chọn hôm nay (${formatViDate(today)}).`);
    if (dateAnswer === null) return;
    const date = parseDecisionDate(dateAnswer, today);
    if (!date) throw new UserFacingError(`Ngày quyết định «${dateAnswer}» không hợp lệ; vui lòng ghi dạng dd/mm/yyyy.`);
    const signer = ask('Nhập họ và tên người ký quyết định.');
    if (signer === null) return;
    if (!signer)
      throw new UserFacingError('Chưa nhập người ký quyết định. Vui lòng chọn lại menu và nhập đủ thông tin.');
    const outcome = withDocumentLock(() => writeDecision(store, { number, date, signer }));
    // The Doc after the lock: the sheets are written, and others need not wait for Docs.
    const docLine = decisionDocLine(outcome.document);
    return { alert: docLine ? `${outcome.message}\n${docLine}` : outcome.message };
  });
}

/** Re-exported for the certificates: the history rows of one decision (number as typed or in full). */
export function rowsOfDecision(history: ReadonlyArray<Row>, number: string): Row[] {
  let full: string;
  try {
    full = decisionNumber(number);
  } catch {
    return [];
  }
  const wanted = new Set([matchKey(number), matchKey(full)]);
  return history.filter((r) => wanted.has(matchKey(text(r.decisionNumber))));
}
