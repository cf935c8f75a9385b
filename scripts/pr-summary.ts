import { runPrSummaryCommand } from '../src/cli/pr-summary.ts';

process.exitCode = runPrSummaryCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  env: process.env,
});
