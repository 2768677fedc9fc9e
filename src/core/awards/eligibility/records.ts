/**
 * The records the checks work on: nominations, registrations and award history
 * rows read once into one shape, with the identity of their person or
 * collective.
 *
 * Identity = subject + name key (NFC, tone placement, case and punctuation
 * ignored: `matchKey`) + unit lineage. The unit lineage key is the unit that
 * carries the unit on at the end of its merger chain (`successorOf` without a
 * date): "Xã Long Khánh A" and "Xã Long Khánh" (into which it merged on
 * 01/7/2025) have the same key, so consecutive years survive the merger. A unit
 * the registry does not know keys as its own text. Known limits: two people of
 * the same name in two communes that later merged count as one person; a person
 * who moved to an unrelated unit counts as another person.
 */
import type { Row } from '../../contract';
import { cleanText, matchKey } from '../../text';
import { matchUnit, type Unit, type UnitRegistry } from '../../units';
import { awardById } from '../catalogue';
import { matchAward, type AwardMatch } from '../match';
import type { AwardId } from '../types';
import type { IndexedFinding, Severity } from './types';

export type RecordSource = 'nomination' | 'registration' | 'history';
export type SubjectCode = 'individual' | 'collective';

export interface CheckRecord {
  readonly source: RecordSource;
  /** Index of the row in its sheet's rows. */
  readonly index: number;
  readonly row: Row;
  readonly year: number | null;
  readonly subject: SubjectCode;
  readonly name: string;
  readonly nameKey: string;
  readonly unit: string;
  /** The registry's unit, when the unit text names one. */
  readonly unitEntry: Unit | null;
  /** Unit lineage key (see the module comment). */
  readonly lineage: string;
  /** subject | name key | lineage. */
  readonly person: string;
  /**
   * The unit as it stood at the end of the achievement year (for quotas and a
   * collective's members): "Xã Long Khánh A" in 2022, "Xã Long Khánh" in 2025.
   */
  readonly unitInYear: string;
  /** The award as written. */
  readonly awardText: string;
  readonly match: AwardMatch;
  readonly awardId: AwardId | null;
  /** Initiatives named in the row (split on ";" and line breaks). */
  readonly initiatives: ReadonlyArray<string>;
  readonly initiativeKeys: ReadonlyArray<string>;
  /** Review status code of a nomination (null for other sources). */
  readonly status: string | null;
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return cleanText(String(value));
}

export function toYear(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(text(value));
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? n : null;
}

/** Initiatives of a cell: one per line or per ";" ("Sáng kiến A; Sáng kiến B"). */
export function splitInitiatives(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return String(value)
    .split(/[;\n\r]+/)
    .map((s) => cleanText(s).replace(/^[-–•+*]\s*/, ''))
    .filter((s) => matchKey(s) !== '');
}

/** The registry's unit for a unit text: exact name or alias, else a confident match. */
export function unitOf(registry: UnitRegistry, unit: string): Unit | null {
  if (!unit) return null;
  const exact = registry.get(unit);
  if (exact) return exact;
  const m = matchUnit(registry, unit);
  return m.unit && m.confidence >= 0.85 ? m.unit : null;
}

/** The unit (key) that a unit text stood for at the end of a year (see CheckRecord.unitInYear). */
export function unitInYearKey(registry: UnitRegistry, unit: string, year: number | null): string {
  const entry = unitOf(registry, unit);
  if (!entry) return `?${matchKey(unit)}`;
  if (year === null) return entry.name;
  return (registry.successorOf(entry.name, `${year}-12-31`) ?? entry).name;
}

/** The lineage key of a unit text (see the module comment). */
export function lineageKey(registry: UnitRegistry, unit: string): string {
  const entry = unitOf(registry, unit);
  if (!entry) return `?${matchKey(unit)}`;
  const last = registry.successorOf(entry.name) ?? entry;
  return last.name;
}

function subjectOf(row: Row, awardId: AwardId | null): SubjectCode {
  const s = text(row.subject).toLowerCase();
  if (s === 'individual' || s === 'cá nhân') return 'individual';
  if (s === 'collective' || s === 'tập thể') return 'collective';
  const subject = awardId ? awardById(awardId).subject : 'both';
  return subject === 'collective' ? 'collective' : 'individual';
}

