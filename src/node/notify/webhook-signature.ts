import { createHmac } from 'node:crypto';

/**
 * Deprecated: `sha256=` + hex HMAC-SHA256 of the raw body. Kept for one release beside the
 * Standard Webhooks headers; it has no timestamp, so a receiver cannot refuse a replay.
 * TODO: remove in the release after the one that added the Standard Webhooks headers.
 */
export const legacySignatureHeader = 'x-statusmark-signature-256';

export function signBodyLegacy(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * The key a Standard Webhooks secret stands for: `whsec_<base64>` is the base64 after the prefix;
 * any other secret is its own bytes, as the libraries' `raw` format reads it.
 */
function signingKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret);
}

/**
 * The Standard Webhooks headers (standardwebhooks.com): `webhook-id` (the delivery id, the same
 * in every retry so a receiver can drop repeats), `webhook-timestamp` (seconds, fresh for each
 * attempt) and `webhook-signature`: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`. Receivers
 * verify with the published libraries and refuse stale timestamps, so a captured request cannot
 * be replayed later.
 */
export function standardWebhookHeaders(
  id: string,
  body: string,
  secret: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', signingKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
