/**
 * A generator of realistic unit reports (registration and nomination lists)
 * with their ground truth, for testing and demonstrating the importer.
 *
 * `generateReports` writes `.xlsx` files, `truth.json` (the format of the
 * shared samples: files, records, expected outcomes, quirks) and `units.csv`
 * into a folder. Everything is decided by a seeded PRNG: the same options give
 * byte-identical files. The modules: plan.ts (who is listed, planted repeats),
 * layout.ts (layout choices and quirks), render.ts (the sheet), truth.ts
 * (expected outcomes), workbook.ts (writing .xlsx), files.ts (file names and
 * broken files).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { RecordKind } from '../../core/contract';
import { awardById, type AwardId } from '../../core/awards';
import { cleanText } from '../../core/text';
import { toCsv, type Unit } from '../../core/units';
import { describeFile, copySuffix, emptyWorkbook, emptyWorkbookName, notAZip, truncate } from './files';
import { chooseLayout, forceableFor, type LayoutQuirk, type LayoutSpec } from './layout';
import { World, type Planting, type ReportPlan } from './plan';
import { Rng } from './prng';
import { shownAs } from './text';
import { renderReport, type RenderedReport } from './render';
import { IMPORT_ORDER, formatTruth, resolveExpectations, type Truth, type TruthFile, type TruthRecord } from './truth';
import { describeUnits, type UnitInfo } from './units';
import { AUTHORS } from './vocab';
import { writeWorkbook } from './workbook';
import type { Place } from './awards';

export { QUIRKS, LAYOUT_QUIRKS, PLANTED_QUIRKS, HOSTILE_QUIRKS, type Quirk } from './layout';
export type { Truth, TruthFile, TruthRecord, TruthRef } from './truth';
export { formatTruth, identityKey, resolveExpectations } from './truth';
export { writtenForms, matrixLabels, sectionLabel, UNKNOWN_AWARDS, type Place } from './awards';
export { unitCellForms, unitTitleForms, describeUnits } from './units';
export { mulberry32, Rng } from './prng';
export {
  buildDecisionList,
  type AwardPlacement,
  type DecisionList,
  type DecisionListEntry,
  type DecisionListOptions,
  type DecisionListRecord,
} from './decision-list';

/** How many files of each hostile kind a set gets. Defaults grow with `count` (none below 8 files). */
export interface ReportMix {
  /** Byte-identical resubmissions of earlier files (expected `skipped`). */
  copies?: number;
  /** Zips cut short (expected `failed`). */
  truncated?: number;
  /** Text, HTML or old binary files named .xlsx (expected `failed`). */
  notZip?: number;
  /** Workbooks whose sheets are all empty (expected `failed`). */
  empty?: number;
  /** Share of nomination lists among the readable reports (default 0.5). */
  nominationShare?: number;
}

export interface GenerateOptions {
  seed: number;
  /** Number of files, hostile ones included. */
  count: number;
  /** Year of the achievements (titles say "NĂM 2022"). */
  year: number;
  /** The registry's units; those that did not exist in `year` are left out. */
  units: ReadonlyArray<Unit>;
  outDir: string;
  mix?: ReportMix;
  /** District and province named in title blocks and award names. Default Hồng Ngự, Đồng Tháp. */
  place?: Partial<Place>;
  /** Also write units.csv (the registry to import against). Default true. */
  writeUnits?: boolean;
}

export interface GeneratedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface GeneratedSet {
  readonly outDir: string;
  /** In import order. */
  readonly files: ReadonlyArray<GeneratedFile>;
  readonly truth: Truth;
  /** truth.json as written. */
  readonly truthJson: string;
}

export const GENERATOR_NAME = 'tdkt-samples';

const DEFAULT_PLACE: Place = { district: 'Hồng Ngự', province: 'Đồng Tháp' };

type SlotType = 'report' | 'copy' | 'truncated' | 'notZip' | 'empty';

interface Slot {
  readonly index: number;
  type: SlotType;
  unit?: UnitInfo;
  kind?: RecordKind;
  forced: Set<LayoutQuirk>;
  spec?: LayoutSpec;
  plan?: ReportPlan;
  rendered?: RenderedReport;
  name?: string;
  bytes?: Buffer;
  copyOf?: Slot;
}

