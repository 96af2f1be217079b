import { NewApiKeyForm, RevokeKeyButton } from "@/components/admin/api-key-actions";
import { NewUserForm } from "@/components/admin/new-user-form";
import { UserActions } from "@/components/admin/user-actions";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/users/api-keys";
import { listUsers } from "@/lib/users/manage";

export const metadata = { title: "Users and keys · Call Analytics" };

const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";
const th = "px-3 py-2";

export default async function UsersPage() {
  const viewer = await requireViewer("admin", "/admin/users");
  const [users, keys] = await Promise.all([listUsers(), listApiKeys()]);

  return (
    <div className="space-y-6">
      <section className="space-y-3" aria-labelledby="users-title">
        <h1 id="users-title" className="text-xl font-semibold tracking-tight">
          Users
        </h1>
        <div className={card}>
          <NewUserForm />
        </div>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className={th}>Person</th>
                <th className={th}>Status</th>
                <th className={th}>Added</th>
                <th className={th}>Change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row" className="align-top">
                  <td className={th}>
                    <div className="font-medium text-slate-900">{u.name ?? u.email}</div>
                    <div className="text-xs text-slate-500">
                      {u.email}
                      {u.id === viewer.id && " · you"}
                    </div>
                  </td>
                  <td className={th}>
                    <Badge tone={u.active ? (u.role === "admin" ? "violet" : "green") : "gray"}>{u.active ? u.role : "deactivated"}</Badge>
                  </td>
                  <td className={`${th} whitespace-nowrap text-slate-600`}>
                    <LocalTime iso={u.createdAt.toISOString()} />
                  </td>
                  <td className={th}>
                    <UserActions id={u.id} email={u.email} role={u.role} active={u.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="space-y-3" aria-labelledby="keys-title">
        <h2 id="keys-title" className="text-lg font-semibold tracking-tight">
          API keys
        </h2>
        <p className="text-sm text-slate-600">
          Keys read the API (<code>Authorization: Bearer ck_…</code>): calls, a call, its recording, trends. They cannot change anything.
        </p>
        <div className={card}>
          <NewApiKeyForm />
        </div>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className={th}>Name</th>
                <th className={th}>Key</th>
                <th className={th}>Created</th>
                <th className={th}>Last used</th>
                <th className={th}></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-3 py-6 text-center text-slate-500">
                    No API keys yet.
                  </td>
                </tr>
              )}
              {keys.map((k) => (
                <tr key={k.id} data-testid="key-row" className={k.revokedAt ? "text-slate-400" : ""}>
                  <td className={th}>
                    {k.name}
                    {k.user && <div className="text-xs text-slate-500">by {k.user.email}</div>}
                  </td>
                  <td className={`${th} font-mono text-xs`}>{k.prefix}…</td>
                  <td className={`${th} whitespace-nowrap`}>
                    <LocalTime iso={k.createdAt.toISOString()} />
                  </td>
                  <td className={`${th} whitespace-nowrap`}>{k.lastUsedAt ? <LocalTime iso={k.lastUsedAt.toISOString()} /> : "Never"}</td>
                  <td className={th}>{k.revokedAt ? <Badge tone="gray">Revoked</Badge> : <RevokeKeyButton id={k.id} name={k.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
