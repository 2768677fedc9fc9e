import vm from 'node:vm';
import { Actor, runAs } from './actor';
import { Boundary, GasObject, Realm, hostError } from './boundary';
import { FakeCache, FakeCacheService } from './cache';
import { FakeCharts } from './charts';
import { DocumentStore, FakeDocumentApp } from './document';
import { DriveStore, FakeDriveApp } from './drive';
import { Clock, clockedDate } from './clock';
import { LocalTime } from './local-time';
import { CallCounter } from './counter';
import { FakeHtmlService } from './html';
import { Bundle } from './loader';
import { FakeLockService, LockControl, LockEnv, releaseExecutionLocks } from './lock';
import { FakeLogger, LogEntry, makeConsole } from './logger';
import { FakeMailApp, MailBox } from './mail';
import { FakeProperties, FakePropertiesService } from './properties';
import { ServerState, perUser, serverFor } from './server';
import { FakeSession, FakeUser } from './session';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { illegalKey, transfer } from './serialize';
import { AuthMode, CHANGE_TYPES, ChangeType, FakeScriptApp, FakeTrigger, TriggerRecord } from './triggers';
import { FakeUi, UiRecorder, noUiError } from './ui';
import { FakeUtilities } from './utilities';

export interface LoadOptions {
  /** Session.getActiveUser()/getEffectiveUser() e-mail. Default 'user@example.com'. */
  user?: string;
  /** The clock: `new Date()`/`Date.now()` in the bundle, Utilities, caches, locks, triggers. Default: real time. */
  now?: () => Date;
  /**
   * One clock for several runtimes (users on one timeline): a lock wait or Utilities.sleep in one moves time on
   * for all, as it would in the world. Overrides `now`.
   */
  clock?: Clock;
  /** Script time zone, and the time zone of a spreadsheet created here. Default: appsscript.json's, else 'UTC'. */
  timeZone?: string;
  /** MailApp.getRemainingDailyQuota() at the start. Default 100. */
  mailQuota?: number;
  /** Share one spreadsheet (and its locks, properties, caches, triggers) between runtimes, e.g. two users. */
  spreadsheet?: FakeSpreadsheet;
  /** Push order of the script files (relative to dir); default: .clasp.json's filePushOrder, then alphabetical. */
  pushOrder?: string[];
  /**
   * Apps Script runs the global code again at the start of every execution, so globals never survive from one
   * call to the next. Default true: each call/callFromPage/trigger gets a new context. false keeps one context.
   */
  freshGlobals?: boolean;
  /** Title recorded for createAddonMenu() menus. Default 'Add-on'. */
  addonName?: string;
  /** Session.getActiveUserLocale(). Default 'en'. */
  locale?: string;
  /** Provide a minimal DocumentApp (see document.ts); by default the bundle has none, like a script without it. */
  documentApp?: boolean;
  /** Provide a minimal DriveApp (see drive.ts) over the same documents; by default the bundle has none. */
  driveApp?: boolean;
}

interface Execution {
  id: string;
  hasUi: boolean;
  context: vm.Context;
  global: Record<string, unknown>;
  boundary: Boundary;
}

let scriptCount = 0;

/**
 * One user running the add-in. Everything the bundle did is observable here; `spreadsheet` and the stores can also
 * be set up or inspected directly (those calls are not counted).
 */
export class GasRuntime {
  readonly user: string;
  readonly timeZone: string;
  readonly clock: Clock;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui = new UiRecorder();
  readonly calls = new CallCounter();
  readonly logs: LogEntry[] = [];
  readonly mail: MailBox;
  /** Google Docs the bundle created (only with the `documentApp` option). */
  readonly documents = new DocumentStore();
  /** Drive files other than Docs the bundle made (only with the `driveApp` option). */
  readonly drive = new DriveStore();
  readonly lock: LockControl;
  readonly properties: { script: FakeProperties; user: FakeProperties; document: FakeProperties };
  readonly caches: { script: FakeCache; user: FakeCache; document: FakeCache };
  readonly #bundle: Bundle;
  readonly #server: ServerState;
  readonly #services: Record<string, GasObject>;
  readonly #console: Record<string, (...args: unknown[]) => void>;
  readonly #logger: FakeLogger;
  readonly #actor: Actor;
  readonly #fresh: boolean;
  readonly #addonName: string;
  #executions = 0;
  #current: Execution | undefined;
  #latest: Execution | undefined;

