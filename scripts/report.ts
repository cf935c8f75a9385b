import { runReportCommand } from '../src/cli/report.ts';

process.exitCode = runReportCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  env: process.env,
});
