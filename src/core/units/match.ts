/**
 * Finding the unit a piece of text names ("UBND XÃ THƯỜNG PHƯỚC I", "P. Y tế",
 * "Phòng KT&HT", "Xã TP1", "Long KhánhA"…).
 *
 * Honesty rules:
 * - an exact name or alias wins (confidence 1);
 * - looser levels (normalised, without diacritics, initials) are tried in
 *   turn and must point at exactly one unit; their confidence is lower and
 *   their reason says what was assumed;
 * - when several units fit ("Thường Phước" with 1 and 2, "Long Khánh" with A
 *   and B) the result has no unit, only candidates: never a silent guess;
 * - text that is only part of a name gives candidates, not a unit;
 * - unknown text gives no unit and confidence 0.
 *
 * With a date (the document's date), units that did not exist under their name
 * on that day are set aside; if nothing else fits, the match is made among all
 * units and the reason says that the unit had ended (and its successor).
 */
import { cleanText, matchKey } from '../text';
import { coreKey, initialism, looseKey } from './keys';
import { isValidAt, parseDate, type UnitRegistry } from './registry';
import type { Unit } from './types';

export type UnitMatchCode =
  'exact' | 'normalized' | 'unaccented' | 'initialism' | 'ambiguous' | 'partial' | 'not_found' | 'empty';

export interface UnitMatch {
  /** The unit, or null when none or several fit. */
  readonly unit: Unit | null;
  /** 0..1: 1 for an exact name or alias, lower for looser levels, 0 without a unit. */
  readonly confidence: number;
  /** The unit when found; the units that fit when ambiguous or partial; else empty. */
  readonly candidates: Unit[];
  /** Why, in Vietnamese, for the person reviewing the import. */
  readonly reason: string;
  /** The level that decided, for programs. */
  readonly code: UnitMatchCode;
  /** With a date on which the unit no longer existed: the unit carrying it on, if any. */
  readonly successor?: Unit | null;
}

export interface UnitMatchOptions {
  /** Date of the document (ISO yyyy-mm-dd or dd/mm/yyyy): prefer units that existed then. */
  date?: string;
}

/** Confidence of each level that can find a unit. */
export const UNIT_MATCH_CONFIDENCE = {
  exact: 1,
  normalized: 0.95,
  unaccented: 0.85,
  initialism: 0.7,
} as const;

interface Form {
  readonly unit: Unit;
  readonly core: ReadonlyArray<string>;
  readonly loose: ReadonlyArray<string>;
}

interface Index {
  readonly core: Map<string, Unit[]>;
  readonly loose: Map<string, Unit[]>;
  readonly initials: Map<string, Unit[]>;
  readonly forms: ReadonlyArray<Form>;
}

const indexes = new WeakMap<UnitRegistry, Index>();

function add(map: Map<string, Unit[]>, key: string, unit: Unit): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(unit)) list.push(unit);
  map.set(key, list);
}

function indexOf(registry: UnitRegistry): Index {
  let index = indexes.get(registry);
  if (index) return index;
  const core = new Map<string, Unit[]>();
  const loose = new Map<string, Unit[]>();
  const initials = new Map<string, Unit[]>();
  const forms: Form[] = [];
  for (const unit of registry.all()) {
    for (const name of [unit.name, ...unit.aliases]) {
      const ck = coreKey(name).tokens;
      if (ck.length === 0) continue;
      add(core, ck.join(' '), unit);
      add(loose, looseKey(ck), unit);
      const init = initialism(ck);
      if (init.length >= 3) add(initials, init, unit);
      forms.push({ unit, core: ck, loose: ck.map((t) => looseKey([t])) });
    }
  }
  index = { core, loose, initials, forms };
  indexes.set(registry, index);
  return index;
}

function quoteList(units: ReadonlyArray<Unit>): string {
  const names = units.map((u) => `“${u.name}”`);
  if (names.length <= 1) return names.join('');
  return names.slice(0, -1).join(', ') + ' hoặc ' + names[names.length - 1];
}

function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function containsRun(haystack: ReadonlyArray<string>, needle: ReadonlyArray<string>): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function found(unit: Unit, code: keyof typeof UNIT_MATCH_CONFIDENCE, reason: string): UnitMatch {
  return { unit, confidence: UNIT_MATCH_CONFIDENCE[code], candidates: [unit], reason, code };
}

function none(code: 'ambiguous' | 'partial' | 'not_found' | 'empty', candidates: Unit[], reason: string): UnitMatch {
  return { unit: null, confidence: 0, candidates, reason, code };
}

/** Finds the unit a text names. See the module comment for the rules. */
export function matchUnit(registry: UnitRegistry, text: string, options: UnitMatchOptions = {}): UnitMatch {
  const shown = cleanText(text ?? '');
  if (matchKey(shown) === '') return none('empty', [], 'Chưa có tên đơn vị.');
  let iso: string | undefined;
  if (options.date !== undefined && options.date !== '') {
    iso = parseDate(options.date);
    if (!iso) throw new RangeError(`Ngày không hợp lệ: “${options.date}”. Hãy dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy.`);
  }
  const all = registry.all();
  if (iso === undefined) return matchAmong(registry, all, shown, false);
  const date = iso;
  const current = all.filter((u) => isValidAt(u, date));
  const result = matchAmong(registry, current, shown, true);
  if (result.code !== 'not_found') return result;
  // Nothing that existed on that date: an old (or not yet valid) name?
  const anyTime = matchAmong(registry, all, shown, true);
  if (anyTime.code === 'not_found') return result;
  if (!anyTime.unit) {
    return {
      ...anyTime,
      reason: `${anyTime.reason} Vào ngày ${vnDate(date)} không có đơn vị nào trong số này hoạt động.`,
    };
  }
  const unit = anyTime.unit;
  if (unit.validFrom !== null && date < unit.validFrom) {
    return {
      ...anyTime,
      successor: null,
      reason: `${anyTime.reason} Lưu ý: đơn vị này được thành lập từ ngày ${vnDate(unit.validFrom)}, sau ngày của văn bản (${vnDate(date)}).`,
    };
  }
  const successor = registry.successorOf(unit.name, date);
  const tail = successor
    ? ` Lưu ý: vào ngày ${vnDate(date)} đơn vị này đã sáp nhập vào “${successor.name}”.`
    : ` Lưu ý: vào ngày ${vnDate(date)} đơn vị này không còn hoạt động dưới tên này.`;
  return { ...anyTime, successor, reason: anyTime.reason + tail };
}

