import { createInterface } from 'node:readline/promises';
import { runIncidentCommand } from '../src/cli/incident-command.ts';

const [command = '', ...args] = process.argv.slice(2);
const terminal = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
process.exitCode = await runIncidentCommand(command, args, {
  out: (line) => console.log(line),
  ask: terminal && ((question) => terminal.question(question)),
  env: process.env,
});
terminal?.close();
