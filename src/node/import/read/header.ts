/**
 * Finding the table in a sheet: the header row(s) and what each column holds.
 *
 * Header cells are recognised as data (the synonym table in `vocabulary.ts`).
 * A header may span two or three rows: a parent cell merged across its
 * children ("Năm sinh" over "Nam | Nữ", "Hình thức đề nghị" over "Danh hiệu
 * thi đua | Hình thức khen thưởng", "Danh hiệu đăng ký" over "LĐTT | CSTĐCS |
 * …"), with the other header cells merged vertically. A column whose deepest
 * header names an award is a tick-matrix column.
 */
import type { Grid, GridCell } from './grid';
import { awardOf, matchKey, memoize } from './memo';
import {
  HEADER_RULES,
  MAX_HEADER_WORDS,
  NAME_HINTS,
  SECTION_SUBJECTS,
  type ColumnRole,
  type HeaderRule,
  type NameHint,
} from './vocabulary';

interface CompiledRule {
  role: ColumnRole;
  exact: string[];
  prefix: string[];
  contains: string[];
}

const RULES: CompiledRule[] = HEADER_RULES.map((r: HeaderRule) => ({
  role: r.role,
  exact: (r.exact ?? []).map((p) => matchKey(p)),
  prefix: (r.prefix ?? []).map((p) => matchKey(p)),
  contains: (r.contains ?? []).map((p) => matchKey(p)),
}));

const HINTS = NAME_HINTS.map((h) => ({ hint: h.hint, contains: h.contains.map((p) => matchKey(p)) }));
const SUBJECT_WORDS = new Set(SECTION_SUBJECTS.flatMap((s) => s.words.map((w) => matchKey(w))));

/** The role a header text names, if any. */
export const headerRole: (text: string) => ColumnRole | null = memoize(roleOf);

function roleOf(text: string): ColumnRole | null {
  const key = matchKey(text);
  if (!key) return null;
  if (key.split(' ').length > MAX_HEADER_WORDS) return null;
  const padded = ` ${key} `;
  for (const rule of RULES) {
    if (rule.exact.includes(key)) return rule.role;
    if (rule.prefix.some((p) => key === p || key.startsWith(p + ' '))) return rule.role;
    if (rule.contains.some((p) => padded.includes(` ${p} `))) return rule.role;
  }
  return null;
}

/** What a name header says about its rows. */
export function nameHint(text: string): NameHint {
  const padded = ` ${matchKey(text)} `;
  const found = HINTS.filter((h) => h.contains.some((p) => padded.includes(` ${p} `))).map((h) => h.hint);
  if (found.includes('collective') && found.includes('individual')) return 'mixed';
  return found[0] ?? 'mixed';
}

/**
 * True when a header text names an award (a tick-matrix column title): the
 * catalogue knows it, or it starts one of its names ("CSTĐ", "Giấy khen"),
 * and it is not a column synonym or a subject word ("Tập thể").
 */
export const isAwardTitle: (text: string) => boolean = memoize((text) => {
  const key = matchKey(text);
  if (!key || SUBJECT_WORDS.has(key) || headerRole(text) !== null) return false;
  const m = awardOf(text);
  if (m.award) return true;
  return (m.code === 'ambiguous' || m.code === 'partial') && m.candidates.length > 0;
});

export interface AwardColumn {
  col: number;
  /** 'text': cells hold award names; 'matrix': cells hold ticks under an award title. */
  mode: 'text' | 'matrix';
  /** The deepest header text (the award title of a matrix column). */
  header: string;
  /** A registration column ("Danh hiệu đăng ký"). */
  register: boolean;
}

export interface Layout {
  /** First and last header rows (1-based). */
  top: number;
  bottom: number;
  /** Roles of the columns (first column of each role). */
  columns: Partial<Record<ColumnRole, number>>;
  awards: AwardColumn[];
  hint: NameHint;
  /** Header text of each column, parent and child joined with " / " (for notes). */
  labels: Map<number, string>;
}

/** Header texts covering (row, col), top to bottom over the band, consecutive duplicates removed. */
function stack(grid: Grid, top: number, bottom: number, col: number): GridCell[] {
  const out: GridCell[] = [];
  for (let r = top; r <= bottom; r++) {
    const cell = grid.at(r, col);
    if (!cell || cell.text.trim() === '') continue;
    if (out.length && out[out.length - 1] === cell) continue;
    out.push(cell);
  }
  return out;
}

interface RowRoles {
  roles: Set<ColumnRole>;
  /** Cells without a role that name an award (matrix column titles); counted when first asked. */
  readonly awardTitles: number;
}

function rowRoles(grid: Grid, row: number): RowRoles {
  const roles = new Set<ColumnRole>();
  const others: string[] = [];
  for (const cell of grid.own(row)) {
    if (!cell.text.trim()) continue;
    const role = headerRole(cell.text);
    if (role) roles.add(role);
    else others.push(cell.text);
  }
  // Matching a text against the award catalogue is costly and most rows (data rows) never need it.
  let awardTitles: number | undefined;
  return {
    roles,
    get awardTitles(): number {
      if (awardTitles === undefined) awardTitles = others.filter((t) => isAwardTitle(t)).length;
      return awardTitles;
    },
  };
}

