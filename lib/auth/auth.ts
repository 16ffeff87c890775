/**
 * The better-auth server instance: email and password accounts, sessions in HTTP-only
 * cookies, and teams through the organization plugin (an "organization" is a team) with the
 * roles of lib/auth/roles.ts. Invitations are links, never emails: an owner copies
 * `/invite/<invitationId>` from the Team page.
 *
 * The database opens asynchronously (lib/db), so the instance is made on first use:
 * `await getAuth()`. Route handlers and server code go through lib/auth/session.ts; only the
 * catch-all `/api/auth/[...all]` route talks to the instance directly (`authHandler`).
 *
 * Environment:
 * - `BETTER_AUTH_SECRET`: signs the cookies; without it a generated secret is kept in
 *   `<DATA_DIR>/auth-secret` (lib/auth/secret.ts).
 * - `BETTER_AUTH_URL`: the public origin (e.g. `https://studio.example.com`). Without it the
 *   origin is the one the browser used (the Host header; X-Forwarded-Host/-Proto with
 *   `TRUST_PROXY=1`: lib/api/origin.ts), and a request is trusted when its Origin header is it. Cookies are `Secure` only when this URL is https, so sign-in works on
 *   http://localhost in development and in the end-to-end tests.
 * - `AUTH_RATE_LIMIT=off`: turns off better-auth's rate limit (on in production by default;
 *   sign-in and sign-up: 10 attempts per minute per IP, other auth endpoints 100 per 10 s).
 *   The end-to-end tests, which sign in many times from one address, should turn it off.
 *
 * Server-only: never import this from a client component.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins/organization";
import { getDb, type Db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { studioOrigin } from "../api/origin";
import { guardAuthRequest } from "./auth-request-guard";
import { claimFirstTeam } from "./first-team";
import { ac, isTeamRole, parseTeamRole, roles } from "./roles";
import { resolveAuthSecret } from "./secret";

/** An invitation link is valid for 7 days. */
export const INVITATION_EXPIRES_IN_SECONDS = 7 * 24 * 60 * 60;
export const MIN_PASSWORD_LENGTH = 8;

export interface AuthConfig {
  prisma: PrismaClient;
  secret: string;
  /** Public origin; undefined → taken from the request. */
  baseURL?: string;
  /** better-auth's rate limit; undefined → its default (on in production only). */
  rateLimit?: boolean;
}

/** The configuration `getAuth()` uses, from the environment (see the file comment). */
export function authConfigFromEnv(prisma: PrismaClient, env: Record<string, string | undefined> = process.env): AuthConfig {
  const baseURL = env.BETTER_AUTH_URL?.trim().replace(/\/+$/, "") || undefined;
  const rateLimit = env.AUTH_RATE_LIMIT?.trim().toLowerCase();
  return {
    prisma,
    secret: resolveAuthSecret(env),
    baseURL,
    rateLimit: rateLimit === "off" || rateLimit === "false" || rateLimit === "0" ? false : undefined,
  };
}

/** better-auth endpoints that list a team's invitations, and so the links. */
const OWNER_ONLY_PATHS = new Set(["/organization/list-invitations", "/organization/get-full-organization"]);

function rolesHint(): string {
  return "Choose a role: owner, editor or member";
}

