// Reading the document through the host and parsing it: one snapshot per refresh, errors as Chinese messages; on a
// cursor move a light cursor read decides whether the document changed (then a full read, and results go stale).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DocSnapshot, DocTypeId } from "../core/model";
import { parseDocument, roleAt, type ParsedDocument } from "../core/parse/parseDocument";
import type { CursorInfo, DocumentHost } from "../host/DocumentHost";

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
  /** The last light cursor read that disagreed with the last full read (the document was edited), else null. */
  edited: CursorInfo | null;
  /** A message for the polite live region (screen readers): results of a check, an insert. */
  announcement: string;
  announce: (text: string) => void;
}

/** Whether a light cursor read contradicts a full read: the paragraph count, or the cursor paragraph's text, differs. */
export function cursorDisagrees(snapshot: DocSnapshot, info: CursorInfo): boolean {
  if (info.paragraphCount !== snapshot.paragraphs.length) return true;
  return (snapshot.paragraphs[info.paragraph]?.text ?? "") !== info.text;
}

/**
 * Whether results computed from `read` are stale: a later full read (`latest`) has other text, or a later cursor read
 * contradicts `read`. Same object: same read, not stale.
 */
export function resultsStale(read: DocSnapshot, latest: DocSnapshot | null, edited: CursorInfo | null): boolean {
  if (edited && cursorDisagrees(read, edited)) return true;
  if (!latest || latest === read || latest.paragraphs === read.paragraphs) return false;
  if (latest.paragraphs.length !== read.paragraphs.length) return true;
  return latest.paragraphs.some((p, i) => p.text !== read.paragraphs[i].text);
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
  const [edited, setEdited] = useState<CursorInfo | null>(null);
  const [announcement, announce] = useState("");
  const alive = useRef(true);
  const latest = useRef<DocSnapshot | null>(null);
  const adopt = useCallback((snap: DocSnapshot) => {
    latest.current = snap;
    setSnapshot(snap);
    setEdited(null);
  }, []);

  const doc = useMemo(() => (snapshot ? parseDocument(snapshot.paragraphs, { type: typeOverride ?? undefined }) : null), [snapshot, typeOverride]);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      const snap = await host.snapshot();
      if (!alive.current) return null;
      adopt(snap);
      setError(null);
      return parseDocument(snap.paragraphs);
    } catch (e) {
      if (alive.current) setError(messageOf(e));
      return null;
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [host, adopt]);

  /**
   * After a cursor move: one light read. If it agrees with the last full read only the cursor moved (no body-wide read);
   * if not, the document was edited: results made before go stale, and the pane reads the document afresh.
   */
  const probe = useCallback(async () => {
    const known = latest.current;
    if (!known) return void refresh();
    let info: CursorInfo;
    try {
      info = await host.readCursor();
    } catch {
      return void refresh();
    }
    if (!alive.current || latest.current !== known) return;
    if (cursorDisagrees(known, info)) {
      setEdited(info);
      await refresh();
      return;
    }
    const moved: DocSnapshot = { ...known, cursor: info.paragraph, cursorEnd: info.paragraph, cursorEndOffset: undefined, selectionText: undefined, selectionEmpty: undefined };
    if (known.cursor === info.paragraph && (known.cursorEnd ?? known.cursor) === info.paragraph) return;
    latest.current = moved;
    setSnapshot(moved);
  }, [host, refresh]);

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
        if (alive.current) adopt(snap);
        await action(snap, parseDocument(snap.paragraphs, { type: typeOverride ?? undefined }));
      }, options),
    [act, host, typeOverride, adopt],
  );

  useEffect(() => {
    alive.current = true;
    void refresh();
    // The cursor moves often: after the user pauses (debounced), a light read for suggestions by section and stale results.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = host.onSelectionChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void probe(), 400);
    });
    return () => {
      alive.current = false;
      clearTimeout(timer);
      stop();
    };
  }, [host, refresh, probe]);

  const cursorRole = doc && snapshot ? roleAt(doc, snapshot.cursor) : null;
  return { snapshot, doc, type: doc?.type.id ?? null, typeOverride, setTypeOverride, loading, error, setError, refresh, act, actAtCursor, cursorRole, edited, announcement, announce };
}
