// The user's own snippets, favourites and recent use: pure operations on a plain value the UI persists through a SnippetStore.
import * as z from "zod/mini";
import type { DocTypeId, Role } from "../model";
import { cleanSelectionText, dedupeKey, guessKind } from "./normalize";
import { hash53 } from "./pinyinCodec";
import { KindSchema, RoleIdSchema, TypeIdSchema, type Snippet, type SnippetKind } from "./schema";

export const USER_LIBRARY_VERSION = 1;
export const MAX_TEXT_LENGTH = 5000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 30;
export const MAX_RECENT = 50;
/** The source of snippets the user added by hand (imports have their own source ids). */
export const OWN_SOURCE = "own";

/** A user snippet: a Snippet plus where it came from. Texts are plain text; the UI must render them as text, never as HTML. */
export interface UserSnippet extends Snippet {
  /** OWN_SOURCE, or the id of the import it came with. */
  source: string;
  createdAt: string;
  updatedAt?: string;
}

/** One imported file: removing it removes its snippets as a unit. */
export interface ImportSource {
  id: string;
  name: string;
  importedAt: string;
  /** How many snippets the import added. */
  added: number;
}

/** Everything the UI persists (as JSON) through a SnippetStore. */
export interface UserLibrary {
  version: typeof USER_LIBRARY_VERSION;
  snippets: UserSnippet[];
  sources: ImportSource[];
  /** Ids of favourite snippets (shipped or the user's). */
  favorites: string[];
  /** Ids of recently used snippets, most recent first. */
  recent: string[];
}

/** Persistence, implemented by the UI (e.g. over OfficeRuntime.storage or localStorage). */
export interface SnippetStore {
  load(): Promise<UserLibrary>;
  save(library: UserLibrary): Promise<void>;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; message: string; problems?: string[] };

export function emptyUserLibrary(): UserLibrary {
  return { version: USER_LIBRARY_VERSION, snippets: [], sources: [], favorites: [], recent: [] };
}

/** A store kept in memory as JSON (so tests see exactly what would be persisted). */
export class MemorySnippetStore implements SnippetStore {
  private json: string | null;
  saves = 0;
  constructor(initial?: UserLibrary) {
    this.json = initial ? JSON.stringify(initial) : null;
  }
  async load(): Promise<UserLibrary> {
    return this.json ? parseUserLibrary(JSON.parse(this.json)).library : emptyUserLibrary();
  }
  async save(library: UserLibrary): Promise<void> {
    this.saves++;
    this.json = JSON.stringify(library);
  }
  /** The persisted JSON, for tests. */
  raw(): string | null {
    return this.json;
  }
}

const Tag = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TAG_LENGTH));
const StoredSnippetSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)),
  kind: KindSchema,
  roles: z.array(RoleIdSchema).check(z.maxLength(40)),
  types: z.array(TypeIdSchema).check(z.maxLength(10)),
  tags: z.array(Tag).check(z.maxLength(MAX_TAGS)),
  source: z.string().check(z.minLength(1)),
  createdAt: z.string(),
  updatedAt: z.optional(z.string()),
});
const StoredSourceSchema = z.object({ id: z.string().check(z.minLength(1)), name: z.string(), importedAt: z.string(), added: z.int().check(z.nonnegative()) });

/**
 * Read a persisted library (from a SnippetStore) defensively: a damaged entry is dropped and named in
 * `problems`, the rest is kept; something that is not a library at all gives an empty one.
 */
export function parseUserLibrary(raw: unknown): { library: UserLibrary; problems: string[] } {
  const lib = emptyUserLibrary();
  const problems: string[] = [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    if (raw !== undefined && raw !== null) problems.push("保存的短语库不是有效的数据，已按空库处理。");
    return { library: lib, problems };
  }
  const r = raw as Record<string, unknown>;
  if (r.version !== USER_LIBRARY_VERSION) {
    problems.push(`保存的短语库版本为 ${String(r.version)}，本程序支持版本 ${USER_LIBRARY_VERSION}，已按空库处理。`);
    return { library: lib, problems };
  }
  const sources = Array.isArray(r.sources) ? r.sources : [];
  for (const s of sources) {
    const p = StoredSourceSchema.safeParse(s);
    if (p.success) lib.sources.push(p.data);
  }
  const sourceIds = new Set([OWN_SOURCE, ...lib.sources.map((s) => s.id)]);
  const ids = new Set<string>();
  const keys = new Set<string>();
  (Array.isArray(r.snippets) ? r.snippets : []).forEach((s, i) => {
    const p = StoredSnippetSchema.safeParse(s);
    if (!p.success) {
      problems.push(`第${i + 1}条保存的短语已损坏，已略去。`);
      return;
    }
    const key = dedupeKey(p.data.text);
    if (ids.has(p.data.id) || keys.has(key) || !sourceIds.has(p.data.source)) {
      problems.push(`第${i + 1}条保存的短语重复或来源不明，已略去。`);
      return;
    }
    ids.add(p.data.id);
    keys.add(key);
    lib.snippets.push(p.data as UserSnippet);
  });
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  lib.favorites = [...new Set(strings(r.favorites))];
  lib.recent = [...new Set(strings(r.recent))].slice(0, MAX_RECENT);
  return { library: lib, problems };
}

