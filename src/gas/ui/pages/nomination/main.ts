/**
 * The nomination sidebar: one nomination at a time, for one of the user's
 * units (any unit for the office). The form is checked by the core as the
 * user types (required fields, award against subject and year, links); the
 * findings the nomination alone shows (initiative, authority) appear at once,
 * and when a key field loses focus the server checks it against the sheets
 * (registrations, award history, other nominations, quotas).
 */
import type { FindingView, NominationCheck, NominationForm, NominationInput } from '../../../council-api-types';
import { SEVERITY_LABEL, ruleLabel, type AwardId } from '../../../../core/awards';
import type { CommendationKind } from '../../../../core/contract';
import {
  awardChoices,
  awardCriteria,
  localFindings,
  validateNomination,
  type NominationField,
  type NominationProblem,
  type NominationSubject,
} from '../../../../core/nomination';
import { bootData, byId, option, replaceOptions, showMessage, unitOptions } from '../../shared/dom';
import { callServer } from '../../shared/server';

const form = bootData<NominationForm>();
const formEl = byId<HTMLFormElement>('form');
const nameInput = byId<HTMLInputElement>('name');
const nameLabel = byId<HTMLLabelElement>('name-label');
const positionBlock = byId<HTMLElement>('position-block');
const positionInput = byId<HTMLInputElement>('position');
const unitSelect = byId<HTMLSelectElement>('unit');
const yearInput = byId<HTMLInputElement>('year');
const awardSelect = byId<HTMLSelectElement>('award');
const criteriaBox = byId<HTMLElement>('criteria');
const kindSelect = byId<HTMLSelectElement>('commendationKind');
const achievementInput = byId<HTMLTextAreaElement>('achievement');
const initiativeInput = byId<HTMLTextAreaElement>('initiative');
const recognitionInput = byId<HTMLInputElement>('initiativeRecognition');
const attachmentsInput = byId<HTMLTextAreaElement>('attachments');
const submitButton = byId<HTMLButtonElement>('submit');
const message = byId<HTMLElement>('message');
const findingsBox = byId<HTMLElement>('findings-box');
const findingsStatus = byId<HTMLElement>('findings-status');
const findingsList = byId<HTMLUListElement>('findings');

/** The element that shows a field's value (its error sits in `${id}-error`). */
const FIELD_ELEMENT: Record<NominationField, string> = {
  subject: 'subject',
  name: 'name',
  position: 'position',
  unit: 'unit',
  year: 'year',
  award: 'award',
  commendationKind: 'commendationKind',
  achievement: 'achievement',
  initiative: 'initiative',
  initiativeRecognition: 'initiativeRecognition',
  attachments: 'attachments',
};

/** Fields that change the server's findings: a check runs when one of them loses focus. */
const CHECKED_FIELDS: ReadonlyArray<string> = [
  'name',
  'unit',
  'year',
  'award',
  'initiative',
  'initiativeRecognition',
  'subject',
];

/** What the findings depend on: a change elsewhere (summary, links) keeps the last check. */
function findingsKey(input: NominationInput): string {
  return JSON.stringify([
    input.subject,
    input.name,
    input.unit,
    input.year,
    input.award,
    input.initiative,
    input.initiativeRecognition,
  ]);
}

const touched = new Set<NominationField>();
let lastChecked = '';
let checkSeq = 0;

function subject(): NominationSubject {
  const checked = formEl.querySelector<HTMLInputElement>('input[name="subject"]:checked');
  return checked?.value === 'collective' ? 'collective' : 'individual';
}

function yearValue(): number | null {
  const text = yearInput.value.trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isInteger(n) ? n : null;
}

function readInput(): NominationInput {
  return {
    subject: subject(),
    name: nameInput.value,
    position: positionInput.value,
    unit: unitSelect.value,
    award: awardSelect.value as AwardId | '',
    year: yearValue(),
    commendationKind: kindSelect.value as CommendationKind,
    achievement: achievementInput.value,
    initiative: initiativeInput.value,
    initiativeRecognition: recognitionInput.value,
    attachments: attachmentsInput.value,
  };
}

function problems(input: NominationInput): NominationProblem[] {
  return validateNomination(input, { allowedUnits: form.isOffice ? null : form.units, today: form.today });
}

