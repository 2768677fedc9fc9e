import type { Command } from 'commander';
import { register as convert } from './convert';

/** Each command file exports `register(program)`; add new commands here, one line each. */
const COMMANDS: Array<(program: Command) => void> = [convert];

export function registerCommands(program: Command): void {
  for (const register of COMMANDS) register(program);
}
