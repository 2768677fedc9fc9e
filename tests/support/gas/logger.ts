import { format } from 'node:util';
import { GasObject, SERVICE } from './boundary';
import { Clock } from './clock';
import { javaFormat } from './utilities';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Logger. log(data) writes String(data), with objects as JSON (real Apps Script prints Java-style "{a=1.0}");
 * log(format, values…) formats like Java's String.format (%s, %d, %f…).
 */
export class FakeLogger extends GasObject {
  readonly [SERVICE] = 'Logger';
  readonly #lines: string[] = [];
  constructor(readonly $logs: LogEntry[]) {
    super();
  }
  log(data: unknown, ...values: unknown[]): this {
    const message = values.length ? javaFormat(String(data), values) : show(data);
    this.#lines.push(message);
    this.$logs.push({ source: 'Logger', level: 'log', message });
    return this;
  }
  getLog(): string {
    return this.#lines.join('\n');
  }
  clear(): void {
    this.#lines.length = 0;
  }
}

/** The bundle's `console`: messages formatted like Node's console (util.format) into `logs`. Not counted. */
export function makeConsole(logs: LogEntry[], clock: Clock): Record<string, (...args: unknown[]) => void> {
  const write =
    (level: LogEntry['level']) =>
    (...args: unknown[]): void => {
      logs.push({ source: 'console', level, message: format(...args) });
    };
  const timers = new Map<string, number>();
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    time: (label = 'default') => void timers.set(String(label), clock.now()),
    timeEnd: (label = 'default') => {
      const start = timers.get(String(label));
      if (start !== undefined) write('log')(`${String(label)}: ${clock.now() - start}ms`);
      timers.delete(String(label));
    },
  };
}
