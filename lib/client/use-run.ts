"use client";
import { useQuery } from "@tanstack/react-query";
import { runQueryOptions } from "./run-query";

/** The full run (status, node states, outputs), or nothing while `id` is null. */
export function useRun(id: string | null) {
  return useQuery({ ...runQueryOptions(id ?? ""), enabled: !!id });
}
