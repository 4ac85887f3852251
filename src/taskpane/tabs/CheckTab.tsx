// The 检查 tab: one read of the document, a summary (errors / warnings / info; required sections ✓/✗ from the same
// computation as the missing-section findings), findings grouped by section with their quote, repeats within one
// paragraph collapsed (第12段 · 5 处, 下一处); click to select the text in Word, 修复, 全部修复 a rule's; stale results
// marked when the document changes; settings for rules, severities and ignored words.
import { useMemo, useRef, useState } from "react";
import { Badge, Button, Checkbox, Divider, Field, MessageBar, MessageBarActions, MessageBarBody, Select, Text, Textarea, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { roleName, type DocSnapshot } from "../../core/model";
import { checkDocument, quoteParts, wordToIgnore, type CheckSettings } from "../../core/check/engine";
import { ALL_RULES } from "../../core/check/rules";
import { sectionPresence } from "../../core/check/rules/missingSection";
import { loadTypoLexicon } from "../../core/check/rules/typo";
import type { Finding, Severity } from "../../core/check/types";
import { sectionAt, type ParsedDocument } from "../../core/parse/parseDocument";
import { planComments, type CommentsResult } from "../../core/annotate/commentPlan";
import { loadSetting, saveSetting } from "../settings";
import { resultsStale } from "../useDocument";
import { useEscapeCloses, useLayoutStyles, useSettingsPanel } from "../layout";
import { StructureView, TypePicker } from "./StructureView";
import type { TabProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  summary: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  group: { display: "flex", flexDirection: "column", gap: "4px" },
  finding: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "6px", padding: "4px 6px", display: "flex", flexDirection: "column", gap: "2px" },
  findingHead: { display: "flex", gap: "6px", alignItems: "center", justifyContent: "space-between", minWidth: 0 },
  message: { textAlign: "left", justifyContent: "flex-start", minWidth: 0, padding: "2px 0", fontWeight: "normal", height: "auto" },
  quote: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground2, borderRadius: "4px", padding: "2px 6px", wordBreak: "break-all" },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit" },
  muted: { color: tokens.colorNeutralForeground3 },
  sections: { display: "flex", flexWrap: "wrap", gap: "4px 10px" },
  stale: { opacity: 0.6 },
});

const SEVERITY_NAME: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

interface CheckPrefs {
  disabled: string[];
  severities: Record<string, Severity>;
  ignored: string[];
  ignoreWords: string[];
}
const PREFS: CheckPrefs = { disabled: [], severities: {}, ignored: [], ignoreWords: [] };

interface Result {
  snapshot: DocSnapshot;
  doc: ParsedDocument;
  findings: Finding[];
  /** The document had no text: nothing was checked. */
  empty: boolean;
}

/** Findings of one rule with one message in one paragraph: shown as one card (第12段 · 5 处). */
export interface FindingCard {
  key: string;
  findings: Finding[];
}

