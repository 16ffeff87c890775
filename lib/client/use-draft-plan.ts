"use client";
import { useMutation } from "@tanstack/react-query";
import { api } from "./api-client";

/**
 * Drafts a workflow plan from a description (POST /api/plan): the plan and its graph. Pass a
 * string, or `{ description, template }` to use a given template (the offered alternative).
 */
export function useDraftPlan() {
  return useMutation({
    mutationFn: (input: string | { description: string; template?: string }) =>
      typeof input === "string" ? api.plan(input) : api.plan(input.description, input.template),
  });
}
