/** The unit-report reader: one Excel file in, an ExtractedFile out. */
export { readReport, type ReadOptions } from './reader';
export { ReportError, describePlace, type ReportErrorCode, type ReportErrorPlace } from './errors';
export { buildGrid, decodeCell, type Grid, type GridCell } from './grid';
export { findLayout, headerRole, isAwardTitle, isColumnNumberRow, type Layout, type AwardColumn } from './header';
export { parseSection, looksCollective, normaliseName, isTotalsText, isSignatureText, isTick } from './rows';
export { kindOfText, yearOfText, unitFromFileName } from './title';
