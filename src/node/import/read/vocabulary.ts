/**
 * The words the reader recognises in unit reports, as data: header synonyms,
 * section rows, totals rows, signature blocks, title-block lines, tick marks,
 * the look of collective names and the noise in file names.
 *
 * Phrases are written in ordinary Vietnamese and compared through `matchKey`
 * (case, tone placement, punctuation and spacing ignored), so "HỌ VÀ TÊN",
 * "Họ và tên:" and "Họ  và\ntên" are one phrase. Add a synonym here, not an `if`
 * in the reader.
 */
import { matchKey } from '../../../core/text';

/** What a table column holds. */
export type ColumnRole =
  | 'stt'
  | 'name'
  | 'nameFamily'
  | 'nameGiven'
  | 'position'
  | 'unit'
  | 'award'
  | 'register'
  | 'achievement'
  | 'initiative'
  | 'note'
  | 'birth'
  | 'content'
  | 'decisionNumber'
  | 'decisionDate'
  | 'issuer';

/** What a name header says about the subjects listed under it. */
export type NameHint = 'individual' | 'collective' | 'mixed';

export interface HeaderRule {
  readonly role: ColumnRole;
  /** The cell's key equals one of these. */
  readonly exact?: ReadonlyArray<string>;
  /** The cell's key starts with one of these (whole words). */
  readonly prefix?: ReadonlyArray<string>;
  /** The cell's key contains one of these (whole words). */
  readonly contains?: ReadonlyArray<string>;
}

/**
 * Header synonyms, most specific first: the first rule that matches decides
 * ("Nội dung đăng ký" is content, not a registration column; "Chức vụ - Đơn
 * vị" is the position, not the unit; "Họ và tên đệm" is the family part of a
 * split name).
 */
export const HEADER_RULES: ReadonlyArray<HeaderRule> = [
  { role: 'stt', exact: ['stt', 'tt', 's tt', 'số tt', 'số thứ tự', 'thứ tự', 'số', 'tt stt', 'no', 'n0'] },
  // The decision of an award list (the list attached to a decision, or a history of past decisions).
  {
    role: 'decisionDate',
    contains: ['ngày quyết định', 'ngày qđ', 'ngày ký quyết định', 'ngày ban hành', 'ngày ký'],
  },
  {
    role: 'decisionNumber',
    exact: ['quyết định', 'qđ', 'quyết định khen thưởng', 'qđ khen thưởng', 'số ngày quyết định', 'số ngày qđ'],
    contains: ['số quyết định', 'số qđ', 'quyết định số', 'qđ số', 'số hiệu quyết định'],
  },
  {
    role: 'issuer',
    contains: ['cấp quyết định', 'cơ quan quyết định', 'cấp khen thưởng', 'người ký quyết định', 'cơ quan ban hành'],
  },
  {
    role: 'content',
    prefix: ['nội dung', 'chỉ tiêu', 'mục tiêu', 'biện pháp', 'lý do', 'quá trình'],
    contains: ['nội dung đăng ký', 'nội dung đề nghị'],
  },
  // Past awards ("Hình thức khen thưởng đã đạt", "Danh hiệu đã được tặng") are information, not this year's award.
  {
    role: 'content',
    contains: ['đã đạt', 'đã được', 'đã được tặng', 'đã nhận', 'đã khen', 'năm trước', 'các năm', 'liên tục'],
  },
  {
    role: 'nameFamily',
    exact: ['họ', 'họ đệm', 'họ lót', 'họ và đệm', 'họ và lót'],
    contains: ['tên đệm', 'tên lót', 'chữ đệm', 'chữ lót', 'họ đệm', 'họ lót'],
  },
  { role: 'nameGiven', exact: ['tên', 'tên gọi'] },
  {
    role: 'name',
    contains: [
      'họ và tên',
      'họ tên',
      'tên tập thể',
      'tên cá nhân',
      'tên đơn vị',
      'tập thể cá nhân',
      'cá nhân tập thể',
      'tên tổ chức',
    ],
  },
  { role: 'position', contains: ['chức vụ', 'chức danh', 'nghề nghiệp'] },
  { role: 'achievement', contains: ['thành tích'] },
  { role: 'initiative', contains: ['sáng kiến', 'đề tài', 'giải pháp'] },
  { role: 'note', prefix: ['ghi chú', 'chú thích'] },
  { role: 'birth', exact: ['nam', 'nữ', 'giới tính'], prefix: ['năm sinh', 'ngày sinh', 'ngày tháng năm sinh'] },
  { role: 'register', contains: ['đăng ký'] },
  {
    role: 'award',
    exact: ['đề nghị', 'hình thức', 'danh hiệu', 'khen thưởng'],
    contains: ['danh hiệu', 'hình thức', 'khen thưởng', 'đề nghị tặng', 'đề nghị khen'],
  },
  { role: 'unit', contains: ['đơn vị', 'cơ quan', 'nơi công tác', 'địa chỉ'] },
];