function matchAmong(registry: UnitRegistry, pool: ReadonlyArray<Unit>, shown: string, dated: boolean): UnitMatch {
  const inPool = (list: ReadonlyArray<Unit> | undefined) => (list ?? []).filter((u) => pool.includes(u));
  const quoted = `“${shown}”`;

  // 1. Exact name or alias.
  const exact = inPool(registry.lookupExact(shown));
  if (exact.length === 1) return found(exact[0], 'exact', `Khớp đúng tên hoặc tên gọi khác của “${exact[0].name}”.`);
  if (exact.length > 1) {
    return none(
      'ambiguous',
      exact,
      `${quoted} là tên gọi chung của ${quoteList(exact)}; chưa xác định được đơn vị nào.`,
    );
  }

  const index = indexOf(registry);
  const key = coreKey(shown);
  if (key.tokens.length === 0) {
    return none('not_found', [], `Không tìm thấy đơn vị nào ứng với ${quoted} trong danh sách đơn vị.`);
  }
  const loose = looseKey(key.tokens);
  const partial = partialCandidates(index, pool, key.tokens);

  const decide = (hits: Unit[], code: 'normalized' | 'unaccented' | 'initialism'): UnitMatch | null => {
    if (hits.length > 1 && key.kindHint) {
      const ofKind = hits.filter((u) => u.kind === key.kindHint);
      if (ofKind.length >= 1) hits = ofKind;
    }
    if (hits.length === 0) return null;
    if (hits.length > 1) {
      return none('ambiguous', hits, `${quoted} có thể là ${quoteList(hits)}; chưa xác định được đơn vị nào.`);
    }
    const hit = hits[0];
    if (!dated) {
      // A new unit named like part of the units merged into it ("Long Khánh"):
      // without the document's date the old and new units cannot be told apart.
      const lineage = registry.lineage(hit.name);
      const older = partial.filter((u) => u !== hit && lineage.includes(u.name));
      if (older.length) {
        const all = [hit, ...older];
        return none(
          'ambiguous',
          all,
          `${quoted} có thể là ${quoteList(all)} (trước và sau sáp nhập); xin cho biết ngày của văn bản để xác định đơn vị.`,
        );
      }
    }
    if (code === 'normalized') {
      return found(
        hit,
        code,
        `Khớp “${hit.name}” sau khi chuẩn hóa cách viết (chữ viết tắt, “UBND”, “xã”, “Phòng”, số La Mã, dấu câu).`,
      );
    }
    if (code === 'unaccented') {
      return found(hit, code, `Khớp “${hit.name}” khi bỏ dấu tiếng Việt; xin kiểm tra lại.`);
    }
    return found(hit, code, `${quoted} được hiểu là chữ viết tắt của “${hit.name}”; xin kiểm tra lại.`);
  };

  // 2. Core key: abbreviations, prefixes, Roman numerals, punctuation.
  const byCore = decide(inPool(index.core.get(key.tokens.join(' '))), 'normalized');
  if (byCore) return byCore;
  // 3. Without diacritics and spaces.
  const byLoose = decide(inPool(index.loose.get(loose)), 'unaccented');
  if (byLoose) return byLoose;
  // 4. Initials of a registry name ("TP1", "TTH A").
  if (loose.length >= 3) {
    const byInitials = decide(inPool(index.initials.get(loose)), 'initialism');
    if (byInitials) return byInitials;
  }
  // 5. Part of a name only.
  if (partial.length === 1) {
    return none('partial', partial, `${quoted} chỉ là một phần tên của “${partial[0].name}”; xin ghi đủ tên đơn vị.`);
  }
  if (partial.length > 1) {
    return none('ambiguous', partial, `${quoted} có thể là ${quoteList(partial)}; chưa xác định được đơn vị nào.`);
  }
  return none('not_found', [], `Không tìm thấy đơn vị nào ứng với ${quoted} trong danh sách đơn vị.`);
}

/** Units whose name contains the text's core words (two or more) in a row, with or without diacritics. */
function partialCandidates(index: Index, pool: ReadonlyArray<Unit>, core: ReadonlyArray<string>): Unit[] {
  // One word ("Thường", "Phòng") says too little to list units by.
  if (core.length < 2) return [];
  const loose = core.map((t) => looseKey([t]));
  const out: Unit[] = [];
  for (const form of index.forms) {
    if (!pool.includes(form.unit) || out.includes(form.unit)) continue;
    if (form.core.length <= core.length) continue;
    if (containsRun(form.core, core) || containsRun(form.loose, loose)) out.push(form.unit);
  }
  return out;
}
