// The task pane: a document summary, four tabs (提纲, 短语, 检查, 排版) and one message area for errors.
import { lazy, Suspense, useState } from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PANE_FONT, paneTheme } from "./theme";
import { docTypeName } from "../core/model";
import type { DocumentHost } from "../host/DocumentHost";
import { useDocument } from "./useDocument";

const OutlineTab = lazy(() => import("./tabs/OutlineTab"));
const SnippetsTab = lazy(() => import("./tabs/SnippetsTab"));
const CheckTab = lazy(() => import("./tabs/CheckTab"));
const FormatTab = lazy(() => import("./tabs/FormatTab"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: "100vh", boxSizing: "border-box", padding: "8px 12px", gap: "8px", fontFamily: PANE_FONT },
  header: { display: "flex", alignItems: "center", gap: "8px", justifyContent: "space-between" },
  summary: { color: tokens.colorNeutralForeground2, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  body: { flexGrow: 1, overflowY: "auto" },
});

export type TabId = "outline" | "snippets" | "check" | "format";

export function App({ host, initialTab = "outline" }: { host: DocumentHost; initialTab?: TabId }) {
  const styles = useStyles();
  const state = useDocument(host);
  const [tab, setTab] = useState<TabId>(initialTab);
  const { doc, snapshot, loading, error } = state;
  const title = doc && doc.title >= 0 ? doc.titleText : "";
  return (
    <FluentProvider theme={paneTheme} className={styles.root} lang="zh-CN">
      <div className={styles.header}>
        <Text weight="semibold" size={400}>
          提纲助手
        </Text>
        <Button size="small" appearance="subtle" onClick={() => void state.refresh()} disabled={loading} aria-label="重新读取文档">
          刷新
        </Button>
      </div>
      <Text className={styles.summary} size={200} data-testid="doc-summary">
        {snapshot ? (
          <>
            {title ? `《${title}》` : "（未识别到标题）"} · 共 {snapshot.paragraphs.length} 段
            {doc ? ` · ${typeLabel(doc.type.id)}` : ""}
          </>
        ) : loading ? (
          "正在读取文档…"
        ) : (
          "尚未读取文档"
        )}
      </Text>
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        <Tab value="outline">提纲</Tab>
        <Tab value="snippets">短语</Tab>
        <Tab value="check">检查</Tab>
        <Tab value="format">排版</Tab>
      </TabList>
      <div className={styles.body}>
        <Suspense fallback={<Spinner size="tiny" label="加载中…" />}>
          {tab === "outline" && <OutlineTab host={host} state={state} />}
          {tab === "snippets" && <SnippetsTab host={host} state={state} />}
          {tab === "check" && <CheckTab host={host} state={state} />}
          {tab === "format" && <FormatTab host={host} state={state} />}
        </Suspense>
      </div>
    </FluentProvider>
  );
}

function typeLabel(id: Parameters<typeof docTypeName>[0]): string {
  return docTypeName(id);
}
