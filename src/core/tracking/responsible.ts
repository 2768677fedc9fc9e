/**
 * Who answers for a plan item: the item's «Đơn vị chịu trách nhiệm» text (or,
 * when empty, its executor, lead and advisory office) read as unit names of
 * the registry.
 *
 * How a text is read:
 * 1. Group phrases ("các phòng, ban, ngành huyện", "UBND các xã, thị trấn",
 *    "Hội đồng thi đua – khen thưởng các xã") stand for every unit of their
 *    kinds that exists in the item's year (UNIT_GROUPS).
 * 2. The rest is cut at ";", "/" and line breaks, then each part is read:
 *    a role of the council ("Chủ tịch Hội đồng", "Thường trực Hội đồng",
 *    "Chủ tịch UBND huyện") is the standing office (OFFICE_ROLE_PHRASES);
 *    else the unit `matchUnit` finds; else the part is cut again at ", " and
 *    " và " before a unit head ("Phòng Nội vụ và Phòng Tư pháp"), else at
 *    every ", " and " và " when that gives a unit ("P. Tư pháp, PYT"); else
 *    the unit whose name it contains ("Thanh tra Phòng Giáo dục và Đào tạo"
 *    is part of that department); else "Phòng Nội vụ" is the office when the
 *    registry names the office otherwise. What still matches nothing is
 *    reported as unmatched, never guessed.
 * The office is `options.officeUnit`, else the first of OFFICE_UNIT_NAMES in
 * the registry (the standing office of a district council was Phòng Nội vụ).
 */
import type { Row } from '../contract';
import { splitUnits } from '../plan';
import { canonicalTone, matchKey } from '../text';
import { isValidAt, matchUnit, type Unit, type UnitKind, type UnitRegistry } from '../units';

/** Phrases naming every unit of some kinds. Longer phrases are read first. */
export const UNIT_GROUPS: ReadonlyArray<{ kinds: ReadonlyArray<UnitKind>; phrases: readonly string[] }> = [
  { kinds: ['commune', 'ward', 'town'], phrases: ['các xã, phường, thị trấn', 'xã, phường, thị trấn'] },
  {
    kinds: ['commune', 'town'],
    phrases: ['các xã, thị trấn', 'xã, thị trấn', 'các xã và thị trấn', 'các xã và các thị trấn'],
  },
  { kinds: ['commune', 'ward'], phrases: ['các xã, phường', 'xã, phường'] },
  {
    kinds: ['department'],
    phrases: [
      'các phòng, ban, ngành',
      'phòng, ban, ngành',
      'các phòng, ban chuyên môn',
      'các phòng, ban',
      'các phòng ban',
      'các ban, ngành',
      'các cơ quan chuyên môn',
      'cơ quan chuyên môn',
    ],
  },
  { kinds: ['school'], phrases: ['các trường học', 'các cơ sở giáo dục', 'các trường'] },
  { kinds: ['commune'], phrases: ['các xã'] },
  { kinds: ['town'], phrases: ['các thị trấn'] },
  { kinds: ['ward'], phrases: ['các phường'] },
];

/** Words that may precede a group phrase and belong to it ("UBND các xã", "Hội đồng TĐKT các xã"). */
const GROUP_PREFIXES: readonly string[] = [
  'ủy ban nhân dân',
  'ubnd',
  'hội đồng thi đua - khen thưởng',
  'hội đồng thi đua khen thưởng',
  'hội đồng thi đua',
  'lãnh đạo',
  'thủ trưởng',
];

/** Words that may follow a group phrase ("các phòng, ban, ngành huyện"). */
const GROUP_SUFFIXES: readonly string[] = [
  'thuộc ủy ban nhân dân huyện',
  'thuộc ubnd huyện',
  'trên địa bàn huyện',
  'thuộc huyện',
  'huyện',
  'tỉnh',
  'thành phố',
  'thị xã',
];

