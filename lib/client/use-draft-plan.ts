"use client";
import { useMutation } from "@tanstack/react-query";
import { api } from "./api-client";

/** Drafts a workflow plan from a description (POST /api/plan): the plan and its graph. */
export function useDraftPlan() {
  return useMutation({ mutationFn: (description: string) => api.plan(description) });
}
