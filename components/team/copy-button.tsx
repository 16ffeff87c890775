"use client";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "../ui/button";
import { CheckIcon, CopyIcon } from "../ui/icons";

/** Writes `text` to the clipboard (or selects it for Ctrl+C where the page may not write). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** "Copy" that turns into "Copied" for two seconds (announced to screen readers). */
export function CopyButton({ text, label = "Copy", ...props }: ButtonProps & { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <Button size="sm" {...props} onClick={async () => setState((await copyText(text)) ? "copied" : "failed")}>
      {state === "copied" ? <CheckIcon size={13} className="text-ok" /> : <CopyIcon size={13} />}
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : label}</span>
    </Button>
  );
}
