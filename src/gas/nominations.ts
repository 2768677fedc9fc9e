/**
 * Nominations in the add-in:
 *
 * - «Nhập đề nghị khen thưởng…»: the sidebar where a unit's staff (for their
 *   own units) or the office (for any unit) enters one nomination. The page
 *   validates through the core as the user types and asks `checkNomination`
 *   for the findings that need the sheets; `submitNomination` appends one row
 *   under the document lock, status «Đề nghị», its findings filled in.
 * - «Kiểm tra điều kiện khen thưởng»: every nomination checked in one read of
 *   each sheet, the «Kết quả kiểm tra» column rewritten in one write, and a
 *   summary by severity.
 */
import {
  bySeverity,
  checkNominationsIndexed,
  countByRule,
  countBySeverity,
  findingsText,
  ruleLabel,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  type Finding,
  type IndexedFinding,
} from '../core/awards';
import { COMMENDATION_KIND, SHEETS, type Row } from '../core/contract';
import { todayIn } from '../core/dates';
import { nominationIdentity, nominationRow, validateNomination, type NominationInput } from '../core/nomination';
import { UnitRegistry } from '../core/units';
import type { FindingView, NominationCheck, NominationForm, NominationSubmitResult } from './council-api-types';
import { UserFacingError } from './errors';
import { withDocumentLock } from './lock';
import { councilLevelOf, requireOffice, settingValue, userAccess } from './office';
import { referenceData, type Reference } from './reference';
import { SheetStore, type SheetTable } from './sheet-store';
import { runMenuAction } from './ui-guard';

export const NOMINATION_SIDEBAR_TITLE = 'Nhập đề nghị khen thưởng';
export const CHECKS_TITLE = 'Kiểm tra điều kiện khen thưởng';

const BUSY = 'Bảng tính đang bận ghi dữ liệu khác. Vui lòng gửi lại đề nghị sau ít giây.';

function defaultYear(reference: Reference, today: string): number {
  const year = Number(settingValue(reference.settings, 'year'));
  const thisYear = Number(today.slice(0, 4));
  return Number.isInteger(year) && year >= 2000 && year <= thisYear ? year : thisYear;
}

export function loadNominationForm(store: SheetStore): NominationForm {
  store.requireSheet('nominations');
  const reference = referenceData(store);
  const access = userAccess(reference);
  const today = todayIn(store.timeZone);
  return {
    email: access.email,
    isOffice: access.isOffice,
    units: access.units,
    year: defaultYear(reference, today),
    today,
    councilLevel: councilLevelOf(reference.settings),
    commendationKinds: COMMENDATION_KIND.map((k) => ({ code: k.code, label: k.label })),
  };
}

export function openNominationSidebar(): void {
  runMenuAction(NOMINATION_SIDEBAR_TITLE, () => {
    const form = loadNominationForm(new SheetStore());
    const template = HtmlService.createTemplateFromFile('NominationSidebar');
    // The page boots from this JSON, HTML-escaped by <?= ?> into an attribute: data, never markup.
    template.boot = JSON.stringify(form);
    SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(NOMINATION_SIDEBAR_TITLE));
  });
}

function findingView(f: Finding): FindingView {
  return {
    severity: f.severity,
    severityLabel: SEVERITY_LABEL[f.severity],
    rule: ruleLabel(f.rule),
    message: f.message,
  };
}

interface Evidence {
  nominations: SheetTable;
  registrations: Row[];
  history: Row[];
  registry: UnitRegistry;
}

/** One read of each sheet the checks look at. */
function readEvidence(store: SheetStore, reference: Reference): Evidence {
  const nominations = store.read('nominations');
  return {
    nominations,
    registrations: store.read('registrations').rows.map((r) => r.row),
    history: store.read('awardHistory').rows.map((r) => r.row),
    registry: UnitRegistry.fromRows(reference.units),
  };
}

/** The findings of a nomination as if it were added to the sheet (it counts for quotas and the like). */
function findingsFor(row: Row, evidence: Evidence, reference: Reference): IndexedFinding[] {
  const rows = [...evidence.nominations.rows.map((r) => r.row), row];
  const index = rows.length - 1;
  const all = checkNominationsIndexed({
    nominations: rows,
    registrations: evidence.registrations,
    history: evidence.history,
    registry: evidence.registry,
    councilLevel: councilLevelOf(reference.settings),
    year: typeof row.year === 'number' ? row.year : undefined,
  });
  return bySeverity(all.filter((f) => f.index === index));
}

function duplicateOf(row: Row, table: SheetTable): number | null {
  const identity = nominationIdentity(row);
  return table.rows.find((r) => nominationIdentity(r.row) === identity)?.sheetRow ?? null;
}

function problemsOf(input: NominationInput, reference: Reference, today: string) {
  const access = userAccess(reference);
  return validateNomination(input, { allowedUnits: access.isOffice ? null : access.units, today });
}

/** The server's check of a nomination being typed: form problems, or findings against the sheets. */
export function checkNominationInput(store: SheetStore, input: NominationInput): NominationCheck {
  const reference = referenceData(store);
  const today = todayIn(store.timeZone);
  const problems = problemsOf(input, reference, today);
  if (problems.length > 0) return { problems, findings: [], duplicateRow: null };
  const evidence = readEvidence(store, reference);
  const row = nominationRow(input, new Date().toISOString());
  return {
    problems: [],
    findings: findingsFor(row, evidence, reference).map(findingView),
    duplicateRow: duplicateOf(row, evidence.nominations),
  };
}

