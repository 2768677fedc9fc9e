import { GasObject, SERVICE } from './boundary';
import { GasEnum, enumName, makeEnum } from './enums';
import { GasError } from './errors';
import { normalizeColor } from './range-values';

export const BooleanCriteria = makeEnum('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);
type Criteria = keyof typeof BooleanCriteria;

interface RuleState {
  criteria?: Criteria;
  values: unknown[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  ranges: object[];
}

/** The condition and formatting of a rule (ConditionalFormatRule.getBooleanCondition()). */
export class FakeBooleanCondition extends GasObject {
  readonly [SERVICE] = 'BooleanCondition';
  constructor(readonly $state: Readonly<RuleState>) {
    super();
  }
  getCriteriaType(): GasEnum {
    return BooleanCriteria[this.$state.criteria as Criteria];
  }
  getCriteriaValues(): unknown[] {
    return [...this.$state.values];
  }
  getBackground(): string | null {
    return this.$state.background ?? null;
  }
  getFontColor(): string | null {
    return this.$state.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.$state.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.$state.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.$state.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.$state.underline ?? null;
  }
}

export class FakeConditionalFormatRule extends GasObject {
  readonly [SERVICE] = 'ConditionalFormatRule';
  constructor(readonly $state: Readonly<RuleState>) {
    super();
  }
  getBooleanCondition(): FakeBooleanCondition {
    return new FakeBooleanCondition(this.$state);
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): object[] {
    return [...this.$state.ranges];
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.$state);
  }
}

/** SpreadsheetApp.newConditionalFormatRule(); builder calls are counted ("ConditionalFormatRuleBuilder.…"). */
export class FakeConditionalFormatRuleBuilder extends GasObject {
  readonly [SERVICE] = 'ConditionalFormatRuleBuilder';
  readonly #state: RuleState;

  constructor(state: RuleState = { values: [], ranges: [] }) {
    super();
    this.#state = { ...state, values: [...state.values], ranges: [...state.ranges] };
  }

  #when(criteria: Criteria, ...values: unknown[]): this {
    this.#state.criteria = criteria;
    this.#state.values = values;
    return this;
  }
  #set<K extends keyof RuleState>(key: K, value: RuleState[K]): this {
    this.#state[key] = value;
    return this;
  }

  whenCellEmpty(): this {
    return this.#when('CELL_EMPTY');
  }
  whenCellNotEmpty(): this {
    return this.#when('CELL_NOT_EMPTY');
  }
  whenDateAfter(date: Date): this {
    return this.#when('DATE_AFTER', date);
  }
  whenDateBefore(date: Date): this {
    return this.#when('DATE_BEFORE', date);
  }
  whenDateEqualTo(date: Date): this {
    return this.#when('DATE_EQUAL_TO', date);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.#when('CUSTOM_FORMULA', formula);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.#when('NUMBER_BETWEEN', start, end);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.#when('NUMBER_NOT_BETWEEN', start, end);
  }
  whenNumberEqualTo(n: number): this {
    return this.#when('NUMBER_EQUAL_TO', n);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.#when('NUMBER_NOT_EQUAL_TO', n);
  }
  whenNumberGreaterThan(n: number): this {
    return this.#when('NUMBER_GREATER_THAN', n);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.#when('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  whenNumberLessThan(n: number): this {
    return this.#when('NUMBER_LESS_THAN', n);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.#when('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  whenTextContains(text: string): this {
    return this.#when('TEXT_CONTAINS', text);
  }
  whenTextDoesNotContain(text: string): this {
    return this.#when('TEXT_DOES_NOT_CONTAIN', text);
  }
  whenTextEqualTo(text: string): this {
    return this.#when('TEXT_EQUAL_TO', text);
  }
  whenTextStartsWith(text: string): this {
    return this.#when('TEXT_STARTS_WITH', text);
  }
  whenTextEndsWith(text: string): this {
    return this.#when('TEXT_ENDS_WITH', text);
  }
  withCriteria(criteria: GasEnum, args: unknown[]): this {
    return this.#when(enumName(criteria) as Criteria, ...args);
  }
  setBackground(color: string | null): this {
    return this.#set('background', normalizeColor(color));
  }
  setFontColor(color: string | null): this {
    return this.#set('fontColor', normalizeColor(color));
  }
  setBold(bold: boolean | null): this {
    return this.#set('bold', bold ?? undefined);
  }
  setItalic(italic: boolean | null): this {
    return this.#set('italic', italic ?? undefined);
  }
  setStrikethrough(strikethrough: boolean | null): this {
    return this.#set('strikethrough', strikethrough ?? undefined);
  }
  setUnderline(underline: boolean | null): this {
    return this.#set('underline', underline ?? undefined);
  }
  setRanges(ranges: object[]): this {
    return this.#set('ranges', [...ranges]);
  }
  getRanges(): object[] {
    return [...this.#state.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.#state.criteria ? new FakeBooleanCondition({ ...this.#state }) : null;
  }
  build(): FakeConditionalFormatRule {
    if (!this.#state.criteria)
      // Message paraphrased: the real wording is not known.
      throw new GasError('A conditional format rule needs a condition.');
    return new FakeConditionalFormatRule({
      ...this.#state,
      values: [...this.#state.values],
      ranges: [...this.#state.ranges],
    });
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.#state);
  }
}
