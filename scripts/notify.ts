import { runNotifyCommand } from '../src/cli/notify.ts';

process.exitCode = await runNotifyCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  env: process.env,
});
