/** Keyboard shortcut labels: ⌘ on a Mac, Ctrl elsewhere. */
export const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The modifier key's label: "⌘" or "Ctrl". */
export const modKey = () => (isMac() ? "⌘" : "Ctrl");

/** "Ctrl+K" / "⌘+K". */
export const shortcutLabel = (key: string) => `${modKey()}+${key}`;

/** Opens "Draft from description" (with Ctrl or ⌘). */
export const DRAFT_SHORTCUT_KEY = "k";

/** Auto-layout: Ctrl/⌘+Shift+L. */
export const LAYOUT_SHORTCUT_LABEL = () => `${modKey()}+Shift+L`;
