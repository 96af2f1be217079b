/** The app's own address for links sent elsewhere (Slack buttons, HubSpot notes): APP_URL, else NEXTAUTH_URL. */
export function appUrl(path = ""): string {
  const base = process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  return `${base.replace(/\/+$/, "")}${path}`;
}
