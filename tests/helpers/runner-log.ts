/** A workflow command as the Actions runner acts on it. */
export interface RunnerCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

const unescape = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/**
 * Reads a job log the way GitHub's runner does: lines split at CR or LF, leading
 * whitespace ignored, `::name k=v,…::data` is a command, and everything between
 * `::stop-commands::<token>` and `::<token>::` is ignored.
 */
export function runnerCommands(log: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of log.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const match = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line) ?? /^##\[([\w-]+)(?: ([^\]]*))?\](.*)$/.exec(line);
    if (!match) continue;
    const properties = Object.fromEntries(
      (match[2] ?? '')
        .split(/[,;]/)
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]),
    );
    const command = { name: match[1]!, properties, data: unescape(match[3]!) };
    if (command.name === 'stop-commands') stopToken = match[3];
    commands.push(command);
  }
  return commands;
}
