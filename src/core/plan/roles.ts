/**
 * Field labels of plan items ("Chủ trì:", "Cơ quan tham mưu:", "Thời gian:" …)
 * and the reading of their values (who leads, who coordinates, how many).
 *
 * The labels are data: a plan that writes "Bộ phận chủ trì:" needs one more
 * row in FIELD_LABELS, not new code.
 */
import { nfc } from '../text';

export type FieldKey = 'content' | 'lead' | 'advisory' | 'executor' | 'coordinators' | 'target' | 'time';

/** Each field with the labels plans use for it (any case, with or without a bullet, followed by ":"). */
export const FIELD_LABELS: ReadonlyArray<{ key: FieldKey; labels: readonly string[] }> = [
  {
    key: 'content',
    labels: ['Nội dung', 'Nội dung thực hiện', 'Nội dung cụ thể', 'Nội dung công việc', 'Nội dung hoạt động'],
  },
  {
    key: 'lead',
    labels: [
      'Chủ trì',
      'Chủ trì thực hiện',
      'Đơn vị chủ trì',
      'Cơ quan chủ trì',
      'Cơ quan, đơn vị chủ trì',
      'Người chủ trì',
      'Bộ phận chủ trì',
      'Chịu trách nhiệm chính',
      'Phụ trách',
    ],
  },
  {
    key: 'advisory',
    labels: ['Cơ quan tham mưu', 'Đơn vị tham mưu', 'Bộ phận tham mưu', 'Cơ quan thường trực', 'Tham mưu'],
  },
  {
    key: 'executor',
    labels: [
      'Cơ quan thực hiện',
      'Đơn vị thực hiện',
      'Cơ quan, đơn vị thực hiện',
      'Bộ phận thực hiện',
      'Người thực hiện',
      'Đơn vị triển khai',
      'Thực hiện',
    ],
  },
  {
    key: 'coordinators',
    labels: [
      'Cơ quan phối hợp',
      'Đơn vị phối hợp',
      'Cơ quan, đơn vị phối hợp',
      'Bộ phận phối hợp',
      'Phối hợp thực hiện',
      'Phối hợp',
    ],
  },
  {
    key: 'target',
    labels: ['Đối tượng', 'Đối tượng tham gia', 'Thành phần', 'Thành phần tham dự', 'Chỉ tiêu', 'Số lượng', 'Quy mô'],
  },
  {
    key: 'time',
    labels: [
      'Thời gian',
      'Thời gian thực hiện',
      'Thời gian tổ chức',
      'Thời gian hoàn thành',
      'Thời hạn',
      'Thời hạn hoàn thành',
      'Thời hạn thực hiện',
      'Tiến độ',
      'Tiến độ thực hiện',
      'Tiến độ hoàn thành',
    ],
  },
];

/** Bullets that may precede a label or a list line (as the inside of a regular-expression class). */
export const BULLET_CLASS = '\\-–—+•·*◦▪►❖➢✓';

/**
 * Words that begin the name of a unit or office. Lists of units are split at
 * ", " or " và " only before one of these, so "Phòng Giáo dục và Đào tạo"
 * stays whole while "Phòng Nội vụ và Phòng Tư pháp" is two units.
 */
export const UNIT_HEADS: readonly string[] = [
  'Phòng',
  'Ủy ban',
  'Uỷ ban',
  'UBND',
  'Văn phòng',
  'Ban',
  'Hội đồng',
  'Hội',
  'Đoàn',
  'Huyện đoàn',
  'Trung tâm',
  'Công an',
  'Ban Chỉ huy',
  'Thanh tra',
  'Mặt trận',
  'Trường',
  'Đài',
  'Bảo hiểm',
  'Chi cục',
  'Kho bạc',
  'Liên đoàn',
  'Thường trực',
  'Cơ quan',
  'Đơn vị',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Sở',
  'Bộ phận',
  'Công chức',
  'Thành viên',
  'Tổ',
  'các',
];

/** Words, in a lead's value, that introduce the coordinating units ("X phối hợp với Y"). */
export const COORDINATION_WORDS: readonly string[] = ['phối hợp với', 'phối hợp cùng', 'phối hợp'];

