import { runPublishedCommand } from '../src/cli/published.ts';

process.exitCode = await runPublishedCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  env: process.env,
});
