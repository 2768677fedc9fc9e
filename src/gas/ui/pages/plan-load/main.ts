/** The plan-load dialog: paste a plan (or a Google Doc's address), preview, then load. */
import type { PlanPreview, PlanSource } from '../../../api-types';
import { byId, showMessage } from '../../shared/dom';
import { callServer } from '../../shared/server';

const ACTION_LABEL = { add: 'Thêm mới', update: 'Cập nhật', unchanged: 'Giữ nguyên' } as const;

const form = byId<HTMLFormElement>('form');
const text = byId<HTMLTextAreaElement>('text');
const doc = byId<HTMLInputElement>('doc');
const year = byId<HTMLInputElement>('year');
const previewButton = byId<HTMLButtonElement>('preview');
const loadButton = byId<HTMLButtonElement>('load');
const message = byId<HTMLElement>('message');
const result = byId<HTMLElement>('result');

let previewed: { source: PlanSource; year: number | null } | null = null;

function sourceKind(): 'text' | 'doc' {
  return (form.querySelector('input[name=source]:checked') as HTMLInputElement).value as 'text' | 'doc';
}

function readSource(): { source: PlanSource; year: number | null } | string {
  const y = year.value.trim();
  const parsedYear = y === '' ? null : Number(y);
  if (parsedYear !== null && !(Number.isInteger(parsedYear) && parsedYear >= 2000 && parsedYear <= 2100)) {
    return 'Năm kế hoạch không hợp lệ.';
  }
  if (sourceKind() === 'doc') {
    if (!/^https:\/\/docs\.google\.com\/document\//.test(doc.value.trim())) {
      return 'Vui lòng nhập đường dẫn Google Tài liệu (bắt đầu bằng https://docs.google.com/document/).';
    }
    return { source: { docUrl: doc.value.trim() }, year: parsedYear };
  }
  if (text.value.trim() === '') return 'Vui lòng dán nội dung kế hoạch.';
  return { source: { text: text.value }, year: parsedYear };
}

function cell(row: HTMLTableRowElement, value: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = value;
  if (className) td.className = className;
}

function render(preview: PlanPreview): void {
  const title = preview.title || 'Kế hoạch';
  byId('plan-title').textContent =
    preview.year && !title.includes(String(preview.year)) ? `${title} – năm ${preview.year}` : title;
  const body = byId<HTMLTableSectionElement>('items');
  body.replaceChildren();
  for (const item of preview.items) {
    const row = body.insertRow();
    cell(row, item.id);
    cell(row, item.title);
    cell(row, item.responsible);
    cell(row, item.schedule);
    cell(row, ACTION_LABEL[item.action], `action-${item.action}`);
  }
  const warnings = byId<HTMLUListElement>('warnings');
  warnings.replaceChildren(
    ...preview.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }),
  );
  result.hidden = false;
}

async function preview(event: Event): Promise<void> {
  event.preventDefault();
  const input = readSource();
  if (typeof input === 'string') {
    showMessage(message, 'error', input);
    return;
  }
  previewButton.disabled = true;
  loadButton.disabled = true;
  showMessage(message, 'info', 'Đang đọc kế hoạch…');
  try {
    const plan = await callServer('previewPlan', input.source, input.year);
    render(plan);
    previewed = input;
    loadButton.disabled = false;
    showMessage(
      message,
      'success',
      `Đọc được ${plan.items.length} nội dung công việc. Kiểm tra rồi bấm «Nạp vào trang Kế hoạch».`,
    );
  } catch (error) {
    showMessage(message, 'error', error instanceof Error ? error.message : String(error));
  } finally {
    previewButton.disabled = false;
  }
}

async function load(): Promise<void> {
  if (!previewed) return;
  loadButton.disabled = true;
  showMessage(message, 'info', 'Đang nạp…');
  try {
    const done = await callServer('loadPlan', previewed.source, previewed.year);
    showMessage(message, 'success', done.message);
  } catch (error) {
    loadButton.disabled = false;
    showMessage(message, 'error', error instanceof Error ? error.message : String(error));
  }
}

for (const radio of Array.from(form.querySelectorAll<HTMLInputElement>('input[name=source]'))) {
  radio.addEventListener('change', () => {
    byId('text-source').hidden = sourceKind() !== 'text';
    byId('doc-source').hidden = sourceKind() !== 'doc';
    previewed = null;
    loadButton.disabled = true;
  });
}
for (const input of [text, doc, year]) {
  input.addEventListener('input', () => {
    previewed = null;
    loadButton.disabled = true;
  });
}
form.addEventListener('submit', (event) => void preview(event));
loadButton.addEventListener('click', () => void load());