/** Split tags typed in one box: commas, 、, semicolons or spaces. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export interface SnippetInput {
  /** The text (e.g. the selection in Word). Line breaks are kept; control characters are dropped. */
  text: string;
  roles?: readonly Role[];
  types?: readonly DocTypeId[];
  tags?: readonly string[];
  /** Guessed from the text when omitted. */
  kind?: SnippetKind;
}

const InputSchema = z.object({
  text: z.string().check(z.minLength(1, "文字为空"), z.maxLength(MAX_TEXT_LENGTH, `文字过长（超过 ${MAX_TEXT_LENGTH} 字）`)),
  roles: z.array(RoleIdSchema, "作用不可识别"),
  types: z.array(TypeIdSchema, "材料类型不可识别"),
  tags: z.array(z.string().check(z.maxLength(MAX_TAG_LENGTH, `标签过长（超过 ${MAX_TAG_LENGTH} 字）`))).check(z.maxLength(MAX_TAGS, `标签过多（超过 ${MAX_TAGS} 个）`)),
  kind: KindSchema,
});

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** A fresh id for a text: prefix + hash of its normalised form, suffixed when taken (an edited snippet keeps its old id). */
export function snippetId(prefix: string, text: string, taken: (id: string) => boolean): string {
  const base = `${prefix}-${hash53(dedupeKey(text)).toString(36)}`;
  let id = base;
  for (let k = 2; taken(id); k++) id = `${base}-${k}`;
  return id;
}

function validInput(input: SnippetInput): Result<{ value: Omit<Snippet, "id"> }> {
  const text = cleanSelectionText(String(input.text ?? ""));
  const value = {
    text,
    roles: [...new Set(input.roles ?? [])],
    types: [...new Set(input.types ?? [])],
    tags: [...new Set((input.tags ?? []).map((t) => String(t).trim()).filter(Boolean))],
    kind: input.kind ?? guessKind(text),
  };
  const p = InputSchema.safeParse(value);
  if (!p.success) return { ok: false, message: p.error.issues[0]?.message ?? "内容有误" };
  if (!dedupeKey(text)) return { ok: false, message: "文字只有标点或空白" };
  return { ok: true, value: p.data };
}

export interface AddOptions {
  now?: Date;
  /** Shipped snippets: adding a text the library already has is refused (favourite it instead). */
  builtin?: Iterable<Snippet>;
}

/**
 * Add a snippet of the user's own (e.g. from the selection). Adding a text the user already has (after
 * normalisation) merges roles, types and tags into it and returns it with `merged: true`.
 */
export function addUserSnippet(lib: UserLibrary, input: SnippetInput, options: AddOptions = {}): Result<{ library: UserLibrary; snippet: UserSnippet; merged: boolean }> {
  const v = validInput(input);
  if (!v.ok) return v;
  const key = dedupeKey(v.value.text);
  for (const b of options.builtin ?? []) {
    if (dedupeKey(b.text) === key) return { ok: false, message: "短语库中已有相同的短语，可将其收藏。", problems: [b.id] };
  }
  const existing = lib.snippets.find((s) => dedupeKey(s.text) === key);
  const now = (options.now ?? new Date()).toISOString();
  if (existing) {
    const snippet: UserSnippet = {
      ...existing,
      roles: union(existing.roles, v.value.roles),
      types: union(existing.types, v.value.types),
      tags: union(existing.tags, v.value.tags).slice(0, MAX_TAGS),
      updatedAt: now,
    };
    return { ok: true, library: { ...lib, snippets: lib.snippets.map((s) => (s.id === existing.id ? snippet : s)) }, snippet, merged: true };
  }
  const ids = new Set(lib.snippets.map((s) => s.id));
  const snippet: UserSnippet = { id: snippetId("u", v.value.text, (id) => ids.has(id)), ...v.value, source: OWN_SOURCE, createdAt: now };
  return { ok: true, library: { ...lib, snippets: [snippet, ...lib.snippets] }, snippet, merged: false };
}