  constructor(bundle: Bundle, options: LoadOptions = {}) {
    this.#bundle = bundle;
    this.user = options.user ?? 'user@example.com';
    this.timeZone = options.timeZone ?? bundle.manifest?.timeZone ?? 'UTC';
    this.clock = options.clock ?? new Clock(options.now);
    this.#fresh = options.freshGlobals ?? true;
    this.#addonName = options.addonName ?? 'Add-on';
    this.spreadsheet = options.spreadsheet ?? new FakeSpreadsheet({ timeZone: this.timeZone, owner: this.user });
    this.#server = serverFor(this.spreadsheet);
    this.mail = new MailBox(options.mailQuota ?? 100);
    this.#actor = {
      user: this.user,
      toast: (message, title, timeoutSeconds) => {
        if (this.#current?.hasUi !== false) this.ui.toasts.push({ message, title, timeoutSeconds });
      },
    };

    const s = this.#server;
    const lockEnv: LockEnv = {
      user: this.user,
      clock: this.clock,
      execution: () => this.#current?.id ?? `${this.user}#direct`,
    };
    this.lock = new LockControl(s.locks, lockEnv);
    const propertyStores = {
      script: s.scriptProperties,
      document: s.documentProperties,
      user: perUser(s.userProperties, this.user, () => new Map()),
    };
    const cacheStores = {
      script: s.scriptCache,
      document: s.documentCache,
      user: perUser(s.userCaches, this.user, () => new Map()),
    };
    const propertiesService = new FakePropertiesService(propertyStores);
    const cacheService = new FakeCacheService(cacheStores, this.clock);
    this.properties = {
      script: propertiesService.getScriptProperties(),
      user: propertiesService.getUserProperties(),
      document: propertiesService.getDocumentProperties(),
    };
    this.caches = {
      script: cacheService.getScriptCache(),
      user: cacheService.getUserCache(),
      document: cacheService.getDocumentCache(),
    };
    this.#logger = new FakeLogger(this.logs);
    this.#console = makeConsole(this.logs, this.clock);
    scriptCount++;
    this.#services = {
      SpreadsheetApp: new FakeSpreadsheetApp({ spreadsheet: this.spreadsheet, ui: () => this.#ui() }),
      HtmlService: new FakeHtmlService(bundle.html, (code, filename) => this.#compile(code, filename)),
      LockService: new FakeLockService(s.locks, lockEnv),
      PropertiesService: propertiesService,
      CacheService: cacheService,
      Session: new FakeSession({
        user: this.user,
        effectiveUser: this.user,
        timeZone: this.timeZone,
        locale: options.locale ?? 'en',
      }),
      Utilities: new FakeUtilities(this.clock),
      ScriptApp: new FakeScriptApp(
        { store: s.triggers, user: this.user, spreadsheetId: this.spreadsheet.getId() },
        `fake-script-${scriptCount}`,
      ),
      MailApp: new FakeMailApp(this.mail),
      Logger: this.#logger,
      Charts: new FakeCharts(),
    };
    if (options.documentApp) this.#services.DocumentApp = new FakeDocumentApp(this.documents);
    if (options.driveApp) this.#services.DriveApp = new FakeDriveApp(this.documents, this.drive);
    // Loading the project runs its global code once, as opening the spreadsheet would.
    this.#execute(true, () => undefined);
    // The user's installable triggers run here from now on (fireChange, whoever makes the change).
    s.runtimes.set(this.user, this);
  }

  /** The bundle's global object (of the latest execution when globals are fresh per execution). */
  get global(): Record<string, unknown> {
    return (this.#latest as Execution).global;
  }

  /** The user's installable triggers. */
  get triggers(): FakeTrigger[] {
    return this.#server.triggers.filter((t) => t.user === this.user).map((t) => new FakeTrigger(t));
  }

  /**
   * The user deletes one of their triggers by hand (the project's Triggers page), or it was never made (a
   * project set up by an older version). Not counted.
   */
  deleteTrigger(trigger: FakeTrigger): void {
    const i = this.#server.triggers.findIndex((t) => t.id === trigger.getUniqueId() && t.user === this.user);
    if (i < 0) throw new Error(`${this.user} has no trigger ${trigger.getUniqueId()}`);
    this.#server.triggers.splice(i, 1);
  }

  /**
   * Runs a global function as a menu item, trigger or the script editor would, and returns its result converted
   * to this realm (dates are real `Date`s for the test, arrays are arrays). Errors come out as Errors of this
   * realm with the bundle's name and message (service errors have name 'Exception').
   */
  call(functionName: string, ...args: unknown[]): unknown {
    return this.#execute(true, (exec) =>
      this.#invoke(exec, functionName, args, `Script function not found: ${functionName}`),
    );
  }

  /**
   * Runs a global function as `google.script.run.<name>(…args)` from a sidebar or dialog would; see serialize.ts
   * for the rules. Private functions (names ending in '_') are not callable from pages. Synchronous for
   * convenience (the page receives the result in its success handler; an exception goes to the failure handler).
   */
  callFromPage(functionName: string, ...args: unknown[]): unknown {
    const notFound = `google.script.run.${functionName} is not a function`;
    if (functionName.endsWith('_')) throw new TypeError(notFound);
    args.forEach((arg, i) => {
      const bad = illegalKey(arg, String(i));
      if (bad !== undefined) throw new Error(`Failed due to illegal value in property: ${bad}`);
    });
    const result = this.#execute(true, (exec) => this.#invoke(exec, functionName, args.map(transfer), notFound, true));
    return illegalKey(result) === undefined ? transfer(result) : null;
  }

  /** Clicks a recorded menu item: clickMenu('Menu title', 'Item') or through submenus ('Menu', 'Sub', 'Item'). */
  clickMenu(menuTitle: string, ...captions: string[]): unknown {
    const menu = this.ui.menus.find((m) => m.title === menuTitle);
    if (!menu) throw new Error(`No menu "${menuTitle}"; menus: ${this.ui.menus.map((m) => m.title).join(', ')}`);
    let items = menu.items;
    let functionName: string | undefined;
    for (const caption of captions) {
      const item = items.find(
        (i) => ('caption' in i && i.caption === caption) || ('submenu' in i && i.submenu.title === caption),
      );
      if (!item) throw new Error(`No item "${caption}" in menu "${menuTitle}"`);
      if ('submenu' in item) items = item.submenu.items;
      functionName = 'functionName' in item ? item.functionName : undefined;
    }
    if (!functionName) throw new Error(`"${[menuTitle, ...captions].join(' > ')}" is not a menu item`);
    return this.call(functionName);
  }

  /**
   * Runs the handler of each time-based trigger of this user (optionally only `handlerName`), each in its own
   * execution without UI (SpreadsheetApp.getUi() throws there, as in Apps Script), with a time-driven event object.
   * Returns the handlers run. Errors propagate.
   */
  fireTimeTriggers(handlerName?: string): string[] {
    const fired: string[] = [];
    for (const trigger of this.triggers) {
      const handler = trigger.getHandlerFunction();
      if (trigger.$record.eventType !== 'CLOCK' || (handlerName && handler !== handlerName)) continue;
      this.#execute(false, (exec) =>
        this.#invoke(exec, handler, [this.#clockEvent(trigger)], `Script function not found: ${handler}`),
      );
      fired.push(handler);
    }
    return fired;
  }

  /**
   * This runtime's user changed the spreadsheet by hand: typed in cells (`'EDIT'`), inserted or removed rows
   * (`'INSERT_ROW'`, `'REMOVE_ROW'`), columns, sheets (`'INSERT_GRID'`, `'REMOVE_GRID'`), formats, or something
   * else such as renaming a sheet (`'OTHER'`). Make the change on `spreadsheet` first (test-side, uncounted), then
   * call this: Apps Script then runs every installable change trigger of the spreadsheet
   * (`ScriptApp.newTrigger(fn).forSpreadsheet(ss).onChange().create()`), whoever installed it, each in its own
   * execution as the account that installed it (that user's runtime, which must be loaded on this spreadsheet;
   * its counter counts the calls), without UI, with a change event `{ authMode: FULL, changeType, source,
   * triggerUid, user }`. Writes made by scripts (the bundle) fire nothing, as in Apps Script: only call this for
   * what stands for a person's edit. Returns the handlers run, in the order the triggers were installed.
   * Errors propagate.
   */
  fireChange(changeType: ChangeType = 'EDIT'): string[] {
    if (!CHANGE_TYPES.includes(changeType)) {
      throw new Error(`Unknown change type "${String(changeType)}"; one of ${CHANGE_TYPES.join(', ')}`);
    }
    const id = this.spreadsheet.getId();
    const fired: string[] = [];
    for (const record of this.#server.triggers.slice()) {
      if (record.eventType !== 'ON_CHANGE' || record.sourceId !== id) continue;
      const owner = this.#server.runtimes.get(record.user);
      if (!owner) {
        throw new Error(
          `The change trigger "${record.handler}" runs as ${record.user}: load a runtime for that user on this ` +
            'spreadsheet before firing changes.',
        );
      }
      owner.#runChangeTrigger(record, changeType, this.user);
      fired.push(record.handler);
    }
    return fired;
  }

  #runChangeTrigger(record: TriggerRecord, changeType: ChangeType, author: string): void {
    const event = {
      authMode: AuthMode.FULL,
      changeType,
      source: this.spreadsheet,
      triggerUid: record.id,
      user: new FakeUser(author),
    };
    this.#execute(false, (exec) =>
      this.#invoke(exec, record.handler, [event], `Script function not found: ${record.handler}`),
    );
  }

  #clockEvent(trigger: FakeTrigger): Record<string, unknown> {
    const d = new Date(this.clock.now());
    const day = d.getUTCDay() || 7;
    const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day));
    const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
    return {
      authMode: AuthMode.FULL,
      triggerUid: trigger.getUniqueId(),
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      'day-of-week': day,
      'week-of-year': week,
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      timezone: 'UTC',
    };
  }

  #ui(): FakeUi {
    if (this.#current && !this.#current.hasUi) throw noUiError();
    return new FakeUi(this.ui, this.#addonName);
  }

  #compile(code: string, filename: string): unknown {
    return vm.runInContext(code, (this.#current ?? (this.#latest as Execution)).context, { filename });
  }

  #newContext(): Omit<Execution, 'id' | 'hasUi'> {
    const context = vm.createContext({}, { name: `Apps Script (${this.user})` });
    const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
    const realm = vm.runInContext('({ Array, Object, Date, Error, Intl })', context) as Realm & { Intl: typeof Intl };
    const boundary = new Boundary(realm, this.calls, (fn) => runAs(this.#actor, fn));
    const local = new LocalTime(this.timeZone, Date);
    local.patch(realm.Date, realm.Intl);
    global.Date = clockedDate(realm.Date, this.clock, local);
    for (const [name, service] of Object.entries(this.#services)) global[name] = boundary.wrap(service);
    global.console = this.#console;
    return { context, global, boundary };
  }

  /** One Apps Script execution: (fresh) global code, then `fn`; the locks it still holds are released at the end. */
  #execute<T>(hasUi: boolean, fn: (exec: Execution) => T): T {
    const fresh = this.#fresh || !this.#latest;
    const exec: Execution = {
      ...(fresh ? this.#newContext() : (this.#latest as Execution)),
      id: `${this.user}#${++this.#executions}`,
      hasUi,
    };
    const previous = this.#current;
    this.#current = exec;
    this.#logger.clear();
    try {
      if (fresh) {
        this.#latest = exec;
        for (const script of this.#bundle.scripts) script.runInContext(exec.context);
      }
      return fn(exec);
    } catch (error) {
      throw hostError(error);
    } finally {
      releaseExecutionLocks(this.#server.locks, exec.id);
      this.#current = previous;
    }
  }

  #invoke(exec: Execution, name: string, args: unknown[], notFound: string, fromPage = false): unknown {
    const fn = exec.global[name];
    if (typeof fn !== 'function') throw fromPage ? new TypeError(notFound) : new Error(notFound);
    return exec.boundary.toHost((fn as (...a: unknown[]) => unknown)(...args.map((a) => exec.boundary.toContext(a))));
  }
}
