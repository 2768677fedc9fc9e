/**
 * The council session dialog: the meeting (date, total members, members
 * present) and the ballots of each nomination awaiting a vote, of one
 * achievement year at a time. Each row's result is computed here by the core
 * (the vote rule of the nomination's rulebook) as the secretary types; the
 * server computes it again before writing the minutes and the statuses.
 */
import type { CouncilForm, CouncilNominationView, SessionBallot, SessionMeeting } from '../../../council-api-types';
import { formatPercent } from '../../../../core/awards';
import { awardIdOf } from '../../../../core/council';
import type { Row } from '../../../../core/contract';
import {
  isBlankBallot,
  nominationYear,
  sessionVoteRule,
  tallyBallot,
  validateMeeting,
  type BallotOutcome,
} from '../../../../core/council/session';
import { bootData, byId, option, replaceOptions, showMessage } from '../../shared/dom';
import { callServer } from '../../shared/server';

const form = bootData<CouncilForm>();
const formEl = byId<HTMLFormElement>('form');
const dateInput = byId<HTMLInputElement>('date');
const totalInput = byId<HTMLInputElement>('membersTotal');
const presentInput = byId<HTMLInputElement>('membersPresent');
const yearSelect = byId<HTMLSelectElement>('year');
const rowsBody = byId<HTMLTableSectionElement>('rows');
const caption = byId<HTMLElement>('caption');
const meetingError = byId<HTMLElement>('meeting-error');
const saveButton = byId<HTMLButtonElement>('save');
const message = byId<HTMLElement>('message');

interface RowControls {
  tr: HTMLTableRowElement;
  view: CouncilNominationView;
  row: Row;
  agree: HTMLInputElement;
  disagree: HTMLInputElement;
  written: HTMLInputElement;
  result: HTMLElement;
}

let controls: RowControls[] = [];
let saved = false;