export function toRecord(source: RecordSource, row: Row, index: number, registry: UnitRegistry): CheckRecord {
  const year = toYear(row.year);
  const awardText = text(row.award);
  const declared = text(row.subject).toLowerCase();
  const subjectHint = declared === 'individual' || declared === 'collective' ? declared : undefined;
  const match = matchAward(awardText, { subject: subjectHint, year: year ?? undefined });
  const awardId = match.award?.id ?? null;
  const subject = subjectOf(row, awardId);
  const name = text(row.name);
  const nameKey = matchKey(name);
  const unit = text(row.unit);
  const unitEntry = unitOf(registry, unit);
  const lineage = lineageKey(registry, unit);
  const initiatives = source === 'registration' ? [] : splitInitiatives(row.initiative);
  return {
    source,
    index,
    row,
    year,
    subject,
    name,
    nameKey,
    unit,
    unitEntry,
    lineage,
    person: `${subject}|${nameKey}|${lineage}`,
    unitInYear: unitInYearKey(registry, unit, year),
    awardText,
    match,
    awardId,
    initiatives,
    initiativeKeys: initiatives.map((i) => matchKey(i)),
    status: source === 'nomination' ? text(row.reviewStatus) || null : null,
  };
}

/** A finding on a record, with the record's source place (null when entered by hand). */
export function findingFor(
  rec: CheckRecord,
  rule: string,
  article: string,
  severity: Severity,
  message: string,
): IndexedFinding {
  const file = text(rec.row.sourceFile);
  const sheet = text(rec.row.sourceSheet);
  const rowText = text(rec.row.sourceRow);
  const row = rowText !== '' && Number.isInteger(Number(rowText)) ? Number(rowText) : null;
  return {
    index: rec.index,
    file: file || null,
    sheet: sheet || null,
    row,
    name: rec.name,
    unit: rec.unit,
    award: rec.match.award?.name ?? rec.awardText,
    year: rec.year,
    rule,
    article,
    severity,
    message,
  };
}

/** A nomination that still stands (not rejected): it counts as evidence for other checks. */
export function stands(rec: CheckRecord): boolean {
  return rec.source === 'history' || (rec.source === 'nomination' && rec.status !== 'rejected');
}

/**
 * Who holds (or is proposed for) which award in which year: award history
 * rows and standing nominations. It also tells apart what only the award
 * history shows (decisions: complete lists) from what nomination lists show
 * (partial by nature), and keeps rejected nominations.
 */
export class Holdings {
  private readonly byPerson = new Map<string, CheckRecord[]>();
  private readonly byUnit = new Map<string, CheckRecord[]>();
  private readonly historyPersons = new Set<string>();
  private readonly rejected = new Map<string, CheckRecord[]>();

  constructor(records: Iterable<CheckRecord>) {
    for (const rec of records) {
      if (rec.source === 'history') this.historyPersons.add(rec.person);
      if (rec.source === 'nomination' && !stands(rec)) {
        if (rec.awardId !== null && rec.year !== null) push(this.rejected, rec.person, rec);
        continue;
      }
      if (!stands(rec) || rec.awardId === null || rec.year === null) continue;
      push(this.byPerson, rec.person, rec);
      push(this.byUnit, `${rec.subject}|${rec.unitInYear}|${rec.year}`, rec);
    }
  }

  /** Records of this person holding this award in this year. */
  held(person: string, award: AwardId, year: number): CheckRecord[] {
    return (this.byPerson.get(person) ?? []).filter((r) => r.awardId === award && r.year === year);
  }

  /** Years in which this person holds this award, ascending. */
  years(person: string, award: AwardId): number[] {
    const set = new Set<number>();
    for (const r of this.byPerson.get(person) ?? []) if (r.awardId === award && r.year !== null) set.add(r.year);
    return [...set].sort((a, b) => a - b);
  }

  /** Distinct persons of a unit (as it stood that year, see unitInYear) holding this award in this year. */
  personsOf(unitInYear: string, subject: SubjectCode, award: AwardId, year: number): Set<string> {
    const out = new Set<string>();
    for (const r of this.byUnit.get(`${subject}|${unitInYear}|${year}`) ?? []) {
      if (r.awardId === award) out.add(r.person);
    }
    return out;
  }

  /**
   * Distinct persons of a unit that the award history (decisions, not
   * nominations) shows holding this award in this year. Non-empty means the
   * unit's decision of that year is on file: its list is complete.
   */
  decidedOf(unitInYear: string, subject: SubjectCode, award: AwardId, year: number): Set<string> {
    const out = new Set<string>();
    for (const r of this.byUnit.get(`${subject}|${unitInYear}|${year}`) ?? []) {
      if (r.source === 'history' && r.awardId === award) out.add(r.person);
    }
    return out;
  }

  /** Whether the award history has any row of this person (the office keeps their record). */
  hasHistory(person: string): boolean {
    return this.historyPersons.has(person);
  }

  /** Rejected nominations of this person for this award in this year. */
  refused(person: string, award: AwardId, year: number): CheckRecord[] {
    return (this.rejected.get(person) ?? []).filter((r) => r.awardId === award && r.year === year);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