/** Name headers that list only collectives, or only people. Others ("Tên tập thể, cá nhân") are mixed. */
export const NAME_HINTS: ReadonlyArray<{ readonly hint: NameHint; readonly contains: ReadonlyArray<string> }> = [
  { hint: 'collective', contains: ['tên tập thể', 'tên đơn vị', 'tên tổ chức', 'tập thể'] },
  { hint: 'individual', contains: ['họ và tên', 'họ tên', 'tên cá nhân', 'cá nhân'] },
];

/** A header cell longer than this (in words) is a title line, not a column header. */
export const MAX_HEADER_WORDS = 12;

/**
 * Section rows that set the subject for the rows below ("I. TẬP THỂ",
 * "II. Cá nhân", "B. KHEN THƯỞNG CÁ NHÂN", "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN
 * THƯỞNG"): exactly one subject word, and every other word one of these
 * fillers, a number or a list marker.
 */
export const SECTION_FILLERS: ReadonlyArray<string> = [
  'danh sách',
  'đề nghị',
  'khen thưởng',
  'khen',
  'xét tặng',
  'tặng',
  'công nhận',
  'đối với',
  'dành cho',
  'phần',
  'mục',
  'khối',
  'các',
  'đăng ký',
  'thi đua',
  'danh hiệu',
  'hình thức',
  'được',
  'năm',
  'nhóm',
  'gồm',
  'có',
  'số lượng',
  'và',
  'người',
];
export const SECTION_SUBJECTS: ReadonlyArray<{
  readonly subject: 'individual' | 'collective';
  readonly words: ReadonlyArray<string>;
}> = [
  { subject: 'collective', words: ['tập thể', 'các tập thể', 'đơn vị', 'tổ chức'] },
  { subject: 'individual', words: ['cá nhân', 'các cá nhân', 'cán bộ công chức', 'cán bộ'] },
];

/**
 * Words that make a section row an award heading even when the award is not
 * in the catalogue ("3. Giấy khen của Giám đốc Sở (02 cá nhân)").
 */
export const AWARD_WORDS: ReadonlyArray<string> = [
  'danh hiệu',
  'giấy khen',
  'bằng khen',
  'huân chương',
  'huy chương',
  'kỷ niệm chương',
  'cờ thi đua',
  'chiến sĩ thi đua',
  'chiến sỹ thi đua',
  'lao động tiên tiến',
  'lao động xuất sắc',
];

/** Totals rows: the key starts with one of these, followed by nothing, a number or a count word. */
export const TOTALS_WORDS: ReadonlyArray<string> = ['tổng cộng', 'tổng số', 'cộng', 'tổng', 'cộng lại', 'tổng hợp'];
export const TOTALS_FOLLOWERS: ReadonlyArray<string> = [
  'có',
  'gồm',
  'là',
  'danh sách',
  'tập thể',
  'cá nhân',
  'người',
  'đơn vị',
  'hồ sơ',
];
/** A count such as "3 tập thể, 4 cá nhân" or "12 người". */
export const COUNT_WORDS: ReadonlyArray<string> = ['tập thể', 'cá nhân', 'người', 'đơn vị', 'hộ', 'đồng chí'];

