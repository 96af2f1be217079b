/** How each kind of source alert is named, in pages and forwarded messages. */
export const ALERT_TITLES: Record<string, string> = {
  silent: "Gone quiet",
  failing: "Failing",
  polling: "Polling fails",
  misconfigured: "Misconfigured",
  spooled: "Waiting in spool",
};
