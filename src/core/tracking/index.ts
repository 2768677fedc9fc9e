/**
 * Tracking the plan: status and lateness of each item from the progress log,
 * the units responsible, reminder e-mails, the "Tổng hợp" dashboard, the
 * six-month and annual reviews, and rolling the plan into a new year. Pure;
 * the add-in reads the sheets once, calls these, and writes once.
 */
export {
  COUNCIL_TIME_ZONE,
  DEFAULT_COUNCIL_NAME,
  DEFAULT_DUE_SOON_DAYS,
  ITEM_STATES,
  QUARTER_LABELS,
  SCHEDULE_RULES,
  UNKNOWN_SCHEDULE_RULE,
} from './rules';
export type { ItemState, QuarterLabel, ScheduleRule } from './rules';

export {
  COMPUTED_PLAN_COLUMNS,
  computeItemStatus,
  dayOfLogTime,
  dueDatesOf,
  entriesOf,
  groupLogById,
  isEntryOf,
  itemHistory,
  percentOf,
  recomputePlan,
  scheduleKindOf,
  settle,
  statusFromHistory,
} from './status';
export type { DueState, ItemHistory, ItemStatus, LogEntry, StatusOptions } from './status';

export { advanceItemStatus } from './advance';
export type { ComputedState } from './advance';

export {
  itemsForUnit,
  OFFICE_FALLBACK_PHRASES,
  OFFICE_ROLE_PHRASES,
  OFFICE_UNIT_NAMES,
  officeUnitOf,
  resolveResponsible,
  responsibleText,
  responsibleUnitsOf,
  UNIT_GROUPS,
} from './responsible';
export type { ResponsibleOptions, ResponsibleUnits } from './responsible';

export {
  emailsOf,
  escapeHtml,
  fitQuota,
  planReminders,
  reminderKey,
  reminderRecordFromRow,
  reminderRecordRow,
  reminderRecords,
  reminderRecordsFromValues,
  reminderRecordValues,
  thresholdFor,
  thresholdLabel,
  thresholdOf,
} from './reminders';
export type {
  DigestItem,
  ReminderDigest,
  ReminderInput,
  ReminderPlan,
  ReminderRecord,
  ReminderThreshold,
  SkipCode,
  SkippedReminder,
} from './reminders';

export { columnLetter } from '../a1';
export { buildBlock, dashboard, dashboardFromPlan, dashboardValues, UNASSIGNED_UNIT } from './dashboard';
export type { Dashboard, DashboardOptions, SheetBlock, TablePlace } from './dashboard';

export { REVIEW_HEADER, REVIEW_SECTIONS, reviewPeriod, reviewReport, reviewTitle, reviewValues } from './review';
export type { ReviewKind, ReviewOptions, ReviewReport, ReviewRow, ReviewSection, ReviewSectionKey } from './review';

export { rollPlanToYear, shiftIsoDate, shiftScheduleText } from './rollover';
