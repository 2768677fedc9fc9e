import { createHash, createHmac, randomUUID } from 'node:crypto';
import { GasObject, SERVICE } from './boundary';
import { Clock } from './clock';
import { formatSimpleDate } from './date-format';
import { GasEnum, makeEnum } from './enums';
import { GasError, badArguments, isDate } from './errors';

export const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithm = makeEnum('MacAlgorithm', [
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8']);

/** Apps Script byte arrays are Java bytes: numbers from -128 to 127. */
export function signedBytes(data: Uint8Array): number[] {
  return Array.from(data, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown, charset?: GasEnum): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 255));
  if (data instanceof FakeBlob) return Buffer.from(data.$bytes);
  return Buffer.from(String(data), charset?.name() === 'US_ASCII' ? 'latin1' : 'utf8');
}

function nodeAlgorithm(algorithm: GasEnum): string {
  const name = algorithm.name().replace(/^HMAC_/, '');
  if (name === 'MD2') throw new GasError('MD2 is not available in the fake runtime.');
  return name.replace('_', '').toLowerCase();
}

/** Utilities.newBlob(…): bytes, a content type and a name. */
export class FakeBlob extends GasObject {
  readonly [SERVICE] = 'Blob';
  constructor(
    public $bytes: Buffer,
    public $contentType: string | null = null,
    public $name: string | null = null,
  ) {
    super();
  }
  getBytes(): number[] {
    return signedBytes(this.$bytes);
  }
  getDataAsString(charset?: string): string {
    return this.$bytes.toString(charset && /ascii|latin|8859/i.test(charset) ? 'latin1' : 'utf8');
  }
  setDataFromString(text: string): this {
    this.$bytes = Buffer.from(String(text), 'utf8');
    return this;
  }
  getContentType(): string | null {
    return this.$contentType;
  }
  setContentType(contentType: string): this {
    this.$contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.$name;
  }
  setName(name: string): this {
    this.$name = name;
    return this;
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(Buffer.from(this.$bytes), this.$contentType, this.$name);
  }
  isGoogleType(): boolean {
    return false;
  }
}

/** Java String.format for the usual conversions: %s %d %f %x %%, with flags '-' '0', width and precision. */
export function javaFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfx%n])/g,
    (_m, left: string, zero: string, width: string, precision: string, kind: string) => {
      if (kind === '%') return '%';
      if (kind === 'n') return '\n';
      if (next >= args.length) throw new GasError(`Format specifier '%${kind}' has no argument`);
      const arg = args[next++];
      let text: string;
      if (kind === 'd') text = String(Math.trunc(Number(arg)));
      else if (kind === 'f') text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else if (kind === 'x') text = Math.trunc(Number(arg)).toString(16);
      else text = precision === undefined ? String(arg) : String(arg).slice(0, Number(precision));
      const size = Number(width ?? 0);
      if (left) return text.padEnd(size);
      if (zero && kind !== 's')
        return text.startsWith('-') ? '-' + text.slice(1).padStart(size - 1, '0') : text.padStart(size, '0');
      return text.padStart(size);
    },
  );
}

/** Parses CSV like Utilities.parseCsv: quoted fields, doubled quotes, line breaks inside quotes. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') field += csv[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** Utilities. formatDate uses real zones (Intl) and SimpleDateFormat patterns; sleep advances the fake clock. */
export class FakeUtilities extends GasObject {
  readonly [SERVICE] = 'Utilities';
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;

  constructor(readonly $clock: Clock) {
    super();
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw badArguments('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatSimpleDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(template, args);
  }
  computeDigest(algorithm: GasEnum, value: string | number[], charset?: GasEnum): number[] {
    return signedBytes(createHash(nodeAlgorithm(algorithm)).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(
    algorithm: GasEnum,
    value: string | number[],
    key: string | number[],
    charset?: GasEnum,
  ): number[] {
    return signedBytes(
      createHmac(nodeAlgorithm(algorithm), toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: GasEnum): number[] {
    return this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset);
  }
  base64Encode(data: string | number[], charset?: GasEnum): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: GasEnum): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(toBuffer(data), contentType ?? null, name ?? null);
  }
  /** No real wait: the runtime clock moves forward. */
  sleep(milliseconds: number): void {
    this.$clock.advance(Number(milliseconds));
  }
  getUuid(): string {
    return randomUUID();
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(String(csv), delimiter);
  }
}
