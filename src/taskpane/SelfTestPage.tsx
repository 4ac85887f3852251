// The 自检 page: runs the shared self-test scenarios on an empty document and prints pass/fail with details to copy.
import { useState } from "react";
import { Badge, Button, FluentProvider, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { PANE_FONT, paneTheme } from "./theme";
import { SCENARIO_LIST, isEmptyDocument, runSelfTest, selfTestReport, type ScenarioResult, type SelfTestEnv } from "../selftest/scenarios";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px 12px", fontFamily: PANE_FONT, minHeight: "100vh", boxSizing: "border-box" },
  row: { display: "flex", gap: "6px", alignItems: "baseline" },
  details: { margin: "0 0 4px 0", paddingLeft: "16px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

const COLOR = { 通过: "success", 失败: "danger", 不适用: "informative" } as const;

export function SelfTestPage({ env, backHref }: { env: SelfTestEnv; backHref?: string }) {
  const styles = useStyles();
  const [results, setResults] = useState<ScenarioResult[]>([]);
  const [state, setState] = useState<"idle" | "running" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    try {
      if (!isEmptyDocument(await env.host.snapshot())) {
        setError("自检会反复清空并改写文档，只能在空白文档中运行。请新建一个空白文档（文件 → 新建 → 空白文档），在其中打开提纲助手后再点“开始自检”。");
        return;
      }
    } catch (e) {
      setError(`读取文档失败：${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setResults([]);
    setState("running");
    const out: ScenarioResult[] = [];
    await runSelfTest(env, (r) => {
      out.push(r);
      setResults([...out]);
    });
    setState("done");
  };

  const report = state === "done" ? selfTestReport(env, results) : "";
  return (
    <FluentProvider theme={paneTheme} className={styles.root} lang="zh-CN" data-testid="selftest">
      <Text weight="semibold" size={400}>
        提纲助手 · 自检
      </Text>
      <Text size={200}>
        在空白文档中依次运行 {SCENARIO_LIST.length} 项操作（读取、插入提纲、插入章节、插入短语、修改建议、定位、空行与页脚中的光标、一键排版与撤销、公文样式、修订），每项检查文档的实际结果。约需一两分钟，期间请不要操作文档。结束后文档中留下最后一项的内容，可直接关闭不保存。
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void start()} disabled={state === "running"} data-testid="selftest-start">
          {state === "running" ? "正在自检…" : "开始自检"}
        </Button>
        {backHref && <a href={backHref}>返回提纲助手</a>}
      </div>
      {error && (
        <MessageBar intent="error" data-testid="selftest-refused">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div data-testid="selftest-results">
        {results.map((r) => (
          <div key={r.id} data-testid={`selftest-${r.id}`} data-outcome={r.outcome}>
            <div className={styles.row}>
              <Badge color={COLOR[r.outcome]} appearance="filled">
                {r.outcome}
              </Badge>
              <Text size={300}>{r.name}</Text>
            </div>
            <ul className={styles.details}>
              {r.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {state === "done" && (
        <>
          <Text size={200}>请复制下面的报告发给提纲助手的维护人员（全部内容，含环境一行）：</Text>
          <Textarea value={report} readOnly resize="vertical" rows={8} data-testid="selftest-report" />
          <Button onClick={() => void navigator.clipboard?.writeText(report).catch(() => setError("浏览器不允许写入剪贴板，请在上面的文本框中全选（Ctrl+A）后复制。"))}>复制报告</Button>
        </>
      )}
    </FluentProvider>
  );
}
