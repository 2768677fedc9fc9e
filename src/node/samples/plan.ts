/**
 * What each generated report lists: its people and collectives, the awards
 * asked for, and the rows planted to exercise the identity and validity rules
 * (duplicates, conflicts, missing and unknown awards, CSTĐCS nominations with
 * and without a registration, formula-looking positions).
 *
 * Registrations are planned before nominations, so that a unit's nomination
 * lists can propose the people it registered. Within a kind, files are planned
 * in import order, so that the first occurrence of a planted repeat is always
 * in an earlier file.
 */
import type { RecordKind } from '../../core/contract';
import { NOMINATION_AWARDS, REGISTRATION_AWARDS, UNKNOWN_AWARDS, isTitle, type AwardId } from './awards';
import type { LayoutSpec } from './layout';
import { NameBook, type Collective, type Entity, type Person } from './people';
import type { Rng } from './prng';
import { drawPosition, type UnitInfo } from './units';
import { ACHIEVEMENTS, NOTES, REGISTRATION_CONTENTS } from './vocab';

/** One award of a row: a catalogue award, an award outside the catalogue (verbatim), or none. */
export interface AwardSlot {
  readonly id: AwardId | null;
  /** Text of an award no council of this kind confers ("Giấy khen của Giám đốc Sở"). */
  readonly unknown?: string;
}

export interface PlannedRow {
  readonly entity: Entity;
  awards: AwardSlot[];
  /** Tags of the ground truth's `planted` field for every record of the row. */
  planted: string[];
  /** Prefix that makes the position look like a formula ("=", "+ ", "@"), or null. */
  bait: string | null;
  /** For planted repeats: the row repeated (in an earlier file). */
  repeatOf: { report: ReportPlan; row: PlannedRow } | null;
  achievement: string;
  content: string;
  note: string;
}

export interface ReportPlan {
  /** Index of the file in the set (import order). */
  readonly index: number;
  readonly unit: UnitInfo;
  readonly kind: RecordKind;
  readonly spec: LayoutSpec;
  /** Date on the document (also the workbook's timestamps). */
  readonly date: Date;
  readonly rows: PlannedRow[];
  /** Plantings requested for this file. */
  readonly plants: Planting[];
}

export type Planting = 'duplicate' | 'conflict' | 'missing_award' | 'unknown_award' | 'not_registered';

/** State shared by all files of a set. */
export class World {
  readonly names: NameBook;
  private nextId = 1;
  /** Entities already listed, per kind (a second listing would be a repeat). */
  private readonly listed: Record<RecordKind, Set<number>> = { registration: new Set(), nomination: new Set() };
  /** Entities that were repeated once already: never repeated again. */
  private readonly repeated = new Set<number>();
  /** Per unit: collectives created so far, by name. */
  private readonly collectives = new Map<string, Collective>();
  /** Per unit: registered individuals with the awards they registered for. */
  private readonly registered = new Map<string, Array<{ person: Person; awards: AwardId[] }>>();
  /** Reports planned so far, per kind, in import order. */
  private readonly reports: Record<RecordKind, ReportPlan[]> = { registration: [], nomination: [] };

  constructor(
    private readonly rng: Rng,
    readonly year: number,
    /** Awards that may be asked for this year (e.g. no district Giấy khen after 2025). */
    private readonly allowed: (id: AwardId) => boolean,
  ) {
    this.names = new NameBook(rng);
  }

  freshPerson(unit: UnitInfo, oldToneForm = false): Person {
    const n = this.names.fresh({ oldToneForm });
    const age = this.rng.int(24, 58);
    return {
      subject: 'individual',
      id: this.nextId++,
      name: n.name,
      surnamePart: n.surnamePart,
      givenName: n.givenName,
      gender: n.gender,
      birthYear: this.year - age,
      position: drawPosition(this.rng, unit),
      unit,
    };
  }

  collective(unit: UnitInfo, name: string): Collective {
    let c = this.collectives.get(name);
    if (!c) {
      c = { subject: 'collective', id: this.nextId++, name, unit };
      this.collectives.set(name, c);
    }
    return c;
  }

  private pickAward(
    subject: 'individual' | 'collective',
    kind: RecordKind,
    weights: Array<[AwardId, number]>,
  ): AwardId {
    const pool = kind === 'registration' ? REGISTRATION_AWARDS[subject] : NOMINATION_AWARDS[subject];
    const usable = weights.filter(([id]) => pool.includes(id) && this.allowed(id));
    return this.rng.weighted(usable.length > 0 ? usable : [[pool[0], 1]]);
  }