/** Signature-block cells, whole cell. */
export const SIGNATURE_EXACT: ReadonlyArray<string> = [
  'người lập biểu',
  'người lập bảng',
  'người lập',
  'người lập danh sách',
  'lập biểu',
  'người tổng hợp',
  'người ký',
  'thủ trưởng đơn vị',
  'thủ trưởng cơ quan',
  'lãnh đạo đơn vị',
  'trưởng đơn vị',
  'chủ tịch',
  'phó chủ tịch',
  'trưởng phòng',
  'phó trưởng phòng',
  'giám đốc',
  'phó giám đốc',
  'hiệu trưởng',
  'phó hiệu trưởng',
  'bí thư',
  'phó bí thư',
  'trưởng ban',
  'chánh văn phòng',
  'chánh thanh tra',
  'kế toán trưởng',
  'nơi nhận',
  'ký tên đóng dấu',
  'ký tên và đóng dấu',
  'ký ghi rõ họ tên',
  'ký và ghi rõ họ tên',
  'ký tên',
  'đã ký',
];
/** Signature-block cells starting with these words ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Xác nhận của …"). */
export const SIGNATURE_PREFIX: ReadonlyArray<string> = [
  'tm',
  'kt',
  'tl',
  'tuq',
  'q',
  'xác nhận',
  'nơi nhận',
  'người lập',
];

/** The national motto lines in the top-right corner. */
export const MOTTO_PHRASES: ReadonlyArray<string> = [
  'cộng hòa xã hội chủ nghĩa việt nam',
  'độc lập tự do hạnh phúc',
  'đảng cộng sản việt nam',
];

/**
 * Title-block lines that say what the document is, compared on keys without
 * diacritics (`foldKey`). Strong phrases are tried on every line before weak
 * ones, so "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in a letterhead does not outweigh
 * "BẢNG ĐĂNG KÝ THI ĐUA" below it.
 */
export const KIND_PATTERNS: ReadonlyArray<{
  readonly kind: 'registration' | 'nomination' | 'award';
  readonly strong: ReadonlyArray<string>;
  readonly weak: ReadonlyArray<string>;
}> = [
  {
    kind: 'registration',
    strong: ['dang ky thi dua', 'dang ky danh hieu', 'bang dang ky', 'danh sach dang ky', 'giao uoc thi dua'],
    weak: ['dang ky'],
  },
  {
    kind: 'nomination',
    strong: [
      'de nghi khen thuong',
      'de nghi xet tang',
      'de nghi tang',
      'de nghi cong nhan',
      'danh sach de nghi',
      'danh sach khen thuong',
      'xet khen thuong',
      'to trinh',
    ],
    weak: ['khen thuong', 'de nghi'],
  },
  // The list attached to a decision: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "Cá nhân đạt danh hiệu …",
  // "… được tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2021". A line naming a nomination first stays one
  // ("DANH SÁCH ĐỀ NGHỊ … ĐƯỢC TẶNG …").
  {
    kind: 'award',
    strong: [
      'duoc khen thuong',
      'da duoc khen thuong',
      'duoc tang',
      'duoc tang thuong',
      'duoc cong nhan',
      'dat danh hieu',
      'kem theo quyet dinh',
    ],
    weak: [],
  },
];

/**
 * Words of a title that make a list a nomination or a registration even when
 * it is attached to a decision ("(Kèm theo Quyết định số …)" under "DANH SÁCH
 * ĐỀ NGHỊ …"), compared on `foldKey`.
 */