function showProblems(list: NominationProblem[], all = false): void {
  for (const field of Object.keys(FIELD_ELEMENT) as NominationField[]) {
    const box = byId<HTMLElement>(`${FIELD_ELEMENT[field]}-error`);
    const shown = all || touched.has(field) ? list.filter((p) => p.field === field) : [];
    box.textContent = shown.map((p) => p.message).join(' ');
    box.hidden = shown.length === 0;
    byId<HTMLElement>(FIELD_ELEMENT[field]).setAttribute('aria-invalid', shown.length ? 'true' : 'false');
  }
}

function renderAwards(): void {
  const selected = awardSelect.value;
  const choices = awardChoices(subject(), yearValue());
  const titles = choices.filter((c) => c.kind === 'title');
  const forms = choices.filter((c) => c.kind === 'form');
  const group = (label: string, items: typeof choices): HTMLOptGroupElement => {
    const el = document.createElement('optgroup');
    el.label = label;
    el.append(...items.map((c) => option(c.id, c.name)));
    return el;
  };
  awardSelect.replaceChildren(
    option('', '— Chọn danh hiệu, hình thức —'),
    ...(titles.length ? [group('Danh hiệu thi đua', titles)] : []),
    ...(forms.length ? [group('Hình thức khen thưởng', forms)] : []),
  );
  if (choices.some((c) => c.id === selected)) awardSelect.value = selected;
  renderCriteria();
}

function renderCriteria(): void {
  const year = yearValue();
  const award = awardSelect.value as AwardId | '';
  if (!award || year === null || year < 1900 || year > 9999) {
    criteriaBox.hidden = true;
    criteriaBox.replaceChildren();
    return;
  }
  const { book, criteria } = awardCriteria(year, award);
  const head = document.createElement('div');
  head.textContent = `Theo ${book}:`;
  const list = document.createElement('ul');
  for (const c of criteria.length ? criteria : ['Bộ quy định chưa ghi tiêu chuẩn riêng; Hội đồng xem xét hồ sơ.']) {
    const li = document.createElement('li');
    li.textContent = c;
    list.append(li);
  }
  criteriaBox.replaceChildren(head, list);
  criteriaBox.hidden = false;
}

function renderSubject(): void {
  const collective = subject() === 'collective';
  nameLabel.textContent = collective ? 'Tên tập thể' : 'Họ và tên';
  positionBlock.hidden = collective;
  renderAwards();
}

function renderFindings(findings: FindingView[], status: string): void {
  findingsList.replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement('li');
      li.className = f.severity;
      const head = document.createElement('strong');
      head.textContent = `${f.severityLabel} – ${f.rule}`;
      const body = document.createElement('span');
      body.textContent = f.message;
      li.append(head, body);
      return li;
    }),
  );
  findingsStatus.textContent = status;
  findingsBox.hidden = findings.length === 0 && status === '';
}

/** What the form alone shows, computed here by the core. */
function showLocalFindings(input: NominationInput): void {
  const local = localFindings(input, form.councilLevel, form.today).map((f): FindingView => ({
    severity: f.severity,
    severityLabel: SEVERITY_LABEL[f.severity],
    rule: ruleLabel(f.rule),
    message: f.message,
  }));
  renderFindings(
    local,
    local.length
      ? 'Kiểm tra sơ bộ theo thông tin đã nhập; điều kiện về đăng ký, lịch sử khen thưởng sẽ được kiểm tra tiếp.'
      : '',
  );
}

function onInput(field?: NominationField): void {
  if (field) touched.add(field);
  const input = readInput();
  const list = problems(input);
  showProblems(list);
  if (list.length === 0) {
    if (findingsKey(input) !== lastChecked) showLocalFindings(input);
  } else renderFindings([], '');
}