/** Change a user snippet's text, roles, types, tags or kind. The id stays (favourites and recent use follow it). */
export function editUserSnippet(lib: UserLibrary, id: string, patch: Partial<SnippetInput>, options: { now?: Date } = {}): Result<{ library: UserLibrary; snippet: UserSnippet }> {
  const old = lib.snippets.find((s) => s.id === id);
  if (!old) return { ok: false, message: "找不到这条自定义短语（可能已被删除）。" };
  const v = validInput({
    text: patch.text ?? old.text,
    roles: patch.roles ?? old.roles,
    types: patch.types ?? old.types,
    tags: patch.tags ?? old.tags,
    kind: patch.kind ?? (patch.text !== undefined ? undefined : old.kind),
  });
  if (!v.ok) return v;
  const key = dedupeKey(v.value.text);
  const clash = lib.snippets.find((s) => s.id !== id && dedupeKey(s.text) === key);
  if (clash) return { ok: false, message: `与已有短语“${clash.text.slice(0, 20)}”重复。` };
  const snippet: UserSnippet = { ...old, ...v.value, updatedAt: (options.now ?? new Date()).toISOString() };
  return { ok: true, library: { ...lib, snippets: lib.snippets.map((s) => (s.id === id ? snippet : s)) }, snippet };
}

/** Delete a user snippet (own or imported); its favourite and recent entries go with it. */
export function deleteUserSnippet(lib: UserLibrary, id: string): UserLibrary {
  if (!lib.snippets.some((s) => s.id === id)) return lib;
  return {
    ...lib,
    snippets: lib.snippets.filter((s) => s.id !== id),
    favorites: lib.favorites.filter((f) => f !== id),
    recent: lib.recent.filter((r) => r !== id),
  };
}

/** Mark or unmark a favourite (any snippet id, shipped or the user's). */
export function setFavorite(lib: UserLibrary, id: string, on: boolean): UserLibrary {
  const has = lib.favorites.includes(id);
  if (on === has) return lib;
  return { ...lib, favorites: on ? [id, ...lib.favorites] : lib.favorites.filter((f) => f !== id) };
}

export function toggleFavorite(lib: UserLibrary, id: string): UserLibrary {
  return setFavorite(lib, id, !lib.favorites.includes(id));
}

/** Note that a snippet was inserted: it moves to the front of the recent list (kept to MAX_RECENT). */
export function recordUse(lib: UserLibrary, id: string): UserLibrary {
  if (lib.recent[0] === id) return lib;
  return { ...lib, recent: [id, ...lib.recent.filter((r) => r !== id)].slice(0, MAX_RECENT) };
}

/** Remove an import and every snippet it added. */
export function removeImportSource(lib: UserLibrary, sourceId: string): UserLibrary {
  if (sourceId === OWN_SOURCE || !lib.sources.some((s) => s.id === sourceId)) return lib;
  const gone = new Set(lib.snippets.filter((s) => s.source === sourceId).map((s) => s.id));
  return {
    ...lib,
    snippets: lib.snippets.filter((s) => !gone.has(s.id)),
    sources: lib.sources.filter((s) => s.id !== sourceId),
    favorites: lib.favorites.filter((f) => !gone.has(f)),
    recent: lib.recent.filter((r) => !gone.has(r)),
  };
}

/** How many snippets each source holds now (own first, then imports in import order). */
export function sourceCounts(lib: UserLibrary): { id: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of lib.snippets) counts.set(s.source, (counts.get(s.source) ?? 0) + 1);
  return [{ id: OWN_SOURCE, name: "我添加的", count: counts.get(OWN_SOURCE) ?? 0 }, ...lib.sources.map((s) => ({ id: s.id, name: s.name, count: counts.get(s.id) ?? 0 }))];
}

/** The list to index: the user's snippets first (they win ties), then the shipped ones. */
export function searchableSnippets(lib: UserLibrary, builtin: readonly Snippet[]): Snippet[] {
  return [...lib.snippets, ...builtin];
}

/** Favourites and recent use in the shape search() takes. */
export function preferencesOf(lib: UserLibrary): { favorites: Set<string>; recent: string[] } {
  return { favorites: new Set(lib.favorites), recent: lib.recent };
}