function numberOf(input: HTMLInputElement): number | null {
  const text = input.value.trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

function meeting(): SessionMeeting {
  return { date: dateInput.value, membersTotal: numberOf(totalInput), membersPresent: numberOf(presentInput) };
}

function ballotOf(c: RowControls): SessionBallot {
  return {
    key: c.view.key,
    agree: numberOf(c.agree),
    disagree: numberOf(c.disagree),
    absentWritten: c.written.disabled ? null : numberOf(c.written),
  };
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function numberInput(label: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'number';
  input.min = '0';
  input.step = '1';
  input.inputMode = 'numeric';
  input.setAttribute('aria-label', label);
  return input;
}

/** Whether absent members' written opinions count for this nomination's vote rule. */
function countsWritten(view: CouncilNominationView, row: Row): boolean {
  try {
    const rule = sessionVoteRule(nominationYear(row, Number(form.today.slice(0, 4))), awardIdOf(view.award));
    return rule.base === 'all_members' && rule.absentInWriting;
  } catch {
    return false;
  }
}

function renderRows(): void {
  const year = yearSelect.value === '' ? null : Number(yearSelect.value);
  const shown = form.nominations.filter((n) => year === null || n.year === year);
  controls = shown.map((view, i) => {
    const row: Row = { year: view.year, subject: view.subject, name: view.name, unit: view.unit, award: view.award };
    const tr = document.createElement('tr');
    const who = cell(view.name);
    if (view.findingErrors > 0) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = `${view.findingErrors} lỗi`;
      badge.title = view.findings;
      who.append(badge);
    }
    const label = `${view.name} – ${view.award}`;
    const agree = numberInput(`Số phiếu tán thành: ${label}`);
    const disagree = numberInput(`Số phiếu không tán thành: ${label}`);
    const written = numberInput(`Ý kiến bằng văn bản tán thành của thành viên vắng mặt: ${label}`);
    written.disabled = !countsWritten(view, row);
    if (written.disabled) written.title = 'Quy định biểu quyết của danh hiệu này không tính ý kiến bằng văn bản.';
    const result = document.createElement('td');
    result.className = 'result';
    result.setAttribute('aria-live', 'polite');
    const inputs = [agree, disagree, written].map((input) => {
      const td = document.createElement('td');
      td.append(input);
      return td;
    });
    tr.append(cell(String(i + 1)), who, cell(view.unit), cell(view.award), ...inputs, result);
    return { tr, view, row, agree, disagree, written, result };
  });
  rowsBody.replaceChildren(...controls.map((c) => c.tr));
  caption.textContent = `${shown.length} đề nghị đang chờ biểu quyết${year === null ? '' : ` của năm ${year}`}.`;
  update();
}

function showOutcome(c: RowControls, outcome: BallotOutcome | null): void {
  const invalid = outcome?.kind === 'error';
  for (const input of [c.agree, c.disagree, c.written]) input.setAttribute('aria-invalid', invalid ? 'true' : 'false');
  if (!outcome || outcome.kind === 'blank') {
    c.result.className = 'result';
    c.result.textContent = outcome ? 'Chưa biểu quyết' : '';
    c.result.title = '';
    return;
  }
  if (outcome.kind === 'error') {
    c.result.className = 'result error';
    c.result.textContent = outcome.message;
    c.result.title = '';
    return;
  }
  const r = outcome.result;
  c.result.className = `result ${r.passed ? 'passed' : r.quorumMet ? 'rejected' : 'quorum'}`;
  c.result.textContent = r.passed
    ? `Đạt (${formatPercent(r.approval)})`
    : r.quorumMet
      ? `Không đạt (${formatPercent(r.approval)}; cần ${r.needed})`
      : 'Không đủ số thành viên dự họp';
  c.result.title = r.message;
}

/** Recomputes every row; returns the problems that keep the session from being saved. */
function update(): string[] {
  const m = meeting();
  const meetingErrors = validateMeeting(m, form.today);
  meetingError.textContent = meetingErrors.join('\n');
  meetingError.hidden = meetingErrors.length === 0 || (totalInput.value === '' && presentInput.value === '');
  const errors: string[] = [...meetingErrors];
  for (const c of controls) {
    const ballot = ballotOf(c);
    if (meetingErrors.length > 0) {
      showOutcome(c, isBlankBallot(ballot) ? { kind: 'blank' } : null);
      continue;
    }
    const outcome = tallyBallot(m, c.row, ballot);
    showOutcome(c, outcome);
    if (outcome.kind === 'error') errors.push(outcome.message);
  }
  if (meetingErrors.length === 0 && controls.every((c) => isBlankBallot(ballotOf(c)))) {
    errors.push('Chưa nhập số phiếu biểu quyết cho đề nghị nào.');
  }
  return errors;
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  if (saved) return;
  const errors = update();
  if (errors.length > 0) {
    meetingError.hidden = meetingError.textContent === '';
    showMessage(message, 'error', errors.join('\n'));
    return;
  }
  saveButton.disabled = true;
  showMessage(message, 'info', 'Đang ghi biên bản…');
  try {
    const result = await callServer('recordCouncilSession', {
      meeting: meeting(),
      ballots: controls.map(ballotOf).filter((b) => !isBlankBallot(b)),
    });
    saved = true;
    formEl
      .querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')
      .forEach((el) => (el.disabled = true));
    showMessage(message, 'success', result.message);
  } catch (error) {
    saveButton.disabled = false;
    showMessage(message, 'error', error instanceof Error ? error.message : String(error));
  }
}

function render(): void {
  byId('council').textContent = `Biểu quyết của ${form.councilName}`;
  dateInput.value = form.today;
  dateInput.max = form.today;
  replaceOptions(yearSelect, [option('', 'Tất cả các năm'), ...form.years.map((y) => option(String(y), String(y)))]);
  yearSelect.value = form.defaultYear === null ? '' : String(form.defaultYear);
  renderRows();
  totalInput.focus();
}

formEl.addEventListener('input', (event) => {
  if (event.target !== yearSelect) update();
});
yearSelect.addEventListener('change', renderRows);
rowsBody.addEventListener('keydown', (event) => {
  // Enter moves to the next vote field, as in a spreadsheet; the button saves.
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const inputs = Array.from(rowsBody.querySelectorAll<HTMLInputElement>('input:not(:disabled)'));
  const next = inputs[inputs.indexOf(event.target as HTMLInputElement) + 1];
  (next ?? saveButton).focus();
});
formEl.addEventListener('submit', (event) => void save(event));
byId<HTMLButtonElement>('close').addEventListener('click', () => google.script.host.close());
render();
