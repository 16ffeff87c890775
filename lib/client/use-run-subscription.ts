"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { api } from "./api-client";
import { queryKeys } from "./query-keys";
import { isTerminalRunStatus, type Run } from "./types";

const POLL_INTERVAL_MS = 1000;

/**
 * Keeps the cached run `runId` current while it executes: Server-Sent Events
 * (`event: run`, `data: { run }`) from `/api/runs/:id/events`, falling back to polling
 * `GET /api/runs/:id` every second when the stream fails. Calls `onFinished` once with the
 * run's final state.
 */
export function useRunSubscription(runId: string | null, onFinished: (run: Run) => void) {
  const queryClient = useQueryClient();
  const finished = useEffectEvent(onFinished);

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let source: EventSource | null = null;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;

    const stop = () => {
      stopped = true;
      source?.close();
      source = null;
      clearTimeout(pollTimer);
    };

    const apply = (run: Run) => {
      if (stopped || run.id !== runId) return;
      // A GET of this run still in flight (started when the run was put on display) carries an
      // older snapshot: cancel it first, or its answer would overwrite this newer state, and a
      // finished run would stay "running" on screen.
      void queryClient.cancelQueries({ queryKey: queryKeys.run(run.id) });
      queryClient.setQueryData(queryKeys.run(run.id), run);
      if (isTerminalRunStatus(run.status)) {
        stop();
        finished(run);
      }
    };

    const poll = async () => {
      if (stopped) return;
      try {
        const { run } = await api.getRun(runId);
        apply(run);
      } catch {
        // A failed poll is retried on the next tick.
      }
      if (!stopped) pollTimer = setTimeout(poll, POLL_INTERVAL_MS);
    };

    const onMessage = (event: MessageEvent<string>) => {
      try {
        const payload = JSON.parse(event.data) as { run?: Run };
        if (payload.run) apply(payload.run);
      } catch {
        // Ignore a malformed message; the next one carries the full run again.
      }
    };

    if (typeof EventSource === "undefined") {
      void poll();
    } else {
      source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
      source.addEventListener("run", onMessage as EventListener);
      source.onmessage = onMessage;
      source.onerror = () => {
        // The server closes the stream after the final message; anything else falls back to polling.
        source?.close();
        source = null;
        if (!stopped) void poll();
      };
    }
    return stop;
  }, [runId, queryClient]);
}
