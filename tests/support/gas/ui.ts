import { GasObject, SERVICE } from './boundary';
import { GasEnum, isEnumOf, makeEnum } from './enums';
import { GasError, badArguments } from './errors';
import { FakeHtmlOutput } from './html';
import type { ToastRecord } from './spreadsheet';

export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

const SET_BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuItem = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };
export interface MenuRecord {
  title: string;
  items: MenuItem[];
  /** Menus made with createAddonMenu() (they appear under Extensions with the add-on's name). */
  addon?: boolean;
}
export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
}
export interface PromptRecord extends AlertRecord {
  text: string;
}
export interface DialogRecord {
  output: FakeHtmlOutput;
  title: string;
  modal: boolean;
}
/** A queued answer: a button name, or a button and the text typed into a prompt. */
export type UiResponse = ButtonName | { button?: ButtonName; text?: string };

/**
 * `runtime.ui`: what the bundle showed. alert/prompt take answers queued with respondWith(…) in order; without
 * one the user presses the first button of the set (OK, or YES for YES_NO…) and types nothing.
 */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly #queue: UiResponse[] = [];

  respondWith(...responses: UiResponse[]): void {
    this.#queue.push(...responses);
  }

  /** Answers still queued. */
  get pendingResponses(): number {
    return this.#queue.length;
  }

  $answer(buttons: ButtonSetName): { button: ButtonName; text: string } {
    const next = this.#queue.shift();
    const answer = typeof next === 'string' ? { button: next } : (next ?? {});
    const button = answer.button ?? SET_BUTTONS[buttons][0];
    if (button !== 'CLOSE' && !SET_BUTTONS[buttons].includes(button)) {
      throw new Error(`Queued answer ${button} is not a button of ButtonSet.${buttons}`);
    }
    return { button, text: answer.text ?? '' };
  }

  $addMenu(menu: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.title === menu.title && !!m.addon === !!menu.addon);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }
}

export class FakeMenu extends GasObject {
  readonly [SERVICE] = 'Menu';
  readonly $record: MenuRecord;
  constructor(
    title: string,
    readonly $recorder: UiRecorder,
    addon = false,
  ) {
    super();
    this.$record = addon ? { title, items: [], addon } : { title, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      throw badArguments('Ui.Menu.addItem', [caption, functionName]);
    this.$record.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.$record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.$record.items.push({ submenu: menu.$record });
    return this;
  }
  /** Adding a menu with the same title again replaces it, as when onOpen runs again. */
  addToUi(): void {
    this.$recorder.$addMenu(this.$record);
  }
}

export class FakePromptResponse extends GasObject {
  readonly [SERVICE] = 'PromptResponse';
  constructor(
    readonly $text: string,
    readonly $button: ButtonName,
  ) {
    super();
  }
  getResponseText(): string {
    return this.$text;
  }
  getSelectedButton(): GasEnum {
    return Button[this.$button];
  }
}

/** (prompt) | (prompt, buttons) | (title, prompt, buttons) */
function dialogArgs(method: string, args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
  const last = args[args.length - 1];
  const buttons = isEnumOf(last, 'ButtonSet') ? (last.name() as ButtonSetName) : 'OK';
  const texts = isEnumOf(last, 'ButtonSet') ? args.slice(0, -1) : args;
  if (texts.length < 1 || texts.length > 2 || !texts.every((t) => typeof t === 'string'))
    throw badArguments(`Ui.${method}`, args);
  return texts.length === 2
    ? { title: texts[0] as string, prompt: texts[1] as string, buttons }
    : { title: '', prompt: texts[0] as string, buttons };
}

/** SpreadsheetApp.getUi(). */
export class FakeUi extends GasObject {
  readonly [SERVICE] = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    readonly $recorder: UiRecorder,
    readonly $addonName = 'Add-on',
  ) {
    super();
  }

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(String(caption), this.$recorder);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.$addonName, this.$recorder, true);
  }
  alert(...args: unknown[]): GasEnum {
    const { title, prompt, buttons } = dialogArgs('alert', args);
    const { button } = this.$recorder.$answer(buttons);
    this.$recorder.alerts.push({ title, prompt, buttons, response: button });
    return Button[button];
  }
  prompt(...args: unknown[]): FakePromptResponse {
    const { title, prompt, buttons } = dialogArgs('prompt', args);
    const { button, text } = this.$recorder.$answer(buttons);
    this.$recorder.prompts.push({ title, prompt, buttons, response: button, text });
    return new FakePromptResponse(text, button);
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this.#check('showSidebar', userInterface);
    this.$recorder.sidebars.push(userInterface);
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.#check('showModalDialog', userInterface);
    this.$recorder.dialogs.push({ output: userInterface, title: String(title), modal: true });
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.#check('showModelessDialog', userInterface);
    this.$recorder.dialogs.push({ output: userInterface, title: String(title), modal: false });
  }
  #check(method: string, userInterface: unknown): void {
    if (!(userInterface instanceof FakeHtmlOutput)) throw badArguments(`Ui.${method}`, [userInterface]);
  }
}

export function noUiError(): GasError {
  return new GasError('Cannot call SpreadsheetApp.getUi() from this context.');
}
