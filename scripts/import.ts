import { runImportCommand } from '../src/cli/import.ts';

const interactive = process.stderr.isTTY;
process.exitCode = await runImportCommand(process.argv.slice(2), {
  out: (line) => {
    if (interactive) process.stderr.write('\r\x1b[K');
    console.log(line);
  },
  progress: (line) => process.stderr.write(interactive ? `\r\x1b[K${line}` : `${line}\n`),
  env: process.env,
});
