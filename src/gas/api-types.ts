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

/** Every function a page may call, with its argument and result types. */
export interface ServerApi {
  getProgressForm(): ProgressForm;
  submitProgress(input: ProgressInput): SubmitResult;
}