function existedIn(unit: Unit, year: number): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= `${year}-12-31`) &&
    (unit.validTo === null || unit.validTo >= `${year}-01-01`)
  );
}

function defaultMix(count: number): Required<Omit<ReportMix, 'nominationShare'>> {
  if (count < 8) return { copies: 0, truncated: 0, notZip: 0, empty: 0 };
  return {
    copies: Math.max(1, Math.round(count * 0.04)),
    truncated: Math.max(1, Math.round(count * 0.03)),
    notZip: Math.max(1, Math.round(count * 0.03)),
    empty: Math.max(1, Math.round(count * 0.03)),
  };
}

/** Quirks that cannot share a file. */
const EXCLUSIVE: ReadonlyArray<ReadonlyArray<LayoutQuirk>> = [
  ['award_sections', 'merged_award_cells', 'matrix_registration', 'split_award_columns'],
  ['encoding_tcvn3', 'encoding_vni', 'mixed_encoding', 'nfd_names'],
  ['encoding_vni', 'vntimeh_caps', 'nfd_names'],
  ['unit_column', 'position_unit_column'],
];

function clashes(a: LayoutQuirk, b: LayoutQuirk): boolean {
  if (a === b) return true;
  return EXCLUSIVE.some((group) => group.includes(a) && group.includes(b));
}

function dateIn(rng: Rng, year: number, from: [number, number], to: [number, number]): Date {
  const start = Date.UTC(year, from[0] - 1, from[1]);
  const end = Date.UTC(year, to[0] - 1, to[1]);
  const day = rng.int(0, Math.round((end - start) / 86400000));
  return new Date(start + day * 86400000);
}

