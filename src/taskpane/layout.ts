// Layout shared by the tabs: rows of action buttons that become one column in Word's narrow (320 px) pane, and labels that never wrap.
import { useEffect, useRef, useState, type RefObject } from "react";
import { makeStyles } from "@fluentui/react-components";

/** Below this pane width action buttons stack in one column (Word's default pane is 320 px wide). */
export const NARROW = "@media (max-width: 400px)";

export const useLayoutStyles = makeStyles({
  /** A row of action buttons; one full-width column in a narrow pane. */
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: "6px",
    alignItems: "center",
    [NARROW]: { flexDirection: "column", alignItems: "stretch" },
  },
  /** Button and badge labels stay on one line; a label too long for the pane ends in an ellipsis instead of wrapping. */
  nowrap: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", flexShrink: 0, maxWidth: "100%" },
  /** Text that may shrink to an ellipsis beside fixed controls. */
  shrink: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

/** Esc inside a settings panel closes it (the caller puts focus back on the button that opened it). */
export function useEscapeCloses(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      close.current();
    };
    el.addEventListener("keydown", onKey);
    return () => el.removeEventListener("keydown", onKey);
  }, [ref]);
}

/** A settings panel's switch: open or not, the button that toggles it, and a close that gives that button focus back (Esc). */
export function useSettingsPanel() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return {
    open,
    button,
    toggle: () => setOpen((o) => !o),
    close: () => {
      setOpen(false);
      button.current?.focus();
    },
  };
}
