// Reading the document through the host and parsing it: one snapshot per refresh, errors as Chinese messages.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DocSnapshot, DocTypeId } from "../core/model";
import { parseDocument, roleAt, type ParsedDocument } from "../core/parse/parseDocument";
import type { DocumentHost } from "../host/DocumentHost";

export interface DocumentState {
  snapshot: DocSnapshot | null;
  doc: ParsedDocument | null;
  /** The type in force: the user's choice, or the detected one. */
  type: DocTypeId | null;
  typeOverride: DocTypeId | null;
  setTypeOverride: (t: DocTypeId | null) => void;
  loading: boolean;
  error: string | null;
  setError: (e: string | null) => void;
  refresh: () => Promise<ParsedDocument | null>;
  /** Run a document action: errors become the pane's message, the document is re-read afterwards. */
  act: (action: () => Promise<unknown>, options?: { refresh?: boolean }) => Promise<boolean>;
  /** Run an action that depends on where the cursor is now: it reads the document first (the cursor may have moved since the last read). */
  /** Read the document afresh, then act on that read; `refresh: false` when the action does not change the document. */
  actAtCursor: (action: (snapshot: DocSnapshot, doc: ParsedDocument) => Promise<unknown>, options?: { refresh?: boolean }) => Promise<boolean>;
  cursorRole: ReturnType<typeof roleAt>;
}

export function messageOf(e: unknown): string {
  if (e instanceof Error && e.name === "HostError") return e.message;
  return `操作失败：${e instanceof Error ? e.message : String(e)}`;
}

export function useDocument(host: DocumentHost): DocumentState {
  const [snapshot, setSnapshot] = useState<DocSnapshot | null>(null);
  const [typeOverride, setTypeOverride] = useState<DocTypeId | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const doc = useMemo(() => (snapshot ? parseDocument(snapshot.paragraphs, { type: typeOverride ?? undefined }) : null), [snapshot, typeOverride]);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      const snap = await host.snapshot();
      if (!alive.current) return null;
      setSnapshot(snap);
      setError(null);
      return parseDocument(snap.paragraphs);
    } catch (e) {
      if (alive.current) setError(messageOf(e));
      return null;
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [host]);

  const act = useCallback(
    async (action: () => Promise<unknown>, options: { refresh?: boolean } = {}) => {
      try {
        await action();
        setError(null);
        if (options.refresh !== false) await refresh();
        return true;
      } catch (e) {
        setError(messageOf(e));
        return false;
      }
    },
    [refresh],
  );

  const actAtCursor = useCallback(
    (action: (snapshot: DocSnapshot, doc: ParsedDocument) => Promise<unknown>, options: { refresh?: boolean } = {}) =>
      act(async () => {
        const snap = await host.snapshot();
        // The fresh read is the pane's view of the document too: an action that only reads needs no second read.
        if (alive.current) setSnapshot(snap);
        await action(snap, parseDocument(snap.paragraphs, { type: typeOverride ?? undefined }));
      }, options),
    [act, host, typeOverride],
  );

  useEffect(() => {
    alive.current = true;
    void refresh();
    // The cursor moves often: re-read after the user pauses (debounced), for suggestions by section.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = host.onSelectionChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 400);
    });
    return () => {
      alive.current = false;
      clearTimeout(timer);
      stop();
    };
  }, [host, refresh]);

  const cursorRole = doc && snapshot ? roleAt(doc, snapshot.cursor) : null;
  return { snapshot, doc, type: doc?.type.id ?? null, typeOverride, setTypeOverride, loading, error, setError, refresh, act, actAtCursor, cursorRole };
}
