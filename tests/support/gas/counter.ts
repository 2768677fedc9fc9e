/**
 * Counts service calls made by the bundle, by "Service.method" (e.g. "Range.getValues"). One call is one round trip
 * to Google, whatever the size of the range, which is what Apps Script quotas and speed depend on.
 */
export class CallCounter {
  readonly #names: string[] = [];

  $record(name: string): void {
    this.#names.push(name);
  }

  /**
   * No argument: all calls. 'Range': every Range method. 'Range.getValues': exactly that method.
   * A function: the names it accepts.
   */
  count(filter?: string | ((name: string) => boolean)): number {
    return this.#names.filter(matcher(filter)).length;
  }

  byName(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const name of this.#names) counts[name] = (counts[name] ?? 0) + 1;
    return counts;
  }

  /** Every counted call, in order. */
  get sequence(): readonly string[] {
    return [...this.#names];
  }

  reset(): void {
    this.#names.length = 0;
  }
}

function matcher(filter: string | ((name: string) => boolean) | undefined): (name: string) => boolean {
  if (filter === undefined) return () => true;
  if (typeof filter === 'function') return filter;
  if (filter.endsWith('.')) return (name) => name.startsWith(filter);
  if (filter.includes('.')) return (name) => name === filter;
  return (name) => name.startsWith(`${filter}.`);
}
