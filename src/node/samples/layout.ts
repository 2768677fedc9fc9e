/**
 * The layout of one generated report: every choice that makes files differ
 * (title block, headers, award columns, sections, text spoiling, encodings,
 * extra sheets…), drawn from the PRNG. Each choice that shows in the file is
 * recorded in the ground truth as a quirk.
 */
import type { RecordKind } from '../../core/contract';
import type { Rng } from './prng';
import type { FileEncoding } from './text';

/** Quirks of files that can be read. */
export const LAYOUT_QUIRKS = [
  'all_caps_names',
  'award_sections',
  'award_variants',
  'birth_year_columns',
  'blank_rows',
  'column_number_row',
  'date_next_year',
  'empty_sheet',
  'encoding_tcvn3',
  'encoding_vni',
  'formula_bait',
  'header_synonyms',
  'hidden_sheet',
  'leading_trailing_spaces',
  'line_breaks',
  'matrix_registration',
  'merged_award_cells',
  'merged_header',
  'merged_title',
  'mixed_encoding',
  'multi_sheet',
  'nbsp',
  'nfd_names',
  'old_tone_placement',
  'position_unit_column',
  'rich_text',
  'signature_block',
  'split_award_columns',
  'split_name_columns',
  'stt_formulas',
  'subject_sections',
  'title_block',
  'totals_row',
  'two_row_header',
  'unicode_filename',
  'unit_column',
  'unit_variant',
  'vntimeh_caps',
] as const;

/** Quirks of the rows planted for the identity and validity rules. */
export const PLANTED_QUIRKS = [
  'conflict',
  'duplicate',
  'missing_award',
  'not_registered',
  'registered_then_nominated',
  'unknown_award',
] as const;

/** Quirks of files that cannot be imported, or are skipped. */
export const HOSTILE_QUIRKS = ['byte_identical_copy', 'empty_workbook', 'not_a_zip', 'truncated_zip'] as const;

export const QUIRKS = [...LAYOUT_QUIRKS, ...PLANTED_QUIRKS, ...HOSTILE_QUIRKS].sort();

export type LayoutQuirk = (typeof LAYOUT_QUIRKS)[number];
export type PlantedQuirk = (typeof PLANTED_QUIRKS)[number];
export type HostileQuirk = (typeof HOSTILE_QUIRKS)[number];
export type Quirk = LayoutQuirk | PlantedQuirk | HostileQuirk;

/** Where the award of a row is written. */
export type AwardMode =
  /** One award column. */
  | 'column'
  /** "Danh hiệu thi đua" and "Hình thức khen thưởng" columns under one merged header (nominations). */
  | 'split'
  /** One tick column per title (registrations). */
  | 'matrix'
  /** Section rows ("1. Lao động tiên tiến (05 cá nhân)") above the rows they apply to. */
  | 'sections'
  /** One award column, vertically merged over runs of rows with the same award. */
  | 'merged';

/** Where a subject section row ("I. TẬP THỂ") writes its label. */
export type SectionPlacement = 'merged' | 'first' | 'second' | 'split';

export interface NameStyle {
  allCaps: boolean;
  nfd: boolean;
  oldTone: boolean;
  nbsp: boolean;
  spaces: boolean;
  rich: boolean;
}

export interface LayoutSpec {
  kind: RecordKind;
  /** Encoding of the header and data rows. */
  encoding: FileEncoding;
  /** Encoding of the title block, title and signature (TCVN3 over a Unicode body in mixed files). */
  titleEncoding: FileEncoding;
  /** TCVN3 (title or body): capitals lines in .VnTimeH (typed in lower case). */
  capsFont: boolean;
  /** TCVN3: people's names in .VnTimeH too. */
  namesInCapsFont: boolean;
  awardMode: AwardMode;
  subjectSections: SectionPlacement | null;
  collectivesFirst: boolean;
  splitName: boolean;
  birthYears: boolean;
  positionMode: 'position' | 'position_unit';
  unitColumn: boolean;
  columnNumbers: 'paren' | 'plain' | null;
  headerSynonyms: boolean;
  mergedTitle: boolean;
  names: NameStyle;
  lineBreaks: boolean;
  blankRows: boolean;
  totals: 'text' | 'split' | 'formula' | null;
  signature: boolean;
  /** The date line is in the signature block rather than the title block. */
  dateInSignature: boolean;
  dateNextYear: boolean;
  sttFormulas: boolean;
  sttRestart: boolean;
  hiddenSheet: 'lists' | 'old_copy' | null;
  emptySheetFirst: boolean;
  extraEmptySheet: boolean;
  unicodeFilename: boolean;
  awardVariants: boolean;
  /** Extra columns. */
  achievement: boolean;
  content: boolean;
  note: boolean;
  /** A position that looks like a formula ("=…", "+…", "@…"), stored as text. */
  formulaBait: boolean;
}

/** Quirks that can be forced onto a file of a kind (to cover every quirk in a set). */
export function forceableFor(kind: RecordKind): LayoutQuirk[] {
  return LAYOUT_QUIRKS.filter((q) => {
    if (q === 'matrix_registration') return kind === 'registration';
    if (q === 'split_award_columns' || q === 'date_next_year') return kind === 'nomination';
    // Always present, or follow from other choices.
    return !['title_block', 'unit_variant', 'two_row_header', 'merged_header', 'multi_sheet'].includes(q);
  });
}

