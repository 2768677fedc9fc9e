import type { Command } from 'commander';
import { register as check } from './check';
import { register as convert } from './convert';
import { register as decision } from './decision';
import { register as importReports } from './import';
import { register as init } from './init';
import { register as plan } from './plan';

/** Each command file exports `register(program)`; add new commands here, one line each. */
const COMMANDS: Array<(program: Command) => void> = [init, plan, importReports, check, decision, convert];

export function registerCommands(program: Command): void {
  for (const register of COMMANDS) register(program);
}
