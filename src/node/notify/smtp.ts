import nodemailer from 'nodemailer';
import type { EmailContent } from '../../serialize/notify/email.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  user?: string | undefined;
  password?: string | undefined;
}

/** Reads `<PREFIX>_HOST`, `_PORT` (default 587), `_USER`, `_PASSWORD`; undefined when the host is unset. */
export function readSmtpSettings(prefix: string, env: Record<string, string | undefined>): SmtpSettings | undefined {
  const host = env[`${prefix}_HOST`];
  if (!host) return undefined;
  return {
    host,
    port: Number(env[`${prefix}_PORT`] || 587),
    user: env[`${prefix}_USER`] || undefined,
    password: env[`${prefix}_PASSWORD`] || undefined,
  };
}

/** Sends one message over SMTP (implicit TLS on 465, STARTTLS when offered elsewhere). */
export async function sendEmail(
  settings: SmtpSettings,
  envelope: { from: string; to: string; messageId: string },
  content: EmailContent,
): Promise<{ ok: boolean; error?: string }> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
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
    return { ok: false, error: (error as Error).message };
  } finally {
    transport.close();
  }
}
