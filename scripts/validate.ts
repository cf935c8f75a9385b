import { runValidateCommand } from '../src/cli/validate.ts';

process.exitCode = runValidateCommand(process.argv.slice(2), { out: (line) => console.log(line), env: process.env });
