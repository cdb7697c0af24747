import "server-only";
import nodemailer from "nodemailer";
import { getEnv, siteUrl } from "./env";

export type EmailMessage = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

const holder = globalThis as unknown as { quireMailer?: nodemailer.Transporter };

/** Sends one message over SMTP_URL; without it, logs the message instead (PRODUCT.md). */
export async function sendEmail(message: EmailMessage): Promise<void> {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) {
    console.log(`[quire] email (not sent, SMTP_URL is unset) to ${message.to}: ${message.subject}\n${message.text}`);
    return;
  }
  // The URL carries host, port and credentials; nodemailer upgrades with STARTTLS when offered.
  holder.quireMailer ??= nodemailer.createTransport(SMTP_URL);
  const from = process.env.QUIRE_MAIL_FROM ?? `Quire <no-reply@${new URL(siteUrl()).hostname}>`;
  await holder.quireMailer.sendMail({ from, ...message });
}
