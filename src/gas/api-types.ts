/**
 * What crosses google.script.run between the pages and the server: plain
 * JSON types only (dates as ISO strings), no Apps Script types, so the pages
 * can import them. server-api.ts is checked against `ServerApi`.
 */
import type { ProgressInput } from '../core/progress';

export type { ProgressInput };

export interface ProgressItemView {
  year: number;
  id: string;
  title: string;
  status: string;
  percent: number | null;
  lead: string;
  /** «Hạn kế tiếp» as an ISO date, or null. */
  nextDue: string | null;
  /** The units answering for the item (for a staff member: those of theirs). */
  units: string[];
}

export interface ProgressForm {
  email: string;
  isOffice: boolean;
  units: string[];
  /** The items this user may report on: their units' items, or every item for the office. */
  items: ProgressItemView[];
  /** How many items the plan has in all. */
  planItems: number;
  statuses: Array<{ code: string; label: string }>;
  today: string;
}

export interface SubmitResult {
  message: string;
  item: ProgressItemView;
}

/** Where the plan dialog's text comes from: pasted text or a Google Doc's address. */
export type PlanSource = { text: string } | { docUrl: string };

export interface PlanPreviewItem {
  id: string;
  title: string;
  responsible: string;
  schedule: string;
  /** What loading would do to this item in the sheet. */
  action: 'add' | 'update' | 'unchanged';
}

export interface PlanPreview {
  title: string;
  year: number | null;
  items: PlanPreviewItem[];
  warnings: string[];
  deliverables: string[];
}

export interface PlanLoadResult {
  message: string;
  added: number;
  updated: number;
  unchanged: number;
}

/** Every function a page may call, with its argument and result types. */
export interface ServerApi {
  getProgressForm(): ProgressForm;
  submitProgress(input: ProgressInput): SubmitResult;
  previewPlan(source: PlanSource, year: number | null): PlanPreview;
  loadPlan(source: PlanSource, year: number | null): PlanLoadResult;
}

/** The council's work: the nomination sidebar and the session dialog (types in council-api-types.ts). */
export interface ServerApi {
  checkNomination(input: import('./council-api-types').NominationInput): import('./council-api-types').NominationCheck;
  submitNomination(
    input: import('./council-api-types').NominationInput,
  ): import('./council-api-types').NominationSubmitResult;
  recordCouncilSession(
    input: import('./council-api-types').CouncilSessionInput,
  ): import('./council-api-types').CouncilSessionResult;
}
