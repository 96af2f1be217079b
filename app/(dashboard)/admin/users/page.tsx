import { NewApiKeyForm, RevokeKeyButton } from "@/components/admin/api-key-actions";
import { NewUserForm } from "@/components/admin/new-user-form";
import { UserActions } from "@/components/admin/user-actions";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/users/api-keys";
import { listUsers } from "@/lib/users/manage";

export const metadata = { title: "Users and keys · Call Analytics" };

const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";
const td = "px-4 py-3";

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
        <DataTable columns={["Person", "Status", "Added", "Change"]}>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" className="align-top">
              <td className={td}>
                <div className="font-medium text-slate-900">{u.name ?? u.email}</div>
                <div className="text-xs text-slate-500">
                  {u.email}
                  {u.id === viewer.id && " · you"}
                </div>
              </td>
              <td className={td}>
                <Badge tone={u.active ? (u.role === "admin" ? "violet" : "green") : "gray"}>{u.active ? u.role : "deactivated"}</Badge>
              </td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                <LocalTime iso={u.createdAt.toISOString()} />
              </td>
              <td className={td}>
                <UserActions id={u.id} email={u.email} role={u.role} active={u.active} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="space-y-3" aria-labelledby="keys-title">
        <h2 id="keys-title" className="text-lg font-semibold tracking-tight">
          API keys
        </h2>
        <p className="text-sm text-slate-600">
          Keys read the API (<code>Authorization: Bearer ck_…</code>): calls, a call, its recording, trends. They cannot change anything. A key stops working
          when it expires, and while the person who created it is deactivated.
        </p>
        <div className={card}>
          <NewApiKeyForm />
        </div>
        <DataTable columns={["Name", "Key", "Created", "Expires", "Last used", ""]}>
          {keys.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                No API keys yet.
              </td>
            </tr>
          )}
          {keys.map((k) => (
            <tr key={k.id} data-testid="key-row" className={k.state === "active" ? "" : "text-slate-500"}>
              <td className={td}>
                {k.name}
                {k.user && <div className="text-xs text-slate-500">by {k.user.email}</div>}
              </td>
              <td className={`${td} font-mono text-xs`}>{k.prefix}…</td>
              <td className={`${td} whitespace-nowrap`}>
                <LocalTime iso={k.createdAt.toISOString()} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{k.expiresAt ? <LocalTime iso={k.expiresAt.toISOString()} /> : "Never"}</td>
              <td className={`${td} whitespace-nowrap`}>{k.lastUsedAt ? <LocalTime iso={k.lastUsedAt.toISOString()} /> : "Never"}</td>
              <td className={`${td} space-x-2 whitespace-nowrap`}>
                {k.state === "expired" && <Badge tone="amber">Expired</Badge>}
                {k.state === "creator_deactivated" && <Badge tone="amber">Creator deactivated</Badge>}
                {k.state === "revoked" ? <Badge tone="gray">Revoked</Badge> : <RevokeKeyButton id={k.id} name={k.name} />}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
