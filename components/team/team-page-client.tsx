"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { SessionTeam } from "@/lib/auth/session";
import type { TeamPageData } from "@/lib/auth/team";
import type { TeamRole } from "@/lib/auth/roles";
import { AppHeader } from "../app-header";
import { RoleBadge } from "../auth/role-badge";
import { Spinner } from "../ui/spinner";
import { InvitationsList } from "./invitations-list";
import { InviteForm } from "./invite-form";
import { MembersList } from "./members-list";

export interface TeamPageClientProps {
  team: SessionTeam;
  viewer: { userId: string; role: TeamRole };
  data: TeamPageData;
  /** This site's origin, for the invitation links. */
  origin: string;
}

/**
 * `/team`: members and their roles, invitations. Owners invite, change roles, remove people
 * and revoke invitations; editors read. After a change the server data is reloaded
 * (`router.refresh()`).
 */
export function TeamPageClient({ team, viewer, data, origin }: TeamPageClientProps) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refresh = () => startRefresh(() => router.refresh());
  // The invite form hides the link it just made once that invitation is revoked.
  const [revokedIds, setRevokedIds] = useState<ReadonlySet<string>>(() => new Set());
  const isOwner = viewer.role === "owner";

  return (
    <div className="flex min-h-full flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-[880px] flex-1 space-y-8 px-4 py-6 sm:px-6 sm:py-10">
        <div className="flex items-end justify-between gap-4">
          <div>
            <h1 className="flex items-center gap-2 text-[20px] font-semibold tracking-tight">
              {team.name}
              {refreshing && <Spinner size={14} label="Updating" className="text-muted" />}
            </h1>
            <p className="mt-1 flex items-center gap-2 text-[13px] text-muted">
              Your role <RoleBadge role={viewer.role} />
            </p>
          </div>
        </div>

        {!isOwner && (
          <p className="rounded-md border border-line bg-panel-2 px-3 py-2 text-[12.5px] text-muted" data-testid="team-read-only">
            Only owners can invite people, change roles and remove members.
          </p>
        )}

        {isOwner && <InviteForm origin={origin} revokedIds={revokedIds} onInvited={refresh} />}
        <MembersList teamName={team.name} members={data.members} viewerId={viewer.userId} canManage={isOwner} onChanged={refresh} />
        <InvitationsList
          invitations={data.invitations}
          origin={origin}
          canManage={isOwner}
          onRevoked={(id) => {
            setRevokedIds((previous) => new Set(previous).add(id));
            refresh();
          }}
        />
      </main>
    </div>
  );
}
