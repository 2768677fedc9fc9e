/**
 * Findings on the nomination rows the import kept out of the nominations
 * sheet, read from the import's discrepancies (sheet «Sai lệch cần xử lý»):
 * without them `check` would never see a row whose award is missing or not in
 * the catalogue, nor a conflict between two files.
 *
 * - missing_award → award.missing; unknown_award, ambiguous_award →
 *   award.catalogue; award_subject_mismatch → award.subject;
 *   award_not_in_force → award.not_in_force; empty_name → record.name;
 *   missing_year → record.year; unknown_unit, ambiguous_unit → record.unit:
 *   errors (the row is wrong as written).
 * - conflict → record.conflict, an error on the row kept out (two files
 *   propose different awards for one person and year), and a warning on the
 *   nomination of the master it contradicts (that row is not wrong in itself,
 *   but the council must not decide it before the units agree).
 * - duplicate → record.duplicate, a warning: the same award for the same
 *   person from another file; one person proposed by two units, or two people
 *   of one name: the office asks.
 *
 * Not turned into findings: notes on rows that were imported (not_registered:
 * the registration rule decides it from the registrations themselves, so a
 * registration imported later counts; listed_twice; award_interpreted), and
 * problems of a whole file (unreadable_file: see `unreadableFiles`). Rows of
 * registration files are not nominations and are left out; so are rows marked
 * resolved, and rows of the invalid kinds whose person the nominations sheet
 * now holds for the same unit and year (the office entered or re-imported
 * them).
 *
 * The discrepancies sheet has no year, unit or award column: the unit is the
 * file's (import log), the year that of the file's other nominations (else a
 * "năm 2022" in the problem's text, else null), and the award is read from the
 * quoted names of the problem's text (empty when none is found).
 */
import type { Row } from '../../contract';
import { matchKey } from '../../text';
import type { UnitRegistry } from '../../units';
import { matchAward } from '../match';
import { rulebookFor } from '../rulebooks';
import { listText, proposed } from './messages';
import { findingFor, text, toRecord, toYear } from './records';
import type { IndexedFinding, Severity } from './types';

export interface ImportCheckInput {
  /** Rows of the 'discrepancies' sheet. */
  readonly discrepancies: ReadonlyArray<Row>;
  /** Rows of the 'importLog' sheet (the unit and kind of each file). */
  readonly importLog: ReadonlyArray<Row>;
  /** Rows of the 'nominations' sheet (a conflict's other side; rows entered since). */
  readonly nominations: ReadonlyArray<Row>;
  readonly registry: UnitRegistry;
  /** Only rows of this achievement year (rows whose year is unknown are kept). */
  readonly year?: number;
}

/** Vietnamese names of the checks made from the import's discrepancies (the others share CHECK_LABELS). */
export const IMPORT_CHECK_LABELS: Readonly<Record<string, string>> = {
  'record.unit': 'Không xác định được đơn vị gửi',
  'record.conflict': 'Mâu thuẫn giữa các tệp (cùng người, cùng năm, khác danh hiệu)',
  'record.duplicate': 'Trùng với đề nghị ở tệp khác',
};

interface Mapping {
  readonly rule: string;
  readonly severity: Severity;
  /** How the award is named in the problem's text: the first quoted name that is not the person's, or the first known award. */
  readonly award: 'none' | 'as_written' | 'known';
  /** The row is invalid: skipped once the nominations sheet holds the person for that unit and year. */
  readonly invalid: boolean;
  /** Said when the problem's text is empty (a row typed into the sheet by hand). */
  readonly fallback: string;
}

