import "server-only";
import nodemailer from "nodemailer";
import { getEnv, siteUrl } from "../env";
import { logger } from "../ops/log.mjs";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

const holder = globalThis as unknown as { quireMailer?: nodemailer.Transporter };

/**
 * Sends one message over SMTP_URL; without it nothing leaves the machine and the
 * message is logged instead (PRODUCT.md). Throws when the SMTP server refuses, so the
 * outbox can retry; see `trySendEmail` for callers that answer a person right away.
 */
export async function sendEmail(message: EmailMessage): Promise<{ delivered: boolean }> {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) {
    console.log(`[quire] email (not sent, SMTP_URL is unset) to ${message.to}: ${message.subject}\n${message.text}`);
    return { delivered: false };
  }
  // The URL carries host, port and credentials; nodemailer upgrades with STARTTLS when offered.
  holder.quireMailer ??= nodemailer.createTransport(SMTP_URL);
  const from = getEnv().QUIRE_MAIL_FROM ?? `Quire <no-reply@${new URL(siteUrl()).hostname}>`;
  await holder.quireMailer.sendMail({ from, ...message });
  return { delivered: true };
}

/** For invites and resets: never throws; the caller shows the link when nothing was delivered. */
export async function trySendEmail(message: EmailMessage): Promise<{ delivered: boolean }> {
  try {
    return await sendEmail(message);
  } catch (error) {
    logger().error({ err: error, job: "email" }, "email failed");
    return { delivered: false };
  }
}
