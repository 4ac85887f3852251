// The pane's full-page notices before it can work: connecting to Word, not connected (a browser), or blocked (Word cannot be reached).
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { PANE_FONT, paneTheme } from "./theme";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", fontFamily: PANE_FONT, minHeight: "100vh", boxSizing: "border-box" },
  // Long URLs and build settings in the messages wrap inside the narrow pane instead of running off its edge.
  body: { overflowWrap: "anywhere", wordBreak: "break-word", minWidth: 0 },
  title: { display: "block", marginBottom: "4px" },
});

export type NoticeKind = "connecting" | "slow" | "standalone" | "blocked";

export function Notice({ kind, message }: { kind: NoticeKind; message?: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={paneTheme} className={styles.root} lang="zh-CN" data-testid={`notice-${kind}`}>
      <Text weight="semibold" size={400}>
        提纲助手
      </Text>
      {(kind === "connecting" || kind === "slow") && <Spinner size="tiny" labelPosition="after" label="正在连接 Word…" />}
      {kind === "slow" && (
        <Text size={200}>
          Word 还没有响应。Word 正忙或文档较大时需要多等一会儿；如果一直停在这里，请关闭本窗格后重新打开。在连接成功之前，提纲助手不会修改文档。
        </Text>
      )}
      {kind === "standalone" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle className={styles.title}>此页面没有连接 Word</MessageBarTitle>
            这是提纲助手的任务窗格页面，需要在 Word 中打开：安装加载项后，在 Word 的“开始”选项卡点击“提纲助手”。想先在浏览器中试用，请打开
            <a href="harness.html">演示台</a>，它在一份模拟文档上运行全部功能，不会连接任何 Word 文档。
          </MessageBarBody>
        </MessageBar>
      )}
      {kind === "blocked" && (
        <MessageBar intent="error" layout="multiline" data-testid="blocked">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle className={styles.title}>无法使用提纲助手</MessageBarTitle>
            {message}
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
}