/** Builds a set in memory: the files in import order and the ground truth. */
export async function buildReports(options: Omit<GenerateOptions, 'outDir'>): Promise<Omit<GeneratedSet, 'outDir'>> {
  const { seed, count, year } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const units = options.units.filter((u) => existedIn(u, year));
  if (units.length === 0) throw new RangeError(`no unit existed in ${year}`);
  const place: Place = { ...DEFAULT_PLACE, ...options.place };
  const root = new Rng(seed >>> 0);
  const infos = describeUnits(units, root.fork('units'));

  // ── Slots: which file is what, in import order ────────────────────────
  const defaults = defaultMix(count);
  const mix = {
    copies: options.mix?.copies ?? defaults.copies,
    truncated: options.mix?.truncated ?? defaults.truncated,
    notZip: options.mix?.notZip ?? defaults.notZip,
    empty: options.mix?.empty ?? defaults.empty,
  };
  for (const [key, n] of Object.entries(mix)) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`mix.${key} must be a non-negative integer, got ${n}`);
  }
  const hostile: SlotType[] = [
    ...Array<SlotType>(mix.copies).fill('copy'),
    ...Array<SlotType>(mix.truncated).fill('truncated'),
    ...Array<SlotType>(mix.notZip).fill('notZip'),
    ...Array<SlotType>(mix.empty).fill('empty'),
  ].slice(0, Math.max(0, count - 1));
  const slotRng = root.fork('slots');
  const types = slotRng.shuffle([...Array<SlotType>(count - hostile.length).fill('report'), ...hostile]);
  // A copy needs an earlier report.
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'copy' || types.slice(0, i).includes('report')) continue;
    const j = types.indexOf('report', i);
    [types[i], types[j]] = [types[j], types[i]];
  }
  const slots: Slot[] = types.map((type, index) => ({ index, type, forced: new Set() }));
  const reports = slots.filter((s) => s.type === 'report');

  // ── Units and kinds: each sending unit sends registrations and nominations ──
  const share = options.mix?.nominationShare ?? 0.5;
  const senders = slotRng.sample(infos, Math.max(1, Math.min(infos.length, Math.ceil(reports.length / 2))));
  const pairs: Array<{ unit: UnitInfo; kind: RecordKind }> = [];
  while (pairs.length < reports.length) {
    for (const unit of senders) {
      pairs.push({ unit, kind: 'registration' }, { unit, kind: 'nomination' });
    }
  }
  // Keep the requested share of nominations (pairs give half and half).
  const wantNominations = Math.round(reports.length * share);
  const ordered = slotRng.shuffle(pairs).slice(0, reports.length);
  let nominations = ordered.filter((p) => p.kind === 'nomination').length;
  for (const p of ordered) {
    if (nominations < wantNominations && p.kind === 'registration') {
      p.kind = 'nomination';
      nominations++;
    } else if (nominations > wantNominations && p.kind === 'nomination') {
      p.kind = 'registration';
      nominations--;
    }
  }
  reports.forEach((s, i) => {
    s.unit = ordered[i].unit;
    s.kind = ordered[i].kind;
  });

  // ── Forced quirks: every layout quirk on at least one file, when the set is big enough ──
  const forceRng = root.fork('force');
  const wanted = forceRng.shuffle(forceableFor('registration').concat(forceableFor('nomination')));
  const unique = [...new Set(wanted)];
  const perFile = Math.max(1, Math.ceil(unique.length / Math.max(1, reports.length)));
  let cursor = 0;
  for (const quirk of unique) {
    for (let tries = 0; tries < reports.length; tries++) {
      const slot = reports[(cursor + tries) % reports.length];
      if (!forceableFor(slot.kind as RecordKind).includes(quirk)) continue;
      if (slot.forced.size >= perFile || [...slot.forced].some((q) => clashes(q, quirk))) continue;
      slot.forced.add(quirk);
      cursor = (cursor + tries + 1) % reports.length;
      break;
    }
  }
  for (const slot of reports)
    slot.spec = chooseLayout(root.fork(`layout:${slot.index}`), slot.kind as RecordKind, slot.forced);

  // ── Plantings ─────────────────────────────────────────────────────────
  const plantRng = root.fork('plant');
  const plants = new Map<Slot, Planting[]>();
  const plantOn = (planting: Planting, n: number, eligible: Slot[]): void => {
    if (eligible.length === 0) return;
    for (let k = 0; k < n; k++) {
      const slot = plantRng.pick(eligible);
      plants.set(slot, [...(plants.get(slot) ?? []), planting]);
    }
  };
  const nomReports = reports.filter((s) => s.kind === 'nomination');
  const laterOfKind = reports.filter((s) => reports.some((e) => e.kind === s.kind && e.index < s.index));
  const R = reports.length;
  const some = (rate: number, of: number): number => (of === 0 ? 0 : Math.max(1, Math.round(of * rate)));
  plantOn('duplicate', some(0.12, R), laterOfKind);
  plantOn('conflict', some(0.1, R), laterOfKind);
  plantOn(
    'missing_award',
    some(0.1, R),
    reports.filter((s) => s.spec?.awardMode !== 'sections'),
  );
  plantOn(
    'unknown_award',
    some(0.12, nomReports.length),
    nomReports.filter((s) => ['column', 'merged', 'split'].includes(s.spec?.awardMode ?? '')),
  );
  plantOn('not_registered', some(0.15, nomReports.length), nomReports);

  // ── Contents: registrations first, each kind in import order ──────────
  const gkValid = (id: AwardId): boolean => {
    const to = awardById(id).validToYear;
    return to === undefined || year <= to;
  };
  const world = new World(root.fork('world'), year, gkValid);
  const datesRng = root.fork('dates');
  for (const kind of ['registration', 'nomination'] as const) {
    for (const slot of reports.filter((s) => s.kind === kind)) {
      const spec = slot.spec as LayoutSpec;
      const date =
        kind === 'registration'
          ? dateIn(datesRng, year, [1, 5], [3, 31])
          : spec.dateNextYear
            ? dateIn(datesRng, year + 1, [1, 3], [1, 25])
            : dateIn(datesRng, year, [10, 15], [12, 28]);
      const plan: ReportPlan = {
        index: slot.index,
        unit: slot.unit as UnitInfo,
        kind,
        spec,
        date,
        rows: [],
        plants: plants.get(slot) ?? [],
      };
      world.plan(plan);
      slot.plan = plan;
    }
  }

  // ── Files ─────────────────────────────────────────────────────────────
  const width = Math.max(2, String(count).length);
  const receipt = (slot: Slot): string => String(slot.index + 1).padStart(width, '0');
  const nameRng = root.fork('names');
  for (const slot of slots) {
    const fileRng = root.fork(`file:${slot.index}`);
    if (slot.type === 'report') {
      const plan = slot.plan as ReportPlan;
      slot.rendered = renderReport(plan, { year, place, rng: fileRng, names: world.names });
      slot.bytes = await writeWorkbook(slot.rendered.workbook);
      const descriptor = describeFile(nameRng, plan.unit, plan.kind, year, plan.spec.unicodeFilename);
      slot.name = `${receipt(slot)}_${descriptor}.xlsx`;
      if (/[^\x00-\x7f]/.test(slot.name)) slot.rendered.quirks.add('unicode_filename');
    } else if (slot.type === 'copy') {
      const earlier = slots.filter((s) => s.type === 'report' && s.index < slot.index);
      const original = fileRng.pick(earlier);
      slot.copyOf = original;
      slot.bytes = original.bytes;
      const descriptor = (original.name as string).replace(/^\d+_/, '').replace(/\.xlsx$/, '');
      slot.name = `${receipt(slot)}_${descriptor}${copySuffix(fileRng)}.xlsx`;
    } else {
      const unit = fileRng.pick(infos);
      const kind: RecordKind = fileRng.chance(0.5) ? 'registration' : 'nomination';
      const date = dateIn(fileRng, year, [2, 1], [12, 20]);
      if (slot.type === 'truncated') {
        // A real report, cut short: planned in a world of its own so the set's people stay unique.
        const scrap = new World(fileRng.fork('scrap'), year, gkValid);
        const spec = chooseLayout(fileRng.fork('layout'), kind);
        const plan: ReportPlan = { index: slot.index, unit, kind, spec, date, rows: [], plants: [] };
        scrap.plan(plan);
        const rendered = renderReport(plan, { year, place, rng: fileRng.fork('render'), names: scrap.names });
        slot.bytes = truncate(fileRng, await writeWorkbook(rendered.workbook));
        slot.name = `${receipt(slot)}_${describeFile(nameRng, unit, kind, year, false)}.xlsx`;
      } else if (slot.type === 'notZip') {
        slot.bytes = notAZip(fileRng, unit, kind, year, place.district);
        slot.name = `${receipt(slot)}_${describeFile(nameRng, unit, kind, year, false)}.xlsx`;
      } else {
        slot.bytes = await emptyWorkbook(fileRng, date, fileRng.pick(AUTHORS));
        slot.name = `${receipt(slot)}_${emptyWorkbookName(nameRng)}.xlsx`;
      }
    }
  }

  // ── Truth ─────────────────────────────────────────────────────────────
  const records: TruthRecord[] = [];
  const recordQuirks = new Map<Slot, Set<string>>();
  for (const slot of reports) {
    const rendered = slot.rendered as RenderedReport;
    const plan = slot.plan as ReportPlan;
    for (const rec of rendered.records) {
      const { unknown } = rec.award;
      const award = rec.award.id
        ? awardById(rec.award.id).name
        : unknown
          ? cleanText(shownAs(plan.spec.encoding, unknown))
          : null;
      const r: TruthRecord = {
        file: slot.name as string,
        sheet: rendered.sheet,
        row: rec.sheetRow,
        kind: plan.kind,
        subject: rec.row.entity.subject,
        name: rec.name,
        position: rec.position,
        unit: plan.unit.unit.name,
        award,
        year,
        expect: 'ok',
      };
      if (rec.row.bait) r.bait = 'position';
      if (rec.row.planted.length > 0) r.planted = [...rec.row.planted];
      records.push(r);
    }
  }
  resolveExpectations(records);
  checkPlanted(records);
  const bySlotName = new Map(reports.map((s) => [s.name as string, s]));
  for (const r of records) {
    const slot = bySlotName.get(r.file) as Slot;
    const set = recordQuirks.get(slot) ?? new Set<string>();
    for (const tag of r.planted ?? []) set.add(tag.replace(/_first$/, ''));
    if (r.notes?.includes('not_registered')) set.add('not_registered');
    recordQuirks.set(slot, set);
  }

  const files: TruthFile[] = slots.map((slot) => {
    const name = slot.name as string;
    if (slot.type === 'report') {
      const rendered = slot.rendered as RenderedReport;
      const quirks = new Set<string>([...rendered.quirks, ...(recordQuirks.get(slot) ?? [])]);
      return {
        file: name,
        expect: 'imported',
        unit: (slot.unit as UnitInfo).unit.name,
        kind: slot.kind as RecordKind,
        quirks: [...quirks].sort(),
        sheet: rendered.sheet,
        header_row: rendered.headerRow,
        encoding: (slot.spec as LayoutSpec).encoding,
      };
    }
    if (slot.type === 'copy') {
      const original = slot.copyOf as Slot;
      return {
        file: name,
        expect: 'skipped',
        unit: (original.unit as UnitInfo).unit.name,
        kind: original.kind as RecordKind,
        quirks: ['byte_identical_copy'],
        copy_of: original.name as string,
      };
    }
    const quirk = { truncated: 'truncated_zip', notZip: 'not_a_zip', empty: 'empty_workbook' }[
      slot.type as 'truncated' | 'notZip' | 'empty'
    ];
    return { file: name, expect: 'failed', unit: null, kind: null, quirks: [quirk] };
  });

  const truth: Truth = {
    generator: { name: GENERATOR_NAME, seed, files: count },
    year,
    import_order: width === 2 ? IMPORT_ORDER : IMPORT_ORDER.replace('two-digit', `${width}-digit`),
    units: units.map((u) => u.name),
    files,
    records,
  };
  return {
    files: slots.map((s) => ({ name: s.name as string, bytes: s.bytes as Buffer })),
    truth,
    truthJson: formatTruth(truth),
  };
}

