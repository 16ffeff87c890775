"use client";
import { AppHeader } from "../app-header";

/** The studio header on the Apps pages (the sections nav is part of every header). */
export function AppsHeader() {
  return <AppHeader />;
}
