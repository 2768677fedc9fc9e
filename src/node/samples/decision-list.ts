/**
 * Lists attached to past commendation decisions ("DANH SÁCH … ĐƯỢC KHEN
 * THƯỞNG (Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 01 năm 2022 của
 * Chủ tịch UBND huyện Hồng Ngự)"), as offices keep them, with the same
 * messiness as the unit reports: legacy TCVN3/VNI fonts (a .VnTimeH capitals
 * title), merged two-row headers, names in ALL CAPS, the award in a column,
 * in section rows or only in the title, a letterhead or none, a signature
 * block. `tdkt import` reads them into the award history. Each list comes
 * with the records a perfect import yields (kind "award").
 *
 * Not part of the default set of `generateReports` (its tests and the shared
 * samples stay as they are); `generateReports` adds them when asked
 * (`decisionLists`), or call `buildDecisionList` directly.
 */
import { awardById, type AwardId } from '../../core/awards';
import { canonicalTone, cleanText, titleCaseName } from '../../core/text';
import type { Unit } from '../../core/units';
import { sectionLabel, writeAward, type Place } from './awards';
import { NameBook } from './people';
import { Rng } from './prng';
import { FONTS, encodeAs, encodeCapsFont, shownAs, upper, type FileEncoding } from './text';
import { describeUnits, drawPosition, unitCellForms, type UnitInfo } from './units';
import { newSheet, setCell, range, writeWorkbook, type FontModel, type SheetModel } from './workbook';

/** One person or collective on a decision's list. */
export interface DecisionListEntry {
  readonly subject: 'individual' | 'collective';
  /** NFC, people in title case: the name the import should give. */
  readonly name: string;
  readonly position?: string | null;
  /** The registry's unit name (written on the row in one of its usual forms). */
  readonly unit: string;
  readonly award: AwardId;
}

export type AwardPlacement = 'column' | 'sections' | 'title';

export interface DecisionListOptions {
  seed: number;
  /** The achievement year the decision commends. */
  year: number;
  /** The registry's units (entries name them; generated entries are drawn from them). */
  units: ReadonlyArray<Unit>;
  place?: Partial<Place>;
  /** "123/QĐ-UBND"; default a random number. */
  number?: string;
  /** Default: a day of January–February of the next year. */
  date?: Date;
  /** Who is listed; default `count` generated people (and a few collectives). */
  entries?: ReadonlyArray<DecisionListEntry>;
  count?: number;
  /** Layout choices; random when not given. */
  encoding?: FileEncoding;
  awardPlacement?: AwardPlacement;
  capsNames?: boolean;
  mergedHeader?: boolean;
  letterhead?: boolean;
  /** File name; default "QD <number> khen thuong <year>.xlsx". */
  fileName?: string;
}

/** What a perfect import of the list yields for one row (the shape of truth.json's records). */
export interface DecisionListRecord {
  file: string;
  sheet: string;
  row: number;
  kind: 'award';
  subject: 'individual' | 'collective';
  name: string;
  position: string | null;
  unit: string;
  award: string;
  year: number;
  expect: 'ok';
}

export interface DecisionList {
  readonly name: string;
  readonly bytes: Buffer;
  readonly sheet: string;
  readonly headerRow: number;
  readonly encoding: FileEncoding;
  readonly quirks: string[];
  readonly decision: { number: string; date: string; issuer: string };
  readonly records: DecisionListRecord[];
}

