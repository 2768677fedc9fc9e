/**
 * The drop-down lists of the workbook: each is a code the program uses and the
 * Vietnamese label a person sees and picks in the sheet.
 */
export interface ListOption<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

function list<C extends string>(options: ReadonlyArray<ListOption<C>>): ReadonlyArray<ListOption<C>> {
  return options;
}

export const PROGRESS_STATUS = list([
  { code: 'not_started', label: 'Chưa bắt đầu' },
  { code: 'in_progress', label: 'Đang thực hiện' },
  { code: 'done', label: 'Hoàn thành' },
  { code: 'paused', label: 'Tạm dừng' },
] as const);
export type ProgressStatus = (typeof PROGRESS_STATUS)[number]['code'];

export const UNIT_KIND = list([
  { code: 'department', label: 'Phòng ban' },
  { code: 'commune', label: 'Xã' },
  { code: 'town', label: 'Thị trấn' },
  { code: 'ward', label: 'Phường' },
  { code: 'school', label: 'Trường học' },
  { code: 'other', label: 'Khác' },
] as const);
export type UnitKind = (typeof UNIT_KIND)[number]['code'];

export const SUBJECT = list([
  { code: 'individual', label: 'Cá nhân' },
  { code: 'collective', label: 'Tập thể' },
] as const);
export type Subject = (typeof SUBJECT)[number]['code'];

export const SCHEDULE_KIND = list([
  { code: 'deadline', label: 'Có hạn' },
  { code: 'window', label: 'Trong khoảng thời gian' },
  { code: 'ongoing', label: 'Thường xuyên' },
  { code: 'on-demand', label: 'Khi cần thiết' },
  { code: 'external', label: 'Theo kế hoạch cấp trên' },
] as const);
export type ScheduleKind = (typeof SCHEDULE_KIND)[number]['code'];

export const COMMENDATION_KIND = list([
  { code: 'regular', label: 'Thường xuyên' },
  { code: 'thematic', label: 'Chuyên đề' },
  { code: 'sudden', label: 'Đột xuất' },
  { code: 'career', label: 'Quá trình cống hiến' },
  { code: 'merit', label: 'Công trạng' },
  { code: 'seniority', label: 'Niên hạn' },
  { code: 'foreign', label: 'Đối ngoại' },
] as const);
export type CommendationKind = (typeof COMMENDATION_KIND)[number]['code'];

export const REVIEW_STATUS = list([
  { code: 'proposed', label: 'Đề nghị' },
  { code: 'reviewed', label: 'Đã thẩm định' },
  { code: 'rejected', label: 'Không đạt' },
  { code: 'passed', label: 'Đạt' },
  { code: 'sent_up', label: 'Trình cấp trên' },
] as const);
export type ReviewStatus = (typeof REVIEW_STATUS)[number]['code'];

export const RECORD_KIND = list([
  { code: 'nomination', label: 'Đề nghị khen thưởng' },
  { code: 'registration', label: 'Đăng ký thi đua' },
] as const);
export type RecordKind = (typeof RECORD_KIND)[number]['code'];

/** What an imported file is: a unit's list of records, or a past decision's attached list (its awards). */
export const REPORT_KIND = list([...RECORD_KIND, { code: 'award', label: 'Quyết định khen thưởng' }] as const);
export type ReportKind = (typeof REPORT_KIND)[number]['code'];

export const IMPORT_STATUS = list([
  { code: 'imported', label: 'Đã nhập' },
  { code: 'skipped', label: 'Bỏ qua (đã nhập trước)' },
  { code: 'failed', label: 'Lỗi' },
] as const);
export type ImportStatus = (typeof IMPORT_STATUS)[number]['code'];

export const YES_NO = list([
  { code: 'yes', label: 'Có' },
  { code: 'no', label: 'Không' },
] as const);

/**
 * Every list by name, for drop-downs in the sheet. Labels never contain a comma:
 * Excel's list validation separates its items with commas.
 */
export const LISTS = {
  progressStatus: PROGRESS_STATUS,
  unitKind: UNIT_KIND,
  subject: SUBJECT,
  scheduleKind: SCHEDULE_KIND,
  commendationKind: COMMENDATION_KIND,
  reviewStatus: REVIEW_STATUS,
  recordKind: RECORD_KIND,
  reportKind: REPORT_KIND,
  importStatus: IMPORT_STATUS,
  yesNo: YES_NO,
} as const;
export type ListName = keyof typeof LISTS;

export function labelOf(listName: ListName, code: string): string {
  const found = (LISTS[listName] as ReadonlyArray<ListOption>).find((o) => o.code === code);
  return found ? found.label : code;
}

/** The code for a label or a code, or undefined when neither matches. */
export function codeOf(listName: ListName, labelOrCode: string): string | undefined {
  const wanted = labelOrCode.trim().toLowerCase();
  const found = (LISTS[listName] as ReadonlyArray<ListOption>).find(
    (o) => o.code === wanted || o.label.toLowerCase() === wanted,
  );
  return found?.code;
}
