/**
 * The unit registry: the council's units with their aliases, clusters and
 * merger history. Built from objects, from a CSV file or from the 'units'
 * sheet of the workbook contract, and written back as contract rows.
 */
import { codeOf, SHEETS, type Row, type RowValue, type UnitKind } from '../contract';
import { cleanText, compareVi, matchKey } from '../text';
import { CsvError, parseCsvRecords } from './csv';
import { UnitDataError, type Unit, type UnitInput, type UnitIssue, type UnitIssueCode } from './types';

/** The columns of a unit file, by contract key. */
export const UNIT_COLUMNS = [
  'name',
  'kind',
  'cluster',
  'aliases',
  'email',
  'validFrom',
  'validTo',
  'mergedInto',
] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

/**
 * Kind words seen in unit files that are not the contract's codes or labels,
 * and the kind they mean (keys as `matchKey` gives them). "agency" (used in the
 * sample units.csv for Thanh tra huyện and Văn phòng HĐND và UBND huyện) is a
 * specialised agency of the district People's Committee, on the same footing
 * as a phòng: department. "Phòng, ban, ngành" is an earlier label of the
 * contract's list.
 */
export const UNIT_KIND_SYNONYMS: Readonly<Record<string, UnitKind>> = {
  agency: 'department',
  department: 'department',
  'cơ quan': 'department',
  phòng: 'department',
  ban: 'department',
  ngành: 'department',
  'phòng ban': 'department',
  'phòng ban ngành': 'department',
  'cơ quan chuyên môn': 'department',
  xã: 'commune',
  'thị trấn': 'town',
  phường: 'ward',
  trường: 'school',
  'trường học': 'school',
  khác: 'other',
};

