const ENDPOINTS = [
  ["POST /api/webhooks/{source}", "Vendors deliver calls here, with the source's secret."],
  ["GET /api/calls", "Calls, filtered and paged (API key)."],
  ["GET /api/calls/{id}", "One call with its transcript (API key)."],
  ["GET /api/health", "Is the app up and the database reachable?"],
];

// The sign-in and dashboard pages come with the dashboard; until then the
// home page says what is running and shows no data.
export default function Home() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Call Analytics</h1>
      <p className="mt-3 text-slate-600">
        Calls from Unpod, Cllr, Hooman Labs, Autocalls and HubTalk, collected and normalized in one place.
      </p>
      <section className="mt-10 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">API</h2>
        <dl className="mt-4 space-y-3">
          {ENDPOINTS.map(([route, what]) => (
            <div key={route}>
              <dt className="font-mono text-sm text-indigo-700">{route}</dt>
              <dd className="text-sm text-slate-600">{what}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
