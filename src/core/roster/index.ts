export {
  pickInspectionRoster,
  rosterValues,
  rosterFromValues,
  ROSTER_HEADER,
  type RosterGroup,
  type RosterInput,
} from './roster';
export { mulberry32, shuffle } from '../random';
