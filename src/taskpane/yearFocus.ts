// The year's 对照检查 points for the pane: year-focus.json next to the pane's page (an office replaces that file when
// the year's notice comes out), else the copy built into the pane. A broken file is reported, never fatal.
import { parseYearFocus, shippedFocus, type YearFocus } from "../core/outlines/focus";

export interface LoadedFocus {
  focus: YearFocus;
  /** "file": the served year-focus.json; "shipped": the copy in the bundle. */
  from: "file" | "shipped";
  /** Why the served file was not used (invalid), in Chinese. */
  warning?: string;
}

type FetchLike = (url: string, init?: { cache?: "no-cache" }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Read year-focus.json relative to the page; fall back to the shipped copy when it is absent or invalid. */
export async function loadYearFocus(fetchFn: FetchLike | undefined = globalThis.fetch as FetchLike | undefined): Promise<LoadedFocus> {
  const shipped = { focus: shippedFocus(), from: "shipped" as const };
  if (!fetchFn) return shipped;
  let raw: unknown;
  try {
    // no-cache: an office that replaces the file should see it at the next start of the pane.
    const res = await fetchFn("year-focus.json", { cache: "no-cache" });
    if (!res.ok) return shipped;
    raw = await res.json();
  } catch {
    return shipped; // offline or not served: the built-in copy is the same data as the release's file
  }
  const r = parseYearFocus(raw);
  if (!r.ok) return { ...shipped, warning: `${r.message}。已改用随加载项发布的${shipped.focus.year}年度重点。` };
  return { focus: r.focus, from: "file" };
}

let pending: Promise<LoadedFocus> | null = null;

/** The pane loads the file once per session. */
export function yearFocusOnce(): Promise<LoadedFocus> {
  pending ??= loadYearFocus();
  return pending;
}

/** Tests: forget the loaded file. */
export function resetYearFocus(): void {
  pending = null;
}
