/**
 * An Apps Script service exception. In the V8 runtime these have `name === 'Exception'`, so `String(e)` reads
 * "Exception: <message>" while `e.message` holds only the message.
 */
export class GasError extends Error {
  override name = 'Exception';
}

/** True for Date objects of any realm (the bundle's dates come from another vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Apps Script's message when a method receives arguments of the wrong types. */
export function badArguments(method: string, args: readonly unknown[]): GasError {
  return new GasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `${value.length ? typeName(value[0]) : 'Object'}[]`;
  if (isDate(value)) return 'Date';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number' || typeof value === 'undefined') return typeof value;
  return 'Object';
}
