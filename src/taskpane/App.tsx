// The task pane: a fixed header (name, help, document summary, a one-line way in, messages, tabs) over a scrolling
// body with the four tabs (提纲, 短语, 检查, 排版); a polite live region announces results to screen readers.
import { lazy, Suspense, useState } from "react";
import { Button, FluentProvider, Link, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PANE_FONT, paneTheme } from "./theme";
import { docTypeName } from "../core/model";
import type { DocumentHost } from "../host/DocumentHost";
import { useDocument } from "./useDocument";

const OutlineTab = lazy(() => import("./tabs/OutlineTab"));
const SnippetsTab = lazy(() => import("./tabs/SnippetsTab"));
const CheckTab = lazy(() => import("./tabs/CheckTab"));
const FormatTab = lazy(() => import("./tabs/FormatTab"));

const useStyles = makeStyles({
  // The pane is exactly the window's height: the header parts never shrink, only the body scrolls.
  root: { display: "flex", flexDirection: "column", height: "100vh", overflow: "hidden", boxSizing: "border-box", padding: "8px 12px 0", gap: "6px", fontFamily: PANE_FONT,
    // Fluent's select shows focus only as a thin underline: a keyboard user needs a visible ring.
    "& select:focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  header: { display: "flex", alignItems: "center", gap: "8px", justifyContent: "space-between", flexShrink: 0 },
  headerActions: { display: "flex", alignItems: "center", gap: "4px", flexShrink: 0 },
  summary: { color: tokens.colorNeutralForeground2, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", flexShrink: 0, minHeight: "16px" },
  welcome: { color: tokens.colorNeutralForeground2, flexShrink: 0, display: "flex", flexWrap: "wrap", gap: "0 6px", alignItems: "baseline" },
  note: { color: tokens.colorNeutralForeground2 },
  messages: { flexShrink: 0, maxHeight: "30vh", overflowY: "auto" },
  tabs: { flexShrink: 0 },
  body: { flexGrow: 1, minHeight: 0, overflowY: "auto", paddingBottom: "12px" },
  liveRegion: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** The help page beside the pane (assets/help.html, copied into the build). */
const HELP_URL = "assets/help.html";

export type TabId = "outline" | "snippets" | "check" | "format";

export function App({ host, initialTab = "outline" }: { host: DocumentHost; initialTab?: TabId }) {
  const styles = useStyles();
  const state = useDocument(host);
  const [tab, setTab] = useState<TabId>(initialTab);
  const { doc, snapshot, loading, error } = state;
  const title = doc && doc.title >= 0 ? doc.titleText : "";
  const empty = !!snapshot && snapshot.paragraphs.every((p) => !p.text.trim());
  return (
    <FluentProvider theme={paneTheme} className={styles.root} lang="zh-CN">
      <div className={styles.header}>
        <Text weight="semibold" size={400}>
          提纲助手
        </Text>
        <span className={styles.headerActions}>
          <Link href={HELP_URL} target="_blank" rel="noopener" aria-label="帮助：四个选项卡的用法" title="帮助" data-testid="help-link">
            ?
          </Link>
          <Button as="a" size="small" appearance="subtle" href={host.kind === "word" ? "taskpane.html?in=office&selftest" : "harness.html?selftest&doc=empty"} title="在空白文档中检查提纲助手在这个 Word 中是否正常工作">
            自检
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void state.refresh()} disabled={loading} aria-label="刷新：重新读取文档">
            刷新
          </Button>
        </span>
      </div>
      <Text className={styles.summary} size={200} data-testid="doc-summary">
        {snapshot ? (
          empty ? (
            `空白文档 · 共 ${snapshot.paragraphs.length} 段`
          ) : (
            <>
              {title ? `《${title}》` : "（未识别到标题）"} · 共 {snapshot.paragraphs.length} 段
              {doc && doc.type.confidence > 0 ? ` · ${typeLabel(doc.type.id)}` : ""}
            </>
          )
        ) : loading ? (
          "正在读取文档…"
        ) : (
          "尚未读取文档"
        )}
      </Text>
      <Text className={styles.welcome} size={200} data-testid="welcome">
        <span>新稿：</span>
        <Link as="button" onClick={() => setTab("outline")}>
          插入提纲
        </Link>
        <span>· 已有稿子：</span>
        <Link as="button" onClick={() => setTab("check")}>
          检查
        </Link>
        <span>·</span>
        <Link as="button" onClick={() => setTab("format")}>
          排版
        </Link>
      </Text>
      <div className={styles.messages}>
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot?.cursorOutsideBody && (
        <MessageBar intent="info" layout="multiline" data-testid="cursor-outside">
          <MessageBarBody>光标不在正文中（在页眉、页脚、脚注或文本框里），插入的内容将放在文档末尾。</MessageBarBody>
        </MessageBar>
      )}
      {snapshot?.trackChanges === "on" && (
        <MessageBar intent="warning" layout="multiline" data-testid="track-changes">
          <MessageBarBody>文档已打开“修订”：修复和插入会记为修订；检查按接受修订后的文字进行。</MessageBarBody>
        </MessageBar>
      )}
      {snapshot?.trackChanges === "unknown" && (
        <Text size={200} className={styles.note} data-testid="track-changes-unknown">
          此版本 Word 无法告知是否打开了“修订”（需 WordApi 1.4）；如已打开，修复会记为修订。
        </Text>
      )}
      </div>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        <Tab value="outline">提纲</Tab>
        <Tab value="snippets">短语</Tab>
        <Tab value="check">检查</Tab>
        <Tab value="format">排版</Tab>
      </TabList>
      <div className={styles.body} data-testid="pane-body">
        <Suspense fallback={<Spinner size="tiny" label="加载中…" />}>
          {tab === "outline" && <OutlineTab host={host} state={state} />}
          {tab === "snippets" && <SnippetsTab host={host} state={state} />}
          {tab === "check" && <CheckTab host={host} state={state} onOutline={() => setTab("outline")} />}
          {tab === "format" && <FormatTab host={host} state={state} />}
        </Suspense>
      </div>
      <div className={styles.liveRegion} aria-live="polite" role="status" data-testid="live-region">
        {state.announcement}
      </div>
    </FluentProvider>
  );
}

function typeLabel(id: Parameters<typeof docTypeName>[0]): string {
  return docTypeName(id);
}