/** The generator's own consistency check: planted rows must get the outcome they were planted for. */
function checkPlanted(records: TruthRecord[]): void {
  for (const r of records) {
    const planted = r.planted ?? [];
    const fail = (why: string): never => {
      throw new Error(`generator: ${r.file} row ${r.row} (${r.name}): ${why}`);
    };
    if (planted.includes('duplicate') && r.expect !== 'duplicate') fail(`planted duplicate is ${r.expect}`);
    if (planted.includes('conflict') && r.expect !== 'conflict') fail(`planted conflict is ${r.expect}`);
    if ((planted.includes('missing_award') || planted.includes('unknown_award')) && r.expect !== 'invalid') {
      fail(`planted invalid award is ${r.expect}`);
    }
    if (
      !planted.includes('duplicate') &&
      !planted.includes('conflict') &&
      (r.expect === 'duplicate' || r.expect === 'conflict')
    ) {
      fail(`unplanned ${r.expect}`);
    }
    if (r.expect === 'invalid' && !planted.includes('missing_award') && !planted.includes('unknown_award')) {
      fail('unplanned invalid record');
    }
    const notRegistered = r.notes?.includes('not_registered') ?? false;
    if (notRegistered !== planted.includes('not_registered')) fail('not_registered note and planting disagree');
  }
}

function unitsCsv(units: ReadonlyArray<Unit>, year: number): string {
  const rows = [['name', 'kind', 'cluster', 'aliases']];
  for (const u of units.filter((x) => existedIn(x, year)))
    rows.push([u.name, u.kind, u.cluster ?? '', u.aliases.join(';')]);
  return toCsv(rows);
}

/**
 * Generates a set of unit reports into `outDir`: the .xlsx files, truth.json
 * and (unless `writeUnits` is false) units.csv. Returns what was written.
 */
export async function generateReports(options: GenerateOptions): Promise<GeneratedSet> {
  const built = await buildReports(options);
  fs.mkdirSync(options.outDir, { recursive: true });
  for (const file of built.files) fs.writeFileSync(path.join(options.outDir, file.name), file.bytes);
  fs.writeFileSync(path.join(options.outDir, 'truth.json'), built.truthJson);
  if (options.writeUnits !== false)
    fs.writeFileSync(path.join(options.outDir, 'units.csv'), unitsCsv(options.units, options.year));
  return { outDir: options.outDir, ...built };
}