const MAPPINGS: Readonly<Record<string, Mapping>> = {
  missing_award: {
    rule: 'award.missing',
    severity: 'error',
    award: 'none',
    invalid: true,
    fallback: 'Dòng đề nghị chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng.',
  },
  unknown_award: {
    rule: 'award.catalogue',
    severity: 'error',
    award: 'as_written',
    invalid: true,
    fallback: 'Danh hiệu, hình thức đề nghị không có trong danh mục của Hội đồng.',
  },
  ambiguous_award: {
    rule: 'award.catalogue',
    severity: 'error',
    award: 'as_written',
    invalid: true,
    fallback: 'Chưa xác định được danh hiệu, hình thức đề nghị.',
  },
  award_subject_mismatch: {
    rule: 'award.subject',
    severity: 'error',
    award: 'known',
    invalid: true,
    fallback: 'Danh hiệu không đúng đối tượng (cá nhân, tập thể).',
  },
  award_not_in_force: {
    rule: 'award.not_in_force',
    severity: 'error',
    award: 'known',
    invalid: true,
    fallback: 'Danh hiệu, hình thức không còn được xét tặng cho năm thành tích này.',
  },
  empty_name: {
    rule: 'record.name',
    severity: 'error',
    award: 'none',
    invalid: true,
    fallback: 'Dòng đề nghị chưa ghi họ tên cá nhân hoặc tên tập thể.',
  },
  missing_year: {
    rule: 'record.year',
    severity: 'error',
    award: 'none',
    invalid: true,
    fallback: 'Không xác định được năm thành tích của dòng đề nghị.',
  },
  unknown_unit: {
    rule: 'record.unit',
    severity: 'error',
    award: 'none',
    invalid: true,
    fallback: 'Không xác định được đơn vị gửi tệp.',
  },
  ambiguous_unit: {
    rule: 'record.unit',
    severity: 'error',
    award: 'none',
    invalid: true,
    fallback: 'Tên đơn vị gửi tệp ứng với nhiều đơn vị.',
  },
  conflict: {
    rule: 'record.conflict',
    severity: 'error',
    award: 'known',
    invalid: false,
    fallback: 'Hai tệp đề nghị hai danh hiệu khác nhau cho cùng một cá nhân, tập thể trong cùng năm.',
  },
  duplicate: {
    rule: 'record.duplicate',
    severity: 'warning',
    award: 'known',
    invalid: false,
    fallback: 'Cùng một cá nhân, tập thể và danh hiệu đã được đề nghị ở tệp khác.',
  },
};

/** "a.xlsx" of "/x/y/a.xlsx" or "x\\a.xlsx", NFC. */
function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).normalize('NFC');
}

function isResolved(row: Row): boolean {
  const v = text(row.resolved).toLowerCase();
  return v === 'yes' || v === 'có';
}

/** The quoted names of a text: “…”. */
function quotedNames(value: string): string[] {
  return [...value.matchAll(/“([^”]+)”/g)].map((m) => m[1].trim()).filter((s) => s !== '');
}

function awardOf(mapping: Mapping, what: string, name: string): string {
  if (mapping.award === 'none') return '';
  const nameKey = matchKey(name);
  const names = quotedNames(what).filter((q) => matchKey(q) !== nameKey);
  if (mapping.award === 'as_written') return names[0] ?? '';
  for (const q of names) {
    const m = matchAward(q);
    if (m.award) return m.award.name;
  }
  return '';
}