const NUMBER_TOKEN = /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?\.?$/;

/** A row such as "1 2 3 4 …" or "(1) (2) (3) …" under the header. */
export function isColumnNumberRow(grid: Grid, row: number): boolean {
  const cells = grid.own(row).filter((c) => c.text.trim() !== '');
  if (cells.length < 3) return false;
  if (!cells.every((c) => NUMBER_TOKEN.test(c.text.trim()))) return false;
  const numbers = cells.map((c) => Number(c.text.replace(/[^\d]/g, ''))).filter((n) => !Number.isNaN(n) && n > 0);
  if (numbers.length === cells.length) {
    // Increasing numbers (a data row never has only small increasing numbers in 3+ cells).
    for (let i = 1; i < numbers.length; i++) if (numbers[i] <= numbers[i - 1]) return false;
    return true;
  }
  // Letters (A) (B) (C)…
  return cells.every((c) => /[A-Za-z]/.test(c.text));
}

function hasNameRole(roles: Set<ColumnRole>): boolean {
  return roles.has('name') || roles.has('nameFamily') || roles.has('nameGiven');
}

type RolesOf = (row: number) => RowRoles;

function cachedRoles(grid: Grid): RolesOf {
  const cache = new Map<number, RowRoles>();
  return (row: number): RowRoles => {
    let found = cache.get(row);
    if (!found) cache.set(row, (found = rowRoles(grid, row)));
    return found;
  };
}

/** True when a row reads as a table header: it names the name column and at least one other. */
export function isHeaderRow(grid: Grid, row: number, roles: RolesOf = (r) => rowRoles(grid, r)): boolean {
  const here = roles(row);
  return hasNameRole(here.roles) && (here.roles.size >= 2 || here.awardTitles > 0);
}

/**
 * Finds the header band of a sheet: the row with the most recognised header
 * cells (it must name the name column and at least one other), extended up
 * and down over the parent/child rows of a multi-row header.
 */
export function findLayout(grid: Grid, maxScan = 300): Layout | null {
  const roles = cachedRoles(grid);
  const found: Array<{ row: number; score: number }> = [];
  const last = Math.min(grid.rowCount, maxScan);
  for (let r = 1; r <= last; r++) {
    if (!isHeaderRow(grid, r, roles)) continue;
    const here = roles(r);
    // The first row scoring 3 or more is the one chosen below whatever follows: stop looking
    // (the rows under it are data, and matching their cells against the award catalogue is costly).
    const own = here.roles.size >= 3 ? here.roles.size : here.roles.size + Math.min(here.awardTitles, 2);
    if (own >= 3) {
      found.push({ row: r, score: own });
      break;
    }
    const below = r < grid.rowCount ? roles(r + 1) : null;
    const score = own + (below ? Math.min(below.awardTitles, 2) * 0.5 : 0);
    found.push({ row: r, score });
    if (score >= 3) break;
  }
  if (found.length === 0) return unitListLayout(grid, last, roles);
  // The first convincing header (a sheet may hold several tables, each with its own header);
  // a weak early match gives way to a stronger one.
  const best = Math.max(...found.map((f) => f.score));
  const first = found.find((f) => f.score >= Math.min(3, best))!;
  return layoutAt(grid, first.row, roles);
}

/**
 * A list of collectives whose name column is headed "Đơn vị" / "Cơ quan, đơn
 * vị" ("STT | Đơn vị | Danh hiệu đăng ký"): with no name column anywhere, the
 * unit column names the collectives.
 */
function unitListLayout(grid: Grid, last: number, roles: RolesOf): Layout | null {
  for (let r = 1; r <= last; r++) {
    const here = roles(r);
    const awardish = here.roles.has('award') || here.roles.has('register') || here.awardTitles > 0;
    if (!here.roles.has('unit') || !awardish) continue;
    const layout = layoutAt(grid, r, roles);
    if (layout.columns.unit === undefined) continue;
    layout.columns.name = layout.columns.unit;
    delete layout.columns.unit;
    layout.hint = 'collective';
    return layout;
  }
  return null;
}

