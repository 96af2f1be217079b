// The admin pages' calls to their API: JSON in, JSON out, the problem's
// detail as the error message.

export async function adminFetch<T>(path: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as (T & { detail?: string }) | null;
  if (!res.ok) throw new Error(json?.detail ?? `The server answered ${res.status}.`);
  return json as T;
}
