/**
 * Functions the pages call through google.script.run. Their types are the
 * contract of the typed client wrapper in ui/shared/server.ts: arguments and
 * results are plain JSON (dates as ISO strings).
 */
import type { ProgressInput } from '../core/progress';
import { SheetStore } from './sheet-store';
import { loadProgressForm, recordProgress } from './progress';
import type { PlanLoadResult, PlanPreview, PlanSource, ProgressForm, ServerApi, SubmitResult } from './api-types';
import { applyPlanLoad, previewPlanLoad } from './plan-load';
import { runPageCall } from './ui-guard';
import type {
  CouncilSessionInput,
  CouncilSessionResult,
  NominationCheck,
  NominationInput,
  NominationSubmitResult,
} from './council-api-types';
import { recordSession } from './council';
import { checkNominationInput, submitNominationInput } from './nominations';

export function getProgressForm(): ProgressForm {
  return runPageCall(() => loadProgressForm(new SheetStore()));
}

export function submitProgress(input: ProgressInput): SubmitResult {
  return runPageCall(() => recordProgress(new SheetStore(), input));
}

export function previewPlan(source: PlanSource, year: number | null): PlanPreview {
  return runPageCall(() => previewPlanLoad(new SheetStore(), source, year));
}

export function loadPlan(source: PlanSource, year: number | null): PlanLoadResult {
  return runPageCall(() => applyPlanLoad(new SheetStore(), source, year));
}

export function checkNomination(input: NominationInput): NominationCheck {
  return runPageCall(() => checkNominationInput(new SheetStore(), input));
}

export function submitNomination(input: NominationInput): NominationSubmitResult {
  return runPageCall(() => submitNominationInput(new SheetStore(), input));
}

export function recordCouncilSession(input: CouncilSessionInput): CouncilSessionResult {
  return runPageCall(() => recordSession(new SheetStore(), input));
}

/** Fails to compile when a function here drifts from the ServerApi the pages are typed against. */
const _serverApi: ServerApi = {
  getProgressForm,
  submitProgress,
  previewPlan,
  loadPlan,
  checkNomination,
  submitNomination,
  recordCouncilSession,
};
