import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

// One SMTP transport per process, only when SMTP_URL is configured.

const slot = globalThis as unknown as { warroomMailer?: { url: string; transport: Transporter } };

export const isEmailEnabled = () => Boolean(env().SMTP_URL);

export function mailer(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not configured");
  if (slot.warroomMailer?.url !== url) {
    slot.warroomMailer = { url, transport: nodemailer.createTransport(url) };
  }
  return slot.warroomMailer.transport;
}

export async function sendMail(message: {
  to: string;
  subject: string;
  text: string;
  html?: string;
}) {
  await mailer().sendMail({ from: env().MAIL_FROM, ...message });
}
