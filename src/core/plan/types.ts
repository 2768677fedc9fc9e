import type { UnitKind } from '../contract';
import type { Schedule } from './schedule';

export type { Schedule } from './schedule';

/** How an item's schedule was obtained. */
export type ScheduleSource = 'stated' | 'inherited' | 'inferred' | 'default';

/** One trackable task of a plan: a leaf of the tasks section. */
export interface PlanItem {
  /** Numbering within the tasks section, dot-joined, letters in lower case: "1.1", "4", "5.3.c". */
  id: string;
  /** The heading of the item, without its number and final punctuation. */
  title: string;
  /** Titles of the enclosing numbered headings, outermost first. */
  path: string[];
  /** Nội dung: the labelled content and the item's unlabelled paragraphs, one per line. */
  content: string;
  /** Chủ trì / Đơn vị chủ trì / Cơ quan chủ trì ("" when none). */
  lead: string;
  /** Cơ quan tham mưu / Đơn vị tham mưu. */
  advisory: string;
  /** Cơ quan thực hiện / Đơn vị thực hiện. */
  executor: string;
  /** Cơ quan phối hợp, and the Y of a lead written "X phối hợp với Y". */
  coordinators: string[];
  /** Đối tượng, or a quantity found in the text ("02 lớp"). */
  target: string;
  schedule: Schedule;
  scheduleSource: ScheduleSource;
  /** 1-based line of the item's heading in the input. */
  line: number;
}

/** Something section "TỔ CHỨC THỰC HIỆN" asks each unit of a kind to deliver. */
export interface PlanDeliverable {
  /** Where it is asked and of whom: "III.2:department". */
  id: string;
  /** The numbered paragraph that asks for it: "III.2". */
  source: string;
  unitKind: UnitKind;
  /** The kind of unit in words: "Phòng, ban, ngành", "Xã", "Tổ chức chính trị - xã hội". */
  unitLabel: string;
  /** True when the text asks the unit's emulation council ("Hội đồng thi đua – khen thưởng các xã"). */
  council: boolean;
  /** What is to be delivered, as a code-like phrase: "ban hành kế hoạch". */
  action: string;
  /** The words of the request: "Ban hành Kế hoạch hoạt động năm 2022". */
  title: string;
  /** The deadline when the text states one, else null. */
  schedule: Schedule | null;
  /** The sentence it comes from. */
  text: string;
}

export type PlanWarningCode =
  | 'unknown-time'
  | 'schedule-inferred'
  | 'schedule-defaulted'
  | 'no-year'
  | 'year-mismatch'
  | 'no-title'
  | 'no-tasks-section'
  | 'no-items'
  | 'duplicate-id';

export interface PlanWarning {
  code: PlanWarningCode;
  /** Vietnamese, for the user. */
  message: string;
  itemId?: string;
  /** The words concerned (e.g. the time phrase not understood). */
  phrase?: string;
  line?: number;
}

export interface ParsedPlan {
  title: string;
  year: number | null;
  items: PlanItem[];
  deliverables: PlanDeliverable[];
  warnings: PlanWarning[];
}

export interface ParsePlanOptions {
  /** The plan's year when its title does not say. */
  year?: number;
}
