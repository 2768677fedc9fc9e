/**
 * The workbook contract: every sheet tdkt reads or writes, its Vietnamese name
 * and headers, and each column's key, type and list. The add-in's setup, the
 * local .xlsx master and the Sheets API store all build and read sheets from
 * this one table, so a workbook made by one opens in the others.
 */
import type { ListName } from './lists';

/**
 * How a value is held. In rows (the core's view) dates are ISO strings
 * ("2022-06-30", or with time for `datetime`); stores turn them into real date
 * cells shown as dd/MM/yyyy.
 */
export type ColumnType = 'text' | 'longtext' | 'integer' | 'number' | 'percent' | 'date' | 'datetime' | 'url' | 'email';

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /** Values come from this list (shown by label, stored by label in the sheet). */
  readonly list?: ListName;
  /** Filled by tdkt, not typed by people (shown with a grey header). */
  readonly computed?: boolean;
  /** Column width in pixels for the Google Sheet (xlsx uses width / 7 characters). */
  readonly width?: number;
}

export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: string;
  readonly description: string;
  readonly columns: ReadonlyArray<ColumnSpec>;
  /** Columns that together identify a row (for updates and duplicate checks). */
  readonly keyColumns: ReadonlyArray<string>;
}

export type SheetKey =
  | 'plan'
  | 'progress'
  | 'units'
  | 'registrations'
  | 'nominations'
  | 'awardHistory'
  | 'importLog'
  | 'discrepancies'
  | 'reminders'
  | 'settings';

const SOURCE_COLUMNS: ReadonlyArray<ColumnSpec> = [
  { key: 'sourceFile', header: 'Tệp nguồn', type: 'text', computed: true, width: 200 },
  { key: 'sourceSheet', header: 'Trang tính nguồn', type: 'text', computed: true, width: 120 },
  { key: 'sourceRow', header: 'Dòng nguồn', type: 'integer', computed: true, width: 80 },
];

