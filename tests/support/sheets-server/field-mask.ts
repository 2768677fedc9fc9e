/**
 * Google field masks: "properties(title,timeZone),sheets.properties",
 * "gridProperties.frozenRowCount", "userEnteredFormat(numberFormat,textFormat.bold)", "*".
 * Used both to select the fields of a response (`fields=` query parameter) and
 * to say which fields an update request sets (`fields` in updateSheetProperties, repeatCell).
 */
import { invalid } from './errors';

/** The mask as dotted paths: "a(b,c.d),e" → ["a.b", "a.c.d", "e"]. */
export function maskPaths(mask: string): string[] {
  let i = 0;
  const text = mask.replace(/\s+/g, '');
  function list(prefix: string): string[] {
    const out: string[] = [];
    for (;;) {
      const start = i;
      while (i < text.length && !',()'.includes(text[i])) i++;
      const name = text.slice(start, i);
      if (!name) throw invalid(`Invalid field selection ${mask}`);
      const path = prefix ? `${prefix}.${name}` : name;
      if (text[i] === '(') {
        i++;
        out.push(...list(path));
        if (text[i] !== ')') throw invalid(`Invalid field selection ${mask}`);
        i++;
      } else {
        out.push(path);
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      return out;
    }
  }
  if (!text) return [];
  const paths = list('');
  if (i !== text.length) throw invalid(`Invalid field selection ${mask}`);
  return paths;
}

type Tree = { [name: string]: Tree | true };

function toTree(paths: string[]): Tree | true {
  const tree: Tree = {};
  for (const path of paths) {
    if (path === '*') return true;
    let node = tree;
    const names = path.split('.');
    names.forEach((name, k) => {
      if (k === names.length - 1 || name === '*') node[name] = true;
      else {
        const next = node[name];
        if (next === true) return;
        node = (node[name] = next ?? {}) as Tree;
      }
    });
  }
  return tree;
}

function selectTree(value: unknown, tree: Tree | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => selectTree(v, tree));
  if (tree['*'] === true) return value;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(tree)) {
    const v = (value as Record<string, unknown>)[name];
    if (v !== undefined) out[name] = selectTree(v, sub);
  }
  return out;
}

/** The parts of `value` the mask names (a response filtered by `fields=`). */
export function selectFields<T>(value: T, mask: string | undefined): T {
  if (mask === undefined || mask === '') return value;
  return selectTree(value, toTree(maskPaths(mask))) as T;
}

/** A mask's paths split into names, for `withFields`; at least one is required. */
export function compileMask(mask: unknown): string[][] {
  const paths = typeof mask === 'string' ? maskPaths(mask) : [];
  if (paths.length === 0) throw invalid('At least one field must be specified.');
  return paths.map((p) => p.split('.'));
}

/**
 * A copy of `target` with the fields the mask names taken from `source`; a
 * named field missing in `source` is cleared (that is how the API resets a
 * field). Copy on write: neither object is changed, and unchanged parts are
 * shared, so callers must never change a value in place.
 */
export function withFields(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  paths: string[][],
): Record<string, unknown> {
  let out: Record<string, unknown> = { ...target };
  for (const names of paths) {
    if (names[0] === '*') {
      out = { ...source };
      continue;
    }
    let from: unknown = source;
    for (const name of names)
      from = from && typeof from === 'object' ? (from as Record<string, unknown>)[name] : undefined;
    let to = out;
    for (const name of names.slice(0, -1)) {
      const next = to[name];
      to[name] = next && typeof next === 'object' ? { ...(next as Record<string, unknown>) } : {};
      to = to[name] as Record<string, unknown>;
    }
    const last = names[names.length - 1];
    if (from === undefined) delete to[last];
    else to[last] = from;
  }
  return out;
}
