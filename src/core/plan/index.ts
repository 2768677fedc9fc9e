export { parsePlan, TASK_SECTION_WORDS, ORGANISATION_SECTION_WORDS, AIM_SECTION_WORDS } from './parse';
export { parseSchedule, findSchedule, defaultSchedule } from './schedule';
export type { Schedule, ParsedSchedule, FoundSchedule } from './schedule';
export { parseStructure } from './structure';
export type { PlanStructure, StructSection, StructNode, Block, Marker } from './structure';
export { FIELD_LABELS, splitFields, splitLead, splitUnits } from './roles';
export { OBLIGATIONS, UNIT_KIND_PHRASES } from './deliverables';
export type * from './types';
export {
  formatDueList,
  parseDueList,
  responsibleUnits,
  planItemRow,
  planRows,
  mergePlanRows,
  PLAN_PROGRESS_COLUMNS,
} from './rows';
export type { PlanMerge } from './rows';
