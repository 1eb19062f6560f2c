"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/incidents/relative-time";
import { apiFetch, ApiError } from "@/lib/api-client";
import { ORG_ROLES } from "@/lib/auth/permissions";
import type { AdminUserDto, InviteDto } from "@/lib/users/schemas";

const USERS = ["admin", "users"] as const;
const INVITES = ["admin", "invites"] as const;

type Props = { initialUsers: AdminUserDto[]; initialInvites: InviteDto[]; selfId: string };

/** Admins invite people (the link is shown once), change roles, and disable accounts. */
export function UsersAdmin({ initialUsers, initialInvites, selfId }: Props) {
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const users = useQuery({
    queryKey: USERS,
    queryFn: () => apiFetch<AdminUserDto[]>("/api/admin/users"),
    initialData: initialUsers,
  });
  const invites = useQuery({
    queryKey: INVITES,
    queryFn: () => apiFetch<InviteDto[]>("/api/invites"),
    initialData: initialInvites,
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: { role?: string; isDisabled?: boolean } }) =>
      apiFetch<AdminUserDto>(`/api/users/${id}`, { method: "PATCH", json: input }),
    onSuccess: (user) =>
      queryClient.setQueryData<AdminUserDto[]>(USERS, (list) =>
        list?.map((u) => (u.id === user.id ? user : u)),
      ),
  });
  const invite = useMutation({
    mutationFn: (input: { email: string; name: string; role: string }) =>
      apiFetch<{ invite: InviteDto; link: string }>("/api/invites", {
        method: "POST",
        json: input,
      }),
    onSuccess: (r) => {
      setLink(r.link);
      void queryClient.invalidateQueries({ queryKey: INVITES });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/invites/${id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INVITES }),
  });
  const fieldError = (path: string) =>
    invite.error instanceof ApiError
      ? invite.error.fields.find((f) => f.path === path)?.message
      : undefined;

  return (
    <div className="max-w-4xl space-y-6 p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="mb-3 flex items-center gap-2 font-semibold">
          <UserPlus className="h-4 w-4" aria-hidden /> Invite someone
        </h2>
        <form
          aria-label="Invite user"
          className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            invite.mutate({
              email: String(form.get("email") ?? ""),
              name: String(form.get("name") ?? ""),
              role: String(form.get("role") ?? "responder"),
            });
          }}
        >
          <Field label="Email" htmlFor="invite-email" error={fieldError("email")}>
            <Input id="invite-email" name="email" type="email" required />
          </Field>
          <Field label="Name" htmlFor="invite-name" error={fieldError("name")}>
            <Input id="invite-name" name="name" required />
          </Field>
          <Field label="Role" htmlFor="invite-role">
            <Select id="invite-role" name="role" defaultValue="responder">
              {ORG_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={invite.isPending}>
            Invite
          </Button>
        </form>
        {link ? (
          <div
            role="status"
            className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
          >
            <p className="font-medium">
              Send this link to them; it works once, for 7 days, and will not be shown again.
            </p>
            <code data-testid="invite-link" className="mt-1 block break-all font-mono text-xs">
              {link}
            </code>
          </div>
        ) : null}
        {invite.error && !fieldError("email") && !fieldError("name") ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {invite.error.message}
          </p>
        ) : null}
        <ul className="mt-4 divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {invites.data
            .filter((i) => !i.acceptedAt && !i.revokedAt)
            .map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  {i.name} · {i.email} · <span className="capitalize">{i.role}</span>{" "}
                  <span className="text-xs text-slate-500">
                    invited by {i.invitedBy ?? "unknown"}, expires{" "}
                    <RelativeTime iso={i.expiresAt} />
                  </span>
                </span>
                <Button
                  variant="ghost"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(i.id)}
                >
                  Revoke
                </Button>
              </li>
            ))}
        </ul>
      </section>

      <section
        aria-label="People"
        className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 className="mb-1 font-semibold">People</h2>
        <p className="mb-3 text-sm text-slate-500">
          Disabling someone ends their sessions and drops their open consoles at once. Changing a
          role signs them out so the new role applies everywhere.
        </p>
        {update.error ? (
          <p role="alert" className="mb-2 text-sm text-red-600">
            {update.error.message}
          </p>
        ) : null}
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>State</th>
              <th className="sr-only">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {users.data.map((u) => {
              const isSelf = u.id === selfId;
              return (
                <tr key={u.id} data-testid="user-row" data-email={u.email}>
                  <td className="py-2 font-medium">{u.name}</td>
                  <td className="font-mono text-xs">{u.email}</td>
                  <td>
                    <Select
                      aria-label={`Role of ${u.name}`}
                      className="w-auto py-1 text-xs"
                      value={u.role}
                      disabled={isSelf || update.isPending}
                      title={isSelf ? "You cannot change your own role" : undefined}
                      onChange={(e) => update.mutate({ id: u.id, input: { role: e.target.value } })}
                    >
                      {ORG_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td>
                    {u.disabledAt ? (
                      <span className="text-red-700 dark:text-red-400">Disabled</span>
                    ) : (
                      "Active"
                    )}
                  </td>
                  <td className="text-right">
                    <Button
                      variant="secondary"
                      className="py-1 text-xs"
                      disabled={isSelf || update.isPending}
                      title={isSelf ? "You cannot disable yourself" : undefined}
                      aria-label={`${u.disabledAt ? "Enable" : "Disable"} ${u.name}`}
                      onClick={() =>
                        update.mutate({ id: u.id, input: { isDisabled: !u.disabledAt } })
                      }
                    >
                      {u.disabledAt ? "Enable" : "Disable"}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
