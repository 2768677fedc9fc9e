/**
 * DOM helpers for the pages. Text is only ever set through textContent or
 * attribute values, never innerHTML: a unit or item name such as
 * `<img src=x onerror=…>` shows as text.
 */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing element #${id}`);
  return el as T;
}

export function option(value: string, label: string): HTMLOptionElement {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

export function replaceOptions(select: HTMLSelectElement, options: HTMLOptionElement[]): void {
  select.replaceChildren(...options);
}

/** The units a staff member may act for: preselected when there is only one, else a prompt first. */
export function unitOptions(units: ReadonlyArray<string>): HTMLOptionElement[] {
  return units.length === 1
    ? [option(units[0], units[0])]
    : [option('', '— Chọn đơn vị —'), ...units.map((u) => option(u, u))];
}

/** The JSON the server put in `data-boot` (HTML-escaped by the template). */
export function bootData<T>(): T {
  return JSON.parse(document.body.dataset.boot ?? '{}') as T;
}

export type MessageKind = 'success' | 'error' | 'info';

/** Shows a message in a live region so screen readers announce it. */
export function showMessage(box: HTMLElement, kind: MessageKind, text: string): void {
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.textContent = text;
  box.hidden = text === '';
}
