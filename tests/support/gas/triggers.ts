import { GasObject, SERVICE } from './boundary';
import { isKnownTimeZone } from './date-format';
import { GasEnum, enumName, makeEnum } from './enums';
import { GasError, isDate } from './errors';

export const EventType = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const WeekDay = makeEnum('WeekDay', [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
]);

/**
 * The `changeType` of a change event (installable onChange trigger), as documented: a string, not an enum.
 */
export const CHANGE_TYPES = [
  'EDIT',
  'INSERT_ROW',
  'INSERT_COLUMN',
  'REMOVE_ROW',
  'REMOVE_COLUMN',
  'INSERT_GRID',
  'REMOVE_GRID',
  'FORMAT',
  'OTHER',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** When a time-based trigger runs, as set on its builder. */
export interface Schedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  timeZone?: string;
  at?: Date;
  after?: number;
}

export interface TriggerRecord {
  id: string;
  user: string;
  handler: string;
  source: keyof typeof TriggerSource;
  eventType: keyof typeof EventType;
  sourceId: string | null;
  schedule: Schedule;
}

/** Where triggers live (shared by runtimes that share a spreadsheet; each user sees their own). */
export interface TriggerEnv {
  store: TriggerRecord[];
  user: string;
  spreadsheetId: string;
}

const MAX_TRIGGERS = 20;
let nextTriggerId = 1;

export class FakeTrigger extends GasObject {
  readonly [SERVICE] = 'Trigger';
  constructor(readonly $record: TriggerRecord) {
    super();
  }
  getHandlerFunction(): string {
    return this.$record.handler;
  }
  getUniqueId(): string {
    return this.$record.id;
  }
  getTriggerSource(): GasEnum {
    return TriggerSource[this.$record.source];
  }
  getEventType(): GasEnum {
    return EventType[this.$record.eventType];
  }
  getTriggerSourceId(): string | null {
    return this.$record.sourceId;
  }
}

