export {
  tallyVotes,
  voteRuleFor,
  awardIdOf,
  type Ballots,
  type VoteBasis,
  type VoteInput,
  type VoteResult,
  type VoteRule,
} from './votes';
export { tallySession, minutesTable, resultLabel, MINUTES_HEADER, type CouncilSession } from './minutes';
export {
  decisionFromSession,
  decisionNumber,
  passedNominations,
  mergeHistory,
  historyKey,
  listTitle,
  listSubtitle,
  LIST_COLUMNS,
  type Decision,
  type DecisionInfo,
  type DecisionResult,
} from './decision';
export {
  decisionDocument,
  decisionSubject,
  issuerParts,
  dateLine,
  legalBases,
  DECISION_DOC_LIST_HEADER,
  type DecisionDocument,
  type DocBlock,
  type DocAlign,
  type DecisionDocOptions,
} from './decision-doc';