export const SHEETS: { readonly [K in SheetKey]: SheetSpec & { readonly key: K } } = {
  plan: {
    key: 'plan',
    name: 'Kế hoạch',
    description: 'Các nội dung công việc của kế hoạch hoạt động năm, mỗi dòng một việc cần theo dõi.',
    keyColumns: ['year', 'id'],
    columns: [
      { key: 'year', header: 'Năm', type: 'integer', required: true, width: 60 },
      { key: 'id', header: 'Mã', type: 'text', required: true, width: 60 },
      { key: 'title', header: 'Nội dung công việc', type: 'longtext', required: true, width: 320 },
      { key: 'content', header: 'Chi tiết', type: 'longtext', width: 320 },
      { key: 'lead', header: 'Chủ trì', type: 'text', width: 180 },
      { key: 'advisory', header: 'Cơ quan tham mưu', type: 'text', width: 180 },
      { key: 'executor', header: 'Cơ quan thực hiện', type: 'text', width: 180 },
      { key: 'coordinators', header: 'Cơ quan phối hợp', type: 'text', width: 180 },
      { key: 'target', header: 'Đối tượng, chỉ tiêu', type: 'text', width: 160 },
      { key: 'responsibleUnits', header: 'Đơn vị chịu trách nhiệm', type: 'text', width: 200 },
      { key: 'scheduleKind', header: 'Loại thời hạn', type: 'text', list: 'scheduleKind', width: 140 },
      { key: 'scheduleText', header: 'Thời gian thực hiện', type: 'text', width: 200 },
      { key: 'start', header: 'Ngày bắt đầu', type: 'date', width: 100 },
      { key: 'due', header: 'Các hạn hoàn thành', type: 'text', width: 160 },
      { key: 'status', header: 'Trạng thái', type: 'text', list: 'progressStatus', computed: true, width: 120 },
      { key: 'percent', header: '% hoàn thành', type: 'percent', computed: true, width: 90 },
      { key: 'nextDue', header: 'Hạn kế tiếp', type: 'date', computed: true, width: 100 },
      { key: 'daysLate', header: 'Số ngày trễ', type: 'integer', computed: true, width: 80 },
      { key: 'lastUpdate', header: 'Cập nhật lần cuối', type: 'datetime', computed: true, width: 140 },
    ],
  },
  progress: {
    key: 'progress',
    name: 'Nhật ký tiến độ',
    description: 'Mỗi lần một đơn vị cập nhật tiến độ một việc, thêm một dòng; không sửa, không xóa.',
    keyColumns: ['loggedAt', 'itemId', 'unit'],
    columns: [
      { key: 'loggedAt', header: 'Thời điểm ghi', type: 'datetime', required: true, computed: true, width: 140 },
      { key: 'year', header: 'Năm', type: 'integer', required: true, width: 60 },
      { key: 'itemId', header: 'Mã công việc', type: 'text', required: true, width: 80 },
      { key: 'unit', header: 'Đơn vị', type: 'text', required: true, width: 200 },
      { key: 'status', header: 'Trạng thái', type: 'text', list: 'progressStatus', required: true, width: 120 },
      { key: 'percent', header: '% hoàn thành', type: 'percent', width: 90 },
      { key: 'date', header: 'Ngày thực hiện', type: 'date', width: 100 },
      { key: 'note', header: 'Ghi chú', type: 'longtext', width: 280 },
      { key: 'evidence', header: 'Minh chứng (đường dẫn)', type: 'url', width: 220 },
      { key: 'user', header: 'Người cập nhật', type: 'email', computed: true, width: 180 },
    ],
  },
  units: {
    key: 'units',
    name: 'Đơn vị',
    description: 'Danh sách đơn vị, tên gọi khác và lịch sử sáp nhập.',
    keyColumns: ['name'],
    columns: [
      { key: 'name', header: 'Tên đơn vị', type: 'text', required: true, width: 240 },
      { key: 'kind', header: 'Loại đơn vị', type: 'text', list: 'unitKind', required: true, width: 130 },
      { key: 'cluster', header: 'Cụm, khối thi đua', type: 'text', width: 160 },
      { key: 'aliases', header: 'Tên gọi khác (cách nhau bởi ;)', type: 'text', width: 300 },
      { key: 'email', header: 'Thư điện tử', type: 'email', width: 200 },
      { key: 'validFrom', header: 'Hiệu lực từ ngày', type: 'date', width: 110 },
      { key: 'validTo', header: 'Hiệu lực đến ngày', type: 'date', width: 110 },
      { key: 'mergedInto', header: 'Sáp nhập vào', type: 'text', width: 200 },
    ],
  },
  registrations: {
    key: 'registrations',
    name: 'Đăng ký thi đua',
    description: 'Đăng ký danh hiệu thi đua đầu năm của cá nhân, tập thể.',
    keyColumns: ['year', 'subject', 'name', 'award'],
    columns: [
      { key: 'year', header: 'Năm', type: 'integer', required: true, width: 60 },
      { key: 'unit', header: 'Đơn vị', type: 'text', required: true, width: 200 },
      { key: 'subject', header: 'Cá nhân/Tập thể', type: 'text', list: 'subject', required: true, width: 110 },
      { key: 'name', header: 'Họ và tên / Tên tập thể', type: 'text', required: true, width: 200 },
      { key: 'position', header: 'Chức vụ', type: 'text', width: 200 },
      { key: 'award', header: 'Danh hiệu đăng ký', type: 'text', required: true, width: 200 },
      ...SOURCE_COLUMNS,
      { key: 'importedAt', header: 'Thời điểm nhập', type: 'datetime', computed: true, width: 140 },
    ],
  },
  nominations: {
    key: 'nominations',
    name: 'Đề nghị khen thưởng',
    description: 'Danh sách cá nhân, tập thể được đơn vị đề nghị khen thưởng.',
    keyColumns: ['year', 'subject', 'name', 'award'],
    columns: [
      { key: 'year', header: 'Năm', type: 'integer', required: true, width: 60 },
      { key: 'unit', header: 'Đơn vị', type: 'text', required: true, width: 200 },
      { key: 'subject', header: 'Cá nhân/Tập thể', type: 'text', list: 'subject', required: true, width: 110 },
      { key: 'name', header: 'Họ và tên / Tên tập thể', type: 'text', required: true, width: 200 },
      { key: 'position', header: 'Chức vụ', type: 'text', width: 200 },
      { key: 'award', header: 'Danh hiệu, hình thức đề nghị', type: 'text', required: true, width: 220 },
      { key: 'commendationKind', header: 'Loại khen thưởng', type: 'text', list: 'commendationKind', width: 130 },
      { key: 'achievement', header: 'Tóm tắt thành tích', type: 'longtext', width: 300 },
      { key: 'initiative', header: 'Sáng kiến', type: 'text', width: 220 },
      { key: 'initiativeRecognition', header: 'Công nhận sáng kiến', type: 'text', width: 200 },
      { key: 'attachments', header: 'Hồ sơ đính kèm (đường dẫn)', type: 'url', width: 220 },
      { key: 'reviewStatus', header: 'Trạng thái xét', type: 'text', list: 'reviewStatus', width: 120 },
      { key: 'findings', header: 'Kết quả kiểm tra', type: 'longtext', computed: true, width: 280 },
      ...SOURCE_COLUMNS,
      { key: 'importedAt', header: 'Thời điểm nhập', type: 'datetime', computed: true, width: 140 },
    ],
  },
  awardHistory: {
    key: 'awardHistory',
    name: 'Lịch sử khen thưởng',
    description: 'Các danh hiệu, hình thức khen thưởng đã được quyết định, dùng để xét các năm liên tục.',
    keyColumns: ['year', 'subject', 'name', 'award'],
    columns: [
      { key: 'year', header: 'Năm', type: 'integer', required: true, width: 60 },
      { key: 'subject', header: 'Cá nhân/Tập thể', type: 'text', list: 'subject', required: true, width: 110 },
      { key: 'name', header: 'Họ và tên / Tên tập thể', type: 'text', required: true, width: 200 },
      { key: 'unit', header: 'Đơn vị', type: 'text', required: true, width: 200 },
      { key: 'award', header: 'Danh hiệu, hình thức', type: 'text', required: true, width: 220 },
      { key: 'decisionNumber', header: 'Số quyết định', type: 'text', width: 120 },
      { key: 'decisionDate', header: 'Ngày quyết định', type: 'date', width: 110 },
      { key: 'issuer', header: 'Cấp quyết định', type: 'text', width: 180 },
      { key: 'initiative', header: 'Sáng kiến đã dùng', type: 'text', width: 220 },
      // Filled for rows imported from a past decision's list (tdkt import), empty for decisions made here.
      ...SOURCE_COLUMNS,
    ],
  },
  importLog: {
    key: 'importLog',
    name: 'Nhật ký nhập tệp',
    description: 'Mỗi tệp báo cáo đã nhập (hoặc bỏ qua, hoặc lỗi), với mã băm SHA-256 để không nhập lại.',
    keyColumns: ['sha256'],
    columns: [
      { key: 'importedAt', header: 'Thời điểm nhập', type: 'datetime', required: true, width: 140 },
      { key: 'file', header: 'Tệp', type: 'text', required: true, width: 260 },
      { key: 'sha256', header: 'SHA-256', type: 'text', width: 200 },
      { key: 'status', header: 'Kết quả', type: 'text', list: 'importStatus', required: true, width: 140 },
      { key: 'unit', header: 'Đơn vị', type: 'text', width: 200 },
      { key: 'kind', header: 'Loại báo cáo', type: 'text', list: 'reportKind', width: 160 },
      { key: 'records', header: 'Số bản ghi', type: 'integer', width: 80 },
      { key: 'problems', header: 'Số vấn đề', type: 'integer', width: 80 },
      { key: 'message', header: 'Ghi chú', type: 'longtext', width: 300 },
    ],
  },
  discrepancies: {
    key: 'discrepancies',
    name: 'Sai lệch cần xử lý',
    description:
      'Những dòng cần người xem lại: thiếu, sai, trùng, mâu thuẫn; mỗi dòng nêu vị trí, lý do và cách xử lý.',
    keyColumns: ['file', 'sheet', 'row', 'code'],
    columns: [
      { key: 'file', header: 'Tệp', type: 'text', width: 240 },
      { key: 'sheet', header: 'Trang tính', type: 'text', width: 120 },
      { key: 'row', header: 'Dòng', type: 'integer', width: 60 },
      { key: 'name', header: 'Họ tên / Tập thể', type: 'text', width: 200 },
      { key: 'code', header: 'Mã vấn đề', type: 'text', width: 140 },
      { key: 'what', header: 'Vấn đề', type: 'longtext', width: 260 },
      { key: 'why', header: 'Lý do', type: 'longtext', width: 260 },
      { key: 'suggestion', header: 'Đề xuất xử lý', type: 'longtext', width: 260 },
      { key: 'resolved', header: 'Đã xử lý', type: 'text', list: 'yesNo', width: 80 },
    ],
  },
  reminders: {
    key: 'reminders',
    name: 'Nhật ký nhắc việc',
    description:
      'Mỗi thư nhắc việc đã gửi: đơn vị, công việc, hạn và mốc nhắc; dùng để không nhắc lại cùng một mốc hai lần.',
    keyColumns: ['unit', 'itemId', 'dueDate', 'threshold'],
    columns: [
      { key: 'sentAt', header: 'Thời điểm gửi', type: 'datetime', required: true, computed: true, width: 140 },
      { key: 'unit', header: 'Đơn vị', type: 'text', required: true, computed: true, width: 200 },
      { key: 'itemId', header: 'Mã công việc', type: 'text', required: true, computed: true, width: 80 },
      { key: 'dueDate', header: 'Hạn hoàn thành', type: 'date', required: true, computed: true, width: 110 },
      { key: 'threshold', header: 'Mốc nhắc', type: 'text', required: true, computed: true, width: 140 },
      { key: 'to', header: 'Người nhận', type: 'text', computed: true, width: 260 },
    ],
  },
  settings: {
    key: 'settings',
    name: 'Cài đặt',
    description: 'Các tham số của Hội đồng: tên, cấp, năm, số ngày nhắc việc.',
    keyColumns: ['key'],
    columns: [
      { key: 'key', header: 'Tham số', type: 'text', required: true, width: 200 },
      { key: 'value', header: 'Giá trị', type: 'text', width: 300 },
      { key: 'note', header: 'Giải thích', type: 'longtext', width: 360 },
    ],
  },
};

