import "server-only";
import nodemailer from "nodemailer";
import { getEnv, siteUrl } from "./env";

export type Mail = { to: string; subject: string; text: string };

/**
 * Sends through SMTP_URL. Without it nothing leaves the machine: the message is logged,
 * and callers show the link to the person who asked (invites) instead.
 */
export async function sendMail(mail: Mail): Promise<{ delivered: boolean }> {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) {
    console.log(`[quire] email not sent (no SMTP_URL) to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return { delivered: false };
  }
  try {
    const from = `Quire <no-reply@${new URL(siteUrl()).hostname}>`;
    await nodemailer.createTransport(SMTP_URL).sendMail({ from, ...mail });
    return { delivered: true };
  } catch (error) {
    console.error("[quire] email failed", error);
    return { delivered: false };
  }
}
