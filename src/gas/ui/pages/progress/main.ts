/**
 * The progress sidebar: pick one of the items one's unit answers for, set its
 * status, submit. The office sees every item; a staff member of several units
 * sees the items of the unit chosen.
 */
import type { ProgressForm, ProgressInput, ProgressItemView } from '../../../api-types';
import type { ProgressStatus } from '../../../../core/contract';
import { bootData, byId, option, replaceOptions, showMessage, unitOptions } from '../../shared/dom';
import { callServer } from '../../shared/server';

const form = bootData<ProgressForm>();
const unitSelect = byId<HTMLSelectElement>('unit');
const itemSelect = byId<HTMLSelectElement>('item');
const statusSelect = byId<HTMLSelectElement>('status');
const percentInput = byId<HTMLInputElement>('percent');
const dateInput = byId<HTMLInputElement>('date');
const noteInput = byId<HTMLTextAreaElement>('note');
const evidenceInput = byId<HTMLInputElement>('evidence');
const submitButton = byId<HTMLButtonElement>('submit');
const message = byId<HTMLElement>('message');
const current = byId<HTMLElement>('current');

const itemKey = (item: ProgressItemView) => `${item.year}|${item.id}`;

function statusLabel(code: string): string {
  return form.statuses.find((s) => s.code === code)?.label ?? code;
}

/** The items to offer: all for the office; else those of the chosen unit, or of any of the user's units. */
function offeredItems(): ProgressItemView[] {
  if (form.isOffice) return form.items;
  const unit = unitSelect.value;
  // The server names an item's units as the user's units are named.
  return unit ? form.items.filter((item) => item.units.includes(unit)) : form.items;
}

function renderItems(): void {
  const selected = itemSelect.value;
  const items = offeredItems();
  replaceOptions(itemSelect, [
    option('', '— Chọn công việc —'),
    ...items.map((item) => option(itemKey(item), `${item.id}. ${item.title}`)),
  ]);
  if (items.some((item) => itemKey(item) === selected)) itemSelect.value = selected;
  if (form.units.length > 0 && items.length === 0) {
    const who = unitSelect.value ? `Đơn vị «${unitSelect.value}»` : 'Đơn vị của anh/chị';
    showMessage(
      message,
      'info',
      `${who} chưa được giao nội dung công việc nào trong kế hoạch (cột «Đơn vị chịu trách nhiệm»). Vui lòng liên hệ Thường trực Hội đồng nếu cần bổ sung.`,
    );
  } else if (message.classList.contains('info')) showMessage(message, 'info', '');
  submitButton.disabled = form.units.length === 0 || items.length === 0;
  showCurrent();
}

function render(): void {
  replaceOptions(unitSelect, unitOptions(form.units));
  replaceOptions(
    statusSelect,
    form.statuses.map((s) => option(s.code, s.label)),
  );
  dateInput.max = form.today;
  dateInput.value = form.today;
  renderItems();
  if (form.units.length === 0) {
    showMessage(
      message,
      'error',
      'Thư điện tử của anh/chị chưa được gán cho đơn vị nào trong trang «Đơn vị». Vui lòng liên hệ Thường trực Hội đồng.',
    );
  }
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function selectedItem(): ProgressItemView | undefined {
  return form.items.find((item) => itemKey(item) === itemSelect.value);
}

function showCurrent(): void {
  const item = selectedItem();
  if (!item) {
    current.textContent = '';
    current.hidden = true;
    return;
  }
  const percent = item.percent === null ? '' : ` – ${Math.round(item.percent * 100)}%`;
  current.hidden = false;
  const due = item.nextDue ? ` Hạn kế tiếp: ${formatDate(item.nextDue)}.` : '';
  current.textContent = `Hiện tại: ${statusLabel(item.status)}${percent}.${due} Chủ trì: ${item.lead || 'chưa ghi'}.`;
  statusSelect.value = item.status;
}

function readInput(): ProgressInput | string {
  const item = selectedItem();
  if (!unitSelect.value) return 'Vui lòng chọn đơn vị báo cáo.';
  if (!item) return 'Vui lòng chọn nội dung công việc.';
  const percentText = percentInput.value.trim();
  const percent = percentText === '' ? null : Number(percentText);
  if (percent !== null && (!Number.isFinite(percent) || percent < 0 || percent > 100)) {
    return 'Tỷ lệ hoàn thành phải là số từ 0 đến 100.';
  }
  return {
    year: item.year,
    itemId: item.id,
    unit: unitSelect.value,
    status: statusSelect.value as ProgressStatus,
    percent,
    date: dateInput.value || null,
    note: noteInput.value,
    evidence: evidenceInput.value.trim(),
  };
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  const input = readInput();
  if (typeof input === 'string') {
    showMessage(message, 'error', input);
    return;
  }
  submitButton.disabled = true;
  showMessage(message, 'info', 'Đang lưu…');
  try {
    const result = await callServer('submitProgress', input);
    const index = form.items.findIndex((i) => itemKey(i) === itemKey(result.item));
    if (index >= 0) form.items[index] = result.item;
    showCurrent();
    noteInput.value = '';
    evidenceInput.value = '';
    percentInput.value = '';
    showMessage(message, 'success', result.message);
  } catch (error) {
    showMessage(message, 'error', error instanceof Error ? error.message : String(error));
  } finally {
    submitButton.disabled = form.units.length === 0 || offeredItems().length === 0;
  }
}

itemSelect.addEventListener('change', showCurrent);
unitSelect.addEventListener('change', renderItems);
byId<HTMLFormElement>('form').addEventListener('submit', (event) => void submit(event));
render();