  /** Plans the rows of one report. Call in import order within each kind, registrations first. */
  plan(report: ReportPlan): void {
    const { rng } = this;
    const { spec, kind, unit } = report;
    const listed = this.listed[kind];
    const twoAwards = spec.awardMode === 'split' || spec.awardMode === 'matrix';
    const row = (entity: Entity, awards: AwardSlot[]): PlannedRow => {
      listed.add(entity.id);
      return {
        entity,
        awards,
        planted: [],
        bait: null,
        repeatOf: null,
        achievement: rng.pick(ACHIEVEMENTS),
        content: rng.pick(REGISTRATION_CONTENTS),
        note: rng.chance(0.35) ? rng.pick(NOTES) : '',
      };
    };
    const rows: PlannedRow[] = [];

    // Collectives: those the unit registered come first for its nominations.
    const nCollectives = rng.weighted<number>([
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    const candidates = unit.collectives
      .map((name) => this.collective(unit, name))
      .filter((c) => !listed.has(c.id) && !this.repeated.has(c.id));
    const registeredFirst =
      kind === 'nomination'
        ? [
            ...candidates.filter((c) => this.reports.registration.some((r) => r.rows.some((x) => x.entity === c))),
            ...rng.shuffle(candidates),
          ]
        : rng.shuffle(candidates);
    for (const c of [...new Set(registeredFirst)].slice(0, nCollectives)) {
      const first = this.pickAward('collective', kind, [
        ['ttldtt', 50],
        ['ttldxs', 28],
        ['co_tinh', 4],
        ['gk_huyen', 12],
        ['bk_tinh', 8],
      ]);
      const awards: AwardSlot[] = [{ id: first }];
      if (twoAwards && rng.chance(0.2)) {
        const second: AwardId | null =
          kind === 'nomination'
            ? isTitle(first) && this.allowed('bk_tinh')
              ? 'bk_tinh'
              : null
            : first === 'ttldxs'
              ? 'co_tinh'
              : null;
        if (second) awards.push({ id: second });
      }
      rows.push(row(c, awards));
    }

    // Individuals.
    const nIndividuals = rng.int(3, 15);
    const people: PlannedRow[] = [];
    if (kind === 'nomination') {
      const registered = (this.registered.get(unit.unit.name) ?? []).filter(
        (r) => !listed.has(r.person.id) && !this.repeated.has(r.person.id),
      );
      // Those registered for CSTĐCS first: they are the ones proposed for it.
      const ordered = [
        ...registered.filter((r) => r.awards.includes('cstdcs')),
        ...rng.shuffle(registered.filter((r) => !r.awards.includes('cstdcs'))),
      ];
      const reuse = Math.min(ordered.length, Math.round(nIndividuals * rng.float() * 0.7));
      for (const r of ordered.slice(0, reuse)) {
        let first: AwardId;
        if (r.awards.includes('cstdcs') && rng.chance(0.85)) first = 'cstdcs';
        else if (r.awards.includes('cstd_tinh') && rng.chance(0.5)) first = 'cstd_tinh';
        else
          first = this.pickAward('individual', kind, [
            ['ldtt', 60],
            ['gk_huyen', 30],
            ['bk_tinh', 10],
          ]);
        people.push(row(r.person, this.withSecond(first, kind, twoAwards)));
      }
    }
    let oldToneNeeded = spec.names.oldTone;
    while (people.length < nIndividuals) {
      const person = this.freshPerson(unit, oldToneNeeded);
      oldToneNeeded = false;
      const first =
        kind === 'registration'
          ? this.pickAward('individual', kind, [
              ['ldtt', 60],
              ['cstdcs', 30],
              ['cstd_tinh', 10],
            ])
          : this.pickAward('individual', kind, [
              ['ldtt', 52],
              ['gk_huyen', 30],
              ['bk_tinh', 12],
              ['cstd_tinh', 6],
            ]);
      people.push(row(person, this.withSecond(first, kind, twoAwards)));
    }
    // Merged award cells need a run: two people with the same award at least.
    // (Never by turning someone into a CSTĐCS nominee: that title needs a registration.)
    if (spec.awardMode === 'merged') {
      const ids = people.map((p) => p.awards[0].id);
      if (new Set(ids).size === ids.length) {
        people
          .filter((p) => p.awards[0].id !== 'cstdcs')
          .slice(0, 2)
          .forEach((p) => (p.awards = [{ id: 'ldtt' }]));
      }
    }
    rows.push(...people);

    // Plantings.
    for (const plant of report.plants) {
      if (plant === 'duplicate' || plant === 'conflict') {
        const repeat = this.repeatRow(report, rows, plant);
        if (repeat) rows.push(repeat);
      } else if (plant === 'missing_award') {
        const r = row(this.freshPerson(unit), [{ id: null }]);
        r.planted.push('missing_award');
        rows.push(r);
      } else if (plant === 'unknown_award') {
        const r = row(this.freshPerson(unit), [{ id: null, unknown: rng.pick(UNKNOWN_AWARDS) }]);
        r.planted.push('unknown_award');
        rows.push(r);
      } else if (plant === 'not_registered') {
        const r = row(this.freshPerson(unit), [{ id: 'cstdcs' }]);
        r.planted.push('not_registered');
        rows.push(r);
      }
    }
    if (spec.formulaBait) {
      const target = rng.pick(rows.filter((r) => r.entity.subject === 'individual' && r.repeatOf === null));
      target.bait = rng.pick(['=', '+ ', '+', '@']);
      target.planted.push('formula_bait');
    }

    // Shuffle a little: planted rows must not always come last.
    const shuffled = rng.chance(0.7) ? rng.shuffle(rows) : rows;
    report.rows.push(...shuffled);

    if (kind === 'registration') {
      const list = this.registered.get(unit.unit.name) ?? [];
      for (const r of report.rows) {
        if (r.entity.subject !== 'individual' || r.planted.some((p) => p !== 'formula_bait')) continue;
        const awards = r.awards.map((a) => a.id).filter((id): id is AwardId => id !== null);
        if (awards.length > 0) list.push({ person: r.entity, awards });
      }
      this.registered.set(unit.unit.name, list);
    }
    this.reports[kind].push(report);
  }

  /** The awards of an individual's row: sometimes a form besides the title (split columns, tick matrix). */
  private withSecond(first: AwardId, kind: RecordKind, twoAwards: boolean): AwardSlot[] {
    const awards: AwardSlot[] = [{ id: first }];
    if (!twoAwards || !this.rng.chance(0.2)) return awards;
    if (kind === 'registration') {
      if (first === 'cstdcs' || first === 'cstd_tinh') awards.unshift({ id: 'ldtt' });
    } else if (isTitle(first)) {
      const form: AwardId = first === 'ldtt' ? 'gk_huyen' : 'bk_tinh';
      if (this.allowed(form)) awards.push({ id: form });
    }
    return awards;
  }

  /**
   * A row repeating an entity of an earlier file of the same kind: with the
   * same award (duplicate) or another one (conflict). Only clean one-award rows
   * are repeated, never a CSTĐCS row (its registration note would blur the
   * test), and no entity more than once.
   */
  private repeatRow(report: ReportPlan, current: PlannedRow[], plant: 'duplicate' | 'conflict'): PlannedRow | null {
    const { rng } = this;
    const earlier = this.reports[report.kind].filter((r) => r.index < report.index);
    const sameUnit = earlier.filter((r) => r.unit === report.unit);
    const pools = rng.chance(0.4) && sameUnit.length > 0 ? [sameUnit, earlier] : [earlier];
    for (const pool of pools) {
      const options: Array<{ report: ReportPlan; row: PlannedRow }> = [];
      for (const r of pool) {
        for (const x of r.rows) {
          if (x.awards.length !== 1 || x.awards[0].id === null || x.awards[0].id === 'cstdcs') continue;
          if (x.planted.length > 0 || x.repeatOf || this.repeated.has(x.entity.id)) continue;
          if (current.some((y) => y.entity === x.entity)) continue;
          if (x.entity.subject === 'collective' && rng.chance(0.7)) continue;
          options.push({ report: r, row: x });
        }
      }
      if (options.length === 0) continue;
      const original = rng.pick(options);
      const id = original.row.awards[0].id as AwardId;
      let award = id;
      if (plant === 'conflict') {
        const pool2 = (report.kind === 'registration' ? REGISTRATION_AWARDS : NOMINATION_AWARDS)[
          original.row.entity.subject
        ].filter((a) => a !== id && a !== 'cstdcs' && this.allowed(a));
        if (pool2.length === 0) continue;
        award = rng.pick(pool2);
      }
      this.repeated.add(original.row.entity.id);
      original.row.planted.push(plant === 'duplicate' ? 'duplicate_first' : 'conflict_first');
      return {
        entity: original.row.entity,
        awards: [{ id: award }],
        planted: [plant],
        bait: null,
        repeatOf: original,
        achievement: rng.pick(ACHIEVEMENTS),
        content: rng.pick(REGISTRATION_CONTENTS),
        note: rng.chance(0.35) ? rng.pick(NOTES) : '',
      };
    }
    return null;
  }
}
