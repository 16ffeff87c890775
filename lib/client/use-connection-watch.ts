"use client";
import { useEffect } from "react";
import { HEALTH_PING_MS, HEALTH_RETRY_MS, useConnectionStore } from "./connection-store";

/**
 * Pings `GET /api/health` every {@link HEALTH_PING_MS} (every {@link HEALTH_RETRY_MS} while the
 * server does not answer), giving up on a ping after {@link HEALTH_PING_MS}, and listens to the
 * browser's own `online`/`offline` events. Mount once per page (the headers do).
 */
export function useConnectionWatch() {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const store = useConnectionStore.getState;

    const ping = async () => {
      if (stopped) return;
      const controller = new AbortController();
      const abort = setTimeout(() => controller.abort(), HEALTH_PING_MS);
      try {
        await fetch("/api/health", { cache: "no-store", signal: controller.signal });
        store().reportReachable();
      } catch {
        if (!stopped) store().reportUnreachable();
      } finally {
        clearTimeout(abort);
      }
      if (!stopped) timer = setTimeout(ping, store().online ? HEALTH_PING_MS : HEALTH_RETRY_MS);
    };
    const onOffline = () => store().reportUnreachable();
    const onOnline = () => {
      clearTimeout(timer);
      void ping();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    timer = setTimeout(ping, HEALTH_PING_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
    };
  }, []);
}
