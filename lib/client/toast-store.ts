"use client";
import { create } from "zustand";
import { describeError, type ErrorCopyContext } from "./error-copy";

export type ToastTone = "info" | "success" | "error";

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string;
  /** Technical text (error code, server message) shown behind a "Details" disclosure. */
  details?: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, "id">, durationMs?: number): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** Short notices in the corner (invalid connection, run finished, upload refused). */
export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  // An error with details stays longer: reading them (or copying them for someone) takes time.
  push(toast, durationMs = toast.tone === "error" ? (toast.details ? 15000 : 7000) : 4000) {
    const id = nextId++;
    // The same notice twice in a row replaces the first instead of stacking.
    const rest = get().toasts.filter((t) => !(t.title === toast.title && t.description === toast.description));
    set({ toasts: [...rest.slice(-3), { ...toast, id }] });
    if (durationMs > 0) setTimeout(() => get().dismiss(id), durationMs);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** Shorthand for components and non-React code. */
export const toast = {
  info: (title: string, description?: string) => useToastStore.getState().push({ tone: "info", title, description }),
  success: (title: string, description?: string) => useToastStore.getState().push({ tone: "success", title, description }),
  error: (title: string, description?: string, details?: string) =>
    useToastStore.getState().push({ tone: "error", title, description, details }),
  /** An error toast for a thrown value: the designer's sentence, the technical text behind "Details" (lib/client/error-copy.ts). */
  failure: (title: string, error: unknown, ctx?: ErrorCopyContext) => {
    const friendly = describeError(error, ctx);
    return useToastStore.getState().push({ tone: "error", title, description: friendly.sentence, details: friendly.details ?? undefined });
  },
};