const DEFAULT_PLACE: Place = { district: 'Hồng Ngự', province: 'Đồng Tháp' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** People and collectives of the units, with awards a district decision gives. */
function drawEntries(rng: Rng, infos: UnitInfo[], count: number, names: NameBook): DecisionListEntry[] {
  const out: DecisionListEntry[] = [];
  const awards: Array<readonly [AwardId, number]> = [
    ['ldtt', 6],
    ['cstdcs', 3],
    ['gk_huyen', 2],
  ];
  const usedCollectives = new Set<string>();
  for (let i = 0; i < count; i++) {
    const info = rng.pick(infos);
    const collective = info.collectives.find((c) => !usedCollectives.has(c));
    if (collective && rng.chance(0.15)) {
      usedCollectives.add(collective);
      out.push({ subject: 'collective', name: collective, position: null, unit: info.unit.name, award: 'ttldtt' });
      continue;
    }
    const position = drawPosition(rng, info);
    out.push({
      subject: 'individual',
      name: names.fresh().name,
      position: position.workplace ? `${position.role} ${position.workplace}` : position.role,
      unit: info.unit.name,
      award: rng.weighted(awards),
    });
  }
  return out;
}

/** Builds one decision list in memory (same options, same bytes). */
export async function buildDecisionList(options: DecisionListOptions): Promise<DecisionList> {
  const rng = new Rng(options.seed >>> 0);
  const place: Place = { ...DEFAULT_PLACE, ...options.place };
  const { year } = options;
  // Units of the year (a decision of 2021 names no commune created by the 2025 mergers).
  const existing = options.units.filter(
    (u) =>
      (u.validFrom === null || u.validFrom <= `${year}-12-31`) && (u.validTo === null || u.validTo >= `${year}-01-01`),
  );
  const infos = describeUnits(existing.length ? existing : options.units, rng.fork('units'));
  const infoOf = new Map(infos.map((i) => [i.unit.name, i]));
  const names = new NameBook(rng.fork('names'));
  const entries = options.entries ?? drawEntries(rng.fork('entries'), infos, options.count ?? 12, names);
  if (entries.length === 0) throw new RangeError('a decision list needs at least one entry');

  const layout = rng.fork('layout');
  const encoding =
    options.encoding ??
    layout.weighted<FileEncoding>([
      ['unicode', 3],
      ['tcvn3', 2],
      ['vni', 1],
    ]);
  const distinctAwards = [...new Set(entries.map((e) => e.award))];
  let placement = options.awardPlacement ?? layout.pick<AwardPlacement>(['column', 'sections', 'title']);
  if (placement === 'title' && distinctAwards.length > 1) placement = 'sections';
  const capsNames = options.capsNames ?? layout.chance(0.35);
  const mergedHeader = options.mergedHeader ?? (placement === 'column' && layout.chance(0.5));
  const letterhead = options.letterhead ?? layout.chance(0.6);
  const date = options.date ?? new Date(Date.UTC(year + 1, layout.int(0, 1), layout.int(5, 28)));
  const number = options.number ?? `${layout.int(10, 480)}/QĐ-UBND`;
  const issuer = `Chủ tịch Ủy ban nhân dân huyện ${place.district}`;
  const quirks = new Set<string>([`award_${placement}`]);
  if (encoding !== 'unicode') quirks.add(`encoding_${encoding}`);
  if (capsNames) quirks.add('all_caps_names');
  if (mergedHeader) quirks.add('merged_header');

  const sheetName = layout.pick(['Danh sách', 'DS kem QD', 'Sheet1', `KT ${year}`]);
  const fileName = options.fileName ?? `QD ${number.split('/')[0]} khen thuong ${year}.xlsx`;
  const sheet: SheetModel = newSheet(sheetName);
  sheet.landscape = true;
  const body: FontModel = { name: FONTS[encoding].body, size: 12 };
  const write = (r: number, c: number, text: string, extra: Partial<FontModel> = {}, border = false): void => {
    setCell(sheet, r, c, { value: encodeAs(encoding, text), font: { ...body, ...extra }, border: border || undefined });
  };
  /** A capitals line: TCVN3 types it in lower case in .VnTimeH. */
  const writeCaps = (r: number, c: number, text: string, bold = true): void => {
    if (encoding === 'tcvn3') {
      setCell(sheet, r, c, { value: encodeCapsFont(text), font: { name: FONTS.tcvn3.caps, size: 12, bold } });
      quirks.add('vntimeh_caps');
    } else {
      write(r, c, upper(text), { bold });
    }
  };
  const merge = (r1: number, c1: number, r2: number, c2: number): void => {
    if (r1 !== r2 || c1 !== c2) sheet.merges.push(range(r1, c1, r2, c2));
  };

  // Columns.
  const cols = { stt: 1, name: 2, position: 3, unit: 4, award: placement === 'column' ? 5 : 0 };
  const last = placement === 'column' ? 5 : 4;
  sheet.widths = [6, 28, 32, 30, 34].slice(0, last);

  // Title block.
  let r = 1;
  if (letterhead) {
    writeCaps(r, 1, 'ỦY BAN NHÂN DÂN', false);
    merge(r, 1, r, 2);
    writeCaps(r, 3, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    merge(r, 3, r, last);
    r++;
    writeCaps(r, 1, `HUYỆN ${place.district}`);
    merge(r, 1, r, 2);
    write(r, 3, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
    merge(r, 3, r, last);
    r += 2;
  }
  const single = distinctAwards.length === 1 ? awardById(distinctAwards[0]) : null;
  const who = entries.some((e) => e.subject === 'collective')
    ? entries.some((e) => e.subject === 'individual')
      ? 'TẬP THỂ, CÁ NHÂN'
      : 'TẬP THỂ'
    : 'CÁ NHÂN';
  const titles: string[][] =
    placement === 'title' && single
      ? [
          [
            `DANH SÁCH ${who} ĐƯỢC ${single.kind === 'title' ? 'TẶNG DANH HIỆU' : 'TẶNG'} ${upper(single.name)} NĂM ${year}`,
          ],
          ['DANH SÁCH', `${who[0]}${who.slice(1).toLocaleLowerCase('vi')} đạt danh hiệu “${single.name}” năm ${year}`],
        ]
      : [
          [`DANH SÁCH ${who} ĐƯỢC KHEN THƯỞNG`, `Thành tích năm ${year}`],
          [`DANH SÁCH ${who} ĐƯỢC KHEN THƯỞNG NĂM ${year}`],
          ['DANH SÁCH', `Tập thể, cá nhân được công nhận danh hiệu thi đua và khen thưởng năm ${year}`],
        ];
  const title = single && placement === 'title' ? titles[layout.int(0, 1)] : layout.pick(titles);
  title.forEach((line, i) => {
    if (i === 0) writeCaps(r, 1, line);
    else write(r, 1, line, { bold: true });
    merge(r, 1, r, last);
    r++;
  });
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const when = layout.chance(0.7)
    ? `ngày ${pad2(d)} tháng ${pad2(m)} năm ${date.getUTCFullYear()}`
    : `ngày ${pad2(d)}/${pad2(m)}/${date.getUTCFullYear()}`;
  const issuerShown = layout.chance(0.5) ? issuer : `Chủ tịch UBND huyện ${place.district}`;
  write(r, 1, `(Kèm theo Quyết định số ${number} ${when} của ${issuerShown})`, { italic: true });
  merge(r, 1, r, last);
  r += 2;

  // Header.
  const headerRow = r;
  const headers = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị'];
  if (placement === 'column' && mergedHeader) {
    headers.forEach((h, i) => {
      write(r, i + 1, h, { bold: true }, true);
      merge(r, i + 1, r + 1, i + 1);
    });
    write(r, 5, 'Hình thức khen thưởng', { bold: true }, true);
    write(r + 1, 5, 'Danh hiệu thi đua, hình thức khen thưởng', { bold: true }, true);
    r += 2;
  } else {
    headers.forEach((h, i) => write(r, i + 1, capsNames ? upper(h) : h, { bold: true }, true));
    if (placement === 'column') write(r, 5, 'Danh hiệu, hình thức khen thưởng', { bold: true }, true);
    r++;
  }
  if (layout.chance(0.4)) {
    for (let c = 1; c <= last; c++) write(r, c, `(${c})`, { italic: true }, true);
    quirks.add('column_numbers');
    r++;
  }

  // Rows, grouped by award when sections name it.
  const records: DecisionListRecord[] = [];
  const groups: Array<{ award: AwardId; rows: DecisionListEntry[] }> = [];
  if (placement === 'sections') {
    for (const award of distinctAwards) groups.push({ award, rows: entries.filter((e) => e.award === award) });
  } else {
    groups.push({ award: entries[0].award, rows: [...entries] });
  }
  const rowRng = rng.fork('rows');
  groups.forEach((group, g) => {
    if (placement === 'sections') {
      const collective = group.rows.every((e) => e.subject === 'collective');
      const label = sectionLabel(rowRng, 'nomination', group.award, g + 1, group.rows.length, collective, place)
        .replace(/^\d+[./] /, `${ROMAN[g] ?? g + 1}. `)
        .replace('Đề nghị tặng ', '');
      write(r, 1, label, { bold: true }, true);
      merge(r, 1, r, last);
      r++;
    }
    group.rows.forEach((e, i) => {
      const info = infoOf.get(e.unit);
      setCell(sheet, r, cols.stt, { value: i + 1, font: body, border: true, horizontal: 'center' });
      let truthName: string;
      if (e.subject === 'individual') {
        if (capsNames && encoding === 'tcvn3') {
          setCell(sheet, r, cols.name, {
            value: encodeCapsFont(e.name),
            font: { name: FONTS.tcvn3.caps, size: 12 },
            border: true,
          });
        } else {
          write(r, cols.name, capsNames ? upper(e.name) : e.name, {}, true);
        }
        truthName = titleCaseName(canonicalTone(cleanText(e.name)));
      } else {
        write(r, cols.name, e.name, {}, true);
        truthName = cleanText(shownAs(encoding, e.name));
      }
      const position = e.subject === 'individual' && e.position ? e.position : null;
      if (position) write(r, cols.position, position, {}, true);
      const unitForms = info ? unitCellForms(info) : [e.unit];
      write(r, cols.unit, rowRng.chance(0.5) ? e.unit : rowRng.pick(unitForms), {}, true);
      if (placement === 'column') {
        write(r, cols.award, writeAward(rowRng, e.award, place, true, encoding !== 'tcvn3'), {}, true);
      }
      records.push({
        file: fileName,
        sheet: sheetName,
        row: r,
        kind: 'award',
        subject: e.subject,
        name: truthName,
        position: position ? cleanText(shownAs(encoding, position)) : null,
        unit: e.unit,
        award: awardById(e.award).name,
        year,
        expect: 'ok',
      });
      r++;
    });
  });

  // Footer and signature block.
  const individuals = entries.filter((e) => e.subject === 'individual').length;
  const collectives = entries.length - individuals;
  const counts = [individuals ? `${pad2(individuals)} cá nhân` : '', collectives ? `${pad2(collectives)} tập thể` : '']
    .filter(Boolean)
    .join(' và ');
  r++;
  write(r, 1, `Danh sách này có ${counts}./.`, { italic: true });
  merge(r, 1, r, last);
  r += 2;
  writeCaps(r, last - 1, 'TM. ỦY BAN NHÂN DÂN');
  merge(r, last - 1, r, last);
  writeCaps(r + 1, last - 1, 'CHỦ TỊCH');
  merge(r + 1, last - 1, r + 1, last);

  const bytes = await writeWorkbook({ sheets: [sheet], activeSheet: 0, date, author: 'Phòng Nội vụ' });
  return {
    name: fileName,
    bytes,
    sheet: sheetName,
    headerRow,
    encoding,
    quirks: [...quirks].sort(),
    decision: { number, date: iso(date), issuer },
    records,
  };
}