/** Counting nouns that make a number a target ("02 lớp", "05 đến 07 đơn vị"). */
export const QUANTITY_NOUNS: readonly string[] = [
  'lớp',
  'đơn vị',
  'đoàn',
  'cuộc',
  'hội nghị',
  'hội thi',
  'buổi',
  'người',
  'lượt',
  'đợt',
  'tập thể',
  'cá nhân',
  'học viên',
  'đại biểu',
  'cơ quan',
  'trường',
  'chuyên đề',
  'điển hình',
  'mô hình',
  'tin',
  'bài',
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
}

const LABEL_TO_KEY = new Map<string, FieldKey>();
for (const f of FIELD_LABELS) for (const l of f.labels) LABEL_TO_KEY.set(labelKey(l), f.key);

function labelKey(label: string): string {
  return nfc(label).toLowerCase().replace(/\s+/g, ' ').trim();
}

const LABEL_ALTERNATION = [...LABEL_TO_KEY.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

/** A label somewhere in a line: not inside a word, followed by ":". */
const LABEL_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}])(${LABEL_ALTERNATION})\\s*:`, 'giu');
/** The same on lower-cased text, without the (slow) case-insensitive flag. */
const LABEL_ANYWHERE_LOWER = new RegExp(LABEL_ANYWHERE.source, 'gu');
const SEPARATED = new RegExp(`(?:^|[.;,()]|(?:^|\\s)[${BULLET_CLASS}])$`, 'u');
const LABEL_AT_START = new RegExp(`^[${BULLET_CLASS}]?\\s*(${LABEL_ALTERNATION})\\s*:`, 'iu');
const BULLET_AT_START = new RegExp(`^[${BULLET_CLASS}]\\s*`, 'u');

const LABEL_ONLY = new RegExp(`^[${BULLET_CLASS}]?\\s*(${LABEL_ALTERNATION})\\s*:$`, 'iu');

/** True when a line is a label whose value is on the next line ("- Thời gian thực hiện:"). */
export function isLabelOnly(line: string): boolean {
  return LABEL_ONLY.test(line.trim());
}

/** True when a line opens with a field label ("- Chủ trì: …", "Thời gian: …"). */
export function startsWithLabel(line: string): boolean {
  return LABEL_AT_START.test(line);
}

/** The line without a leading bullet. */
export function stripBullet(line: string): string {
  return line.replace(BULLET_AT_START, '');
}

export function hasBullet(line: string): boolean {
  return BULLET_AT_START.test(line) && !/^[-–—]\s*\d/.test(line);
}

export interface Field {
  key: FieldKey;
  label: string;
  value: string;
}

export interface SplitLine {
  /** Text before the first label (for a heading: its title; for a body line: content). */
  free: string;
  fields: Field[];
}

/**
 * Cuts a line at its labels. A label counts at the start of the line (after an
 * optional bullet) or after ".", ";" or "," or a spaced bullet, so "các nội
 * dung: …" inside a sentence is not a label, while "Chủ trì: A; Phối hợp: B;
 * Thời gian: Quý II" gives three fields.
 */
export function splitFields(line: string): SplitLine {
  const text = stripBullet(line.trim());
  const hits: Array<{ index: number; end: number; label: string }> = [];
  const lower = text.toLowerCase();
  const [re, haystack] = lower.length === text.length ? [LABEL_ANYWHERE_LOWER, lower] : [LABEL_ANYWHERE, text];
  re.lastIndex = 0;
  for (let m = re.exec(haystack); m; m = re.exec(haystack)) {
    if (SEPARATED.test(text.slice(0, m.index).trimEnd())) {
      hits.push({ index: m.index, end: m.index + m[0].length, label: text.slice(m.index, m.index + m[1].length) });
    }
  }
  if (hits.length === 0) return { free: text, fields: [] };
  const free = text
    .slice(0, hits[0].index)
    .replace(new RegExp(`[\\s(${BULLET_CLASS}]+$`, 'u'), '')
    .trim();
  const fields = hits.map((h, i): Field => {
    const next = i + 1 < hits.length ? hits[i + 1].index : text.length;
    let value = text.slice(h.end, next).trim();
    value = value.replace(new RegExp(`[\\s;,${BULLET_CLASS}]+$`, 'u'), '').trim();
    // "(Chủ trì: A; Thời gian: Quý II)": the closing bracket belongs to the list, not to the value.
    if (value.endsWith(')') && !value.includes('(')) value = value.slice(0, -1).trim();
    return { key: LABEL_TO_KEY.get(labelKey(h.label))!, label: h.label.trim(), value };
  });
  return { free, fields };
}

/** Drops the final full stop and separators of a role or time value. */
export function trimValue(value: string): string {
  return value.replace(/[\s.;,:]+$/u, '').trim();
}

const HEAD_ALTERNATION = [...UNIT_HEADS]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
/** ", " before a capitalised unit head (or "các"). */
const COMMA_SPLIT = new RegExp(`\\s*,\\s+(?=(?:${HEAD_ALTERNATION})(?![\\p{L}])(?!\\s+hội))`, 'u');
/** " và " before a unit head in any case. */
const AND_SPLIT = new RegExp(`(?<!HĐND)\\s+và\\s+(?=(?:${HEAD_ALTERNATION})(?![\\p{L}])(?!\\s+hội))`, 'iu');

/** Splits a list of units: "Phòng Nội vụ, Phòng Tư pháp và các xã, thị trấn" → three units. */
export function splitUnits(value: string): string[] {
  const out: string[] = [];
  for (const part of trimValue(value).split(/\s*;\s*/)) {
    for (const a of part.split(COMMA_SPLIT)) {
      for (const b of a.split(AND_SPLIT)) {
        const unit = trimValue(b.replace(/^(?:với|cùng)\s+/iu, ''));
        if (unit) out.push(unit);
      }
    }
  }
  return out;
}

const COORDINATION = new RegExp(
  `\\s*[,;]?\\s*(?:chủ trì\\s*,?\\s*)?(?:và\\s+)?(?:${COORDINATION_WORDS.map(escape).join('|')})(?![\\p{L}])\\s*`,
  'iu',
);

/** "Phòng Nội vụ phối hợp với các thành viên Hội đồng" → lead and coordinators. */
export function splitLead(value: string): { lead: string; coordinators: string[] } {
  const m = COORDINATION.exec(value);
  if (!m || m.index === 0) return { lead: trimValue(value.replace(/\s+chủ trì\s*$/iu, '')), coordinators: [] };
  const lead = trimValue(value.slice(0, m.index).replace(/\s+chủ trì\s*$/iu, ''));
  const rest = value
    .slice(m.index + m[0].length)
    .replace(/\s+(?:thực hiện|tổ chức thực hiện|triển khai)\s*[.;]?\s*$/iu, '');
  return { lead, coordinators: splitUnits(rest) };
}

const PROSE_LEAD = new RegExp(`^((?:${HEAD_ALTERNATION})(?![\\p{L}])[^.;:]{0,100}?)\\s+chủ trì(?![\\p{L}])(.*)$`, 'u');

/**
 * Roles written as a sentence: "Phòng Nội vụ chủ trì, phối hợp với Phòng Văn
 * hóa và Thông tin thực hiện." Only a sentence that opens with a unit counts.
 */
export function proseRoles(line: string): { lead: string; coordinators: string[] } | null {
  const m = PROSE_LEAD.exec(stripBullet(line.trim()));
  if (!m) return null;
  const lead = trimValue(m[1]);
  const rest = m[2];
  const c = COORDINATION.exec(rest);
  if (!c) return { lead, coordinators: [] };
  const tail = rest
    .slice(c.index + c[0].length)
    .split(/[.;]/)[0]
    .replace(/\s+(?:thực hiện|tổ chức thực hiện|triển khai(?:\s+thực hiện)?|tham mưu)(?![\p{L}]).*$/iu, '');
  return { lead, coordinators: splitUnits(tail) };
}

const QUANTITY = new RegExp(
  `(?<![\\d/.,])(\\d{1,3}(?:\\s*(?:đến|-|–)\\s*\\d{1,3})?)\\s+(${[...QUANTITY_NOUNS]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}])`,
  'iu',
);

/** The first quantity in a text ("dự kiến tổ chức 02 lớp tập huấn" → "02 lớp"), or null. */
export function findQuantity(text: string): string | null {
  const m = QUANTITY.exec(text);
  return m ? `${m[1].replace(/\s+/g, ' ')} ${m[2]}` : null;
}
