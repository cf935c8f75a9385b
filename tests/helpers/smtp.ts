import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { fixturesDir } from './content.ts';

/**
 * A self-signed certificate for 127.0.0.1 and localhost, valid 2000–2100, made once with
 * `openssl ca -selfsign -startdate 20000101000000Z -enddate 21000101000000Z` (a P-256 key).
 */
const certificate = readFileSync(join(fixturesDir, 'tls', 'smtp-test-cert.pem'), 'utf8');
const key = readFileSync(join(fixturesDir, 'tls', 'smtp-test-key.pem'), 'utf8');

/**
 * Makes this test process trust the test certificate as a real relay's certificate is trusted:
 * through the default CA list, so npm run notify verifies it like any other.
 */
export function trustTestCertificate(): void {
  if (!getCACertificates('default').includes(certificate))
    setDefaultCACertificates([...getCACertificates('default'), certificate]);
}

export interface ReceivedMail {
  from: string;
  to: string[];
  parsed: ParsedMail;
  /** The authenticated user, if any, and whether the session was encrypted when the mail came. */
  user: string | undefined;
  secure: boolean;
}

/**
 * A real SMTP server on 127.0.0.1. `starttls: true` offers STARTTLS with the test certificate;
 * `false` offers no TLS at all, like a misconfigured server or a man in the middle stripping it.
 * `logins` records every AUTH attempt the server saw (username, and whether it came over TLS).
 */
export async function startSmtpServer(options: { starttls: boolean } & Partial<SMTPServerOptions>) {
  const mails: ReceivedMail[] = [];
  const logins: { username: string | undefined; secure: boolean }[] = [];
  const { starttls, ...rest } = options;
  const server = new SMTPServer({
    secure: false,
    ...(starttls ? { key, cert: certificate } : { disabledCommands: ['STARTTLS'] }),
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, session, callback) {
      logins.push({ username: auth.username, secure: session.secure });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((item) => item.address),
            parsed,
            user: session.user === undefined ? undefined : String(session.user),
            secure: session.secure,
          });
          callback();
        })
        .catch(callback);
    },
    ...rest,
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