function install(env: TriggerEnv, record: Omit<TriggerRecord, 'id' | 'user'>): FakeTrigger {
  if (env.store.filter((t) => t.user === env.user).length >= MAX_TRIGGERS) {
    throw new GasError(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  const full: TriggerRecord = { ...record, id: String(nextTriggerId++), user: env.user };
  env.store.push(full);
  return new FakeTrigger(full);
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new GasError(message);
}

/** ScriptApp.newTrigger(fn).timeBased()… Validation messages are paraphrased, not copied from Apps Script. */
export class FakeClockTriggerBuilder extends GasObject {
  readonly [SERVICE] = 'ClockTriggerBuilder';
  readonly #schedule: Schedule = {};
  constructor(
    readonly $env: TriggerEnv,
    readonly $handler: string,
  ) {
    super();
  }
  #set<K extends keyof Schedule>(key: K, value: Schedule[K]): this {
    this.#schedule[key] = value;
    return this;
  }
  everyMinutes(n: number): this {
    check([1, 5, 10, 15, 30].includes(n), 'The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    return this.#set('everyMinutes', n);
  }
  everyHours(n: number): this {
    check([1, 2, 4, 6, 8, 12].includes(n), 'The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    return this.#set('everyHours', n);
  }
  everyDays(n: number): this {
    check(Number.isInteger(n) && n >= 1, 'The value passed to everyDays must be a positive integer.');
    return this.#set('everyDays', n);
  }
  everyWeeks(n: number): this {
    check(Number.isInteger(n) && n >= 1, 'The value passed to everyWeeks must be a positive integer.');
    return this.#set('everyWeeks', n);
  }
  atHour(hour: number): this {
    check(Number.isInteger(hour) && hour >= 0 && hour <= 23, 'The hour must be between 0 and 23.');
    return this.#set('atHour', hour);
  }
  nearMinute(minute: number): this {
    check(Number.isInteger(minute) && minute >= 0 && minute <= 59, 'The minute must be between 0 and 59.');
    return this.#set('nearMinute', minute);
  }
  onWeekDay(day: GasEnum): this {
    return this.#set('onWeekDay', enumName(day));
  }
  onMonthDay(day: number): this {
    check(Number.isInteger(day) && day >= 1 && day <= 31, 'The day must be between 1 and 31.');
    return this.#set('onMonthDay', day);
  }
  inTimezone(timezone: string): this {
    check(isKnownTimeZone(timezone), `Invalid time zone: ${timezone}`);
    return this.#set('timeZone', timezone);
  }
  at(date: Date): this {
    check(isDate(date), 'at() needs a Date.');
    return this.#set('at', new Date(date.getTime()));
  }
  atDate(year: number, month: number, day: number): this {
    return this.#set('at', new Date(Date.UTC(year, month - 1, day)));
  }
  after(durationMilliseconds: number): this {
    return this.#set('after', durationMilliseconds);
  }
  create(): FakeTrigger {
    const s = this.#schedule;
    const when = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.onMonthDay, s.at, s.after];
    check(
      when.some((v) => v !== undefined),
      'A time-based trigger needs a schedule (everyDays, everyHours, at, after…).',
    );
    return install(this.$env, {
      handler: this.$handler,
      source: 'CLOCK',
      eventType: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
  }
}

/** ScriptApp.newTrigger(fn).forSpreadsheet(ss).onOpen()/onEdit()/onChange()/onFormSubmit().create() */
export class FakeSpreadsheetTriggerBuilder extends GasObject {
  readonly [SERVICE] = 'SpreadsheetTriggerBuilder';
  #event?: TriggerRecord['eventType'];
  constructor(
    readonly $env: TriggerEnv,
    readonly $handler: string,
    readonly $sourceId: string,
  ) {
    super();
  }
  onOpen(): this {
    this.#event = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.#event = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.#event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.#event = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): FakeTrigger {
    check(this.#event !== undefined, 'Choose onOpen(), onEdit(), onChange() or onFormSubmit() before create().');
    const eventType = this.#event as TriggerRecord['eventType'];
    return install(this.$env, {
      handler: this.$handler,
      source: 'SPREADSHEETS',
      eventType,
      sourceId: this.$sourceId,
      schedule: {},
    });
  }
}

export class FakeTriggerBuilder extends GasObject {
  readonly [SERVICE] = 'TriggerBuilder';
  constructor(
    readonly $env: TriggerEnv,
    readonly $handler: string,
  ) {
    super();
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.$env, this.$handler);
  }
  forSpreadsheet(sheet: string | { getId(): string }): FakeSpreadsheetTriggerBuilder {
    return new FakeSpreadsheetTriggerBuilder(
      this.$env,
      this.$handler,
      typeof sheet === 'string' ? sheet : sheet.getId(),
    );
  }
}

/** ScriptApp: installable triggers (per user, max 20) and the enums. */
export class FakeScriptApp extends GasObject {
  readonly [SERVICE] = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(
    readonly $env: TriggerEnv,
    readonly $scriptId: string,
  ) {
    super();
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this.$env, String(functionName));
  }
  /** The current user's triggers in this project. */
  getProjectTriggers(): FakeTrigger[] {
    return this.$env.store.filter((t) => t.user === this.$env.user).map((t) => new FakeTrigger(t));
  }
  getUserTriggers(spreadsheet: { getId(): string }): FakeTrigger[] {
    return this.getProjectTriggers().filter((t) => t.$record.sourceId === spreadsheet.getId());
  }
  deleteTrigger(trigger: FakeTrigger): void {
    const i = this.$env.store.findIndex((t) => t.id === trigger.getUniqueId());
    if (i >= 0) this.$env.store.splice(i, 1);
  }
  getScriptId(): string {
    return this.$scriptId;
  }
  getOAuthToken(): string {
    return 'fake-oauth-token';
  }
}