/** The sheets in the order they appear in a new workbook. */
export const SHEET_ORDER: ReadonlyArray<SheetKey> = [
  'plan',
  'progress',
  'units',
  'registrations',
  'nominations',
  'awardHistory',
  'importLog',
  'discrepancies',
  'reminders',
  'settings',
];

/**
 * Sheets tdkt writes as reports: rewritten whole on each run, not tables of
 * rows, so they are not in SHEETS and no store reads them back. Their names
 * are reserved here so no contract sheet ever takes them.
 */
export const REPORT_SHEETS = {
  /** The «Bảng tổng hợp» menu's sheet (core/tracking dashboardValues). */
  dashboard: 'Tổng hợp',
} as const;

/** The sheet of a six-month or annual review (core/tracking reviewValues), one per kind and year. */
export function reviewSheetName(kind: 'six-month' | 'annual', year: number): string {
  return kind === 'six-month' ? `Sơ kết 6 tháng ${year}` : `Tổng kết năm ${year}`;
}

/**
 * Report sheets of the council's work, one per meeting, decision or year.
 * "/" (in dates and decision numbers) becomes "-": Excel refuses it in sheet
 * names, and the workbook may be downloaded as .xlsx.
 */
function reportSheetName(text: string): string {
  return text.replace(/[\\/?*[\]:]/g, '-').slice(0, 100);
}