/** Asks the server for the findings against the sheets when the form is valid and changed since the last check. */
async function checkOnServer(): Promise<void> {
  const input = readInput();
  if (problems(input).length > 0) return;
  const key = findingsKey(input);
  if (key === lastChecked) return;
  lastChecked = key;
  const seq = ++checkSeq;
  findingsBox.hidden = false;
  findingsStatus.textContent = 'Đang kiểm tra với dữ liệu trên bảng tính…';
  try {
    const result: NominationCheck = await callServer('checkNomination', input);
    if (seq !== checkSeq) return;
    const duplicate =
      result.duplicateRow !== null ? ` Đề nghị này đã có ở dòng ${result.duplicateRow} của trang tính.` : '';
    renderFindings(
      result.findings,
      result.findings.length
        ? `Kết quả kiểm tra với dữ liệu hiện có.${duplicate}`
        : `Chưa phát hiện vấn đề nào với dữ liệu hiện có.${duplicate}`,
    );
  } catch (error) {
    if (seq !== checkSeq) return;
    lastChecked = '';
    renderFindings([], `Chưa kiểm tra được: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function focusFirstProblem(list: NominationProblem[]): void {
  const first = list[0];
  if (!first) return;
  const el = byId<HTMLElement>(FIELD_ELEMENT[first.field]);
  (el.tagName === 'FIELDSET' ? el.querySelector<HTMLElement>('input') : el)?.focus();
}

function resetAfterSubmit(): void {
  for (const el of [nameInput, positionInput, achievementInput, initiativeInput, recognitionInput, attachmentsInput]) {
    el.value = '';
  }
  touched.clear();
  lastChecked = '';
  showProblems([]);
  nameInput.focus();
}

let sending = false;

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  if (sending) return;
  const input = readInput();
  const list = problems(input);
  if (list.length > 0) {
    showProblems(list, true);
    showMessage(message, 'error', list.map((p) => p.message).join('\n'));
    focusFirstProblem(list);
    return;
  }
  sending = true;
  submitButton.disabled = true;
  checkSeq++;
  showMessage(message, 'info', 'Đang ghi đề nghị…');
  try {
    const result = await callServer('submitNomination', input);
    resetAfterSubmit();
    showMessage(message, 'success', result.message);
    renderFindings(result.findings, result.findings.length ? 'Kết quả kiểm tra của đề nghị vừa ghi.' : '');
  } catch (error) {
    showMessage(message, 'error', error instanceof Error ? error.message : String(error));
  } finally {
    sending = false;
    submitButton.disabled = form.units.length === 0;
  }
}

function render(): void {
  replaceOptions(unitSelect, unitOptions(form.units));
  replaceOptions(
    kindSelect,
    form.commendationKinds.map((k) => option(k.code, k.label)),
  );
  yearInput.value = String(form.year);
  yearInput.max = form.today.slice(0, 4);
  renderSubject();
  if (form.units.length === 0) {
    submitButton.disabled = true;
    showMessage(
      message,
      'error',
      'Thư điện tử của anh/chị chưa được gán cho đơn vị nào trong trang «Đơn vị». Vui lòng liên hệ Thường trực Hội đồng.',
    );
  }
}

const FIELD_OF: Record<string, NominationField> = Object.fromEntries(
  (Object.keys(FIELD_ELEMENT) as NominationField[]).map((f) => [FIELD_ELEMENT[f], f]),
);

formEl.addEventListener('input', (event) => {
  const target = event.target as HTMLElement & { name?: string };
  const field = target.name === 'subject' ? 'subject' : FIELD_OF[target.id];
  if (field === 'subject') renderSubject();
  if (field === 'year') renderAwards();
  if (field === 'award') renderCriteria();
  onInput(field);
});
formEl.addEventListener('change', (event) => {
  const target = event.target as HTMLElement & { name?: string };
  const field = target.name === 'subject' ? 'subject' : FIELD_OF[target.id];
  if (field && (target.tagName === 'SELECT' || target.getAttribute('type') === 'radio')) {
    if (field === 'award') renderCriteria();
    onInput(field);
    void checkOnServer();
  }
});
formEl.addEventListener('focusout', (event) => {
  const target = event.target as HTMLElement & { name?: string };
  const field = target.name === 'subject' ? 'subject' : FIELD_OF[target.id];
  if (!field) return;
  touched.add(field);
  showProblems(problems(readInput()));
  if (CHECKED_FIELDS.includes(field)) void checkOnServer();
});
formEl.addEventListener('keydown', (event) => {
  // Enter sends from a one-line field (the browser does it); Ctrl + Enter from a text area too.
  if (
    event.key === 'Enter' &&
    (event.ctrlKey || event.metaKey) &&
    (event.target as HTMLElement).tagName === 'TEXTAREA'
  ) {
    event.preventDefault();
    formEl.requestSubmit();
  }
});
formEl.addEventListener('submit', (event) => void submit(event));
render();