export const NOT_AWARD_TITLE_WORDS: ReadonlyArray<string> = ['de nghi', 'to trinh', 'dang ky', 'giao uoc'];

/** Titles of people who sign a decision, removed from its issuer to name the issuing unit ("Chủ tịch UBND xã …"). */
export const ISSUER_TITLES: ReadonlyArray<string> = [
  'chủ tịch',
  'phó chủ tịch',
  'giám đốc',
  'trưởng phòng',
  'thủ trưởng',
  'hiệu trưởng',
  'bộ trưởng',
  'thủ tướng chính phủ',
  'thủ tướng',
];

/** Words naming the level of a decision's authority, first found in the issuer's text wins. */
export const ISSUER_LEVELS: ReadonlyArray<{
  readonly level: 'national' | 'province' | 'district' | 'commune';
  readonly words: ReadonlyArray<string>;
}> = [
  { level: 'national', words: ['thủ tướng', 'chính phủ', 'chủ tịch nước', 'bộ trưởng'] },
  { level: 'province', words: ['tỉnh', 'thành phố trực thuộc trung ương'] },
  { level: 'district', words: ['huyện', 'quận', 'thị xã', 'thành phố'] },
  { level: 'commune', words: ['xã', 'thị trấn', 'phường'] },
];

/** Phrases removed from a line before looking for the kind: names of councils and fields, not of documents. */
export const KIND_NOISE: ReadonlyArray<string> = [
  'hoi dong thi dua khen thuong',
  'hoi dong thi dua',
  'luat thi dua khen thuong',
  'cong tac thi dua khen thuong',
  'thi dua khen thuong',
  'hdtdkt',
];

/** Compact (no spaces, no diacritics) forms of the same in sheet and file names ("DangKy2022", "DSKT", "TTr KT"). */
export const KIND_NAME_HINTS: ReadonlyArray<{
  readonly kind: 'registration' | 'nomination' | 'award';
  readonly tokens: ReadonlyArray<string>;
}> = [
  { kind: 'registration', tokens: ['dangky', 'dk', 'dktd', 'dkthidua', 'dangkythidua'] },
  { kind: 'nomination', tokens: ['denghi', 'dskt', 'kt', 'ttr', 'totrinh', 'khenthuong', 'dsdn', 'denghikt'] },
  { kind: 'award', tokens: ['quyetdinh', 'qdkt', 'kemqd', 'dskemqd', 'lichsukt'] },
];

/** Title-block lines that are never the unit, the kind or the year. */
export const IGNORED_TITLE_PREFIXES: ReadonlyArray<string> = ['số', 'kính gửi', 'v v', 'về việc', 'căn cứ'];

/** Labels of an explicit unit line: "Đơn vị: UBND xã …". */
export const UNIT_LABELS: ReadonlyArray<string> = [
  'đơn vị',
  'tên đơn vị',
  'cơ quan',
  'tên cơ quan',
  'đơn vị đăng ký',
  'đơn vị đề nghị',
  'đơn vị báo cáo',
  'cơ quan đơn vị',
];

/** A first line of the top-left block that needs the next line to name a unit ("ỦY BAN NHÂN DÂN" / "XÃ PHÚ THUẬN B"). */
export const AUTHORITY_ONLY: ReadonlyArray<string> = ['ủy ban nhân dân', 'ubnd', 'hội đồng nhân dân', 'đảng ủy'];
/** Words that start a place name under such a line. */
export const PLACE_LEVELS: ReadonlyArray<string> = [
  'xã',
  'thị trấn',
  'phường',
  'huyện',
  'tỉnh',
  'thành phố',
  'thị xã',
  'quận',
];

/** Cell values that tick a title in a registration matrix. */
export const TICKS: ReadonlyArray<string> = [
  'x',
  'v',
  '1',
  'có',
  'đk',
  'đăng ký',
  'ok',
  '+',
  '*',
  '•',
  '✓',
  '✔',
  '☑',
  '✗',
  '√',
];
/** Cell values that leave a matrix column unticked. */
export const NOT_TICKED: ReadonlyArray<string> = ['0', '-', '–', '—', 'không', 'k', 'không đăng ký', 'o'];

