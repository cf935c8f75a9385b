import { runRebuildCheck } from '../src/cli/rebuild-check.ts';

await runRebuildCheck(process.env, (line) => console.log(line));
