import { GasObject, SERVICE } from './boundary';
import { GasEnum, enumName, makeEnum } from './enums';
import { GasError, isDate } from './errors';
import type { CellValue } from './range-values';

export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
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
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
type Criteria = keyof typeof DataValidationCriteria;

interface RuleState {
  criteria?: Criteria;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A built rule (immutable), as Range.getDataValidation returns it. */
export class FakeDataValidation extends GasObject {
  readonly [SERVICE] = 'DataValidation';
  readonly #state: RuleState;

  constructor(state: RuleState) {
    super();
    this.#state = { ...state, values: [...state.values] };
  }

  getCriteriaType(): GasEnum {
    return DataValidationCriteria[this.#state.criteria as Criteria];
  }
  getCriteriaValues(): unknown[] {
    return this.#state.values.map((v) => (Array.isArray(v) ? [...(v as unknown[])] : v));
  }
  getAllowInvalid(): boolean {
    return this.#state.allowInvalid;
  }
  /** null when no help text was set. */
  getHelpText(): string | null {
    return this.#state.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.#state);
  }
}

/**
 * SpreadsheetApp.newDataValidation(). Builder calls are counted like any other service call
 * ("DataValidationBuilder.requireValueInList"). New rules allow invalid data unless setAllowInvalid(false).
 */
export class FakeDataValidationBuilder extends GasObject {
  readonly [SERVICE] = 'DataValidationBuilder';
  readonly #state: RuleState;

  constructor(state: RuleState = { values: [], allowInvalid: true, helpText: null }) {
    super();
    this.#state = { ...state, values: [...state.values] };
  }

  #require(criteria: Criteria, ...values: unknown[]): this {
    this.#state.criteria = criteria;
    this.#state.values = values;
    return this;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.#require('CHECKBOX', ...[checked, unchecked].filter((v) => v !== undefined));
  }
  requireDate(): this {
    return this.#require('DATE_IS_VALID_DATE');
  }
  requireDateAfter(date: Date): this {
    return this.#require('DATE_AFTER', date);
  }
  requireDateBefore(date: Date): this {
    return this.#require('DATE_BEFORE', date);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.#require('DATE_BETWEEN', start, end);
  }
  requireDateEqualTo(date: Date): this {
    return this.#require('DATE_EQUAL_TO', date);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.#require('DATE_ON_OR_AFTER', date);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.#require('DATE_ON_OR_BEFORE', date);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.#require('CUSTOM_FORMULA', formula);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.#require('NUMBER_BETWEEN', start, end);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.#require('NUMBER_NOT_BETWEEN', start, end);
  }
  requireNumberEqualTo(n: number): this {
    return this.#require('NUMBER_EQUAL_TO', n);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.#require('NUMBER_NOT_EQUAL_TO', n);
  }
  requireNumberGreaterThan(n: number): this {
    return this.#require('NUMBER_GREATER_THAN', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.#require('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  requireNumberLessThan(n: number): this {
    return this.#require('NUMBER_LESS_THAN', n);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.#require('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  requireTextContains(text: string): this {
    return this.#require('TEXT_CONTAINS', text);
  }
  requireTextDoesNotContain(text: string): this {
    return this.#require('TEXT_DOES_NOT_CONTAIN', text);
  }
  requireTextEqualTo(text: string): this {
    return this.#require('TEXT_EQUAL_TO', text);
  }
  requireTextIsEmail(): this {
    return this.#require('TEXT_IS_VALID_EMAIL');
  }
  requireTextIsUrl(): this {
    return this.#require('TEXT_IS_VALID_URL');
  }
  /** getCriteriaValues() of the built rule is [values, showDropdown]. */
  requireValueInList(values: string[], showDropdown = true): this {
    return this.#require('VALUE_IN_LIST', [...values], showDropdown);
  }
  /** getCriteriaValues() of the built rule is [range, showDropdown]. */
  requireValueInRange(range: object, showDropdown = true): this {
    return this.#require('VALUE_IN_RANGE', range, showDropdown);
  }
  withCriteria(criteria: GasEnum, args: unknown[]): this {
    return this.#require(enumName(criteria) as Criteria, ...args);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.#state.allowInvalid = !!allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    this.#state.helpText = String(helpText);
    return this;
  }
  getAllowInvalid(): boolean {
    return this.#state.allowInvalid;
  }
  /** null when no help text was set. */
  getHelpText(): string | null {
    return this.#state.helpText;
  }
  getCriteriaType(): GasEnum | null {
    return this.#state.criteria ? DataValidationCriteria[this.#state.criteria] : null;
  }
  getCriteriaValues(): unknown[] {
    return [...this.#state.values];
  }
  build(): FakeDataValidation {
    if (!this.#state.criteria) throw new GasError('A data validation rule needs criteria.'); // paraphrased: the real wording is not known
    return new FakeDataValidation(this.#state);
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.#state);
  }
}

const time = (v: unknown): number => (isDate(v) ? v.getTime() : NaN);

/**
 * Whether writing `value` breaks a rule that rejects invalid data (setAllowInvalid(false)). Real Sheets then
 * throws "The data you entered in cell A1 violates the data validation rules set on this cell."
 * Checked: lists, ranges, checkboxes, numbers, dates, e-mail; other criteria (formulas, URLs, text) always pass.
 */
export function violates(rule: FakeDataValidation, value: CellValue): boolean {
  if (rule.getAllowInvalid() || value === '') return false;
  const [a, b] = rule.getCriteriaValues();
  const n = typeof value === 'number' ? value : NaN;
  const t = time(value);
  switch (rule.getCriteriaType().name() as Criteria) {
    case 'VALUE_IN_LIST':
      return !(a as unknown[]).map(String).includes(String(value));
    case 'VALUE_IN_RANGE':
      return !(a as { getValues(): unknown[][] }).getValues().flat().map(String).includes(String(value));
    case 'CHECKBOX':
      return ![a ?? true, b ?? false].map(String).includes(String(value));
    case 'NUMBER_BETWEEN':
      return !(n >= Number(a) && n <= Number(b));
    case 'NUMBER_NOT_BETWEEN':
      return !(n < Number(a) || n > Number(b));
    case 'NUMBER_EQUAL_TO':
      return !(n === Number(a));
    case 'NUMBER_NOT_EQUAL_TO':
      return !(n !== Number(a)) || isNaN(n);
    case 'NUMBER_GREATER_THAN':
      return !(n > Number(a));
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return !(n >= Number(a));
    case 'NUMBER_LESS_THAN':
      return !(n < Number(a));
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return !(n <= Number(a));
    case 'DATE_IS_VALID_DATE':
      return isNaN(t);
    case 'DATE_AFTER':
      return !(t > time(a));
    case 'DATE_BEFORE':
      return !(t < time(a));
    case 'DATE_ON_OR_AFTER':
      return !(t >= time(a));
    case 'DATE_ON_OR_BEFORE':
      return !(t <= time(a));
    case 'DATE_BETWEEN':
      return !(t >= time(a) && t <= time(b));
    case 'TEXT_IS_VALID_EMAIL':
      return !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value));
    default:
      return false;
  }
}