/** Name prefixes that tell the kind when the kind column is empty. */
const KIND_FROM_NAME: ReadonlyArray<[RegExp, UnitKind]> = [
  [/^xã\s/i, 'commune'],
  [/^thị trấn\s/i, 'town'],
  [/^phường\s/i, 'ward'],
  [/^phòng\s/i, 'department'],
  [/^trường\s/i, 'school'],
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** An ISO date from "2025-06-30", "2025-06-30T…" or "30/06/2025"; undefined when invalid. */
export function parseDate(value: string): string | undefined {
  const text = value.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(text.slice(0, 10));
  const vn = VN_DATE.exec(text);
  if (iso && (text.length === 10 || text[10] === 'T' || text[10] === ' ')) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (vn) {
    [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  } else {
    return undefined;
  }
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when the unit exists under its name on the ISO date. */
export function isValidAt(unit: Unit, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date <= unit.validTo);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return cleanText(String(value));
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

export interface UnitRegistryOptions {
  /** Line numbers of the inputs, for issues (CSV lines). */
  lines?: ReadonlyArray<number>;
  /** Issues found before the objects were built (e.g. while reading CSV). */
  issues?: ReadonlyArray<UnitIssue>;
}

export class UnitRegistry {
  private readonly units: ReadonlyArray<Unit>;
  private readonly byKey = new Map<string, Unit[]>();
  private readonly byName = new Map<string, Unit>();
  private readonly issueList: UnitIssue[] = [];

  constructor(inputs: Iterable<UnitInput>, options: UnitRegistryOptions = {}) {
    this.issueList.push(...(options.issues ?? []));
    const units: Unit[] = [];
    let index = 0;
    for (const input of inputs) {
      const line = options.lines?.[index] ?? index + 1;
      index++;
      const unit = this.normalise(input, line);
      if (!unit) continue;
      const nameKey = matchKey(unit.name);
      if (this.byName.has(nameKey)) {
        this.issue('duplicate_name', `Đơn vị “${unit.name}” bị khai báo hai lần; chỉ giữ lần khai báo đầu tiên.`, {
          unit: unit.name,
          line,
        });
        continue;
      }
      this.byName.set(nameKey, unit);
      units.push(unit);
    }
    this.units = units;
    this.indexNames();
    this.checkMergers();
  }

  /** Reads CSV text with header `name,kind,cluster,aliases` (plus optional columns). */
  static fromCsv(csv: string): UnitRegistry {
    let records;
    try {
      records = parseCsvRecords(csv);
    } catch (e) {
      if (e instanceof CsvError) throw new UnitDataError(`Không đọc được tệp danh sách đơn vị: ${e.message}`);
      throw e;
    }
    const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
    if (nonBlank.length === 0) throw new UnitDataError('Tệp danh sách đơn vị trống: thiếu dòng tiêu đề.');
    const [header, ...body] = nonBlank;
    const columns = header.fields.map(headerKey);
    if (!columns.includes('name')) {
      throw new UnitDataError(
        'Tệp danh sách đơn vị thiếu cột “name” (Tên đơn vị). Dòng đầu tiên phải là tiêu đề, ví dụ: name,kind,cluster,aliases.',
      );
    }
    const inputs: UnitInput[] = [];
    const lines: number[] = [];
    for (const record of body) {
      const input: Record<string, string> = {};
      columns.forEach((col, i) => {
        if (col && input[col] === undefined) input[col] = record.fields[i] ?? '';
      });
      inputs.push(input as unknown as UnitInput);
      lines.push(record.line);
    }
    return new UnitRegistry(inputs, { lines });
  }

  /** Reads contract rows of the 'units' sheet (kind as code or Vietnamese label). */
  static fromRows(rows: ReadonlyArray<Row>): UnitRegistry {
    const inputs = rows.map((row) => {
      const get = (key: UnitColumn): string | null => {
        const v = row[key];
        return v === null || v === undefined ? null : String(v);
      };
      return {
        name: get('name') ?? '',
        kind: get('kind'),
        cluster: get('cluster'),
        aliases: get('aliases'),
        email: get('email'),
        validFrom: get('validFrom'),
        validTo: get('validTo'),
        mergedInto: get('mergedInto'),
      };
    });
    // Data rows of a sheet start on line 2, under the header.
    return new UnitRegistry(inputs, { lines: inputs.map((_, i) => i + 2) });
  }

  /** Contract rows for the 'units' sheet, in registry order; aliases joined by "; ". */
  toRows(): Row[] {
    return this.units.map((u) => {
      const row: Record<UnitColumn, RowValue> = {
        name: u.name,
        kind: u.kind,
        cluster: u.cluster,
        aliases: u.aliases.length ? u.aliases.join('; ') : null,
        email: u.email,
        validFrom: u.validFrom,
        validTo: u.validTo,
        mergedInto: u.mergedInto,
      };
      return row;
    });
  }

  /** Problems found while building (Vietnamese messages). */
  get issues(): ReadonlyArray<UnitIssue> {
    return this.issueList;
  }

  /** Every unit, in the order given. */
  all(): Unit[] {
    return [...this.units];
  }

  get size(): number {
    return this.units.length;
  }

  /** Units that exist under their names on the ISO date. */
  validAt(date: string): Unit[] {
    const iso = parseDate(date);
    if (!iso) throw new RangeError(`Ngày không hợp lệ: “${date}”. Hãy dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy.`);
    return this.units.filter((u) => isValidAt(u, iso));
  }

  /** The distinct clusters, in Vietnamese order. */
  clusters(): string[] {
    const set = new Set<string>();
    for (const u of this.units) if (u.cluster) set.add(u.cluster);
    return [...set].sort(compareVi);
  }

  /**
   * The unit whose canonical name or alias is exactly this text (case, tone
   * placement, punctuation and spacing ignored). Undefined when none, or when
   * an alias is shared by several units.
   */
  get(nameOrAlias: string): Unit | undefined {
    const found = this.byKey.get(matchKey(nameOrAlias));
    return found && found.length === 1 ? found[0] : undefined;
  }

  /** Units whose canonical name or alias has this exact key (several when an alias is shared). */
  lookupExact(nameOrAlias: string): Unit[] {
    return [...(this.byKey.get(matchKey(nameOrAlias)) ?? [])];
  }

  /**
   * The unit that carries on `name` on `date`: the unit itself while it exists,
   * else the unit it was merged into, following chains (A → B → C). Without a
   * date, the end of the chain. Null for an unknown name, or when on that date
   * the unit had ended without a recorded successor.
   */
  successorOf(name: string, date?: string): Unit | null {
    let unit = this.get(name);
    if (!unit) return null;
    const iso = date === undefined ? undefined : parseDate(date);
    if (date !== undefined && !iso) {
      throw new RangeError(`Ngày không hợp lệ: “${date}”. Hãy dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy.`);
    }
    const seen = new Set<string>();
    for (;;) {
      if (iso !== undefined) {
        if (isValidAt(unit, iso)) return unit;
        if (unit.validFrom !== null && iso < unit.validFrom) return null; // not yet in existence
      }
      if (!unit.mergedInto || seen.has(unit.name)) return iso === undefined ? unit : null;
      seen.add(unit.name);
      const next = this.resolve(unit.mergedInto);
      if (!next) return iso === undefined ? unit : null;
      unit = next;
    }
  }

  /** Units merged directly into this one. */
  predecessorsOf(name: string): Unit[] {
    const unit = this.get(name);
    if (!unit) return [];
    return this.units.filter((u) => u.mergedInto !== null && this.resolve(u.mergedInto) === unit);
  }

  /** The unit a "Sáp nhập vào" cell names: its canonical name, else an alias. */
  private resolve(name: string): Unit | undefined {
    return this.byName.get(matchKey(name)) ?? this.get(name);
  }

  /**
   * Every name the unit has had: its own canonical name first, then the names
   * of all units merged into it, directly or through earlier mergers, in
   * Vietnamese order. Empty for an unknown name. Use it to count consecutive
   * years across mergers.
   */
  lineage(name: string): string[] {
    const unit = this.get(name);
    if (!unit) return [];
    const found = new Set<string>([unit.name]);
    const queue = [unit.name];
    while (queue.length) {
      const current = queue.shift() as string;
      for (const p of this.predecessorsOf(current)) {
        if (!found.has(p.name)) {
          found.add(p.name);
          queue.push(p.name);
        }
      }
    }
    const [own, ...rest] = [...found];
    return [own, ...rest.sort(compareVi)];
  }

  private issue(code: UnitIssueCode, message: string, where: { unit?: string; line?: number } = {}): void {
    this.issueList.push({ code, message, ...where });
  }

  private normalise(input: UnitInput, line: number): Unit | null {
    const name = text(input.name);
    if (!name) {
      const hasData = Object.values(input).some((v) => text(v) !== '');
      if (hasData) this.issue('missing_name', `Dòng ${line} không có tên đơn vị nên được bỏ qua.`, { line });
      return null;
    }
    const where = { unit: name, line };
    const kind = this.kindOf(text(input.kind), name, where);
    const aliasesText = input.aliases;
    const rawAliases = typeof aliasesText === 'string' ? aliasesText.split(';') : (aliasesText ?? []);
    const aliases: string[] = [];
    const seen = new Set([matchKey(name)]);
    for (const a of rawAliases) {
      const alias = text(a);
      if (alias && !seen.has(matchKey(alias))) {
        seen.add(matchKey(alias));
        aliases.push(alias);
      }
    }
    const validFrom = this.dateOf(input.validFrom, 'Hiệu lực từ ngày', where);
    const validTo = this.dateOf(input.validTo, 'Hiệu lực đến ngày', where);
    if (validFrom && validTo && validTo < validFrom) {
      this.issue(
        'invalid_period',
        `Đơn vị “${name}” có ngày hết hiệu lực (${validTo}) trước ngày bắt đầu hiệu lực (${validFrom}).`,
        where,
      );
    }
    const mergedInto = orNull(text(input.mergedInto));
    if (mergedInto && !validTo) {
      this.issue(
        'merged_without_end',
        `Đơn vị “${name}” đã sáp nhập vào “${mergedInto}” nhưng chưa có ngày hết hiệu lực; xin bổ sung để xét đúng theo thời gian.`,
        where,
      );
    }
    return Object.freeze({
      name,
      kind,
      cluster: orNull(text(input.cluster)),
      aliases: Object.freeze(aliases),
      email: orNull(text(input.email)),
      validFrom,
      validTo,
      mergedInto,
    });
  }

  private kindOf(value: string, name: string, where: { unit: string; line: number }): UnitKind {
    if (value) {
      const code = codeOf('unitKind', value) ?? UNIT_KIND_SYNONYMS[matchKey(value)];
      if (code) return code as UnitKind;
      this.issue(
        'unknown_kind',
        `Loại đơn vị “${value}” của “${name}” không có trong danh mục; tạm xếp vào loại “Khác”.`,
        where,
      );
      return 'other';
    }
    for (const [pattern, kind] of KIND_FROM_NAME) if (pattern.test(name)) return kind;
    this.issue('missing_kind', `Đơn vị “${name}” chưa có loại đơn vị; tạm xếp vào loại “Khác”.`, where);
    return 'other';
  }

  private dateOf(
    value: string | null | undefined,
    label: string,
    where: { unit: string; line: number },
  ): string | null {
    const raw = text(value);
    if (!raw) return null;
    const iso = parseDate(raw);
    if (!iso) {
      this.issue(
        'invalid_date',
        `Ô “${label}” của “${where.unit}” có giá trị “${raw}” không phải là ngày hợp lệ; đã bỏ qua giá trị này.`,
        where,
      );
      return null;
    }
    return iso;
  }

  private indexNames(): void {
    for (const unit of this.units) {
      for (const n of [unit.name, ...unit.aliases]) {
        const key = matchKey(n);
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(unit)) list.push(unit);
        this.byKey.set(key, list);
      }
    }
    for (const [, list] of this.byKey) {
      if (list.length > 1) {
        const names = list.map((u) => `“${u.name}”`).join(', ');
        this.issue(
          'alias_conflict',
          `Các đơn vị ${names} dùng chung một tên gọi; tên gọi đó sẽ không được tự động đối chiếu.`,
          {
            unit: list[0].name,
          },
        );
      }
    }
  }

  private checkMergers(): void {
    for (const unit of this.units) {
      if (!unit.mergedInto) continue;
      const target = this.resolve(unit.mergedInto);
      if (!target) {
        this.issue(
          'unknown_successor',
          `Đơn vị “${unit.name}” sáp nhập vào “${unit.mergedInto}”, nhưng đơn vị này không có trong danh sách.`,
          { unit: unit.name },
        );
        continue;
      }
      // Follow the chain to find cycles.
      const seen = new Set<string>([unit.name]);
      let current: Unit | undefined = target;
      while (current) {
        if (seen.has(current.name)) {
          this.issue(
            'merge_cycle',
            `Lịch sử sáp nhập của “${unit.name}” tạo thành vòng lặp; xin kiểm tra cột “Sáp nhập vào”.`,
            {
              unit: unit.name,
            },
          );
          break;
        }
        seen.add(current.name);
        current = current.mergedInto ? this.resolve(current.mergedInto) : undefined;
      }
    }
  }
}

/** A column key for a CSV header cell: a contract key or the Vietnamese header of the 'units' sheet. */
function headerKey(header: string): UnitColumn | null {
  const key = matchKey(header);
  for (const col of UNIT_COLUMNS) if (matchKey(col) === key) return col;
  for (const col of SHEETS.units.columns) {
    if (matchKey(col.header) === key) return col.key as UnitColumn;
  }
  return null;
}