export default function CheckTab(props: TabProps & { onOutline?: () => void }) {
  const { host, state, onOutline } = props;
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [prefs, setPrefsState] = useState<CheckPrefs>(() => loadSetting("check", PREFS));
  const setPrefs = (p: Partial<CheckPrefs>) => {
    const next = { ...prefs, ...p };
    setPrefsState(next);
    saveSetting("check", next);
    if (result && !result.empty) setResult({ ...result, findings: checkDocument(result.doc, settingsOf(next)) });
  };
  const [result, setResult] = useState<Result | null>(null);
  const settings = useSettingsPanel();
  const [busy, setBusy] = useState(false);
  /** What 写入批注 / 删除本工具批注 did (errors go to the pane's error bar, with what Word kept). */
  const [commentOutcome, setCommentOutcome] = useState<{ intent: "success" | "warning"; text: string } | null>(null);
  const commentsAvailable = !!host.writeComments && !!host.removeToolComments;

  const writeComments = async () => {
    if (!result || !host.writeComments) return;
    setBusy(true);
    setCommentOutcome(null);
    const requests = planComments(result.snapshot.paragraphs.map((p) => p.text), result.doc.title, result.findings);
    let done: CommentsResult | null = null;
    await state.act(async () => void (done = await host.writeComments!(requests)), { refresh: false });
    if (done) {
      const outcome = commentsMessage(done);
      setCommentOutcome(outcome);
      state.announce(outcome.text);
    }
    setBusy(false);
  };
  const removeComments = async () => {
    if (!host.removeToolComments) return;
    setBusy(true);
    setCommentOutcome(null);
    let removed: number | null = null;
    await state.act(async () => void (removed = await host.removeToolComments!()), { refresh: false });
    if (removed !== null) {
      const text = removed ? `已删除本工具写入的 ${removed} 条批注，其他批注保持不变。` : "文档中没有本工具写入的批注（以“【提纲助手】”开头的批注）。";
      setCommentOutcome({ intent: "success", text });
      state.announce(text);
    }
    setBusy(false);
  };

  const runCheck = async () => {
    setBusy(true);
    // The lexicon is its own chunk, fetched on the first 检查 and cached by the browser; without it the table still works.
    let lexiconFailed = false;
    await loadTypoLexicon().catch(() => (lexiconFailed = true));
    await state.actAtCursor(
      async (snapshot, doc) => {
        const empty = snapshot.paragraphs.every((p) => !p.text.trim());
        const findings = empty ? [] : checkDocument(doc, settingsOf(prefs));
        setResult({ snapshot, doc, findings, empty });
        state.announce(empty ? "检查完成：文档是空的" : `检查完成：${summaryLine(findings)}`);
      },
      { refresh: false },
    );
    // After the check, which clears messages.
    if (lexiconFailed) state.setError("词库加载失败：本次只按常见错别字词表检查，词表之外的错别字可能查不出。请检查网络后重新检查。");
    setBusy(false);
  };
  const applyAndRecheck = async (fixes: Finding["fix"][]) => {
    const list = fixes.filter((f): f is NonNullable<typeof f> => !!f);
    if (!list.length) return;
    setBusy(true);
    let skipped = 0;
    const ok = await state.act(
      async () => {
        skipped = (await host.applyFixes(list)).skipped;
      },
      { refresh: false },
    );
    // The re-check's fresh read also refreshes the pane: one read after the fix, not two.
    if (ok) await runCheck();
    // After the re-check, which clears messages: a refused stale fix must stay visible.
    if (skipped) state.setError(`有 ${skipped} 处修复未应用，这些地方保持原样：相应文字在检查之后已被修改，或在 Word 中无法唯一定位，或所在段落含图片、域、脚注等非文字内容。已按当前文档重新检查。`);
    setBusy(false);
  };

  const counts = useMemo(() => countBySeverity(result?.findings ?? []), [result]);
  const groups = useMemo(() => (result ? groupBySection(result.doc, result.findings) : []), [result]);
  const fixableByRule = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of result?.findings ?? []) if (f.fix) m.set(f.rule, [...(m.get(f.rule) ?? []), f]);
    return m;
  }, [result]);
  const stale = useMemo(() => !!result && resultsStale(result.snapshot, state.snapshot, state.edited), [result, state.snapshot, state.edited]);

  const required = result && !result.empty ? sectionPresence(result.doc).filter((s) => !s.point || s.present) : [];
  const select = (f: Finding) =>
    result && void state.act(() => host.select({ paragraph: f.paragraph, offset: f.offset, length: f.length, expected: quoted(result.snapshot, f) }), { refresh: false });

  return (
    <div className={styles.root}>
      <TypePicker state={state} />
      <div className={styles.summary}>
        <Button appearance="primary" className={layout.nowrap} onClick={() => void runCheck()} disabled={busy} data-testid="run-check">
          {result ? "重新检查" : "检查"}
        </Button>
        <Button ref={settings.button} appearance="subtle" className={layout.nowrap} onClick={settings.toggle} aria-expanded={settings.open}>
          检查设置
        </Button>
      </div>
      {settings.open && <SettingsPanel prefs={prefs} setPrefs={setPrefs} onClose={settings.close} />}
      {result && stale && (
        <MessageBar intent="warning" data-testid="check-stale">
          <MessageBarBody>文档已修改 · 以下结果可能已过时</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void runCheck()} disabled={busy} data-testid="recheck-stale">
              重新检查
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {result?.empty && (
        <div className={styles.group} data-testid="check-empty">
          <Text>文档是空的，没有可检查的内容。新稿可以先插入标准提纲。</Text>
          {onOutline && (
            <div className={layout.actions}>
              <Button appearance="primary" className={layout.nowrap} onClick={onOutline} data-testid="check-empty-outline">
                去插入提纲
              </Button>
            </div>
          )}
        </div>
      )}
      {result && !result.empty && (
        <div className={stale ? styles.stale : undefined} style={{ display: "flex", flexDirection: "column", gap: 10 }}>
          <div className={styles.summary} data-testid="check-summary">
            <Badge color="danger" appearance="filled" className={layout.nowrap}>
              错误 {counts.error}
            </Badge>
            <Badge color="warning" appearance="filled" className={layout.nowrap}>
              警告 {counts.warning}
            </Badge>
            <Badge color="informative" appearance="filled" className={layout.nowrap}>
              提示 {counts.info}
            </Badge>
            <Text size={200} className={styles.muted}>
              共 {result.snapshot.paragraphs.length} 段
            </Text>
          </div>
          <div className={styles.sections} data-testid="required-sections" aria-label="必备部分">
            {required.map((r) => (
              <Text key={r.role} size={200}>
                {r.present ? "✓" : "✗"} {roleName(r.role)}
              </Text>
            ))}
          </div>
          {fixableByRule.size > 0 && (
            <div className={layout.actions}>
              {[...fixableByRule].map(([rule, fs]) => (
                <Button key={rule} size="small" className={layout.nowrap} onClick={() => void applyAndRecheck(fs.map((f) => f.fix))} disabled={busy} data-testid={`fix-all-${rule}`}>
                  全部修复 {ruleName(rule)}（{fs.length}）
                </Button>
              ))}
            </div>
          )}
          <section className={styles.group} aria-label="批注" data-testid="comment-actions">
            <div className={layout.actions}>
              <Button size="small" className={layout.nowrap} onClick={() => void writeComments()} disabled={busy || !commentsAvailable} data-testid="write-comments">
                写入批注
              </Button>
              <Button size="small" appearance="subtle" className={layout.nowrap} onClick={() => void removeComments()} disabled={busy || !commentsAvailable} data-testid="remove-comments">
                删除本工具批注
              </Button>
            </div>
            {commentsAvailable ? (
              <Text size={200} className={styles.muted}>
                把以上问题写成 Word 批注（以“【提纲助手】”开头），再次写入时替换本工具之前的批注，不动其他人的批注。
              </Text>
            ) : (
              <Text size={200} className={styles.muted} data-testid="comments-unavailable">
                当前 Word 不支持加载项写入批注（需要 WordApi 1.4：Microsoft 365 或零售版 Word 版本 2208 及以上、Mac 版 16.64 及以上或网页版 Word）。可改用审核台（review.html）下载带批注的副本。
              </Text>
            )}
            {commentOutcome && (
              <MessageBar intent={commentOutcome.intent} data-testid="comments-outcome">
                <MessageBarBody>{commentOutcome.text}</MessageBarBody>
              </MessageBar>
            )}
          </section>
          {result.findings.length === 0 && <Text>未发现问题。</Text>}
          {groups.map((g) => (
            <section key={g.key} className={styles.group} aria-label={g.label}>
              <Text weight="semibold">{g.label}</Text>
              {g.cards.map((c) => (
                <Card
                  key={c.key}
                  card={c}
                  snapshot={result.snapshot}
                  busy={busy}
                  onSelect={select}
                  onFix={(fs) => void applyAndRecheck(fs.map((f) => f.fix))}
                  onIgnore={(fs) => setPrefs({ ignored: [...prefs.ignored, ...fs.map((f) => f.key)] })}
                  onNotTypo={(word) => {
                    if (word && !prefs.ignoreWords.includes(word)) setPrefs({ ignoreWords: [...prefs.ignoreWords, word] });
                  }}
                />
              ))}
            </section>
          ))}
        </div>
      )}
      <Divider />
      <StructureView {...props} />
    </div>
  );
}