/** Roles of the council that its standing office answers for (matching keys, read as prefixes). */
export const OFFICE_ROLE_PHRASES: readonly string[] = [
  'thường trực hội đồng',
  'chủ tịch hội đồng',
  'phó chủ tịch hội đồng',
  'chủ tịch ubnd',
  'chủ tịch ủy ban nhân dân',
  'phó chủ tịch ubnd',
  'phó chủ tịch ủy ban nhân dân',
  'hội đồng thi đua khen thưởng',
  'cơ quan thường trực hội đồng',
];

/** Names that mean the standing office when the registry has no unit of that name. */
export const OFFICE_FALLBACK_PHRASES: readonly string[] = ['phòng nội vụ', 'sở nội vụ'];

/** Units that are the council's standing office, most likely first. */
export const OFFICE_UNIT_NAMES: readonly string[] = [
  'Phòng Nội vụ',
  'Sở Nội vụ',
  'Ban Thi đua – Khen thưởng',
  'Ban Thi đua - Khen thưởng',
];

export interface ResponsibleOptions {
  /** The standing office's unit name; default: the first of OFFICE_UNIT_NAMES in the registry. */
  officeUnit?: string | null;
  /**
   * Group phrases stand for the units that exist on this ISO date; without it,
   * for the units that exist at some time in the item's year.
   */
  date?: string;
}