/** The layout of the header whose main row is `row` (see findLayout). */
export function layoutAt(grid: Grid, row: number, roles: RolesOf = cachedRoles(grid)): Layout {
  let top = row;
  let bottom = row;
  // Up: a parent row whose cells are merged down into the band.
  while (top > 1 && bottom - top < 3) {
    const above = grid.own(top - 1).filter((c) => c.text.trim() !== '');
    if (above.length === 0) break;
    const reaches = above.some((c) => c.rows > 1 && c.row + c.rows - 1 >= top);
    // A title line merged across the table is one cell; a parent header row has several.
    const parent =
      above.length >= 2 && above.some((c) => c.cols > 1 && (headerRole(c.text) !== null || isAwardTitle(c.text)));
    const hasRoles = roles(top - 1).roles.size > 0;
    if (reaches && hasRoles) top--;
    else if (parent && hasRoles && !isColumnNumberRow(grid, top - 1)) top--;
    else break;
  }
  // Down: child rows under merged parents.
  const nameCol = firstColumn(grid, top, bottom, (role) => role === 'name' || role === 'nameFamily');
  while (bottom < grid.rowCount && bottom - top < 3) {
    const next = bottom + 1;
    if (isColumnNumberRow(grid, next)) break;
    const cells = grid.own(next).filter((c) => c.text.trim() !== '');
    const band: GridCell[] = [];
    for (let r = top; r <= bottom; r++) band.push(...grid.own(r));
    const mergedInto = band.some((c) => c.rows > 1 && c.row + c.rows - 1 >= next);
    if (cells.length === 0) {
      if (mergedInto) {
        bottom = next;
        continue;
      }
      break;
    }
    if (nameCol && grid.at(next, nameCol)?.row === next) break; // a name in the name column: data
    const headerish = cells.filter((c) => headerRole(c.text) !== null || isAwardTitle(c.text));
    if (headerish.length === 0 && !mergedInto) break;
    const underParent = headerish.some((c) =>
      band.some((p) => p.cols > 1 && p.col <= c.col && c.col <= p.col + p.cols - 1 && p.row <= bottom),
    );
    if (mergedInto || underParent || headerish.length >= 2) bottom = next;
    else break;
  }
  return resolveColumns(grid, top, bottom);
}

function firstColumn(grid: Grid, top: number, bottom: number, test: (role: ColumnRole) => boolean): number | null {
  for (let c = 1; c <= grid.colCount; c++) {
    for (const cell of stack(grid, top, bottom, c)) {
      const role = headerRole(cell.text);
      if (role && test(role)) return c;
    }
  }
  return null;
}

/** The cell to the left that a child row's cell belongs to when the parent is not merged ("centre across selection"). */
function unmergedParent(grid: Grid, row: number, col: number): GridCell | undefined {
  for (let c = col - 1; c >= 1; c--) {
    const cell = grid.at(row, c);
    if (cell && cell.text.trim() !== '') {
      const role = headerRole(cell.text);
      return role === 'award' || role === 'register' ? cell : undefined;
    }
  }
  return undefined;
}

function resolveColumns(grid: Grid, top: number, bottom: number): Layout {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const awards: AwardColumn[] = [];
  const labels = new Map<number, string>();
  let hint: NameHint = 'mixed';
  const matrixParents = new Set<GridCell>();
  const entries: Array<{ col: number; cells: GridCell[] }> = [];

  let width = 0;
  for (let r = top; r <= bottom; r++) for (const c of grid.own(r)) width = Math.max(width, c.col + c.cols - 1);
  for (let c = 1; c <= Math.max(width, 1); c++) {
    let cells = stack(grid, top, bottom, c);
    if (cells.length === 1 && cells[0].row > top && cells[0].cols === 1) {
      // A child without a merged parent: borrow the nearest award header on its left in the row above.
      const parent = unmergedParent(grid, cells[0].row - 1, c);
      if (parent && isAwardTitle(cells[0].text)) cells = [parent, cells[0]];
    }
    if (cells.length === 0) continue;
    entries.push({ col: c, cells });
    labels.set(c, cells.map((x) => x.text.replace(/\s+/g, ' ').trim()).join(' / '));
    const deepest = cells[cells.length - 1];
    if (cells.length > 1 && isAwardTitle(deepest.text)) for (const p of cells.slice(0, -1)) matrixParents.add(p);
  }

  for (const { col, cells } of entries) {
    const deepest = cells[cells.length - 1];
    const parents = cells.slice(0, -1);
    const underMatrix = parents.some((p) => matrixParents.has(p));
    const register = cells.some((x) => headerRole(x.text) === 'register');
    if (isAwardTitle(deepest.text) || (underMatrix && headerRole(deepest.text) === null)) {
      awards.push({ col, mode: 'matrix', header: deepest.text, register });
      continue;
    }
    // The deepest cell with a role decides ("Nam" under "Năm sinh", "Danh hiệu thi đua" under "Hình thức đề nghị").
    let role: ColumnRole | null = null;
    for (let i = cells.length - 1; i >= 0 && !role; i--) role = headerRole(cells[i].text);
    if (!role) continue;
    if (role === 'award' || role === 'register') {
      awards.push({ col, mode: 'text', header: deepest.text, register: role === 'register' || register });
      continue;
    }
    if (role === 'name') hint = nameHint(cells.map((x) => x.text).join(' '));
    if (columns[role] === undefined) columns[role] = col;
  }
  if (columns.nameGiven !== undefined && columns.nameFamily === undefined && columns.name === undefined) {
    columns.name = columns.nameGiven;
    delete columns.nameGiven;
  }
  if (columns.nameFamily !== undefined && columns.nameGiven === undefined && columns.name === undefined) {
    columns.name = columns.nameFamily;
    delete columns.nameFamily;
  }
  if (columns.nameFamily !== undefined && columns.name !== undefined && columns.nameGiven === undefined) {
    delete columns.nameFamily;
  }
  return { top, bottom, columns, awards, hint, labels };
}
