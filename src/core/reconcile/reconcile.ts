/**
 * Reconciling a batch of unit reports with the master: which unit sent each
 * file, which award each record names, and whether the record is new,
 * already known, changed, a duplicate, a conflict or invalid. Pure.
 *
 * Rules (see samples/README.md, "Conventions"):
 * - Files come in receipt order (ascending file name). A file whose SHA-256 is
 *   already in the import log (as imported) or earlier in the batch is
 *   skipped and its rows are not reported; a file the reader could not read
 *   is failed.
 * - The unit of every record is the unit that SENT the file (its title block
 *   or file name, as the reader found it), never a school or commune named on
 *   a row. A file whose unit cannot be matched makes its records invalid.
 * - Identity = kind + subject + name key (matchKey: NFC, spaces, tone
 *   placement, case) + year. Registrations and nominations are separate books.
 * - The first record of an identity is accepted (added, or unchanged/updated
 *   against the master); a later one with the same award is a duplicate, one
 *   with another award from another file (or another source in the master) is
 *   a conflict. Records from the same file, sheet and row with different awards
 *   (a matrix row with two ticks, a title and a form) are separate awards of
 *   one person, not a conflict.
 * - A nomination for Chiến sĩ thi đua cơ sở whose person has no registration
 *   for that title (master or batch, any file) keeps its outcome and carries
 *   `not_registered`.
 * - Award lists (kind "award": the list attached to a past decision) go to the
 *   award history, not to a book of their own. The unit of each record is the
 *   unit named on its row ("Đơn vị" column), else the file's, matched as of the
 *   decision's date (so names from before a merger still match). Identity =
 *   subject + name key + unit lineage (across mergers) + year + award: a
 *   person may hold several awards in a year. Already in the history
 *   (`tdkt decision` or an earlier import) → unchanged; earlier in the batch →
 *   duplicate; the same award under another decision number → conflict.
 * Nothing is dropped or guessed: every record is reported, with the reason.
 */
import type { RecordKind, Row, Subject } from '../contract';
// The modules themselves, not the awards index: the import's main thread need not load the eligibility rules.
import { lineageKey } from '../awards/eligibility/records';
import { matchAward, type AwardMatch } from '../awards/match';
import type { AwardId } from '../awards/types';
import { matchUnit, type UnitMatch, type UnitRegistry } from '../units';
import { cleanText, isAllCaps, matchKey, titleCaseName } from '../text';
import type { DecisionRef, ExtractedFile, ExtractedRecord, ImportKind } from './types';
import {
  INVALID_CODES,
  ensureStop,
  kindBook,
  kindVerb,
  problem,
  quoteNames,
  placeText,
  type Place,
  type Problem,
} from './problems';
import type {
  BatchFile,
  BookChanges,
  MasterRows,
  Outcome,
  ReconcileOptions,
  ReconcileResult,
  ReconciledFile,
  ReconciledRecord,
} from './model';

/** The award that needs a registration before it can be nominated (see CONTEXT: "Not registered → not eligible"). */
const REGISTRATION_REQUIRED: ReadonlySet<AwardId> = new Set<AwardId>(['cstdcs']);

/** The last part of a path, for either separator (the core has no `path` module). */
export function baseName(file: string): string {
  const parts = String(file).split(/[\\/]/);
  return parts[parts.length - 1] || String(file);
}

