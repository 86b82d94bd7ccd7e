import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  port: number;
  /** Every message accepted, parsed as a mail client would. */
  received: ParsedMail[];
  close(): Promise<void>;
}

/** The first recipient's address of a parsed message. */
export const recipientOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address;

/**
 * A real SMTP server in the test process. `refuse` names the addresses it answers 550 (a
 * bounce at the door); `port` reopens it where it was; `delayMs` is how long it takes to
 * accept each message (a slow relay).
 */
export function startSmtp(
  options: { refuse?: (address: string) => boolean; port?: number; delayMs?: number } = {},
): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    closeTimeout: 100,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address))
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  // A client that goes away mid-message (a CMS stopped or killed) is the tests' business, not an error here.
  server.on('error', () => {});
  return new Promise((resolve) =>
    server.listen(options.port ?? 0, '127.0.0.1', () =>
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}
