// The 短语 tab: as-you-type search (汉字, 全拼, 拼音首字母), suggestions for the section at the cursor, inserting at the
// cursor without replacing a selection, 下一个待填处, and the user's own snippets (save, edit, delete, favourite, import, export).
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { meetingName } from "../../core/outlines/meetings";
import { meetingOf } from "../outlinePrefs";
import { Badge, Button, Divider, Field, Input, Select, Text, Textarea, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ROLES, roleName, type Role } from "../../core/model";
import {
  KIND_NAMES,
  MAX_IMPORT_BYTES,
  addUserSnippet,
  buildSearchIndex,
  builtinSnippets,
  deleteUserSnippet,
  editUserSnippet,
  emptyUserLibrary,
  exportUserLibrary,
  importUserSnippets,
  parseTags,
  parseUserLibrary,
  preferencesOf,
  recordUse,
  removeImportSource,
  search,
  searchableSnippets,
  sourceCounts,
  toggleFavorite,
  type SearchHit,
  type SearchIndex,
  type Snippet,
  type SnippetKind,
  type SnippetStore,
  type UserLibrary,
  type UserSnippet,
} from "../../core/snippets";
import { nextFillIn } from "../../core/fillIns";
import type { TabProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "6px", alignItems: "end", flexWrap: "wrap" },
  hit: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "6px", padding: "4px 6px", display: "flex", flexDirection: "column", gap: "2px" },
  hitText: { whiteSpace: "pre-wrap", lineHeight: tokens.lineHeightBase300 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit" },
  meta: { display: "flex", gap: "4px", alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  // A line of Chinese beside a button: it wraps, and may break anywhere (a closing quote or bracket must not push it out of a 320 px pane).
  context: { minWidth: 0, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const STORAGE_KEY = "tigang.snippets.user";

/** A snippet's opening words, to tell its buttons apart for screen readers (收藏：…, 插入：…). */
function short(text: string): string {
  return text.length > 16 ? `${text.slice(0, 16)}…` : text;
}

type MessagePlace = "top" | "library";

/** The user's snippets in the pane's local storage (per user); a corrupt store is read defensively, never fatal. */
export class LocalSnippetStore implements SnippetStore {
  async load(): Promise<UserLibrary> {
    try {
      const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
      return raw ? parseUserLibrary(JSON.parse(raw)).library : emptyUserLibrary();
    } catch {
      return emptyUserLibrary();
    }
  }
  async save(lib: UserLibrary): Promise<void> {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(lib));
    } catch {
      throw new Error("保存失败：浏览器存储空间不足或被禁用。");
    }
  }
}

const defaultStore = new LocalSnippetStore();

export default function SnippetsTab({ host, state, store = defaultStore }: TabProps & { store?: SnippetStore }) {
  const styles = useStyles();
  const [lib, setLib] = useState<UserLibrary | null>(null);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [warning, setWarning] = useState<string | undefined>();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<SnippetKind | "">("");
  // One message at a time, shown where the action was taken: at the top for search and 下一个待填处, beside the buttons of 我的短语.
  const [message, setMessage] = useState<{ text: string; problem: boolean; place: MessagePlace } | null>(null);
  const setNotice = (text: string, place: MessagePlace = "top") => setMessage({ text, problem: false, place });
  const setProblem = (text: string | null, place: MessagePlace = "top") => setMessage((m) => (text ? { text, problem: true, place } : m?.problem ? null : m));
  const builtin = useMemo(() => builtinSnippets(), []);

  useEffect(() => {
    void store.load().then(setLib);
  }, [store]);
  useEffect(() => {
    if (!lib) return;
    let live = true;
    void buildSearchIndex(searchableSnippets(lib, builtin)).then((r) => {
      if (!live) return;
      setIndex(r.index);
      setWarning(r.warning);
    });
    return () => {
      live = false;
    };
    // The index depends on the snippets only; favourites and recent use are ranking context.
  }, [lib?.snippets, builtin]);

  const update = async (next: UserLibrary, text?: string, place: MessagePlace = "top") => {
    setLib(next);
    try {
      await store.save(next);
      setProblem(null);
      if (text) setNotice(text, place);
    } catch (e) {
      setProblem((e as Error).message, place);
    }
  };
  const messageAt = (place: MessagePlace) =>
    message?.place === place && (
      <Text size={200} className={message.problem ? styles.error : undefined} data-testid={message.problem ? "snippet-problem" : "snippet-notice"} role={message.problem ? "alert" : "status"}>
        {message.text}
      </Text>
    );

  const role = state.cursorRole;
  const type = state.type;
  // Suggestions fit the meeting being prepared: no 巡视 wording for an annual meeting.
  const meeting = meetingOf(state.doc);
  const results = useMemo(() => {
    if (!index || !lib) return null;
    return search(index, query, { role, type, meeting, ...preferencesOf(lib), kind: kind || null, limit: 30 });
  }, [index, lib, query, role, type, meeting, kind]);

  const insert = async (s: Snippet) => {
    const ok =
      s.kind === "paragraph"
        ? await state.actAtCursor(async (snap) => {
            const at = snap.cursorEnd ?? snap.cursor;
            // A paragraph snippet becomes new paragraphs after the cursor's paragraph, in the document's own style.
            const blocks = s.text.split(/\n+/).map((text) => ({ text, kind: "body" as const }));
            await host.insertBlocks(blocks, { kind: "after", paragraph: at, expected: snap.paragraphs[at]?.text ?? "" });
          })
        : await state.act(() => host.insertInline(s.text));
    if (!ok) return;
    const what = s.kind === "paragraph" ? `已插入 ${s.text.split(/\n+/).length} 段` : "已插入短语";
    state.announce(what);
    if (lib) await update(recordUse(lib, s.id), `${what}。如需撤销，在 Word 中按 Ctrl+Z。`);
    else setNotice(`${what}。如需撤销，在 Word 中按 Ctrl+Z。`);
  };

  const nextFill = () =>
    state.actAtCursor(async (snap) => {
      const found = nextFillIn(snap.paragraphs, snap.cursorEnd ?? snap.cursor, snap.cursorEndOffset ?? 0);
      if (!found) {
        setNotice("文档中没有待填处了（XX、××、【…】等）。");
        return;
      }
      await host.select({ ...found, expected: found.text });
    });

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field label="检索短语" style={{ flexGrow: 1 }}>
          <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder="汉字、全拼或首字母，如 lxxn" data-testid="snippet-search" />
        </Field>
        <Field label="类别">
          <Select value={kind} onChange={(_, d) => setKind(d.value as SnippetKind | "")}>
            <option value="">全部</option>
            {(Object.keys(KIND_NAMES) as SnippetKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Button size="small" onClick={() => void nextFill()} data-testid="next-fill-in">
          下一个待填处
        </Button>
        <Text size={200} className={mergeClasses(styles.muted, styles.context)} data-testid="snippet-context">
          {query ? `找到 ${results?.total ?? 0} 条` : `${role ? `推荐：适合“${roleName(role)}”的表述` : "推荐：常用表述"}（${meetingName(meeting)}）`}
        </Text>
      </div>
      {warning && <Text size={200} className={styles.muted}>{warning}</Text>}
      {messageAt("top")}
      {!results && <Text>正在加载短语库…</Text>}
      {results?.hits.map((hit) => (
        <HitView key={hit.snippet.id} hit={hit} styles={styles} onInsert={() => void insert(hit.snippet)} onFavorite={() => lib && void update(toggleFavorite(lib, hit.snippet.id))} />
      ))}
      {results && results.hits.length === 0 && <Text>没有找到匹配的短语。</Text>}
      <Divider />
      {lib && (
        <MyLibrary
          lib={lib}
          update={(next, text) => update(next, text, "library")}
          state={state}
          builtin={builtin}
          setProblem={(text) => setProblem(text, "library")}
          message={messageAt("library")}
          styles={styles}
        />
      )}
    </div>
  );
}

function HitView({ hit, styles, onInsert, onFavorite }: { hit: SearchHit; styles: ReturnType<typeof useStyles>; onInsert: () => void; onFavorite: () => void }) {
  const s = hit.snippet;
  const m = hit.match;
  // Plain text with the matched span marked: React escapes it; snippet texts are never HTML.
  const text =
    m && m.field === "text" ? (
      <>
        {s.text.slice(0, m.start)}
        <mark className={styles.mark}>{s.text.slice(m.start, m.end)}</mark>
        {s.text.slice(m.end)}
      </>
    ) : (
      s.text
    );
  return (
    <div className={styles.hit} data-testid="snippet-hit" data-id={s.id}>
      <Text className={styles.hitText}>{text}</Text>
      <div className={styles.meta}>
        <Badge size="small" appearance="tint">
          {KIND_NAMES[s.kind]}
        </Badge>
        {s.roles.slice(0, 2).map((r) => (
          <Badge key={r} size="small" appearance="outline" color="brand">
            {roleName(r)}
          </Badge>
        ))}
        {s.tags.slice(0, 3).map((t) => (
          <Text key={t} size={100} className={styles.muted}>
            #{t}
          </Text>
        ))}
        <span style={{ flexGrow: 1 }} />
        <Button size="small" appearance="subtle" onClick={onFavorite} aria-pressed={hit.favorite} title={hit.favorite ? "取消收藏" : "收藏"} aria-label={`收藏：${short(s.text)}`}>
          {hit.favorite ? "★" : "☆"}
        </Button>
        <Button size="small" appearance="primary" onClick={onInsert} data-testid="insert-snippet" aria-label={`插入：${short(s.text)}`}>
          插入
        </Button>
      </div>
    </div>
  );
}

function MyLibrary(props: {
  lib: UserLibrary;
  update: (lib: UserLibrary, message?: string) => Promise<void>;
  state: TabProps["state"];
  builtin: readonly Snippet[];
  setProblem: (s: string | null) => void;
  /** This section's message (saved, imported, a problem), shown right under its buttons. */
  message: ReactNode;
  styles: ReturnType<typeof useStyles>;
}) {
  const { lib, update, state, builtin, setProblem, styles } = props;
  const [role, setRole] = useState<Role | "">(state.cursorRole ?? "");
  const [tags, setTags] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const own = lib.snippets;
  const favorites = useMemo(() => new Set(lib.favorites), [lib.favorites]);

  const saveSelection = () =>
    state.actAtCursor(async (snap) => {
      const selected = snap.selectionText ?? "";
      if (!selected.trim()) {
        setProblem("请先在文档中选中要保存的文字。");
        return;
      }
      const r = addUserSnippet(lib, { text: selected, roles: role ? [role] : [], types: state.type ? [state.type] : [], tags: parseTags(tags) }, { builtin });
      if (!r.ok) setProblem(r.message);
      else await update(r.library, r.merged ? "这段文字已在“我的短语”中。" : "已保存到“我的短语”。");
    });

  const doImport = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(`文件过大（${(file.size / 1048576).toFixed(1)} MB），上限为 ${MAX_IMPORT_BYTES / 1048576} MB，未导入任何内容。`);
      return;
    }
    const r = importUserSnippets(lib, await file.text(), { name: file.name, builtin });
    if (!r.ok) {
      // The message already names the first problems (up to three).
      setProblem(r.message);
      return;
    }
    await update(r.library, `已导入“${file.name}”：新增 ${r.added} 条，合并 ${r.merged} 条，跳过重复 ${r.skipped} 条。`);
  };

  const doExport = () => {
    const blob = new Blob([exportUserLibrary(lib)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "我的短语.tigang.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <section aria-label="我的短语" style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      <Text weight="semibold">我的短语（{own.length}）</Text>
      <RoleAndTags className={styles.row} role={role} onRole={(v) => setRole(v as Role | "")} tags={tags} onTags={setTags} />
      <div className={styles.row}>
        <Button size="small" onClick={() => void saveSelection()} data-testid="save-selection">
          把选中文字存为短语
        </Button>
        <Button size="small" onClick={doExport} disabled={!own.length}>
          导出
        </Button>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          导入…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          style={{ display: "none" }}
          data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void doImport(f);
          }}
        />
      </div>
      {props.message}
      {sourceCounts(lib)
        .filter((s) => s.id !== "own")
        .map((s) => (
          <div key={s.id} className={styles.row}>
            <Text size={200}>
              导入的“{s.name}”：{s.count} 条
            </Text>
            <Button size="small" appearance="subtle" onClick={() => void update(removeImportSource(lib, s.id), `已移除“${s.name}”。`)}>
              移除
            </Button>
          </div>
        ))}
      {own.map((s) =>
        editing === s.id ? (
          <OwnSnippetEditor key={s.id} snippet={s} lib={lib} update={update} setProblem={setProblem} onDone={() => setEditing(null)} styles={styles} />
        ) : (
          <div key={s.id} className={styles.hit} data-testid="own-snippet" data-id={s.id}>
            <Text className={styles.hitText}>{s.text}</Text>
            <div className={styles.meta}>
              {s.roles.map((r) => (
                <Badge key={r} size="small" appearance="outline" color="brand">
                  {roleName(r)}
                </Badge>
              ))}
              {s.tags.map((t) => (
                <Text key={t} size={100} className={styles.muted}>
                  #{t}
                </Text>
              ))}
              <span style={{ flexGrow: 1 }} />
              <Button
                size="small"
                appearance="subtle"
                onClick={() => void update(toggleFavorite(lib, s.id))}
                aria-pressed={favorites.has(s.id)}
                title={favorites.has(s.id) ? "取消收藏" : "收藏"}
                aria-label={`收藏：${short(s.text)}`}
                data-testid="favorite-own"
              >
                {favorites.has(s.id) ? "★" : "☆"}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setEditing(s.id)} data-testid="edit-own" aria-label={`编辑：${short(s.text)}`}>
                编辑
              </Button>
              <Button size="small" appearance="subtle" onClick={() => void update(deleteUserSnippet(lib, s.id), "已删除。")} data-testid="delete-own" aria-label={`删除：${short(s.text)}`}>
                删除
              </Button>
            </div>
          </div>
        ),
      )}
    </section>
  );
}

