/**
 * «Bảng tổng hợp»: the «Tổng hợp» sheet with counts of the plan year's items
 * by status, by state, by quarter and by responsible unit (core/tracking
 * dashboard + dashboardValues), written in one setValues, and two charts: a
 * pie of the statuses and columns by quarter.
 *
 * The tables sit at fixed places for a given layout, so the charts made once
 * keep pointing at the right cells: a refresh looks for tdkt's charts (by
 * title) and rebuilds them only when one is missing, doubled or its table
 * moved. Formats are set only when the block's size changes. What the last
 * run wrote (size, chart ranges) is kept in the document properties, which
 * costs no Spreadsheet call.
 *
 * The menu's refresh counts from the plan's computed columns and does not read
 * the progress log (core dashboardFromPlan): its cost does not grow with the
 * log. Units and settings come from the document cache when setup has
 * installed the change trigger that clears it on every change by hand
 * (reference.ts): the office sees its edits at once, and a refresh costs four
 * Spreadsheet calls fewer. In a workbook set up by an older version (no
 * trigger) they are read from their sheets, as nothing would tell the cache.
 */
import { REPORT_SHEETS } from '../core/contract';
import { todayIn } from '../core/dates';
import {
  dashboard,
  dashboardFromPlan,
  dashboardValues,
  type Dashboard,
  type DashboardOptions,
  type SheetBlock,
} from '../core/tracking';
import { councilSettings, referenceCacheTrusted, referenceData, type CouncilSettings } from './reference';
import { reportSheet, reportValues } from './report-sheet';
import type { SheetStore } from './sheet-store';
import { recomputeComputedColumns, statusOptions, type TrackingData } from './tracking';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface ChartSpec {
  title: string;
  table: 'byStatus' | 'byQuarter';
  type: 'PIE' | 'COLUMN';
  row: number;
  column: number;
}

/** tdkt's charts, recognised by their titles. */
export const DASHBOARD_CHARTS: ReadonlyArray<ChartSpec> = [
  { title: 'Số việc theo trạng thái', table: 'byStatus', type: 'PIE', row: 1, column: 7 },
  { title: 'Số lượt đến hạn theo quý', table: 'byQuarter', type: 'COLUMN', row: 20, column: 7 },
];

const STATE_KEY = 'tdkt.dashboard';

interface DashboardState {
  rows: number;
  columns: number;
  charts: string[];
}

function loadState(): DashboardState | null {
  try {
    return JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(STATE_KEY) ?? 'null',
    ) as DashboardState | null;
  } catch {
    return null;
  }
}

export interface DashboardResult {
  sheet: Sheet;
  dashboard: Dashboard;
}

function dashboardOptions(store: SheetStore, settings: CouncilSettings): DashboardOptions {
  return {
    ...statusOptions(store, settings),
    councilName: settings.councilName,
    year: settings.year ?? undefined,
  };
}

/**
 * «Bảng tổng hợp»: reads the plan, units and settings (not the log; units
 * and settings from the cache when it can be trusted) and rewrites the
 * «Tổng hợp» sheet. When some item's computed columns do not fit
 * its due dates (the plan was edited by hand since they were computed), reads
 * the log once, rewrites the plan's computed columns as the daily run would,
 * and counts from the log. The caller holds the document lock.
 */
export function refreshDashboardSheet(store: SheetStore): DashboardResult {
  const plan = store.read('plan');
  const reference = referenceData(store, { fresh: !referenceCacheTrusted() });
  const settings = councilSettings(reference.settings);
  const today = todayIn(store.timeZone);
  const options = dashboardOptions(store, settings);
  let d = dashboardFromPlan(
    plan.rows.map((r) => r.row),
    reference.units,
    today,
    options,
  );
  if (!d) {
    const log = store.read('progress').rows.map((r) => r.row);
    recomputeComputedColumns(store, plan, log, today, statusOptions(store, settings));
    d = dashboard(
      plan.rows.map((r) => r.row),
      log,
      reference.units,
      today,
      options,
    );
  }
  return writeDashboardSheet(store, d);
}

/**
 * Rewrites the «Tổng hợp» sheet from data already read, counting from the
 * log (the daily run, which has just recomputed the plan from it). The caller
 * holds the document lock (two refreshes at once would both add the charts).
 */