/**
 * Draws a layout. `forced` quirks are switched on (when they fit the kind and
 * do not clash with another forced one); everything else is left to chance.
 */
export function chooseLayout(rng: Rng, kind: RecordKind, forced: ReadonlySet<LayoutQuirk> = new Set()): LayoutSpec {
  const f = (q: LayoutQuirk, p: number): boolean => forced.has(q) || rng.chance(p);
  const nomination = kind === 'nomination';

  // A mixed file has a Unicode body under a TCVN3 title (whose capitals are in .VnTimeH).
  let encoding: FileEncoding = 'unicode';
  if (forced.has('mixed_encoding') || forced.has('nfd_names')) encoding = 'unicode';
  else if (forced.has('encoding_tcvn3') || forced.has('vntimeh_caps')) encoding = 'tcvn3';
  else if (forced.has('encoding_vni')) encoding = 'vni';
  else
    encoding = rng.weighted<FileEncoding>([
      ['unicode', 83],
      ['tcvn3', 10],
      ['vni', 7],
    ]);
  const mixed = encoding === 'unicode' && (f('mixed_encoding', 0.04) || forced.has('vntimeh_caps'));
  const titleEncoding: FileEncoding = mixed ? 'tcvn3' : encoding;
  const allCaps = f('all_caps_names', 0.1);
  // TCVN3 has no codes for accented capitals: names in capitals are typed in .VnTimeH.
  // TCVN3 capitals lines are typed in .VnTimeH, the only way to show accented capitals.
  const capsFont = titleEncoding === 'tcvn3';
  const namesInCapsFont = encoding === 'tcvn3' && capsFont && (allCaps || rng.chance(0.3));

  let awardMode: AwardMode;
  if (forced.has('matrix_registration') && !nomination) awardMode = 'matrix';
  else if (forced.has('split_award_columns') && nomination) awardMode = 'split';
  else if (forced.has('award_sections')) awardMode = 'sections';
  else if (forced.has('merged_award_cells')) awardMode = 'merged';
  else
    awardMode = nomination
      ? rng.weighted<AwardMode>([
          ['column', 42],
          ['split', 20],
          ['sections', 20],
          ['merged', 18],
        ])
      : rng.weighted<AwardMode>([
          ['column', 45],
          ['matrix', 22],
          ['sections', 18],
          ['merged', 15],
        ]);

  const subjectSections: SectionPlacement | null = f('subject_sections', awardMode === 'sections' ? 0.75 : 0.45)
    ? rng.weighted<SectionPlacement>([
        ['merged', 4],
        ['first', 3],
        ['second', 2],
        ['split', 1],
      ])
    : null;

  const positionUnit = forced.has('position_unit_column') || (!forced.has('unit_column') && rng.chance(0.12));
  const unitColumn = !positionUnit && f('unit_column', 0.28);

  const names: NameStyle = {
    allCaps,
    nfd: encoding === 'unicode' && f('nfd_names', 0.07),
    oldTone: f('old_tone_placement', 0.1),
    nbsp: f('nbsp', 0.08),
    spaces: f('leading_trailing_spaces', 0.1),
    rich: f('rich_text', 0.1),
  };

  return {
    kind,
    encoding,
    titleEncoding,
    capsFont,
    namesInCapsFont,
    awardMode,
    subjectSections,
    collectivesFirst: rng.chance(0.75),
    splitName: f('split_name_columns', 0.08),
    birthYears: f('birth_year_columns', 0.2),
    positionMode: positionUnit ? 'position_unit' : 'position',
    unitColumn,
    columnNumbers: f('column_number_row', 0.45) ? (rng.chance(0.7) ? 'paren' : 'plain') : null,
    headerSynonyms: f('header_synonyms', 0.4),
    mergedTitle: f('merged_title', 0.65),
    names,
    lineBreaks: f('line_breaks', 0.3),
    blankRows: f('blank_rows', 0.2),
    totals: f('totals_row', 0.55) ? rng.pick(['text', 'split', 'formula'] as const) : null,
    signature: f('signature_block', 0.7),
    dateInSignature: rng.chance(0.25),
    dateNextYear: nomination && f('date_next_year', 0.25),
    sttFormulas: f('stt_formulas', 0.1),
    sttRestart: rng.chance(0.3),
    hiddenSheet: f('hidden_sheet', 0.07) ? (rng.chance(0.5) ? 'lists' : 'old_copy') : null,
    emptySheetFirst: f('empty_sheet', 0.06),
    extraEmptySheet: f('multi_sheet', 0.08),
    unicodeFilename: f('unicode_filename', 0.15),
    awardVariants: f('award_variants', 0.75),
    achievement: nomination ? rng.chance(0.85) : rng.chance(0.2),
    content: !nomination && rng.chance(0.5),
    note: rng.chance(0.7),
    formulaBait: f('formula_bait', 0.1),
  };
}
