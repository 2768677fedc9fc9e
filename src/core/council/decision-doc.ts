/**
 * The decision (Quyết định khen thưởng) as a document, in the usual form of a
 * Vietnamese administrative text (Nghị định 30/2020/NĐ-CP on the form of
 * administrative documents): the heading block (issuing agency, number, the
 * national motto, place and date), the name and subject, the authority, the
 * legal bases, the articles, the recipients and the signature, then the
 * attached list on a page of its own.
 *
 * Pure: it only says what the document holds (paragraphs, tables of strings,
 * a page break); an adapter writes it (Google Docs in src/gas/council.ts).
 * Values are text, never formulas or markup.
 */
import { awardById, rulebookFor, type AwardId } from '../awards';
import type { Row } from '../contract';
import { cleanText } from '../text';
import { listSubtitle, listTitle, type Decision } from './decision';

export type DocAlign = 'left' | 'center' | 'right' | 'justify';

export type DocBlock =
  | { kind: 'paragraph'; text: string; align: DocAlign; bold?: boolean; italic?: boolean }
  /** A table of text cells; a heading block's tables have no borders. */
  | { kind: 'table'; cells: string[][]; borders: boolean; headerRows: number }
  | { kind: 'pageBreak' };

export interface DecisionDocument {
  /** The document's name ("Quyết định số 15/QĐ-UBND ngày 20/12/2024"). */
  title: string;
  blocks: DocBlock[];
}

export interface DecisionDocOptions {
  /** Whose standing office proposes the decision ("Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự"). */
  councilName?: string;
}

/** Columns of the attached list in the document. */
export const DECISION_DOC_LIST_HEADER: ReadonlyArray<string> = [
  'STT',
  'Họ và tên / Tên tập thể',
  'Chức vụ',
  'Đơn vị',
  'Danh hiệu / Hình thức',
];

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const DEFAULT_COUNCIL = 'Hội đồng Thi đua – Khen thưởng';

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

function upper(value: string): string {
  return value.toLocaleUpperCase('vi');
}

export interface IssuerParts {
  /** The signer's office ("Chủ tịch"), or '' when the issuer names none. */
  title: string;
  /** The agency ("Ủy ban nhân dân huyện Hồng Ngự"). */
  agency: string;
  /** The place for the date line ("Hồng Ngự"), or null when the agency names none. */
  place: string | null;
}

/**
 * "Chủ tịch Ủy ban nhân dân huyện Hồng Ngự" → title "Chủ tịch", agency "Ủy
 * ban nhân dân huyện Hồng Ngự", place "Hồng Ngự". An issuer without a named
 * place ("… cấp huyện") has no place.
 */
export function issuerParts(issuer: string): IssuerParts {
  const value = text(issuer);
  const m = /^(phó chủ tịch|chủ tịch|giám đốc|thủ trưởng)\s+(.+)$/iu.exec(value);
  const title = m ? m[1] : '';
  const agency = m ? m[2] : value;
  const at = /(?:^|\s)(?:thành phố|thị xã|thị trấn|huyện|tỉnh|quận|xã|phường)\s+(.+)$/iu.exec(agency);
  const place = at && !/^cấp\b/iu.test(at[1]) ? at[1] : null;
  return { title, agency, place };
}

/**
 * The date line: "Hồng Ngự, ngày 05 tháng 01 năm 2025". Days below 10 and
 * months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
 */
export function dateLine(iso: string, place: string | null): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  const date = `ngày ${day} tháng ${month} năm ${y}`;
  return place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase('vi') + date.slice(1);
}

function yearsText(years: ReadonlyArray<number>): string {
  return years.length ? ` năm ${years.join(', ')}` : '';
}

/** "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2024", "Về việc khen thưởng năm 2024"… */
export function decisionSubject(decision: Decision): string {
  const years = yearsText(decision.years);
  if (decision.awards.length === 1) {
    const award = awardById(decision.awards[0]);
    return award.kind === 'title'
      ? `Về việc công nhận danh hiệu “${award.name}”${years}`
      : `Về việc tặng ${award.name}${years}`;
  }
  const kinds = new Set(decision.awards.map((a) => awardById(a).kind));
  if (kinds.size === 1 && kinds.has('title')) return `Về việc công nhận danh hiệu thi đua${years}`;
  if (kinds.size === 1) return `Về việc khen thưởng${years}`;
  return `Về việc công nhận danh hiệu thi đua và khen thưởng${years}`;
}

function countText(rows: ReadonlyArray<Row>): string {
  const collectives = rows.filter((r) => r.subject === 'collective').length;
  const individuals = rows.length - collectives;
  const parts: string[] = [];
  if (individuals) parts.push(`${individuals} cá nhân`);
  if (collectives) parts.push(`${collectives} tập thể`);
  return parts.join(', ');
}

