import { runPostCommand } from '../src/cli/post.ts';

process.exitCode = await runPostCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  env: process.env,
});