/** The most frequent year among rows, or null. */
function commonYear(rows: ReadonlyArray<Row>): number | null {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const y = toYear(r.year);
    if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/** The year's law, cited (without an article) by the award checks, as checkNominations does. */
/** A year the problem's text states ("(năm 2022)", "cá nhân, năm 2022"), or null. */
function yearInText(row: Row): number | null {
  const m = /năm (\d{4})\b/.exec(`${text(row.what)} ${text(row.why)}`);
  return m ? toYear(m[1]) : null;
}

function lawOf(year: number | null): string {
  if (year === null) return '';
  try {
    return rulebookFor(year).documents[0];
  } catch {
    return '';
  }
}

/** «a.xlsx», trang «S», dòng 12. */
function placeText(file: string, sheet: string, row: number | null): string {
  const parts = [`tệp «${baseName(file)}»`];
  if (sheet) parts.push(`trang «${sheet}»`);
  if (row !== null) parts.push(`dòng ${row}`);
  return parts.join(', ');
}

/** Findings on the rows the import kept out of the nominations sheet; see the module comment. */
export function importFindings(input: ImportCheckInput): IndexedFinding[] {
  const logByFile = new Map<string, Row>();
  for (const row of input.importLog) {
    const file = text(row.file);
    if (!file) continue;
    logByFile.set(file, row);
    if (!logByFile.has(baseName(file))) logByFile.set(baseName(file), row);
  }
  const logOf = (file: string): Row | undefined => logByFile.get(file) ?? logByFile.get(baseName(file));
  const nominationsOf = new Map<string, Row[]>();
  input.nominations.forEach((row) => {
    const key = baseName(text(row.sourceFile));
    nominationsOf.set(key, [...(nominationsOf.get(key) ?? []), row]);
  });
  const records = input.nominations.map((row, i) => toRecord('nomination', row, i, input.registry));

  const out: IndexedFinding[] = [];
  for (const d of input.discrepancies) {
    const code = text(d.code);
    const mapping = MAPPINGS[code];
    if (!mapping || isResolved(d)) continue;
    const file = text(d.file);
    const log = file ? logOf(file) : undefined;
    // Only nomination files' problems concern nominations (registrations and past decisions have their own).
    if (log && (text(log.kind) === 'registration' || text(log.kind) === 'award')) continue;
    const name = text(d.name);
    const unit = log ? text(log.unit) : '';
    const year = (file ? commonYear(nominationsOf.get(baseName(file)) ?? []) : null) ?? yearInText(d);
    if (input.year !== undefined && year !== null && year !== input.year) continue;
    const nameKey = matchKey(name);
    const unitKey = matchKey(unit);
    if (
      mapping.invalid &&
      nameKey !== '' &&
      records.some((r) => r.nameKey === nameKey && matchKey(r.unit) === unitKey && (year === null || r.year === year))
    ) {
      continue;
    }
    const sheet = text(d.sheet);
    const rowNumber = toRow(d.row);
    const what = text(d.what);
    const why = text(d.why);
    const suggestion = text(d.suggestion);
    const award = awardOf(mapping, what, name);
    const message = what
      ? [what, why, suggestion ? `Cách xử lý: ${suggestion}` : ''].filter(Boolean).join(' ')
      : `${mapping.fallback} Xin xem dòng này trong trang «Sai lệch cần xử lý».`;
    out.push({
      index: null,
      file: file || null,
      sheet: sheet || null,
      row: rowNumber,
      name,
      unit,
      award,
      year,
      rule: mapping.rule,
      article: mapping.rule.startsWith('award.') ? lawOf(year) : '',
      severity: mapping.severity,
      message,
    });

    if (code !== 'conflict' || nameKey === '') continue;
    // The other side: the nomination of the master this row contradicts.
    for (const rec of records) {
      if (rec.nameKey !== nameKey || (year !== null && rec.year !== year)) continue;
      if (file && baseName(text(rec.row.sourceFile)) === baseName(file)) continue;
      const others = award ? `“${award}”` : 'một danh hiệu, hình thức khác';
      out.push(
        findingFor(
          rec,
          mapping.rule,
          '',
          'warning',
          `${proposed(rec)}, nhưng ${placeText(file, sheet, rowNumber)}${unit ? ` của ${unit}` : ''} lại đề nghị ${others} cho cùng ${rec.subject === 'collective' ? 'tập thể' : 'người'} này (dòng đó chưa được nhập, xem trang «Sai lệch cần xử lý»). Đề nghị liên hệ ${listText([rec.unit, unit].filter((u, i, all) => u && all.indexOf(u) === i).map((u) => `“${u}”`)) || 'các đơn vị'} để thống nhất một đề nghị trước khi trình Hội đồng.`,
        ),
      );
    }
  }
  return out;
}

function toRow(value: unknown): number | null {
  const t = text(value);
  return t !== '' && Number.isInteger(Number(t)) ? Number(t) : null;
}

/** Files the import could not read (unresolved), as Vietnamese lines: their nominations were never checked. */
export function unreadableFiles(discrepancies: ReadonlyArray<Row>): string[] {
  return discrepancies
    .filter((d) => text(d.code) === 'unreadable_file' && !isResolved(d))
    .map((d) => {
      const file = baseName(text(d.file));
      const why = text(d.why) || text(d.what) || `Không đọc được tệp «${file}».`;
      return `${why} Các dòng của tệp «${file}» chưa được kiểm tra.`;
    });
}