function Card({ card, snapshot, busy, onSelect, onFix, onIgnore, onNotTypo }: { card: FindingCard; snapshot: DocSnapshot; busy: boolean; onSelect: (f: Finding) => void; onFix: (fs: Finding[]) => void; onIgnore: (fs: Finding[]) => void; onNotTypo: (word: string | undefined) => void }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [at, setAt] = useState(0);
  const fs = card.findings;
  const f = fs[Math.min(at, fs.length - 1)];
  const many = fs.length > 1;
  const text = snapshot.paragraphs[f.paragraph]?.text ?? "";
  const quote = text.trim() ? quoteParts(text, f.offset, f.length) : null;
  const fixes = fs.filter((x) => x.fix);
  const fixText = f.fix ? (f.fix.text ? `为“${f.fix.text.length > 12 ? f.fix.text.slice(0, 12) + "…" : f.fix.text}”` : "（删除）") : "";
  const where = `第${f.paragraph + 1}段`;
  return (
    <div className={styles.finding} data-testid="finding" data-rule={f.rule} data-count={fs.length}>
      <div className={styles.findingHead}>
        <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]} className={layout.nowrap}>
          {SEVERITY_NAME[f.severity]}
        </Badge>
        <Text size={200} className={mergeClasses(styles.muted, layout.shrink)}>
          {where}
          {many ? ` · ${fs.length} 处` : ""} · {ruleName(f.rule)}
        </Text>
      </div>
      <Button appearance="transparent" className={styles.message} onClick={() => onSelect(f)} title="在文档中选中">
        {f.message}
      </Button>
      {quote && (
        <Text size={200} className={styles.quote} data-testid="finding-quote">
          {quote.before}
          {quote.found && <mark className={styles.mark}>{quote.found}</mark>}
          {quote.after}
        </Text>
      )}
      <div className={layout.actions}>
        {many && (
          <Button
            size="small"
            className={layout.nowrap}
            onClick={() => {
              const next = (at + 1) % fs.length;
              setAt(next);
              onSelect(fs[next]);
            }}
            aria-label={`下一处：${where}第 ${((at + 1) % fs.length) + 1} 处，共 ${fs.length} 处`}
            data-testid="finding-next"
          >
            下一处（{at + 1}/{fs.length}）
          </Button>
        )}
        {fixes.length > 0 && (
          <Button size="small" className={layout.nowrap} onClick={() => onFix(many ? fixes : [f])} disabled={busy} data-testid="fix-one" aria-label={`修复${fixText}：${where}${many ? `，${fixes.length} 处` : ""}`}>
            修复{fixText}
            {many ? `（${fixes.length} 处）` : ""}
          </Button>
        )}
        <Button size="small" appearance="subtle" className={layout.nowrap} onClick={() => onIgnore(fs)} aria-label={`忽略：${where} ${f.message}`}>
          忽略
        </Button>
        {f.rule === "typo" && f.length > 0 && (
          <Button
            size="small"
            appearance="subtle"
            className={layout.nowrap}
            title="把这个词加入检查设置里的“不检查的词语”，以后不再提示"
            onClick={() => onNotTypo(f.length > 0 ? wordToIgnore(snapshot.paragraphs[f.paragraph]?.text ?? "", f.offset, f.length) : undefined)}
            data-testid="not-typo"
          >
            不是错字
          </Button>
        )}
      </div>
    </div>
  );
}