/**
 * How collective names start ("Phòng Y tế", "Trường THCS …", "Tổ dân phố 3",
 * "UBND xã …", "Ấp Long Hòa", "Khối Văn hóa – Xã hội"). Words that are also
 * Vietnamese surnames ("Đoàn") only count with the word after them.
 */
export const COLLECTIVE_PREFIXES: ReadonlyArray<string> = [
  'phòng',
  'trường',
  'tổ',
  'ban',
  'trạm',
  'ubnd',
  'ủy ban',
  'ấp',
  'khóm',
  'thôn',
  'khu phố',
  'khối',
  'hội',
  'chi hội',
  'chi bộ',
  'chi đoàn',
  'đảng bộ',
  'đảng ủy',
  'đoàn thanh niên',
  'đoàn tncs',
  'đoàn tn',
  'đoàn xã',
  'đoàn thị trấn',
  'đoàn phường',
  'công đoàn',
  'liên đoàn',
  'liên đội',
  'bộ phận',
  'văn phòng',
  'công an',
  'trung tâm',
  'mặt trận',
  'mttq',
  'xã',
  'thị trấn',
  'phường',
  'huyện',
  'gia đình',
  'hộ',
  'hộ gia đình',
  'lớp',
  'nhóm',
  'đội',
  'cơ quan',
  'tập thể',
  'bệnh viện',
  'đài',
  'hợp tác xã',
  'htx',
  'cụm',
  'thanh tra',
  'tòa án',
  'viện',
  'câu lạc bộ',
  'clb',
  'công ty',
  'doanh nghiệp',
  'ngân hàng',
  'kho bạc',
  'chi cục',
  'cục',
  'sở',
  'phân hiệu',
  'điểm trường',
  'nhà văn hóa',
  'thư viện',
  'lực lượng',
  'dân quân',
  'ban chỉ huy',
  'bch',
  'hđnd',
  'hội đồng',
  'ủy ban mttq',
  'bưu điện',
  'xí nghiệp',
  'khoa',
  'bộ môn',
  'trạm y tế',
  'đồn',
  'tiểu đội',
  'trung đội',
  'ubmttq',
  'ủy ban mặt trận',
  'quỹ',
  'chi nhánh',
  'cơ sở',
  'điểm',
  'trại',
  'tập đoàn',
  'nông trường',
  'ban quản lý',
  'bql',
  'ban đại diện',
  'ký túc xá',
  'phân trường',
  'nhà thiếu nhi',
  'trường học',
];

/** Words inside a name that only collectives have ("… xã Long Thuận", "Trường THCS …"). */
export const COLLECTIVE_WORDS: ReadonlyArray<string> = [
  'xã',
  'thị trấn',
  'phường',
  'huyện',
  'tỉnh',
  'ấp',
  'khóm',
  'ubnd',
  'thcs',
  'thpt',
  'mttq',
  'hđnd',
  'mầm non',
  'mẫu giáo',
  'tiểu học',
];

/** Words in file names that say what the document is, not who sent it. Compared on `foldKey` tokens. */
export const FILENAME_NOISE: ReadonlyArray<string> = [
  'ds',
  'dskt',
  'danh sach',
  'de nghi',
  'denghi',
  'kt',
  'khen thuong',
  'bang',
  'dk',
  'dktd',
  'dang ky',
  'dangky',
  'thi dua',
  'td',
  'ttr',
  'to trinh',
  'nam',
  'book',
  'bao cao',
  'tong hop',
  'final',
  'moi',
  'ban',
  'sua',
  'copy',
];

/** Precomputed keys of a phrase list. */
export function keysOf(list: ReadonlyArray<string>): string[] {
  return list.map((p) => matchKey(p));
}
