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
}

export interface ProgressForm {
  email: string;
  isOffice: boolean;
  units: string[];
  items: ProgressItemView[];
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
