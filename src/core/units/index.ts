export * from './types';
export { parseCsv, parseCsvRecords, toCsv, csvField, CsvError, type CsvRecord } from './csv';
export {
  UnitRegistry,
  UNIT_COLUMNS,
  UNIT_KIND_SYNONYMS,
  parseDate,
  isValidAt,
  type UnitColumn,
  type UnitRegistryOptions,
} from './registry';
export { matchUnit, UNIT_MATCH_CONFIDENCE, type UnitMatch, type UnitMatchCode, type UnitMatchOptions } from './match';
export { coreKey, looseKey, initialism, type CoreKey } from './keys';
export { UNIT_ABBREVIATIONS, UNIT_PREFIXES, type UnitAbbreviation } from './abbreviations';
export { HONG_NGU_UNITS, hongNguRegistry } from './hong-ngu';
