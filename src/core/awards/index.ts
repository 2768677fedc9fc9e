export * from './types';
export { DOCUMENTS, VERIFY } from './sources';
export { AWARDS, awardById, awardByName } from './catalogue';
export { awardKey, awardTokens, awardLooseKey, stripDecorations, AWARD_ABBREVIATIONS, SPELLING_VARIANTS } from './keys';
export {
  matchAward,
  catalogueKeyCollisions,
  AWARD_MATCH_CONFIDENCE,
  type AwardMatch,
  type AwardMatchCode,
  type AwardMatchOptions,
} from './match';
export * from './rulebooks';
export * from './eligibility';
