import { BlockList, isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { EmailContent } from '../../serialize/notify/email.ts';

export interface SmtpSettings {
  /** The channel's `env`, e.g. `SMTP`: names the variables in messages. */
  prefix: string;
  host: string;
  port: number;
  user?: string | undefined;
  password?: string | undefined;
  /** `<PREFIX>_INSECURE_LOCAL_RELAY=1`: plain SMTP, allowed only to a relay on this machine. */
  insecureLocalRelay: boolean;
}

/**
 * Reads `<PREFIX>_HOST`, `_PORT` (default 587), `_USER`, `_PASSWORD` and `_INSECURE_LOCAL_RELAY`;
 * undefined when the host is unset.
 */
export function readSmtpSettings(prefix: string, env: Record<string, string | undefined>): SmtpSettings | undefined {
  const host = env[`${prefix}_HOST`];
  if (!host) return undefined;
  return {
    prefix,
    host,
    port: Number(env[`${prefix}_PORT`] || 587),
    user: env[`${prefix}_USER`] || undefined,
    password: env[`${prefix}_PASSWORD`] || undefined,
    insecureLocalRelay: env[`${prefix}_INSECURE_LOCAL_RELAY`] === '1',
  };
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(bare);
  if (family === 0) return bare.toLowerCase() === 'localhost';
  return loopback.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why sending is refused before connecting, or undefined. */
function refusal(settings: SmtpSettings): string | undefined {
  if (!settings.insecureLocalRelay || isLoopback(settings.host)) return undefined;
  return `${settings.prefix}_INSECURE_LOCAL_RELAY only allows a relay on this machine (localhost, 127.0.0.1 or ::1), and ${settings.prefix}_HOST is ${settings.host}; nothing was sent. Unset ${settings.prefix}_INSECURE_LOCAL_RELAY to send over TLS.`;
}

/** The delivery's error in words an operator can act on; the server's own reply is kept. */
function describeFailure(
  error: Error & { code?: string; command?: string; response?: string },
  settings: SmtpSettings,
) {
  const { prefix, host, port } = settings;
  if (error.code === 'ETLS' && error.command === 'STARTTLS' && error.response)
    return `${host}:${port} does not offer TLS (STARTTLS), so nothing was sent and the password stayed here. Use the provider's TLS port (465, or 587 with STARTTLS); only for a relay on this machine, set ${prefix}_INSECURE_LOCAL_RELAY=1. The server said: ${error.response}`;
  return error.message;
}

/**
 * Sends one message over SMTP. TLS is required on every port: implicit on 465, STARTTLS on any
 * other, with the certificate verified; a server that offers neither never sees the login
 * (issue 22). The one exception is an explicit opt-out for a relay on this machine.
 */
export async function sendEmail(
  settings: SmtpSettings,
  envelope: { from: string; to: string; messageId: string },
  content: EmailContent,
): Promise<{ ok: boolean; error?: string }> {
  const refused = refusal(settings);
  if (refused) return { ok: false, error: refused };
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    ...(settings.insecureLocalRelay ? { ignoreTLS: true } : { requireTLS: settings.port !== 465 }),
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: envelope.from,
      to: envelope.to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: envelope.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describeFailure(error as Error, settings) };
  } finally {
    transport.close();
  }
}
