/** The progress sidebar: pick an item of one's unit, set its status, submit. */
import type { ProgressForm, ProgressInput, ProgressItemView } from '../../../api-types';
import type { ProgressStatus } from '../../../../core/contract';
import { bootData, byId, option, replaceOptions, showMessage } from '../../shared/dom';
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

function render(): void {
  replaceOptions(
    unitSelect,
    form.units.length === 1
      ? [option(form.units[0], form.units[0])]
      : [option('', '— Chọn đơn vị —'), ...form.units.map((u) => option(u, u))],
  );
  replaceOptions(itemSelect, [
    option('', '— Chọn công việc —'),
    ...form.items.map((item) => option(itemKey(item), `${item.id}. ${item.title}`)),
  ]);
  replaceOptions(
    statusSelect,
    form.statuses.map((s) => option(s.code, s.label)),
  );
  dateInput.max = form.today;
  dateInput.value = form.today;
  if (form.units.length === 0) {
    showMessage(
      message,
      'error',
      'Thư điện tử của anh/chị chưa được gán cho đơn vị nào trong trang «Đơn vị». Vui lòng liên hệ Thường trực Hội đồng.',
    );
    submitButton.disabled = true;
  }
  showCurrent();
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
  current.textContent = `Hiện tại: ${statusLabel(item.status)}${percent}. Chủ trì: ${item.lead || 'chưa ghi'}.`;
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
    submitButton.disabled = form.units.length === 0;
  }
}

itemSelect.addEventListener('change', showCurrent);
byId<HTMLFormElement>('form').addEventListener('submit', (event) => void submit(event));
render();