/** Receipt order: by file name (NFC, code point order), then by the whole path. */
export function compareFileNames(a: string, b: string): number {
  const ka = [...baseName(a).normalize('NFC')].map((c) => c.codePointAt(0) as number);
  const kb = [...baseName(b).normalize('NFC')].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  if (ka.length !== kb.length) return ka.length - kb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The identity of a person or collective in one book for one year. */
export function identityKey(kind: ImportKind, subject: string, name: string, year: number): string {
  return `${kind}|${subject}|${matchKey(name)}|${year}`;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

function toYear(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d{4}\s*$/.test(value)) return Number(value);
  return null;
}

const awardCache = new Map<string, AwardMatch>();
function awardOfText(value: string): AwardMatch {
  let found = awardCache.get(value);
  if (!found) {
    found = matchAward(value);
    if (awardCache.size > 5000) awardCache.clear();
    awardCache.set(value, found);
  }
  return found;
}

const recordAwardCache = new Map<string, AwardMatch>();
/** matchAward for a record's award (its subject and year count), cached: a batch repeats a few award texts. */
function awardOfRecord(value: string, subject: Subject, year: number | null): AwardMatch {
  const key = `${subject}|${year ?? ''}|${value}`;
  let found = recordAwardCache.get(key);
  if (!found) {
    found = matchAward(value, { subject, year: year ?? undefined });
    if (recordAwardCache.size > 5000) recordAwardCache.clear();
    recordAwardCache.set(key, found);
  }
  return found;
}

/** A comparable key for an award: its catalogue id, else its text. */
function awardKeyOf(id: AwardId | null, shown: string | null): string {
  return id ? `id:${id}` : `text:${matchKey(shown ?? '')}`;
}

/** A record already accepted in this batch or present in the master. */
interface Holder {
  readonly from: 'batch' | 'master';
  readonly file: string;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly unit: string | null;
  readonly award: string;
  readonly awardKey: string;
  /** Index in the master book (master holders). */
  readonly index?: number;
  readonly masterRow?: Row;
}

/** A record of the award history (master) or of an award list accepted earlier in the batch. */
interface AwardHolder extends Holder {
  /** The decision's number, when known. */
  readonly number: string | null;
}

function holderPlace(h: Holder): Place {
  return { file: h.file ? baseName(h.file) : '(không rõ tệp)', sheet: h.sheet, row: h.row };
}

function holderText(h: Holder): string {
  const where = placeText(holderPlace(h));
  return h.from === 'master' ? `bảng tính chính (nhập từ ${where})` : where;
}

function sameSource(h: Holder, file: string, sheet: string, row: number): boolean {
  return baseName(h.file) === baseName(file) && (h.sheet ?? '') === sheet && h.row === row;
}

function sameUnit(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && matchKey(a) === matchKey(b);
}

/** A record once its unit, year and award are resolved, before its outcome. */
interface Prepared {
  readonly batch: BatchFile;
  readonly source: ExtractedRecord;
  readonly place: Place;
  readonly kind: ImportKind;
  readonly subject: Subject;
  readonly name: string;
  readonly position: string | null;
  readonly unit: string | null;
  readonly award: string | null;
  readonly awardId: AwardId | null;
  readonly year: number | null;
  readonly problems: Problem[];
  readonly notes: Problem[];
  /** An award record's decision (row columns over the file's title block). */
  readonly decision?: DecisionRef;
}

interface FileState {
  readonly batch: BatchFile;
  readonly status: ReconciledFile['status'];
  readonly unit: string | null;
  readonly kind: ImportKind | null;
  readonly baseMessage: string;
  readonly copyOf?: string;
  readonly records: Prepared[];
  readonly unitNote?: string;
}

interface KnownContent {
  readonly file: string;
  readonly status: 'imported' | 'failed';
  readonly unit: string | null;
  readonly kind: ImportKind | null;
  readonly message: string;
  readonly when?: string;
  readonly inBatch: boolean;
}

interface ResolvedUnit {
  unit: string | null;
  match: UnitMatch | null;
  note?: string;
}

/** The unit that sent a file, and the problem that makes its records invalid when there is none. */
function resolveUnit(registry: UnitRegistry, file: ExtractedFile): ResolvedUnit {
  return resolveUnitText(registry, text(file.unitText), file.year, file.kind === 'award' ? file.decision?.date : null);
}

/**
 * A unit text matched to the registry: as of `date` when given (an award
 * list's decision date), else mid-year, then the end and the start of `year`.
 */
function resolveUnitText(
  registry: UnitRegistry,
  shown: string,
  year: number | null,
  date?: string | null,
): ResolvedUnit {
  if (shown === '') return { unit: null, match: null };
  let match: UnitMatch;
  try {
    // Mid-year of the report: prefers units that existed under that name then.
    match = matchUnit(registry, shown, date ? { date } : year ? { date: `${year}-06-30` } : {});
    // A year of mergers: a unit that existed only at the end (or the start) of the report's
    // year ("UBND xã Long Khánh", created on 1 July) sent it when mid-year finds none.
    for (const day of ['06-30', '12-31', '01-01']) {
      if (match.unit || !year) break;
      const other = matchUnit(registry, shown, { date: `${year}-${day}` });
      if (other.unit && other.successor === undefined) match = other;
    }
  } catch {
    match = matchUnit(registry, shown);
  }
  if (!match.unit) return { unit: null, match };
  const loose = match.code === 'unaccented' || match.code === 'initialism' || match.successor !== undefined;
  return {
    unit: match.unit.name,
    match,
    note: loose ? `Đơn vị gửi được nhận là “${match.unit.name}”: ${match.reason}` : undefined,
  };
}

function unitProblem(file: ExtractedFile, match: UnitMatch | null, place: Place, rowUnit?: string): Problem {
  const shown = rowUnit ?? text(file.unitText);
  if (rowUnit !== undefined) return rowUnitProblem(rowUnit, match, place);
  if (match && match.code === 'ambiguous') {
    const names = match.candidates.map((u) => u.name);
    return problem(
      'ambiguous_unit',
      place,
      `Chưa xác định được đơn vị gửi tệp: “${shown}” có thể là ${quoteNames(names)}`,
      match.reason,
      `Vui lòng ghi đầy đủ tên đơn vị ở phần tiêu đề của tệp (ví dụ “${names[0]}”), hoặc thêm tên gọi này vào cột «Tên gọi khác» của đúng đơn vị trong trang «Đơn vị», rồi nhập lại tệp`,
    );
  }
  if (shown === '') {
    return problem(
      'unknown_unit',
      place,
      'Không xác định được đơn vị gửi tệp',
      'Phần tiêu đề của tệp và tên tệp đều không ghi tên đơn vị',
      'Vui lòng ghi tên đơn vị ở phần tiêu đề của tệp (ví dụ “UBND xã …” hoặc “Phòng …”), rồi nhập lại tệp',
    );
  }
  const candidates =
    match && match.candidates.length ? ` Có thể là ${quoteNames(match.candidates.map((u) => u.name))}.` : '';
  return problem(
    'unknown_unit',
    place,
    `Đơn vị gửi tệp “${shown}” không có trong danh sách đơn vị`,
    (match?.reason ?? '') + candidates,
    'Nếu đây là tên gọi khác của một đơn vị, vui lòng thêm vào cột «Tên gọi khác» của đơn vị đó trong trang «Đơn vị»; nếu là đơn vị mới, vui lòng bổ sung đơn vị vào danh sách; rồi nhập lại tệp',
  );
}

/** The problem of an award list's row whose "Đơn vị" cell names no unit of the registry. */
function rowUnitProblem(shown: string, match: UnitMatch | null, place: Place): Problem {
  if (match && match.code === 'ambiguous') {
    const names = match.candidates.map((u) => u.name);
    return problem(
      'ambiguous_unit',
      place,
      `Chưa xác định được đơn vị “${shown}” của dòng này: có thể là ${quoteNames(names)}`,
      match.reason,
      `Vui lòng thêm tên gọi này vào cột «Tên gọi khác» của đúng đơn vị trong trang «Đơn vị», hoặc bổ sung bằng tay dòng này vào trang «Lịch sử khen thưởng»`,
    );
  }
  const candidates =
    match && match.candidates.length ? ` Có thể là ${quoteNames(match.candidates.map((u) => u.name))}.` : '';
  return problem(
    'unknown_unit',
    place,
    `Đơn vị “${shown}” của dòng này không có trong danh sách đơn vị`,
    (match?.reason ?? '') + candidates,
    'Nếu đây là tên gọi khác (hoặc tên cũ trước khi sáp nhập) của một đơn vị, vui lòng thêm vào cột «Tên gọi khác» của đơn vị đó trong trang «Đơn vị»; nếu là đơn vị mới, vui lòng bổ sung đơn vị vào danh sách; rồi nhập lại tệp',
  );
}

/** Resolves a record's year, name and award; the problems that make it invalid, and notes. */
function prepare(
  batch: BatchFile,
  file: ExtractedFile,
  rec: ExtractedRecord,
  unit: string | null,
  unitMatch: UnitMatch | null,
  rowUnit?: string,
): Prepared {
  const sheet = text(rec.sheet);
  const placeOf = (cell?: string): Place => ({
    file: baseName(batch.path),
    sheet: sheet || null,
    row: rec.row ?? null,
    cell: cell ?? null,
  });
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  // The reader title-cases people's names; an all-capitals name that slipped through is done here.
  const rawName = text(rec.name);
  const name = rec.subject === 'individual' && isAllCaps(rawName) ? titleCaseName(rawName) : rawName;
  const position = orNull(text(rec.position));
  const year = toYear(rec.year) ?? toYear(file.year);
  const who = name ? `“${name}”` : 'dòng này';

  if (unit === null) problems.push(unitProblem(file, unitMatch, placeOf(), rowUnit));
  if (matchKey(name) === '') {
    problems.push(
      problem(
        'empty_name',
        placeOf(rec.cells?.name),
        'Dòng không có họ tên cá nhân hoặc tên tập thể',
        name ? `Ô họ tên chỉ có “${name}”, không phải một tên` : 'Ô họ tên để trống trong khi dòng có dữ liệu khác',
        'Vui lòng đề nghị đơn vị bổ sung họ tên (hoặc tên tập thể) rồi nhập lại tệp; nếu đây là dòng thừa, có thể bỏ qua',
      ),
    );
  }
  if (year === null) {
    problems.push(
      problem(
        'missing_year',
        placeOf(rec.cells?.year),
        `Không xác định được năm ${kindVerb(rec.kind)} của ${who}`,
        'Cả dòng và tiêu đề tệp đều không ghi năm (ví dụ “NĂM 2022”, “Thành tích năm 2022”)',
        'Vui lòng ghi năm vào tiêu đề của tệp rồi nhập lại',
      ),
    );
  }

  const awardText = text(rec.awardText);
  let award: string | null = null;
  let awardId: AwardId | null = null;
  const awardPlace = placeOf(rec.cells?.award);
  if (awardText === '') {
    problems.push(
      problem(
        'missing_award',
        awardPlace,
        `Chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng ${kindVerb(rec.kind)} cho ${who}`,
        'Ô danh hiệu, hình thức khen thưởng của dòng này để trống; bản ghi này chưa được thêm vào bảng tính chính',
        `Vui lòng đề nghị đơn vị ghi rõ danh hiệu hoặc hình thức khen thưởng ${kindVerb(rec.kind)}, rồi nhập lại tệp đã sửa`,
      ),
    );
  } else {
    const m = awardOfRecord(awardText, rec.subject, year);
    if (m.award && (m.code === 'exact' || m.code === 'short_form' || m.code === 'variant')) {
      award = m.code === 'variant' ? awardText : m.award.name;
      awardId = m.award.id;
    } else if (m.award && (m.code === 'unaccented' || m.code === 'counterpart')) {
      award = m.award.name;
      awardId = m.award.id;
      notes.push(
        problem(
          'award_interpreted',
          awardPlace,
          `Danh hiệu “${awardText}” của ${who} được hiểu là “${m.award.name}”`,
          m.reason,
          `Vui lòng kiểm tra lại; nếu chưa đúng, sửa cột danh hiệu của dòng này trong trang ${kindBook(rec.kind)}`,
        ),
      );
    } else if (m.award && m.code === 'subject_mismatch') {
      award = m.award.name;
      problems.push(
        problem(
          'award_subject_mismatch',
          awardPlace,
          `“${m.award.name}” không dùng cho ${rec.subject === 'individual' ? 'cá nhân' : 'tập thể'} ${who}`,
          m.reason,
          'Vui lòng kiểm tra lại dòng này là cá nhân hay tập thể và danh hiệu đúng, rồi đề nghị đơn vị sửa tệp và nhập lại',
        ),
      );
    } else if (m.award && m.code === 'not_in_force') {
      award = m.award.name;
      problems.push(
        problem(
          'award_not_in_force',
          awardPlace,
          `“${m.award.name}” không còn được xét tặng cho thành tích năm ${year}`,
          m.reason,
          'Vui lòng đề nghị đơn vị chọn danh hiệu, hình thức khen thưởng đang có hiệu lực, rồi nhập lại tệp',
        ),
      );
    } else if (m.code === 'ambiguous' || m.code === 'partial') {
      award = awardText;
      const names = m.candidates.map((a) => a.name);
      problems.push(
        problem(
          'ambiguous_award',
          awardPlace,
          `Chưa xác định được danh hiệu “${awardText}” ${kindVerb(rec.kind)} cho ${who}`,
          m.reason,
          names.length
            ? `Vui lòng đề nghị đơn vị ghi rõ một trong các danh hiệu, hình thức: ${quoteNames(names)}, rồi nhập lại tệp`
            : 'Vui lòng đề nghị đơn vị ghi đủ tên danh hiệu, hình thức khen thưởng, rồi nhập lại tệp',
        ),
      );
    } else {
      award = awardText;
      problems.push(
        problem(
          'unknown_award',
          awardPlace,
          `“${awardText}” ${kindVerb(rec.kind)} cho ${who} không có trong danh mục danh hiệu thi đua, hình thức khen thưởng của Hội đồng`,
          'Hội đồng chỉ xét, trình các danh hiệu thi đua, hình thức khen thưởng có trong danh mục; bản ghi này chưa được thêm vào bảng tính chính',
          'Nếu đây là khen thưởng thuộc thẩm quyền của cấp, ngành khác (ví dụ Giấy khen của Giám đốc Sở), vui lòng hướng dẫn đơn vị gửi đến cơ quan có thẩm quyền; nếu ghi nhầm, vui lòng đề nghị đơn vị sửa đúng tên trong danh mục rồi nhập lại tệp',
        ),
      );
    }
  }
  return {
    batch,
    source: rec,
    place: placeOf(),
    kind: rec.kind,
    subject: rec.subject,
    name,
    position,
    unit,
    award,
    awardId,
    year,
    problems,
    notes,
    ...(rec.kind === 'award' ? { decision: decisionOf(file, rec) } : {}),
  };
}

/** An award record's decision: its row's columns over the file's title block. */
function decisionOf(file: ExtractedFile, rec: ExtractedRecord): DecisionRef {
  const own = rec.decision ?? {};
  const fileRef = file.decision ?? null;
  const pick = <K extends keyof DecisionRef>(key: K): DecisionRef[K] => {
    const v = own[key];
    return v !== undefined && v !== null && v !== ''
      ? (v as DecisionRef[K])
      : ((fileRef?.[key] ?? null) as DecisionRef[K]);
  };
  return { number: pick('number'), date: pick('date'), issuer: pick('issuer'), level: pick('level') };
}

/** " (ngày dd/mm/yyyy)" for an ISO date or date-time, else "". */
function vnDay(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? ` (ngày ${m[3]}/${m[2]}/${m[1]})` : '';
}

function recordCount(n: number): string {
  return `${n} bản ghi`;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  added: 'mới',
  unchanged: 'không đổi',
  updated: 'cập nhật',
  duplicate: 'trùng',
  conflict: 'mâu thuẫn',
  invalid: 'không hợp lệ',
};

/** Reconciles a batch with the master. See the module comment for the rules. */
export function reconcile(
  registry: UnitRegistry,
  master: MasterRows,
  batch: ReadonlyArray<BatchFile>,
  options: ReconcileOptions,
): ReconcileResult {
  const importedAt = options.importedAt;

  // ── Contents already imported (import log) ──────────────────────────────
  const known = new Map<string, KnownContent>();
  for (const row of master.importLog) {
    const sha = text(row.sha256).toLowerCase();
    if (!sha || row.status !== 'imported' || known.has(sha)) continue;
    known.set(sha, {
      file: text(row.file),
      status: 'imported',
      unit: orNull(text(row.unit)),
      kind: row.kind === 'nomination' || row.kind === 'registration' || row.kind === 'award' ? row.kind : null,
      message: text(row.message),
      when: orNull(text(row.importedAt)) ?? undefined,
      inBatch: false,
    });
  }

  // ── Files: skipped, failed or imported; records prepared ────────────────
  const states: FileState[] = [];
  for (const entry of batch) {
    const sha = entry.sha256 ? entry.sha256.toLowerCase() : null;
    const earlier = sha ? known.get(sha) : undefined;
    if (earlier && earlier.status === 'imported') {
      const name = baseName(earlier.file);
      const message = earlier.inBatch
        ? `Tệp có nội dung giống hệt tệp «${name}» đã nhập ở trên trong lần này; bỏ qua, không nhập lại.`
        : `Tệp có nội dung giống hệt tệp «${name}» đã nhập trước đây${vnDay(earlier.when)}; bỏ qua, không nhập lại.`;
      states.push({
        batch: entry,
        status: 'skipped',
        unit: earlier.unit,
        kind: earlier.kind,
        baseMessage: message,
        copyOf: earlier.file,
        records: [],
      });
      continue;
    }
    if (!entry.file) {
      let message = entry.failure?.message ?? '';
      if (!message && earlier) {
        message = `Tệp có nội dung giống hệt tệp «${baseName(earlier.file)}» không đọc được: ${earlier.message}`;
      }
      if (!message) message = `Không đọc được tệp «${baseName(entry.path)}».`;
      states.push({ batch: entry, status: 'failed', unit: null, kind: null, baseMessage: message, records: [] });
      if (sha && !earlier) {
        known.set(sha, { file: entry.path, status: 'failed', unit: null, kind: null, message, inBatch: true });
      }
      continue;
    }
    const file = entry.file;
    const resolved = resolveUnit(registry, file);
    const rowUnits = new Map<string, ResolvedUnit>();
    const records = file.records.map((rec) => {
      const rowUnit = rec.kind === 'award' ? text(rec.rowUnitText) : '';
      if (rowUnit === '') return prepare(entry, file, rec, resolved.unit, resolved.match);
      // An award list names each record's unit on its row, as of the decision's date.
      const date = rec.decision?.date ?? file.decision?.date ?? null;
      const cacheKey = `${rowUnit}|${rec.year ?? file.year ?? ''}|${date ?? ''}`;
      let found = rowUnits.get(cacheKey);
      if (!found) {
        found = resolveUnitText(registry, rowUnit, rec.year ?? file.year, date);
        rowUnits.set(cacheKey, found);
      }
      return prepare(entry, file, rec, found.unit, found.match, rowUnit);
    });
    const kinds = new Set(file.records.map((r) => r.kind));
    const kind = file.kind ?? (kinds.size === 1 ? [...kinds][0] : null);
    states.push({
      batch: entry,
      status: 'imported',
      unit: resolved.unit,
      kind,
      baseMessage: '',
      records,
      unitNote: resolved.note,
    });
    if (sha) {
      known.set(sha, { file: entry.path, status: 'imported', unit: resolved.unit, kind, message: '', inBatch: true });
    }
  }

  // ── Registrations for the title that needs one (master + whole batch) ───
  const registered = new Set<string>();
  master.registrations.forEach((row) => {
    const year = toYear(row.year);
    const id = awardOfText(text(row.award)).award?.id;
    if (year !== null && id && REGISTRATION_REQUIRED.has(id)) {
      registered.add(`${id}|${identityKey('registration', String(row.subject), text(row.name), year)}`);
    }
  });
  for (const state of states) {
    for (const p of state.records) {
      if (p.kind !== 'registration' || !p.awardId || p.year === null || matchKey(p.name) === '') continue;
      if (REGISTRATION_REQUIRED.has(p.awardId)) {
        registered.add(`${p.awardId}|${identityKey('registration', p.subject, p.name, p.year)}`);
      }
    }
  }

  // ── Master identities ───────────────────────────────────────────────────
  const masterHolders = new Map<string, Holder[]>();
  const books: Array<[RecordKind, ReadonlyArray<Row>]> = [
    ['registration', master.registrations],
    ['nomination', master.nominations],
  ];
  for (const [kind, rows] of books) {
    rows.forEach((row, index) => {
      const year = toYear(row.year);
      const name = text(row.name);
      if (year === null || matchKey(name) === '') return;
      const shown = text(row.award);
      const id = awardOfText(shown).award?.id ?? null;
      const key = identityKey(kind, String(row.subject ?? ''), name, year);
      const list = masterHolders.get(key) ?? [];
      list.push({
        from: 'master',
        file: text(row.sourceFile),
        sheet: orNull(text(row.sourceSheet)),
        row: typeof row.sourceRow === 'number' ? row.sourceRow : null,
        unit: orNull(text(row.unit)),
        award: shown,
        awardKey: awardKeyOf(id, shown),
        index,
        masterRow: row,
      });
      masterHolders.set(key, list);
    });
  }

  // ── Award history (for award lists) ─────────────────────────────────────
  const lineages = new Map<string, string>();
  const lineageOf = (unit: string | null): string => {
    const shown = unit ?? '';
    let key = lineages.get(shown);
    if (key === undefined) {
      key = shown === '' ? '' : lineageKey(registry, shown);
      lineages.set(shown, key);
    }
    return key;
  };
  const awardIdentity = (subject: string, name: string, unit: string | null, year: number, awardKey: string) =>
    `award|${subject}|${matchKey(name)}|${lineageOf(unit)}|${year}|${awardKey}`;
  const historyHolders = new Map<string, AwardHolder>();
  for (const row of master.awardHistory ?? []) {
    const year = toYear(row.year);
    const name = text(row.name);
    if (year === null || matchKey(name) === '') continue;
    const shown = text(row.award);
    const subject = String(row.subject ?? '');
    const id = awardOfRecord(shown, subject === 'collective' ? 'collective' : 'individual', year).award?.id ?? null;
    const key = awardIdentity(subject, name, orNull(text(row.unit)), year, awardKeyOf(id, shown));
    if (!historyHolders.has(key)) {
      historyHolders.set(key, {
        from: 'master',
        file: '',
        sheet: null,
        row: null,
        unit: orNull(text(row.unit)),
        award: shown,
        awardKey: awardKeyOf(id, shown),
        number: orNull(text(row.decisionNumber)),
      });
    }
  }
  const historyAdded: Row[] = [];
  const acceptedAwards = new Map<string, AwardHolder>();

  // ── Outcomes, in receipt order ──────────────────────────────────────────
  const accepted = new Map<string, Holder[]>();
  const changes: Record<RecordKind, BookChanges> = {
    registration: { added: [], updated: [] },
    nomination: { added: [], updated: [] },
  };
  const updatedIndex: Record<RecordKind, Map<number, number>> = { registration: new Map(), nomination: new Map() };
  const records: ReconciledRecord[] = [];
  const perFile = new Map<FileState, ReconciledRecord[]>();

  for (const state of states) {
    const list: ReconciledRecord[] = [];
    perFile.set(state, list);
    for (const p of state.records) {
      const out = decide(p);
      list.push(out);
      records.push(out);
    }
  }

  /** What every reconciled record carries, whatever its outcome. */
  function recordBase(p: Prepared) {
    return {
      file: p.batch.path,
      sheet: p.place.sheet ?? '',
      row: p.source.row,
      kind: p.kind,
      subject: p.subject,
      name: p.name,
      position: p.position,
      unit: p.unit,
      award: p.award,
      year: p.year,
      awardId: p.awardId,
      source: p.source,
    };
  }

  function decide(p: Prepared): ReconciledRecord {
    if (p.kind === 'award') return decideAward(p);
    const kind: RecordKind = p.kind;
    const base = recordBase(p);
    const problems = [...p.problems, ...p.notes];
    if (p.problems.some((x) => INVALID_CODES.has(x.code)) || p.year === null || !p.awardId) {
      return { ...base, outcome: 'invalid', problems };
    }
    const year = p.year;
    const key = identityKey(p.kind, p.subject, p.name, year);
    const awardKey = awardKeyOf(p.awardId, p.award);
    const inBatch = accepted.get(key) ?? [];
    const inMaster = masterHolders.get(key) ?? [];
    const award = p.award as string;
    const who = `“${p.name}”`;
    let outcome: Outcome;

    const twin = inBatch.find((h) => h.awardKey === awardKey);
    const masterTwin =
      inMaster.find((h) => h.awardKey === awardKey && sameUnit(h.unit, p.unit)) ??
      inMaster.find((h) => h.awardKey === awardKey);
    const isOtherSource = (h: Holder) => !sameSource(h, p.batch.path, base.sheet, base.row);
    const otherFile = (h: Holder) => baseName(h.file) !== baseName(p.batch.path);

    if (twin || (masterTwin && !sameUnit(masterTwin.unit, p.unit))) {
      const other = (twin ?? masterTwin) as Holder;
      outcome = 'duplicate';
      problems.push(
        problem(
          'duplicate',
          p.place,
          `${who} (${p.subject === 'individual' ? 'cá nhân' : 'tập thể'}, năm ${year}) đã được ${kindVerb(p.kind)} “${award}” ở ${holderText(other)}${other.unit && !sameUnit(other.unit, p.unit) ? `, đơn vị “${other.unit}”` : ''}`,
          'Cùng một cá nhân, tập thể, cùng năm, cùng danh hiệu được ghi hai lần; bản ghi này không được thêm vào bảng tính chính',
          `Nếu là cùng một người, không cần xử lý thêm; nếu là hai người trùng tên, vui lòng bổ sung bản ghi này bằng tay vào trang ${kindBook(p.kind)} kèm thông tin phân biệt (chức vụ, đơn vị)`,
        ),
      );
    } else if (masterTwin) {
      // The same award of the same unit is already in the master: unchanged or updated.
      const row = masterTwin.masterRow as Row;
      const index = masterTwin.index as number;
      const changed = differences(row, p);
      if (changed.length === 0) {
        outcome = 'unchanged';
      } else {
        outcome = 'updated';
        const next: Row = { ...row, ...rowFields(p, importedAt, false) };
        const at = updatedIndex[kind].get(index);
        if (at === undefined) {
          updatedIndex[kind].set(index, changes[kind].updated.length);
          changes[kind].updated.push({ index, row: next });
        } else {
          changes[kind].updated[at] = { index, row: next };
        }
      }
    } else {
      const conflictWith =
        inBatch.find((h) => isOtherSource(h) && otherFile(h)) ?? inMaster.find((h) => isOtherSource(h) && otherFile(h));
      if (conflictWith) {
        outcome = 'conflict';
        problems.push(
          problem(
            'conflict',
            p.place,
            `${who} (năm ${year}) được ${kindVerb(p.kind)} “${award}”, nhưng ${holderText(conflictWith)} đã ${kindVerb(p.kind)} “${conflictWith.award}”${conflictWith.unit && !sameUnit(conflictWith.unit, p.unit) ? ` (đơn vị “${conflictWith.unit}”)` : ''}`,
            'Hai nguồn ghi khác nhau cho cùng một cá nhân, tập thể trong cùng năm; bản ghi này chưa được thêm vào bảng tính chính',
            `Vui lòng liên hệ ${p.unit && conflictWith.unit && !sameUnit(conflictWith.unit, p.unit) ? `“${p.unit}” và “${conflictWith.unit}”` : 'đơn vị'} để thống nhất; nếu cả hai đều đúng, bổ sung bản ghi này bằng tay vào trang ${kindBook(p.kind)}`,
          ),
        );
      } else {
        outcome = 'added';
        const sameFile = [...inBatch, ...inMaster].find((h) => isOtherSource(h));
        if (sameFile) {
          problems.push(
            problem(
              'listed_twice',
              p.place,
              `${who} cũng có ở ${holderText(sameFile)} với “${sameFile.award}”; bản ghi “${award}” này vẫn được thêm`,
              'Cùng một tệp ghi cùng một cá nhân, tập thể ở hai dòng khác nhau với hai danh hiệu khác nhau',
              'Vui lòng kiểm tra lại với đơn vị; nếu ghi nhầm, xóa dòng thừa trong trang ' + kindBook(p.kind),
            ),
          );
        }
        changes[kind].added.push(rowFields(p, importedAt, true));
      }
    }

    if (outcome === 'added' || outcome === 'unchanged' || outcome === 'updated') {
      const list = accepted.get(key) ?? [];
      list.push({
        from: 'batch',
        file: p.batch.path,
        sheet: base.sheet,
        row: base.row,
        unit: p.unit,
        award,
        awardKey,
      });
      accepted.set(key, list);
      if (
        p.kind === 'nomination' &&
        p.subject === 'individual' &&
        REGISTRATION_REQUIRED.has(p.awardId) &&
        !registered.has(`${p.awardId}|${identityKey('registration', p.subject, p.name, year)}`)
      ) {
        const note = problem(
          'not_registered',
          p.place,
          `${who} được đề nghị danh hiệu “${award}” năm ${year} nhưng chưa có đăng ký thi đua danh hiệu này (không có trong bảng tính chính, cũng không có trong các tệp đăng ký của lần nhập này)`,
          'Cá nhân không đăng ký thi đua từ đầu năm thì không đủ điều kiện xét danh hiệu thi đua của năm đó',
          `Vui lòng kiểm tra bản đăng ký thi đua năm ${year} của ${p.unit ? `“${p.unit}”` : 'đơn vị'}: nếu có đăng ký nhưng chưa nhập, hãy nhập tệp đăng ký; nếu không có, đề nghị Hội đồng xem xét lại`,
        );
        problems.push(note);
        if (outcome === 'added') {
          const added = changes[kind].added[changes[kind].added.length - 1];
          added.findings = note.what;
        }
      }
    }
    return { ...base, outcome, problems };
  }

  /** An award list's record against the award history (see the module comment). */
  function decideAward(p: Prepared): ReconciledRecord {
    const decision = p.decision ?? { number: null, date: null, issuer: null, level: null };
    const base = { ...recordBase(p), decision };
    const problems = [...p.problems, ...p.notes];
    if (p.problems.some((x) => INVALID_CODES.has(x.code)) || p.year === null || !p.awardId) {
      return { ...base, outcome: 'invalid', problems };
    }
    const year = p.year;
    const award = p.award as string;
    const awardKey = awardKeyOf(p.awardId, p.award);
    const key = awardIdentity(p.subject, p.name, p.unit, year, awardKey);
    const who = `“${p.name}”`;
    const number = decision.number;
    const otherNumber = (h: AwardHolder) =>
      h.number !== null && number !== null && matchKey(h.number) !== matchKey(number);
    const decisionText = (n: string | null) => (n ? `Quyết định số ${n}` : 'quyết định không rõ số');
    const earlier = acceptedAwards.get(key);
    const inHistory = historyHolders.get(key);
    let outcome: Outcome;
    if (earlier && otherNumber(earlier)) {
      outcome = 'conflict';
      problems.push(
        problem(
          'conflict',
          p.place,
          `${who} (năm ${year}) được khen thưởng “${award}” theo ${decisionText(number)}, nhưng ${holderText(earlier)} ghi cùng danh hiệu, hình thức này theo ${decisionText(earlier.number)}`,
          'Hai quyết định khác nhau cho cùng một cá nhân, tập thể, cùng năm và cùng danh hiệu, hình thức; bản ghi này chưa được thêm vào trang «Lịch sử khen thưởng»',
          'Vui lòng đối chiếu bản gốc của hai quyết định; nếu cả hai đều đúng, bổ sung bản ghi này bằng tay vào trang «Lịch sử khen thưởng»',
        ),
      );
    } else if (earlier) {
      outcome = 'duplicate';
      problems.push(
        problem(
          'duplicate',
          p.place,
          `${who} (${p.subject === 'individual' ? 'cá nhân' : 'tập thể'}, năm ${year}) đã được ghi khen thưởng “${award}” ở ${holderText(earlier)}`,
          'Cùng một cá nhân, tập thể, cùng năm, cùng danh hiệu, hình thức được ghi hai lần; bản ghi này không được thêm lại vào trang «Lịch sử khen thưởng»',
          'Nếu là cùng một người, không cần xử lý thêm; nếu là hai người trùng tên, vui lòng bổ sung bản ghi này bằng tay vào trang «Lịch sử khen thưởng» kèm thông tin phân biệt (chức vụ, đơn vị)',
        ),
      );
    } else if (inHistory && otherNumber(inHistory)) {
      outcome = 'conflict';
      problems.push(
        problem(
          'conflict',
          p.place,
          `${who} (năm ${year}) được khen thưởng “${award}” theo ${decisionText(number)}, nhưng trang «Lịch sử khen thưởng» đã ghi cùng danh hiệu, hình thức này theo ${decisionText(inHistory.number)}`,
          'Hai quyết định khác nhau cho cùng một cá nhân, tập thể, cùng năm và cùng danh hiệu, hình thức; bản ghi này chưa được thêm vào trang «Lịch sử khen thưởng»',
          'Vui lòng đối chiếu bản gốc của hai quyết định và sửa dòng sai trong trang «Lịch sử khen thưởng»; nếu cả hai đều đúng, bổ sung bản ghi này bằng tay',
        ),
      );
    } else if (inHistory) {
      outcome = 'unchanged';
    } else {
      outcome = 'added';
      historyAdded.push({
        year,
        subject: p.subject,
        name: p.name,
        unit: p.unit,
        award,
        decisionNumber: number,
        decisionDate: decision.date,
        issuer: decision.issuer,
        initiative: null,
        sourceFile: p.batch.path,
        sourceSheet: p.place.sheet,
        sourceRow: p.source.row,
      });
    }
    if (outcome === 'added' || outcome === 'unchanged') {
      if (number === null) {
        problems.push(
          problem(
            'missing_decision',
            p.place,
            `Chưa đọc được số quyết định khen thưởng “${award}” của ${who}; bản ghi vẫn được ghi vào trang «Lịch sử khen thưởng»`,
            'Phần tiêu đề của tệp (dòng “Kèm theo Quyết định số … ngày …”) và các cột của bảng đều không ghi số quyết định',
            'Vui lòng ghi số, ngày quyết định vào cột «Số quyết định», «Ngày quyết định» của dòng này trong trang «Lịch sử khen thưởng»',
          ),
        );
      }
      acceptedAwards.set(key, {
        from: 'batch',
        file: p.batch.path,
        sheet: base.sheet,
        row: base.row,
        unit: p.unit,
        award,
        awardKey,
        number,
      });
    }
    return { ...base, outcome, problems };
  }

  // ── Files, discrepancies and the import log ─────────────────────────────
  const files: ReconciledFile[] = [];
  const discrepancies: Row[] = [];
  const importLog: Row[] = [];
  const seenDiscrepancy = new Set<string>();
  for (const row of master.discrepancies ?? []) {
    seenDiscrepancy.add(discrepancyKey(text(row.file), text(row.sheet), row.row, text(row.code), text(row.what)));
  }
  const pushDiscrepancy = (row: Row) => {
    const key = discrepancyKey(text(row.file), text(row.sheet), row.row, text(row.code), text(row.what));
    if (seenDiscrepancy.has(key)) return;
    seenDiscrepancy.add(key);
    discrepancies.push(row);
  };

  for (const state of states) {
    const list = perFile.get(state) ?? [];
    const problemCount = list.reduce((n, r) => n + r.problems.length, 0);
    let message = state.baseMessage;
    if (state.status === 'imported') {
      const counts = new Map<Outcome, number>();
      for (const r of list) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
      const parts = (Object.keys(OUTCOME_WORDS) as Outcome[])
        .filter((o) => counts.get(o))
        .map((o) => `${counts.get(o)} ${OUTCOME_WORDS[o]}`);
      message =
        list.length === 0
          ? 'Đã đọc tệp nhưng không tìm thấy dòng dữ liệu nào; vui lòng kiểm tra lại tệp.'
          : `Đọc được ${recordCount(list.length)}: ${parts.join(', ')}.`;
      if (problemCount) message += ` Có ${problemCount} vấn đề cần xem trong trang «Sai lệch cần xử lý».`;
      if (state.unitNote) message += ` ${state.unitNote}`;
      const notes = state.batch.file?.notes ?? [];
      if (notes.length) message += ` Ghi chú khi đọc tệp: ${notes.map(ensureStop).join(' ')}`;
    }
    files.push({
      path: state.batch.path,
      sha256: state.batch.sha256,
      status: state.status,
      unit: state.unit,
      kind: state.kind,
      message,
      records: list.length,
      problems: state.status === 'failed' ? 1 : problemCount,
      ...(state.copyOf !== undefined ? { copyOf: state.copyOf } : {}),
    });
    importLog.push({
      importedAt,
      file: state.batch.path,
      sha256: state.batch.sha256,
      status: state.status,
      unit: state.unit,
      kind: state.kind,
      records: list.length,
      problems: state.status === 'failed' ? 1 : problemCount,
      message,
    });
    if (state.status === 'failed') {
      pushDiscrepancy({
        file: state.batch.path,
        sheet: null,
        row: null,
        name: null,
        code: 'unreadable_file',
        what: `Không đọc được tệp «${baseName(state.batch.path)}».`,
        why: message,
        suggestion: 'Vui lòng đề nghị đơn vị gửi lại tệp Excel (.xlsx) đúng mẫu, mở được bằng Excel, rồi nhập lại.',
        resolved: 'no',
      });
    }
    for (const r of list) {
      for (const pr of r.problems) {
        pushDiscrepancy({
          file: r.file,
          sheet: r.sheet || null,
          row: r.row,
          name: r.name || null,
          code: pr.code,
          what: pr.what,
          why: pr.why,
          suggestion: pr.suggestion,
          resolved: 'no',
        });
      }
    }
  }

  return {
    files,
    records,
    registrations: changes.registration,
    nominations: changes.nomination,
    awardHistory: { added: historyAdded },
    discrepancies,
    importLog,
  };
}

function discrepancyKey(file: string, sheet: string, row: unknown, code: string, what: string): string {
  return [
    baseName(file),
    sheet,
    row === null || row === undefined ? '' : String(row),
    code,
    matchKey(String(what)),
  ].join('|');
}

/** Which details of a master row the record would change (empty when none). */
function differences(row: Row, p: Prepared): string[] {
  const out: string[] = [];
  if (text(row.name) !== p.name) out.push('name');
  if (text(row.position) !== (p.position ?? '')) out.push('position');
  if (p.unit !== null && text(row.unit) !== p.unit) out.push('unit');
  if (p.kind === 'nomination') {
    for (const field of ['achievement', 'initiative'] as const) {
      const value = p.source[field];
      if (value !== undefined && value !== null && text(value) !== '' && text(row[field]) !== text(value)) {
        out.push(field);
      }
    }
  }
  return out;
}

/** The master row fields a record writes (a new row, or the changed part of an existing one). */
function rowFields(p: Prepared, importedAt: string, isNew: boolean): Row {
  const row: Row = {
    year: p.year,
    unit: p.unit,
    subject: p.subject,
    name: p.name,
    position: p.position,
    award: p.award,
    sourceFile: p.batch.path,
    sourceSheet: p.place.sheet,
    sourceRow: p.source.row,
    importedAt,
  };
  if (p.kind === 'nomination') {
    const achievement = orNull(text(p.source.achievement));
    const initiative = orNull(text(p.source.initiative));
    if (isNew || achievement !== null) row.achievement = achievement;
    if (isNew || initiative !== null) row.initiative = initiative;
    if (isNew) row.reviewStatus = 'proposed';
  }
  return row;
}
