/**
 * Who is asking, and the council settings the commendation work needs (its
 * level, the decision's issuer). The council's own work (checks, sessions,
 * decisions, certificates, inspection rosters) is the standing office's; a
 * unit's staff only nominate for their own units.
 */
import { accessFor, type Access } from '../core/access';
import type { CouncilLevel } from '../core/awards';
import { AUTHORITY_LABEL } from '../core/awards/eligibility/messages';
import type { Row } from '../core/contract';
import { UserFacingError } from './errors';
import type { Reference } from './reference';

export function currentEmail(): string {
  return Session.getActiveUser().getEmail() || '';
}

export function userAccess(reference: Reference): Access {
  return accessFor(currentEmail(), reference.units, reference.settings);
}

/** Throws a polite Vietnamese error unless the user is the standing office. */
export function requireOffice(reference: Reference, what: string): Access {
  const access = userAccess(reference);
  if (!access.isOffice) {
    throw new UserFacingError(
      `Chỉ Thường trực Hội đồng mới được ${what}. Nếu anh/chị thuộc Thường trực, vui lòng đề nghị bổ sung thư điện tử của mình vào dòng «officeEmails» của trang «Cài đặt».`,
    );
  }
  return access;
}

export function settingValue(settings: ReadonlyArray<Row>, key: string): string {
  return String(settings.find((s) => String(s.key ?? '').trim() === key)?.value ?? '').trim();
}

const LEVELS: ReadonlyArray<CouncilLevel> = ['commune', 'district', 'province'];

/** «councilLevel»: province, district or commune (district when empty or unknown). */
export function councilLevelOf(settings: ReadonlyArray<Row>): CouncilLevel {
  const value = settingValue(settings, 'councilLevel').toLowerCase() as CouncilLevel;
  return LEVELS.includes(value) ? value : 'district';
}

/** «decisionIssuer», else the head of the council's level ("Chủ tịch Ủy ban nhân dân cấp huyện"). */
export function decisionIssuerOf(settings: ReadonlyArray<Row>): string {
  return settingValue(settings, 'decisionIssuer') || AUTHORITY_LABEL[councilLevelOf(settings)];
}