/** Builds a better-auth instance on `config.prisma`. Tests may call it; the app uses `getAuth()`. */
export function createAuth(config: AuthConfig) {
  const { prisma } = config;
  return betterAuth({
    appName: "Workflow Studio",
    secret: config.secret,
    baseURL: config.baseURL,
    basePath: "/api/auth",
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    // Without a configured origin, trust a request that comes from the origin the browser sent
    // it to (its Host header, lib/api/origin.ts; never `request.url`, which Next reports as
    // localhost whatever address was typed): a page on another site cannot post here with our
    // cookies, and a teammate on 127.0.0.1 or a LAN address can sign in.
    trustedOrigins: config.baseURL ? [config.baseURL] : (request) => (request ? [studioOrigin(request)] : []),
    advanced: {
      useSecureCookies: config.baseURL?.startsWith("https://") ?? false,
      // better-auth skips its origin check under test runners; the tests must see what the
      // studio really refuses.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    rateLimit: {
      ...(config.rateLimit === undefined ? {} : { enabled: config.rateLimit }),
      // better-auth allows 3 attempts per 10 s; allow a burst of 10 per minute instead.
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
      },
    },
    telemetry: { enabled: false },
    // Accounts are not email-verified, so an invitation's email proves nothing: the link (its
    // random id) is the secret. This endpoint would show anyone who registers an address the
    // ids of the invitations sent to it.
    disabledPaths: ["/organization/list-user-invitations"],
    hooks: {
      // Team invitations (and so their links) are for owners' eyes only.
      before: createAuthMiddleware(async (ctx) => {
        if (!OWNER_ONLY_PATHS.has(ctx.path)) return;
        const session = await getSessionFromCtx(ctx);
        if (!session) return; // the endpoint answers 401 itself
        // Query values may arrive repeated (`?organizationId=a&organizationId=b`, an array): only a
        // single string names a team; anything else is treated as absent.
        const raw = (ctx.query ?? {}) as Record<string, unknown>;
        const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
        const query = { organizationId: text(raw.organizationId), organizationSlug: text(raw.organizationSlug) };
        const member = await prisma.member.findFirst({
          where: {
            userId: session.user.id,
            organization: query.organizationId
              ? { id: query.organizationId }
              : query.organizationSlug
                ? { slug: query.organizationSlug }
                : { id: session.session.activeOrganizationId ?? "" },
          },
          select: { role: true },
        });
        if (parseTeamRole(member?.role) !== "owner") {
          throw new APIError("FORBIDDEN", { message: "Only team owners can see the team's invitations" });
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // Runs after the sign-up's writes (better-auth queues "after" hooks): the first
          // account on a fresh installation becomes the owner of the first team.
          after: async (user) => {
            await claimFirstTeam(prisma, { id: user.id, name: user.name });
          },
        },
      },
      session: {
        create: {
          // A new session starts in the user's first team (the oldest membership).
          before: async (session) => {
            if (session.activeOrganizationId) return;
            const first = await prisma.member.findFirst({
              where: { userId: session.userId },
              orderBy: { createdAt: "asc" },
              select: { organizationId: true },
            });
            if (first) return { data: { activeOrganizationId: first.organizationId } };
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles,
        creatorRole: "owner",
        // Teams come from the first sign-up only; everyone else joins through an invitation.
        allowUserToCreateOrganization: false,
        disableOrganizationDeletion: true,
        invitationExpiresIn: INVITATION_EXPIRES_IN_SECONDS,
        // No email: the owner copies the link /invite/<id> from the Team page.
        sendInvitationEmail: async () => {},
        organizationHooks: {
          // better-auth also accepts its built-in "admin" role: the studio knows three roles.
          beforeCreateInvitation: async ({ invitation }) => {
            if (!isTeamRole(invitation.role)) throw new APIError("BAD_REQUEST", { message: rolesHint() });
          },
          beforeUpdateMemberRole: async ({ member, newRole }) => {
            if (!isTeamRole(newRole)) throw new APIError("BAD_REQUEST", { message: rolesHint() });
            if (parseTeamRole(member.role) === "owner" && newRole !== "owner") {
              const owners = await prisma.member.count({ where: { organizationId: member.organizationId, role: "owner" } });
              if (owners <= 1)
                throw new APIError("BAD_REQUEST", { message: "A team needs at least one owner: make someone else owner first" });
            }
          },
        },
      }),
      // Last: lets server actions set the cookies better-auth answers with.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const GLOBAL_KEY = Symbol.for("workflow-studio.auth");
type AuthGlobal = typeof globalThis & { [GLOBAL_KEY]?: { db: Db; auth: Auth } };

/**
 * The process-wide auth instance, built on the process-wide database (`getDb()`) the first
 * time it is needed. Cached on globalThis like the database, so Next.js dev reloads reuse it;
 * rebuilt when the database was closed and reopened (tests).
 * @throws whatever opening the database or reading the secret throws.
 */
export async function getAuth(): Promise<Auth> {
  const db = await getDb();
  const g = globalThis as AuthGlobal;
  const cached = g[GLOBAL_KEY];
  if (cached?.db === db) return cached.auth;
  const auth = createAuth(authConfigFromEnv(db.prisma));
  g[GLOBAL_KEY] = { db, auth };
  return auth;
}

/**
 * better-auth's request handler for `/api/auth/*` (app/api/auth/[...all]/route.ts), behind the
 * checks of lib/auth/auth-request-guard.ts (same origin, JSON bodies, storable text): bad input
 * is a 4xx naming the field, never a 500 from inside the library.
 */
export async function authHandler(request: Request): Promise<Response> {
  const auth = await getAuth();
  return guardAuthRequest(request, (checked) => auth.handler(checked));
}