/** "Công nhận danh hiệu “Lao động tiên tiến” năm 2024 cho 10 cá nhân", "Tặng Giấy khen … cho 2 tập thể…". */
function awardLine(award: AwardId, rows: ReadonlyArray<Row>): string {
  const a = awardById(award);
  const years = [...new Set(rows.map((r) => Number(r.year)).filter((y) => Number.isInteger(y)))].sort((x, y) => x - y);
  return a.kind === 'title'
    ? `Công nhận danh hiệu “${a.name}”${yearsText(years)} cho ${countText(rows)}`
    : `Tặng ${a.name} cho ${countText(rows)} đã có thành tích${yearsText(years)}`;
}

function whoOf(list: ReadonlyArray<Row>): string {
  const collective = list.some((r) => r.subject === 'collective');
  const individual = list.some((r) => r.subject !== 'collective');
  return collective && individual ? 'các cá nhân, tập thể' : collective ? 'các tập thể' : 'các cá nhân';
}

/** "Căn cứ …;" for the laws in force on the decision's date (those of its year's rulebook, not issued later). */
export function legalBases(date: string): string[] {
  const year = Number(date.slice(0, 4));
  return rulebookFor(year)
    .documents.filter((d) => {
      const issued = /\/(\d{4})\//.exec(d);
      return !issued || Number(issued[1]) <= year;
    })
    .map((d) => `Căn cứ ${d};`);
}

const p = (
  value: string,
  align: DocAlign,
  style: { bold?: boolean; italic?: boolean } = {},
): Extract<DocBlock, { kind: 'paragraph' }> => ({ kind: 'paragraph', text: value, align, ...style });

/**
 * The decision's document: heading block, «QUYẾT ĐỊNH», subject, authority,
 * bases, «Điều 1…3», recipients and signature, a page break, then «DANH
 * SÁCH» with the list's title, subtitle and table. `list` is the attached
 * list of decisionFromSession (rows with name, position, unit, award, awardId).
 */
export function decisionDocument(
  decision: Decision,
  list: ReadonlyArray<Row>,
  options: DecisionDocOptions = {},
): DecisionDocument {
  const issuer = issuerParts(decision.issuer);
  const agency = upper(issuer.agency);
  const authority = issuer.title ? `${upper(issuer.title)} ${agency}` : agency;
  const council = text(options.councilName) || DEFAULT_COUNCIL;
  const who = whoOf(list);
  const Who = who.charAt(0).toLocaleUpperCase('vi') + who.slice(1);

  const groups = decision.awards.map((award) =>
    awardLine(
      award,
      list.filter((r) => r.awardId === award),
    ),
  );
  const articleOne: DocBlock[] =
    groups.length === 1
      ? [p(`Điều 1. ${groups[0]} (có danh sách kèm theo).`, 'justify')]
      : [
          p(
            `Điều 1. ${
              decision.awards.every((a) => awardById(a).kind === 'title')
                ? 'Công nhận danh hiệu thi đua cho'
                : decision.awards.every((a) => awardById(a).kind !== 'title')
                  ? 'Khen thưởng'
                  : 'Công nhận danh hiệu thi đua và khen thưởng'
            } ${who} sau (có danh sách kèm theo):`,
            'justify',
          ),
          ...groups.map((g, i) => p(`- ${g}${i === groups.length - 1 ? '.' : ';'}`, 'justify')),
        ];

  const blocks: DocBlock[] = [
    {
      kind: 'table',
      borders: false,
      headerRows: 0,
      cells: [
        [`${agency}\nSố: ${decision.number}`, `${NATION}\n${MOTTO}`],
        ['', dateLine(decision.date, issuer.place)],
      ],
    },
    p('QUYẾT ĐỊNH', 'center', { bold: true }),
    p(decisionSubject(decision), 'center', { bold: true }),
    p(authority, 'center', { bold: true }),
    ...legalBases(decision.date).map((line) => p(line, 'justify', { italic: true })),
    p(`Xét đề nghị của Thường trực ${council}.`, 'justify', { italic: true }),
    p('QUYẾT ĐỊNH:', 'center', { bold: true }),
    ...articleOne,
    p(
      `Điều 2. ${Who} có tên tại Điều 1 được hưởng tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng.`,
      'justify',
    ),
    p(
      `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thường trực ${council}, Thủ trưởng các cơ quan, đơn vị có liên quan và ${who} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
      'justify',
    ),
    {
      kind: 'table',
      borders: false,
      headerRows: 0,
      cells: [
        [
          'Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.',
          `${issuer.title ? upper(issuer.title) : authority}\n\n\n\n${decision.signer}`,
        ],
      ],
    },
    { kind: 'pageBreak' },
    p('DANH SÁCH', 'center', { bold: true }),
    p(listTitle(decision, list), 'center', { bold: true }),
    p(listSubtitle(decision), 'center', { italic: true }),
    {
      kind: 'table',
      borders: true,
      headerRows: 1,
      cells: [
        [...DECISION_DOC_LIST_HEADER],
        ...list.map((r, i) => [String(i + 1), text(r.name), text(r.position), text(r.unit), text(r.award)]),
      ],
    },
  ];
  const [y, m, d] = decision.date.split('-');
  return { title: `Quyết định số ${decision.number} ngày ${d}/${m}/${y}`, blocks };
}
