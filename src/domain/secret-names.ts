import type { NotificationKind } from './notify/vocabulary.ts';

/**
 * Which environment variables a channel may read, by what the name says it is for (issue 22).
 * The notify step's environment also holds the SMTP password, the other channels' URLs and the
 * runner's own variables: a reviewed change to components.yml must not be able to key a webhook's
 * HMAC with the SMTP password (a receiver could then test guesses of it offline), nor send a
 * message to a URL that was passed for something else.
 */
export interface SecretNameProblem {
  field: 'env' | 'signing_secret_env';
  message: string;
  hint: string;
}

const envNamePattern = /^[A-Z_][A-Z0-9_]*$/;
/** Variables the runner sets itself: never passed by the workflow for a channel. */
const runnerPrefix = /^(GITHUB|RUNNER|ACTIONS)_/;
const runnerNote = 'and not start with GITHUB_, RUNNER_ or ACTIONS_, which the runner sets';

const urlExample: Record<NotificationKind, string> = {
  slack: 'SLACK_WEBHOOK_URL',
  discord: 'DISCORD_WEBHOOK_URL',
  teams: 'TEAMS_WEBHOOK_URL',
  webhook: 'STATUS_WEBHOOK_URL',
  email: 'SMTP',
};

const passIt = "pass it to the notify step's env in .github/workflows/publish.yml";

function checkEnv(channel: { id: string; kind: NotificationKind; env: string }): SecretNameProblem | undefined {
  const name = channel.env;
  if (channel.kind === 'email') {
    if (/^(?:\w+_)?SMTP$/.test(name) && !runnerPrefix.test(name)) return undefined;
    return {
      field: 'env',
      message: `The email channel "${channel.id}" cannot read its SMTP settings from "${name}_…": the prefix must be "SMTP" or end in "_SMTP" (${runnerNote}).`,
      hint: `Store the settings as repository secrets SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD, pass them to the notify step's env in .github/workflows/publish.yml, and write "env: SMTP".`,
    };
  }
  if (/_URL$/.test(name) && !runnerPrefix.test(name)) return undefined;
  const example = urlExample[channel.kind];
  return {
    field: 'env',
    message: `The channel "${channel.id}" cannot read its webhook URL from "${name}": its name must end in "_URL" (${runnerNote}).`,
    hint: `Store the URL as a repository secret named like "${example}", ${passIt}, and write "env: ${example}".`,
  };
}

function checkSigningSecret(id: string, name: string): SecretNameProblem | undefined {
  if (/^(?:\w+_)?WEBHOOK_SECRET$/.test(name) && !runnerPrefix.test(name)) return undefined;
  return {
    field: 'signing_secret_env',
    message: `The webhook "${id}" cannot sign with "${name}": a signing key's name must end in "WEBHOOK_SECRET" (${runnerNote}), so no other secret of the notify step can become one.`,
    hint: `Store a key such as "whsec_" followed by 32 random bytes in base64 as a repository secret named like "STATUS_WEBHOOK_SECRET", ${passIt}, and write "signing_secret_env: STATUS_WEBHOOK_SECRET".`,
  };
}

/** What is wrong with a channel's variable names, if anything (names that are not names are reported elsewhere). */
export function secretNameProblems(channel: {
  id: string;
  kind: NotificationKind;
  env: string;
  signing_secret_env?: string | undefined;
}): SecretNameProblem[] {
  const problems: (SecretNameProblem | undefined)[] = [];
  if (envNamePattern.test(channel.env)) problems.push(checkEnv(channel));
  const key = channel.signing_secret_env;
  if (key !== undefined && envNamePattern.test(key)) problems.push(checkSigningSecret(channel.id, key));
  return problems.filter((problem) => problem !== undefined);
}