/** What the pane says after 写入批注. Several comments written in one batch are taken out with 删除本工具批注, not Ctrl+Z:
 * undoing four or more comments inserted at once has hung Word (OfficeDev/office-js#4566). */
export function commentsMessage(r: CommentsResult): { intent: "success" | "warning"; text: string } {
  const replaced = r.removed ? `，替换了本工具之前写入的 ${r.removed} 条` : "";
  const head = r.written ? `已写入 ${r.written} 条批注${replaced}。` : r.removed ? `没有要写入的批注，已删除本工具之前写入的 ${r.removed} 条。` : "没有写入批注。";
  const skipped = r.skipped ? `有 ${r.skipped} 处未写入：相应文字在检查之后已被修改，或位于锁定的内容控件中；请重新检查后再写入。` : "";
  const undo = r.written ? "要撤下这些批注，请点“删除本工具批注”（不要用 Ctrl+Z）。" : "";
  return { intent: r.skipped ? "warning" : "success", text: `${head}${skipped}${undo}` };
}

function settingsOf(p: CheckPrefs): CheckSettings {
  return { disabled: p.disabled, severities: p.severities, ignored: p.ignored, ignoreWords: p.ignoreWords };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** What the live region says after a check: 错误 24、警告 7（、提示 3）. */
export function summaryLine(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  if (!findings.length) return "未发现问题";
  return [`错误 ${c.error}`, `警告 ${c.warning}`, ...(c.info ? [`提示 ${c.info}`] : [])].join("、");
}

function quoted(snapshot: DocSnapshot, f: Finding): string | undefined {
  return f.length > 0 ? snapshot.paragraphs[f.paragraph]?.text.slice(f.offset, f.offset + f.length) : undefined;
}

export function ruleName(id: string): string {
  return ALL_RULES.find((r) => r.meta.id === id)?.meta.name ?? id;
}

/** Findings of one rule with one message in one paragraph become one card, in document order. */
export function collapseRepeats(findings: readonly Finding[]): FindingCard[] {
  const cards = new Map<string, FindingCard>();
  for (const f of findings) {
    const key = `${f.paragraph}:${f.rule}:${f.message}`;
    const c = cards.get(key);
    if (c) c.findings.push(f);
    else cards.set(key, { key, findings: [f] });
  }
  return [...cards.values()];
}

function groupBySection(doc: ParsedDocument, findings: Finding[]) {
  const groups = new Map<string, { key: string; label: string; findings: Finding[] }>();
  for (const f of findings) {
    const top = sectionAt(doc, f.paragraph, 1);
    const key = top ? `h${top.paragraph}` : f.paragraph === doc.title ? "title" : doc.closing >= 0 && f.paragraph >= doc.closing ? "closing" : f.paragraph < doc.preambleEnd ? "preamble" : "other";
    const label = top ? `${top.marker}${top.title}` : { title: "标题", closing: "结尾", preamble: "开头", other: "其他" }[key] ?? key;
    if (!groups.has(key)) groups.set(key, { key, label, findings: [] });
    groups.get(key)!.findings.push(f);
  }
  return [...groups.values()].map((g) => ({ key: g.key, label: g.label, cards: collapseRepeats(g.findings) }));
}

function SettingsPanel({ prefs, setPrefs, onClose }: { prefs: CheckPrefs; setPrefs: (p: Partial<CheckPrefs>) => void; onClose: () => void }) {
  const [words, setWords] = useState(prefs.ignoreWords.join("\n"));
  const panel = useRef<HTMLElement>(null);
  useEscapeCloses(panel, onClose);
  return (
    <section ref={panel} aria-label="检查设置" data-testid="check-settings" style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      {ALL_RULES.map((r) => (
        <div key={r.meta.id} style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 6 }}>
          <Checkbox
            checked={!prefs.disabled.includes(r.meta.id)}
            label={`${r.meta.name}：${r.meta.description}`}
            onChange={(_, d) => setPrefs({ disabled: d.checked ? prefs.disabled.filter((x) => x !== r.meta.id) : [...prefs.disabled, r.meta.id] })}
          />
          <Select
            size="small"
            value={prefs.severities[r.meta.id] ?? r.meta.severity}
            onChange={(_, d) => setPrefs({ severities: { ...prefs.severities, [r.meta.id]: d.value as Severity } })}
            aria-label={`“${r.meta.name}”的级别`}
            style={{ flexShrink: 0 }}
          >
            <option value="error">错误</option>
            <option value="warning">警告</option>
            <option value="info">提示</option>
          </Select>
        </div>
      ))}
      <Field label="不检查的词语（每行一个）">
        <Textarea value={words} onChange={(_, d) => setWords(d.value)} onBlur={() => setPrefs({ ignoreWords: words.split(/\n/).map((w) => w.trim()).filter(Boolean) })} />
      </Field>
      <Button size="small" onClick={() => setPrefs({ ignored: [] })} disabled={!prefs.ignored.length}>
        恢复已忽略的 {prefs.ignored.length} 条问题
      </Button>
    </section>
  );
}