/** The minutes of a council session (core/council minutesTable), by meeting date (ISO). */
export function minutesSheetName(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return reportSheetName(`Biên bản họp Hội đồng ${m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate}`);
}

/** The list attached to a commendation decision (core/council decisionFromSession), by its number. */
export function decisionListSheetName(decisionNumber: string): string {
  return reportSheetName(`DS kèm QĐ ${decisionNumber}`);
}

/** The yearly inspection roster (core/roster rosterValues), which the office may edit. */
export function rosterSheetName(year: number): string {
  return `Danh sách kiểm tra ${year}`;
}

export function sheetSpec(key: SheetKey): SheetSpec {
  return SHEETS[key];
}

export function headersOf(key: SheetKey): string[] {
  return SHEETS[key].columns.map((c) => c.header);
}

/** The settings a new workbook starts with (key, value, explanation). */
export const DEFAULT_SETTINGS: ReadonlyArray<{ key: string; value: string; note: string }> = [
  {
    key: 'councilName',
    value: 'Hội đồng Thi đua – Khen thưởng',
    note: 'Tên Hội đồng, in trên báo cáo và thư nhắc việc.',
  },
  { key: 'councilLevel', value: 'district', note: 'Cấp của Hội đồng: province, district hoặc commune.' },
  { key: 'year', value: '', note: 'Năm của kế hoạch đang theo dõi.' },
  { key: 'reminderDays', value: '7', note: 'Nhắc các việc đến hạn trong số ngày này.' },
  {
    key: 'officeEmails',
    value: '',
    note: 'Thư điện tử của Thường trực Hội đồng (cách nhau bởi ;), được xem mọi việc.',
  },
  {
    key: 'decisionIssuer',
    value: '',
    note: 'Người có thẩm quyền ký quyết định khen thưởng, in trên danh sách kèm quyết định (ví dụ: Chủ tịch Ủy ban nhân dân huyện Hồng Ngự).',
  },
  {
    key: 'certificateTemplateUrl',
    value: '',
    note: 'Đường dẫn tới mẫu Giấy khen trên Google Tài liệu, có các chỗ trống {{ten}}, {{don_vi}}, {{danh_hieu}}, {{so_quyet_dinh}}, {{ngay_quyet_dinh}}.',
  },
];

/**
 * Every tdkt master has this sheet from its creation (init and setup make it);
 * a workbook without it is not a tdkt master. Sheets the contract gained later
 * may be missing from an older master: stores read them as empty.
 */
export const MASTER_MARKER_SHEET: SheetKey = 'units';
