import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

// Email out of the app (digests, metric alerts) through the SMTP server in
// SMTP_URL, with nodemailer. One pooled transport per process; the URL holds
// the server's password, so it is never logged or shown (errors name the host only).

export interface Mail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers: List-Unsubscribe, a stable Message-ID. */
  headers?: Record<string, string>;
}

let transport: { url: string; transporter: Transporter<SMTPTransport.SentMessageInfo> } | null = null;

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

function transporter(): Transporter<SMTPTransport.SentMessageInfo> {
  const url = env().SMTP_URL;
  if (!url) throw new MailNotConfiguredError();
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = { url, transporter: nodemailer.createTransport(url, { from: env().MAIL_FROM }) };
  }
  return transport.transporter;
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super("Email is not set up: set SMTP_URL (smtp://user:password@host:587) and restart.");
  }
}

/** Sends one email; resolves with the server's message id once the server accepted it, throws otherwise. */
export async function sendMail(mail: Mail): Promise<{ messageId: string }> {
  try {
    const info = await transporter().sendMail({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers });
    return { messageId: info.messageId };
  } catch (err) {
    if (err instanceof MailNotConfiguredError) throw err;
    throw new Error(`The mail server did not take the email: ${mailError(err)}`, { cause: err });
  }
}

/** Nodemailer's message without anything from SMTP_URL (it can quote the URL it was given). */
function mailError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const url = env().SMTP_URL;
  return url ? message.replaceAll(url, "[SMTP_URL]") : message;
}
