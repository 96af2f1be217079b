import { db } from "@/lib/db/client";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { userTimeZone } from "@/lib/users/time-zone";
import { logger } from "@/lib/log";
import { metricAlertEvent } from "./event";
import { alertMail } from "./mail-content";

// The "metric-alert-mail" job: one email about one alert opening or clearing,
// to the rule's owner. The alert row records that it went (opened_mail_at,
// cleared_mail_at), so a retry, or a second job for the same alert, sends nothing.

type State = "opened" | "cleared";

const sentColumn = (state: State) => (state === "opened" ? "openedMailAt" : "clearedMailAt");

/** Sends it, unless it went already; `last`: pg-boss will not retry after this attempt. */
export async function sendAlertMail(alertId: string, state: State, last: boolean): Promise<string> {
  const alert = await db.metricAlert.findUnique({
    where: { id: alertId },
    include: { rule: { include: { owner: { select: { id: true, email: true, active: true } } } } },
  });
  if (!alert?.email) return "no email asked for";
  if (alert[sentColumn(state)]) return "sent already";
  if (!mailConfigured()) {
    await db.metricAlert.update({ where: { id: alertId }, data: { mailError: "Email is not set up on this server (SMTP_URL)." } });
    return "email not set up";
  }
  // Recorded, so that the every-minute sweep does not queue it again.
  if (!alert.rule.owner.active) {
    await db.metricAlert.update({ where: { id: alertId }, data: { mailError: "The rule's owner is deactivated." } });
    return "owner deactivated";
  }
  const event = await metricAlertEvent(alertId, state);
  if (!event) {
    await db.metricAlert.update({ where: { id: alertId }, data: { mailError: "Nothing to send: the alert is not in that state." } });
    return "nothing to send";
  }
  try {
    await sendMail(alertMail(alert.rule.owner.email, event, await userTimeZone(alert.rule.owner.id)));
  } catch (err) {
    const message = (err as Error).message;
    logger.warn({ alertId, state, err: message }, "metric alert email failed");
    if (last) await db.metricAlert.update({ where: { id: alertId }, data: { mailError: message } });
    throw err;
  }
  await db.metricAlert.update({ where: { id: alertId }, data: { [sentColumn(state)]: new Date() } });
  return "sent";
}
