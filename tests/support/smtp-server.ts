import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * A mail server on this machine (smtp-server, the library Nodemailer's authors
 * keep), standing in for the one in SMTP_URL: it takes any message without
 * TLS or a password and keeps it, parsed (mailparser), for the test to read.
 * `delayMs` holds each message's final answer back, so a test can stop a
 * sender in the middle of a send; `onArrive` runs when a message is in but
 * not yet answered. A message whose connection closed before the answer is
 * not kept, as a real server would not have accepted it.
 */
export interface MailServer {
  received: ParsedMail[];
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startMailServer(port: number, opts: { delayMs?: number; onArrive?: (mail: ParsedMail) => void } = {}): Promise<MailServer> {
  const received: ParsedMail[] = [];
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          opts.onArrive?.(mail);
          if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
          if (closed.has(session.id)) return callback(new Error("the sender went away before the answer"));
          received.push(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    received,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, ${received.length} arrived`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
