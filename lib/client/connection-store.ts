"use client";
/**
 * Whether the studio's server answers, as the browser sees it. Every API call reports its
 * outcome (api-client.ts `request`: any HTTP answer = reachable, a failed fetch = not); a
 * watch (use-connection-watch.ts) pings `GET /api/health` so an idle editor notices within
 * {@link CONNECTION_LOST_WITHIN_MS}. Autosave waits while the server is unreachable and
 * saves as soon as it is back; live runs show "reconnecting".
 */
import { create } from "zustand";

/** Ping period while the server answers, and the wait for one ping's answer. */
export const HEALTH_PING_MS = 2_000;
/** Ping period while the server does not answer (recovery is noticed within this). */
export const HEALTH_RETRY_MS = 1_500;

interface ConnectionState {
  /** False from the first failed request (or ping) until a request gets any answer again. */
  online: boolean;
  /** When the connection was lost (ms since epoch), null while online. */
  lostAt: number | null;
  /** Bumped each time the connection comes back, for effects that resume work. */
  recoveries: number;
  reportReachable(): void;
  reportUnreachable(): void;
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  online: true,
  lostAt: null,
  recoveries: 0,
  reportReachable() {
    if (get().online) return;
    set({ online: true, lostAt: null, recoveries: get().recoveries + 1 });
  },
  reportUnreachable() {
    if (!get().online) return;
    set({ online: false, lostAt: Date.now() });
  },
}));
