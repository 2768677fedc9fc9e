/**
 * Who may do what: units are matched to the signed-in e-mail through the
 * units sheet; the standing office (settings «officeEmails») sees every unit.
 * While no office e-mail is set, everyone is treated as the office so a fresh
 * workbook is usable.
 */
import type { Row } from './contract';

export interface Access {
  email: string;
  isOffice: boolean;
  /** Units this user reports for (all units for the office). */
  units: string[];
}

function splitEmails(value: unknown): string[] {
  return String(value ?? '')
    .split(/[;,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

export function accessFor(email: string, units: Row[], settings: Row[]): Access {
  const me = email.trim().toLowerCase();
  const office = splitEmails(settings.find((s) => s.key === 'officeEmails')?.value);
  const isOffice = office.length === 0 || (me !== '' && office.includes(me));
  const names = units.map((u) => String(u.name ?? '')).filter(Boolean);
  if (isOffice) return { email: me, isOffice, units: names };
  const mine = units.filter((u) => me !== '' && splitEmails(u.email).includes(me)).map((u) => String(u.name));
  return { email: me, isOffice, units: mine };
}