export function writeDashboard(store: SheetStore, data: TrackingData): DashboardResult {
  const d = dashboard(data.items, data.log, data.reference.units, data.today, dashboardOptions(store, data.settings));
  return writeDashboardSheet(store, d);
}

function writeDashboardSheet(store: SheetStore, d: Dashboard): DashboardResult {
  const block = dashboardValues(d);
  const { sheet, created } = reportSheet(store.spreadsheet, REPORT_SHEETS.dashboard);
  const previous = created ? null : loadState();
  const width = block.values[0].length;
  // Cover what the last run wrote, so no old line stays below a shorter table.
  const rows = Math.max(block.values.length, previous?.rows ?? 0);
  const columns = Math.max(width, previous?.columns ?? 0);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(reportValues(block.values, columns, rows));
  if (created || previous?.rows !== block.values.length || previous?.columns !== width) {
    formatBlock(range, block, rows, columns);
    if (created) {
      sheet.setColumnWidth(1, 360);
      sheet.setColumnWidths(2, 4, 100);
    }
  }
  const charts = ensureCharts(sheet, block, created ? null : previous);
  const state = JSON.stringify({ rows: block.values.length, columns: width, charts } satisfies DashboardState);
  if (state !== JSON.stringify(previous)) PropertiesService.getDocumentProperties().setProperty(STATE_KEY, state);
  return { sheet, dashboard: d };
}

/** Bold title, table titles and headers; the done rate as a percent. One call each. */
function formatBlock(
  range: GoogleAppsScript.Spreadsheet.Range,
  block: SheetBlock,
  rows: number,
  columns: number,
): void {
  const bold = new Set<number>([0]);
  for (const t of Object.values(block.tables)) bold.add(t.row - 2).add(t.row - 1);
  const weights = Array.from({ length: rows }, (_, r) =>
    Array<'bold' | 'normal'>(columns).fill(bold.has(r) ? 'bold' : 'normal'),
  );
  const formats = Array.from({ length: rows }, () => Array<string>(columns).fill('General'));
  const totals = block.tables.totals;
  // The last line of «Tổng quát» is the done rate, a fraction.
  formats[totals.row + totals.numRows - 2][1] = '0%';
  range.setFontWeights(weights);
  range.setNumberFormats(formats);
}

function chartTitle(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): string {
  return String(chart.getOptions().get('title') ?? '');
}

/**
 * Makes sure tdkt's charts are there once each, on their tables; returns the
 * ranges they read. Other charts of the sheet are left alone.
 */
function ensureCharts(sheet: Sheet, block: SheetBlock, previous: DashboardState | null): string[] {
  const wanted = DASHBOARD_CHARTS.map((c) => block.tables[c.table].a1);
  const titles = DASHBOARD_CHARTS.map((c) => c.title);
  const ours = sheet
    .getCharts()
    .map((chart) => ({ chart, title: chartTitle(chart) }))
    .filter((c) => titles.includes(c.title));
  const intact =
    ours.length === titles.length &&
    titles.every((t) => ours.some((c) => c.title === t)) &&
    previous !== null &&
    JSON.stringify(previous.charts) === JSON.stringify(wanted);
  if (intact) return wanted;
  for (const { chart } of ours) sheet.removeChart(chart);
  DASHBOARD_CHARTS.forEach((spec, i) => {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType[spec.type])
      .addRange(sheet.getRange(wanted[i]))
      .setNumHeaders(1)
      .setPosition(spec.row, spec.column, 0, 0)
      .setOption('title', spec.title)
      .setOption('legend', { position: spec.type === 'PIE' ? 'right' : 'bottom' })
      .build();
    sheet.insertChart(chart);
  });
  return wanted;
}

/** The dashboard as a short Vietnamese summary for a toast. */
export function dashboardSummary(d: Dashboard): string {
  const t = d.totals;
  if (t.items === 0)
    return `Kế hoạch năm ${d.year} chưa có nội dung công việc nào; trang «${REPORT_SHEETS.dashboard}» để trống các số liệu.`;
  return (
    `Đã cập nhật trang «${REPORT_SHEETS.dashboard}» năm ${d.year}: ${t.items} nội dung, hoàn thành ${t.done}, ` +
    `trễ hạn ${t.late}, sắp đến hạn ${t.dueSoon}.`
  );
}
