/**
 * What crosses google.script.run for the council's work: the nomination
 * sidebar and the session dialog. Plain JSON only (dates as ISO strings),
 * no Apps Script types, so the pages can import them; api-types.ts adds the
 * functions to ServerApi.
 */
import type { NominationInput } from '../core/nomination';
import type { SessionBallot, SessionMeeting } from '../core/council/session';
import type { CouncilLevel, Severity } from '../core/awards';

export type { NominationInput, SessionBallot, SessionMeeting };

export interface NominationForm {
  email: string;
  isOffice: boolean;
  /** Units this user may nominate for (every unit for the office). */
  units: string[];
  /** The year the form starts with (the settings' year, else this year). */
  year: number;
  today: string;
  councilLevel: CouncilLevel;
  commendationKinds: Array<{ code: string; label: string }>;
}

export interface FindingView {
  severity: Severity;
  /** «Lỗi», «Cảnh báo», «Cần bổ sung hồ sơ». */
  severityLabel: string;
  /** The rule or check, in Vietnamese. */
  rule: string;
  message: string;
}

export interface NominationCheck {
  /** Problems with the form itself (field and message); when any, no findings are computed. */
  problems: Array<{ field: string; message: string }>;
  /** Eligibility findings against the sheet's nominations, registrations and award history. */
  findings: FindingView[];
  /** The sheet row of the same nomination, when it is already there. */
  duplicateRow: number | null;
}

export interface NominationSubmitResult {
  message: string;
  /** The sheet row written. */
  row: number;
  findings: FindingView[];
}

export interface CouncilNominationView {
  /** «sheet row|identity»: the server finds the row again even if rows moved in between. */
  key: string;
  year: number | null;
  subject: string;
  name: string;
  unit: string;
  /** The catalogue's name when the award is known, else as written. */
  award: string;
  status: string;
  /** Error lines in «Kết quả kiểm tra». */
  findingErrors: number;
  findings: string;
}

export interface CouncilForm {
  councilName: string;
  today: string;
  /** Achievement years of the nominations awaiting a vote, ascending. */
  years: number[];
  defaultYear: number | null;
  nominations: CouncilNominationView[];
}

export interface CouncilSessionInput {
  meeting: SessionMeeting;
  ballots: SessionBallot[];
}

export interface CouncilSessionResult {
  message: string;
  sheetName: string;
  passed: number;
  rejected: number;
  /** Voted on while the meeting lacked its quorum: status unchanged. */
  noQuorum: number;
}
