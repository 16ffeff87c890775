/** better-auth's endpoints: sign-up, sign-in, sign-out, session, teams and invitations (lib/auth/auth.ts). */
import { toNextJsHandler } from "better-auth/next-js";
import { authHandler } from "@/lib/auth/auth";

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(authHandler);