export interface ResponsibleUnits {
  /** Canonical unit names, in registry order, each once. */
  units: string[];
  /** Parts of the text that name no unit of the registry. */
  unmatched: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A phrase as a pattern: its words with any spaces, commas or dashes between them. */
function wordsPattern(phrase: string): string {
  return canonicalTone(phrase)
    .split(/[\s,\-–—]+/)
    .filter(Boolean)
    .map(escape)
    .join('[\\s,\\-–—]*\\s*');
}

const GROUP_PATTERNS: ReadonlyArray<{ kinds: ReadonlyArray<UnitKind>; re: RegExp }> = UNIT_GROUPS.flatMap((g) =>
  g.phrases.map((phrase) => ({ kinds: g.kinds, phrase })),
)
  .sort((a, b) => b.phrase.length - a.phrase.length)
  .map(({ kinds, phrase }) => ({
    kinds,
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:(?:${GROUP_PREFIXES.map(wordsPattern).join('|')})\\s+)?${wordsPattern(phrase)}` +
        `(?:\\s+(?:${GROUP_SUFFIXES.map(wordsPattern).join('|')}))?(?![\\p{L}\\p{N}])`,
      'giu',
    ),
  }));

/** Parts left after group phrases are taken out that say nothing ("và", "các", "huyện"). */
const EMPTY_PART = /^(?:và|cùng|các|với|huyện|tỉnh|ubnd|ủy ban nhân dân)?$/u;

const OFFICE_ROLE_KEYS = OFFICE_ROLE_PHRASES.map((p) => matchKey(p));
const OFFICE_FALLBACK_KEYS = OFFICE_FALLBACK_PHRASES.map((p) => matchKey(p));

function startsWithKey(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(prefix + ' ');
}

/** The registry's standing office, or null when it has none. */
export function officeUnitOf(registry: UnitRegistry, officeUnit?: string | null): Unit | null {
  if (officeUnit) return registry.get(officeUnit) ?? null;
  for (const name of OFFICE_UNIT_NAMES) {
    const unit = registry.get(name);
    if (unit) return unit;
  }
  return null;
}

/** The text an item's responsibility is read from: «Đơn vị chịu trách nhiệm», else executor, lead, advisory. */
export function responsibleText(item: Row): string {
  const own = String(item.responsibleUnits ?? '').trim();
  if (own) return own;
  return [item.executor, item.lead, item.advisory]
    .map((v) => String(v ?? '').trim())
    .filter(Boolean)
    .join('; ');
}

function existsIn(unit: Unit, options: ResponsibleOptions, year: number): boolean {
  if (options.date) return isValidAt(unit, options.date);
  if (!Number.isInteger(year) || year <= 0) return true;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return (unit.validFrom === null || unit.validFrom <= end) && (unit.validTo === null || unit.validTo >= start);
}

/** Reads a responsibility text as registry units (see the module comment). */
export function resolveResponsible(
  textValue: string,
  registry: UnitRegistry,
  options: ResponsibleOptions & { year?: number } = {},
): ResponsibleUnits {
  const found = new Set<Unit>();
  let hits = 0;
  const add = (unit: Unit) => {
    found.add(unit);
    hits++;
  };
  const unmatched: string[] = [];
  const office = officeUnitOf(registry, options.officeUnit);
  const year = Number(options.year);

  let rest = canonicalTone(textValue ?? '');
  for (const { kinds, re } of GROUP_PATTERNS) {
    rest = rest.replace(re, () => {
      for (const unit of registry.all()) {
        if (kinds.includes(unit.kind) && existsIn(unit, options, year)) add(unit);
      }
      return ';';
    });
  }

  /** Reads one part; returns the pieces of it that name no unit. */
  const readPart = (part: string, depth: number): string[] => {
    const key = matchKey(part);
    if (EMPTY_PART.test(key)) return [];
    if (OFFICE_ROLE_KEYS.some((k) => startsWithKey(key, k))) {
      if (!office) return [part];
      add(office);
      return [];
    }
    const match = matchUnit(registry, part);
    if (match.unit) {
      add(match.unit);
      return [];
    }
    if (depth === 0) {
      const pieces = splitUnits(part);
      if (pieces.length > 1) return pieces.flatMap((p) => readPart(p, 1));
    }
    if (depth === 0) {
      const pieces = part.split(/\s*,\s*|\s+và\s+/iu).filter((p) => p.trim() !== '');
      if (pieces.length > 1) {
        const before = hits;
        const missed = pieces.flatMap((p) => readPart(p, 1));
        // Cut blindly, the pieces count only when one of them is a unit.
        if (hits > before) return missed;
      }
    }
    const inside = containedUnit(registry, key);
    if (inside) {
      add(inside);
      return [];
    }
    if (office && OFFICE_FALLBACK_KEYS.some((k) => startsWithKey(key, k))) {
      add(office);
      return [];
    }
    return [part];
  };

  for (const raw of rest.split(/[;\n/]+/)) {
    const part = raw.replace(/^[\s,.\-–—+]+|[\s,.\-–—+]+$/gu, '');
    if (part !== '') unmatched.push(...readPart(part, 0));
  }
  const units = registry
    .all()
    .filter((u) => found.has(u))
    .map((u) => u.name);
  return { units, unmatched };
}

/** The single unit whose name or alias (two words or more) is the longest found inside the key, if any. */
function containedUnit(registry: UnitRegistry, key: string): Unit | null {
  const padded = ` ${key} `;
  let best: Unit | null = null;
  let bestLength = 0;
  let tie = false;
  for (const unit of registry.all()) {
    for (const name of [unit.name, ...unit.aliases]) {
      const k = matchKey(name);
      if (!k.includes(' ') || k === key || !padded.includes(` ${k} `)) continue;
      if (k.length > bestLength) {
        best = unit;
        bestLength = k.length;
        tie = false;
      } else if (k.length === bestLength && best !== unit) tie = true;
    }
  }
  return tie ? null : best;
}

/** The canonical names of the units responsible for an item, in registry order. */
export function responsibleUnitsOf(item: Row, registry: UnitRegistry, options: ResponsibleOptions = {}): string[] {
  return resolveResponsible(responsibleText(item), registry, { ...options, year: Number(item.year) }).units;
}

/**
 * The items a unit answers for (for the progress sidebar: a staff member picks
 * one of these). `unitName` may be an alias; the order of `items` is kept.
 */
export function itemsForUnit(
  items: ReadonlyArray<Row>,
  unitName: string,
  registry: UnitRegistry,
  options: ResponsibleOptions = {},
): Row[] {
  const unit = registry.get(unitName);
  const wanted = matchKey(unit?.name ?? unitName);
  return items.filter((item) => responsibleUnitsOf(item, registry, options).some((n) => matchKey(n) === wanted));
}