/** Appends a valid nomination (one appendRow) under the document lock, with its findings. */
export function submitNominationInput(store: SheetStore, input: NominationInput): NominationSubmitResult {
  const reference = referenceData(store);
  const today = todayIn(store.timeZone);
  const problems = problemsOf(input, reference, today);
  if (problems.length > 0) throw new UserFacingError(problems.map((p) => p.message).join('\n'));
  return withDocumentLock(() => {
    const evidence = readEvidence(store, reference);
    store.requireColumns(evidence.nominations, [
      'year',
      'unit',
      'subject',
      'name',
      'award',
      'reviewStatus',
      'findings',
    ]);
    const draft = nominationRow(input, new Date().toISOString());
    const duplicate = duplicateOf(draft, evidence.nominations);
    if (duplicate !== null) {
      throw new UserFacingError(
        `Đề nghị “${draft.award}” năm ${draft.year} cho ${draft.name} (${draft.unit}) đã có ở dòng ${duplicate} của trang «${SHEETS.nominations.name}». Vui lòng sửa trực tiếp dòng đó nếu cần.`,
      );
    }
    const findings = findingsFor(draft, evidence, reference);
    const row = { ...draft, findings: findingsText(findings) };
    // The whole sheet was read up to its last row with content: the new row comes next.
    const sheetRow = evidence.nominations.values.length + 1;
    store.appendRow(evidence.nominations, row);
    const counts = countBySeverity(findings);
    const note =
      findings.length === 0
        ? ' Chưa phát hiện vấn đề nào.'
        : ` Kết quả kiểm tra: ${SEVERITY_ORDER.filter((s) => counts[s] > 0)
            .map((s) => `${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`)
            .join(', ')}; xem chi tiết bên dưới.`;
    return {
      message: `Đã ghi đề nghị “${draft.award}” năm ${draft.year} cho ${draft.name} (dòng ${sheetRow}).${note}`,
      row: sheetRow,
      findings: findings.map(findingView),
    };
  }, BUSY);
}

export interface ChecksSummary {
  nominations: number;
  withFindings: number;
  counts: Record<'error' | 'warning' | 'document', number>;
  message: string;
}

/** Checks every nomination and rewrites the «Kết quả kiểm tra» column in one write. */
export function runEligibilityChecks(store: SheetStore): ChecksSummary {
  const reference = referenceData(store, { fresh: true });
  requireOffice(reference, 'kiểm tra điều kiện khen thưởng của toàn bộ danh sách đề nghị');
  const evidence = readEvidence(store, reference);
  const table = evidence.nominations;
  store.requireColumns(table, ['findings']);
  if (table.rows.length === 0) {
    throw new UserFacingError(
      `Trang «${SHEETS.nominations.name}» chưa có đề nghị nào để kiểm tra. Vui lòng nhập đề nghị (menu «Nhập đề nghị khen thưởng…») hoặc nhập danh sách của các đơn vị trước.`,
    );
  }
  const findings = checkNominationsIndexed({
    nominations: table.rows.map((r) => r.row),
    registrations: evidence.registrations,
    history: evidence.history,
    registry: evidence.registry,
    councilLevel: councilLevelOf(reference.settings),
  });
  const byIndex = new Map<number, IndexedFinding[]>();
  for (const f of findings) if (f.index !== null) byIndex.set(f.index, [...(byIndex.get(f.index) ?? []), f]);
  store.writeColumns(
    table,
    table.rows.map((r, i) => ({
      sheetRow: r.sheetRow,
      row: { findings: findingsText(bySeverity(byIndex.get(i) ?? [])) },
    })),
    ['findings'],
  );
  const counts = countBySeverity(findings);
  const n = table.rows.length;
  const lines = [
    `Đã kiểm tra ${n.toLocaleString('vi-VN')} đề nghị khen thưởng.`,
    ...SEVERITY_ORDER.map((s) => `• ${SEVERITY_LABEL[s]}: ${counts[s].toLocaleString('vi-VN')}`),
    `• Không có vấn đề: ${(n - byIndex.size).toLocaleString('vi-VN')} đề nghị.`,
  ];
  const common = countByRule(findings)
    .map((r) => ({ label: ruleLabel(r.rule), total: r.error + r.warning + r.document }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 5);
  if (common.length) {
    lines.push('', 'Các vấn đề gặp nhiều nhất:');
    for (const c of common) lines.push(`• ${c.label}: ${c.total.toLocaleString('vi-VN')}`);
  }
  lines.push('', `Chi tiết từng đề nghị được ghi ở cột «Kết quả kiểm tra» của trang «${SHEETS.nominations.name}».`);
  return { nominations: n, withFindings: byIndex.size, counts, message: lines.join('\n') };
}

export function checkAllNominations(): void {
  runMenuAction(CHECKS_TITLE, () => {
    const store = new SheetStore();
    const summary = withDocumentLock(() => runEligibilityChecks(store));
    store.sheet('nominations')?.activate();
    return { alert: summary.message };
  });
}
