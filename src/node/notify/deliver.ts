import type { NotificationChannel } from '../../domain/schema/index.ts';
import { stableId } from '../../serialize/ids.ts';
import type { RenderedPayload } from '../../serialize/notify/render.ts';
import { postJson, type PostOptions } from './http-post.ts';
import { readSmtpSettings, sendEmail } from './smtp.ts';
import { legacySignatureHeader, signBodyLegacy, standardWebhookHeaders } from './webhook-signature.ts';

/** The message's permanent id (`<slug>#update-N`), the same in every retry and every run. */
export const deliveryIdHeader = 'x-statusmark-delivery-id';

/** Why a channel cannot be used this run (its secret is unset), or undefined when it can. */
export function missingSecret(
  channel: NotificationChannel,
  env: Record<string, string | undefined>,
): string | undefined {
  if (channel.kind === 'email') return env[`${channel.env}_HOST`] ? undefined : `${channel.env}_HOST is unset`;
  if (!env[channel.env]) return `${channel.env} is unset`;
  // A receiver that verifies signatures would reject every unsigned request: skip, do not send unsigned.
  if (channel.signing_secret_env && !env[channel.signing_secret_env]) return `${channel.signing_secret_env} is unset`;
  return undefined;
}

export interface DeliveryResult {
  ok: boolean;
  error?: string;
  /** Counted as delivered, with a caveat for the job summary. */
  warning?: string;
}

/** Delivers one rendered message to one channel, with the channel's secrets from `env`. */
export async function deliver(
  channel: NotificationChannel,
  payload: RenderedPayload,
  env: Record<string, string | undefined>,
  options: { messageId: string; siteUrl: string; http?: Partial<PostOptions> },
): Promise<DeliveryResult> {
  if (payload.kind === 'email') {
    const settings = readSmtpSettings(channel.env, env);
    if (!settings) return { ok: false, error: `${channel.env}_HOST is unset` };
    // One Message-ID per ledger id: a list server or mail client can spot a duplicate.
    const messageId = `<${stableId('update', options.messageId)}@${new URL(options.siteUrl).hostname}>`;
    return sendEmail(settings, { from: channel.from!, to: channel.to!, messageId }, payload.email);
  }
  // The ledger id lets a receiver drop a message it already has (for example after a timeout).
  const headers: Record<string, string> = { 'user-agent': 'statusmark-notify', [deliveryIdHeader]: options.messageId };
  const secret = channel.signing_secret_env ? env[channel.signing_secret_env] : undefined;
  if (secret) headers[legacySignatureHeader] = signBodyLegacy(payload.body, secret);
  // Signed again for each attempt: the timestamp is when the attempt is made.
  const headersNow = () => ({
    ...headers,
    ...(secret ? standardWebhookHeaders(options.messageId, payload.body, secret) : {}),
  });
  const result = await postJson(env[channel.env] ?? '', payload.body, headersNow, {
    allowPrivateNetwork: channel.allow_private_network,
    ...options.http,
  });
  if (result.uncertain)
    return {
      ok: true,
      warning: `${result.error} after the message was sent; counted as delivered so it is never sent twice`,
    };
  return result.ok
    ? { ok: true }
    : {
        ok: false,
        error: `${result.error ?? 'failed'}${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}`,
      };
}
