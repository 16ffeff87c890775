"use client";
import { create } from "zustand";
import type { Priority } from "./types";

/** The ranking priority the model picker shows (UI state, shared by every node's picker; never saved). */
export const useModelPickerStore = create<{ priority: Priority; setPriority(priority: Priority): void }>()((set) => ({
  priority: "quality",
  setPriority: (priority) => set({ priority }),
}));
