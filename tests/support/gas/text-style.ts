import { GasObject, SERVICE } from './boundary';
import { normalizeColor } from './range-values';

export interface TextStyleState {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
}

export class FakeTextStyle extends GasObject {
  readonly [SERVICE] = 'TextStyle';
  constructor(readonly $state: Readonly<TextStyleState>) {
    super();
  }
  isBold(): boolean | null {
    return this.$state.bold ?? null;
  }
  isItalic(): boolean | null {
    return this.$state.italic ?? null;
  }
  isUnderline(): boolean | null {
    return this.$state.underline ?? null;
  }
  isStrikethrough(): boolean | null {
    return this.$state.strikethrough ?? null;
  }
  getFontSize(): number | null {
    return this.$state.fontSize ?? null;
  }
  getFontFamily(): string | null {
    return this.$state.fontFamily ?? null;
  }
  getForegroundColor(): string | null {
    return this.$state.foregroundColor ?? null;
  }
  copy(): FakeTextStyleBuilder {
    return new FakeTextStyleBuilder(this.$state);
  }
}

/** SpreadsheetApp.newTextStyle(); applied with Range.setTextStyle. */
export class FakeTextStyleBuilder extends GasObject {
  readonly [SERVICE] = 'TextStyleBuilder';
  readonly #state: TextStyleState;
  constructor(state: TextStyleState = {}) {
    super();
    this.#state = { ...state };
  }
  #set<K extends keyof TextStyleState>(key: K, value: TextStyleState[K]): this {
    this.#state[key] = value;
    return this;
  }
  setBold(bold: boolean): this {
    return this.#set('bold', bold);
  }
  setItalic(italic: boolean): this {
    return this.#set('italic', italic);
  }
  setUnderline(underline: boolean): this {
    return this.#set('underline', underline);
  }
  setStrikethrough(strikethrough: boolean): this {
    return this.#set('strikethrough', strikethrough);
  }
  setFontSize(size: number): this {
    return this.#set('fontSize', size);
  }
  setFontFamily(family: string): this {
    return this.#set('fontFamily', family);
  }
  setForegroundColor(color: string): this {
    return this.#set('foregroundColor', normalizeColor(color));
  }
  build(): FakeTextStyle {
    return new FakeTextStyle({ ...this.#state });
  }
}
