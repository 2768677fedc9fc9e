/**
 * Apps Script enum values: `String(SpreadsheetApp.WrapStrategy.CLIP) === 'CLIP'`, with `name()`/`ordinal()` like the
 * real ones. Values are singletons, so `ui.alert(...) === ui.Button.OK` works.
 */
export class GasEnum {
  readonly #type: string;
  readonly #name: string;
  readonly #ordinal: number;

  constructor(type: string, name: string, ordinal: number) {
    this.#type = type;
    this.#name = name;
    this.#ordinal = ordinal;
  }

  name(): string {
    return this.#name;
  }

  ordinal(): number {
    return this.#ordinal;
  }

  toString(): string {
    return this.#name;
  }

  toJSON(): string {
    return this.#name;
  }

  /** The enum's type, e.g. 'ButtonSet' (host-side only). */
  get $type(): string {
    return this.#type;
  }
}

/** Builds a frozen, prototype-less enum namespace such as `Ui.Button`. */
export function makeEnum<K extends string>(type: string, names: readonly K[]): Readonly<Record<K, GasEnum>> {
  const values = Object.create(null) as Record<K, GasEnum>;
  names.forEach((name, i) => (values[name] = new GasEnum(type, name, i)));
  return Object.freeze(values);
}

export function isEnumOf(value: unknown, type: string): value is GasEnum {
  return value instanceof GasEnum && value.$type === type;
}

/** Accepts an enum value or its name (Apps Script also accepts names for some setters). */
export function enumName(value: unknown): string {
  return value instanceof GasEnum ? value.name() : String(value);
}