/** Marks a snippet's several roles (e.g. from an import) in the role picker: left as it is, they are kept. */
const KEEP_ROLES = "keep";

/** Edits one of the user's snippets: its text, its section (role) and its tags; editUserSnippet validates. */
function OwnSnippetEditor(props: {
  snippet: UserSnippet;
  lib: UserLibrary;
  update: (lib: UserLibrary, message?: string) => Promise<void>;
  setProblem: (s: string | null) => void;
  onDone: () => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { snippet: s, lib, update, setProblem, onDone, styles } = props;
  const [text, setText] = useState(s.text);
  const [role, setRole] = useState<Role | "" | typeof KEEP_ROLES>(s.roles.length > 1 ? KEEP_ROLES : (s.roles[0] ?? ""));
  const [tags, setTags] = useState(s.tags.join("，"));

  const save = () => {
    const r = editUserSnippet(lib, s.id, {
      text,
      tags: parseTags(tags),
      ...(role === KEEP_ROLES ? {} : { roles: role ? [role] : [] }),
    });
    if (!r.ok) {
      setProblem(r.message);
      return;
    }
    onDone();
    void update(r.library, "已修改。");
  };

  return (
    <div className={styles.hit} data-testid="own-snippet-editor" data-id={s.id}>
      <Field label="文字">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" data-testid="edit-text" />
      </Field>
      <RoleAndTags
        className={styles.row}
        role={role}
        onRole={(v) => setRole(v as Role | "" | typeof KEEP_ROLES)}
        keep={s.roles.length > 1 ? { value: KEEP_ROLES, label: `保持原有（${s.roles.map((r) => roleName(r)).join("、")}）` } : undefined}
        tags={tags}
        onTags={setTags}
        testIds={{ role: "edit-role", tags: "edit-tags" }}
      />
      <div className={styles.row}>
        <Button size="small" appearance="primary" onClick={save} data-testid="save-edit">
          保存
        </Button>
        <Button size="small" onClick={onDone}>
          取消
        </Button>
      </div>
    </div>
  );
}

/** The section (role) and tags of a user snippet, for saving and for editing one. */
function RoleAndTags(props: { className: string; role: string; onRole: (value: string) => void; keep?: { value: string; label: string }; tags: string; onTags: (value: string) => void; testIds?: { role: string; tags: string } }) {
  return (
    <div className={props.className}>
      <Field label="适用小节">
        <Select value={props.role} onChange={(_, d) => props.onRole(d.value)} data-testid={props.testIds?.role}>
          {props.keep && <option value={props.keep.value}>{props.keep.label}</option>}
          <option value="">不限</option>
          {(Object.keys(ROLES) as Role[]).map((r) => (
            <option key={r} value={r}>
              {ROLES[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="标签（逗号分隔）" style={{ flexGrow: 1 }}>
        <Input value={props.tags} onChange={(_, d) => props.onTags(d.value)} data-testid={props.testIds?.tags} />
      </Field>
    </div>
  );
}
