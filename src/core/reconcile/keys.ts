/**
 * The reconciliation's name key: core/text's matchKey, which has its own fast
 * path now. Kept as a name for the callers that import it from here.
 */
export { matchKey as fastMatchKey } from '../text';
