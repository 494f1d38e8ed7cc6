import type { AddressInfo } from 'node:net';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export const SMTP_USER = 'hearth-mailer';
export const SMTP_PASSWORD = 'not-a-real-secret-7f3a';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  raw: string;
}

export interface TestSmtpServer {
  /** smtp://user:password@127.0.0.1:port, ready for SMTP_URL. */
  url: string;
  /** Every mail accepted so far, in order. */
  mails: ReceivedMail[];
  /** The first mail (already received or still to come) that matches, not handed out before. */
  nextMail: (predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  /** Answers the next mail's end of data with this code (e.g. 550 permanent, 451 transient). */
  rejectNext: (code: number) => void;
  /** Keeps the next mail's end of data waiting this long before answering it (a slow mail server). */
  holdNext: (ms: number) => void;
  close: () => Promise<void>;
}

/** A real SMTP server on a free port of 127.0.0.1 that requires AUTH PLAIN or LOGIN and keeps what it gets. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const handedOut = new Set<ReceivedMail>();
  const waiters: { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = [];
  let rejection: number | null = null;
  let hold = 0;

  const deliver = (mail: ReceivedMail) => {
    mails.push(mail);
    const waiter = waiters.find((w) => w.predicate(mail));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      handedOut.add(mail);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const wait = hold;
        hold = 0;
        if (wait > 0) setTimeout(finish, wait);
        else finish();
      });
      const finish = () => {
        if (rejection !== null) {
          const responseCode = rejection;
          rejection = null;
          callback(Object.assign(new Error(`Refused by the test (${responseCode})`), { responseCode }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            deliver({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              raw,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      };
    },
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    mails,
    nextMail(predicate = () => true, timeoutMs = 5000) {
      const ready = mails.find((mail) => !handedOut.has(mail) && predicate(mail));
      if (ready) {
        handedOut.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (mail: ReceivedMail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no mail arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    rejectNext(code: number) {
      rejection = code;
    },
    holdNext(ms: number) {
      hold = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
