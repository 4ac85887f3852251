// The 检查 tab: one read of the document, a summary (errors / warnings / info; required sections ✓/✗), findings grouped by
// section; click to select the text in Word, 修复 one, 全部修复 a rule's; settings for rules, severities and ignored words.
import { useMemo, useState } from "react";
import { Badge, Button, Checkbox, Divider, Field, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { roleName, type DocSnapshot } from "../../core/model";
import { checkDocument, type CheckSettings } from "../../core/check/engine";
import { ALL_RULES } from "../../core/check/rules";
import { typoWrongForms } from "../../core/check/rules/typo";
import { loadLexicon } from "../../core/lexicon";
import type { Finding, Severity } from "../../core/check/types";
import { getOutline, isRequired } from "../../core/outlines/library";
import { sectionAt, type ParsedDocument } from "../../core/parse/parseDocument";
import { loadSetting, saveSetting } from "../settings";
import { StructureView, TypePicker } from "./StructureView";
import type { TabProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  summary: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  group: { display: "flex", flexDirection: "column", gap: "4px" },
  finding: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "6px", padding: "4px 6px", display: "flex", flexDirection: "column", gap: "2px" },
  findingHead: { display: "flex", gap: "6px", alignItems: "center", justifyContent: "space-between" },
  message: { textAlign: "left", justifyContent: "flex-start", minWidth: 0, padding: "2px 0", fontWeight: "normal", height: "auto" },
  muted: { color: tokens.colorNeutralForeground3 },
  sections: { display: "flex", flexWrap: "wrap", gap: "4px 10px" },
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
}

export default function CheckTab(props: TabProps) {
  const { host, state } = props;
  const styles = useStyles();
  const [prefs, setPrefsState] = useState<CheckPrefs>(() => loadSetting("check", PREFS));
  const setPrefs = (p: Partial<CheckPrefs>) => {
    const next = { ...prefs, ...p };
    setPrefsState(next);
    saveSetting("check", next);
    if (result) setResult({ ...result, findings: checkDocument(result.doc, settingsOf(next)) });
  };
  const [result, setResult] = useState<Result | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const [busy, setBusy] = useState(false);

  const runCheck = async () => {
    setBusy(true);
    // The lexicon is its own chunk, fetched on the first 检查 and cached by the browser; without it the table still works.
    let lexiconFailed = false;
    await loadLexicon(typoWrongForms).catch(() => (lexiconFailed = true));
    await state.actAtCursor(
      async (snapshot, doc) => {
        setResult({ snapshot, doc, findings: checkDocument(doc, settingsOf(prefs)) });
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
    if (skipped) state.setError(`有 ${skipped} 处修复未应用：相应文字在检查之后已被修改，这些地方保持原样；已按当前文档重新检查。`);
    setBusy(false);
  };

  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of result?.findings ?? []) c[f.severity]++;
    return c;
  }, [result]);

  const groups = useMemo(() => (result ? groupBySection(result.doc, result.findings) : []), [result]);
  const fixableByRule = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of result?.findings ?? []) if (f.fix) m.set(f.rule, [...(m.get(f.rule) ?? []), f]);
    return m;
  }, [result]);

  const required = result ? requiredSections(result.doc) : [];

  return (
    <div className={styles.root}>
      <TypePicker state={state} />
      <div className={styles.summary}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={busy} data-testid="run-check">
          {result ? "重新检查" : "检查"}
        </Button>
        <Button appearance="subtle" onClick={() => setShowSettings(!showSettings)} aria-expanded={showSettings}>
          检查设置
        </Button>
      </div>
      {showSettings && <SettingsPanel prefs={prefs} setPrefs={setPrefs} />}
      {result && (
        <>
          <div className={styles.summary} data-testid="check-summary">
            <Badge color="danger" appearance="filled">错误 {counts.error}</Badge>
            <Badge color="warning" appearance="filled">警告 {counts.warning}</Badge>
            <Badge color="informative" appearance="filled">提示 {counts.info}</Badge>
            <Text size={200} className={styles.muted}>
              共 {result.snapshot.paragraphs.length} 段
            </Text>
          </div>
          <div className={styles.sections} data-testid="required-sections">
            {required.map((r) => (
              <Text key={r.label} size={200}>
                {r.present ? "✓" : "✗"} {r.label}
              </Text>
            ))}
          </div>
          {fixableByRule.size > 0 && (
            <div className={styles.summary}>
              {[...fixableByRule].map(([rule, fs]) => (
                <Button key={rule} size="small" onClick={() => void applyAndRecheck(fs.map((f) => f.fix))} disabled={busy} data-testid={`fix-all-${rule}`}>
                  全部修复 {ruleName(rule)}（{fs.length}）
                </Button>
              ))}
            </div>
          )}
          {result.findings.length === 0 && <Text>未发现问题。</Text>}
          {groups.map((g) => (
            <section key={g.key} className={styles.group} aria-label={g.label}>
              <Text weight="semibold">{g.label}</Text>
              {g.findings.map((f) => (
                <div key={`${f.key}:${f.offset}`} className={styles.finding} data-testid="finding" data-rule={f.rule}>
                  <div className={styles.findingHead}>
                    <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                      {SEVERITY_NAME[f.severity]}
                    </Badge>
                    <Text size={200} className={styles.muted}>
                      第{f.paragraph + 1}段 · {ruleName(f.rule)}
                    </Text>
                  </div>
                  <Button
                    appearance="transparent"
                    className={styles.message}
                    onClick={() => void state.act(() => host.select({ paragraph: f.paragraph, offset: f.offset, length: f.length, expected: quoted(result.snapshot, f) }), { refresh: false })}
                    title="在文档中选中"
                  >
                    {f.message}
                  </Button>
                  <div className={styles.summary}>
                    {f.fix && (
                      <Button size="small" onClick={() => void applyAndRecheck([f.fix])} disabled={busy} data-testid="fix-one">
                        修复{f.fix.text ? `为“${f.fix.text.length > 12 ? f.fix.text.slice(0, 12) + "…" : f.fix.text}”` : "（删除）"}
                      </Button>
                    )}
                    <Button size="small" appearance="subtle" onClick={() => setPrefs({ ignored: [...prefs.ignored, f.key] })}>
                      忽略
                    </Button>
                    {f.rule === "typo" && f.length > 0 && (
                      <Button
                        size="small"
                        appearance="subtle"
                        title="把这个词加入检查设置里的“不检查的词语”，以后不再提示"
                        onClick={() => {
                          const word = quoted(result.snapshot, f);
                          if (word && !prefs.ignoreWords.includes(word)) setPrefs({ ignoreWords: [...prefs.ignoreWords, word] });
                        }}
                        data-testid="not-typo"
                      >
                        不是错字
                      </Button>
                    )}
                  </div>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
      <Divider />
      <StructureView {...props} />
    </div>
  );
}

function settingsOf(p: CheckPrefs): CheckSettings {
  return { disabled: p.disabled, severities: p.severities, ignored: p.ignored, ignoreWords: p.ignoreWords };
}

function quoted(snapshot: DocSnapshot, f: Finding): string | undefined {
  return f.length > 0 ? snapshot.paragraphs[f.paragraph]?.text.slice(f.offset, f.offset + f.length) : undefined;
}

export function ruleName(id: string): string {
  return ALL_RULES.find((r) => r.meta.id === id)?.meta.name ?? id;
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
  return [...groups.values()];
}

function requiredSections(doc: ParsedDocument): { label: string; present: boolean }[] {
  const outline = getOutline(doc.type.id);
  const roles = new Set(doc.headings.map((h) => h.role));
  return outline.sections
    .filter((s) => isRequired(s))
    .map((s) => {
      const present = s.role === "preamble" ? doc.preambleEnd > doc.preambleStart : s.role === "closing" ? doc.closing >= 0 : roles.has(s.role);
      return { label: roleName(s.role), present };
    });
}

function SettingsPanel({ prefs, setPrefs }: { prefs: CheckPrefs; setPrefs: (p: Partial<CheckPrefs>) => void }) {
  const [words, setWords] = useState(prefs.ignoreWords.join("\n"));
  return (
    <section aria-label="检查设置" style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      {ALL_RULES.map((r) => (
        <div key={r.meta.id} style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 6 }}>
          <Checkbox
            checked={!prefs.disabled.includes(r.meta.id)}
            label={r.meta.description}
            onChange={(_, d) => setPrefs({ disabled: d.checked ? prefs.disabled.filter((x) => x !== r.meta.id) : [...prefs.disabled, r.meta.id] })}
          />
          <Select
            size="small"
            value={prefs.severities[r.meta.id] ?? r.meta.severity}
            onChange={(_, d) => setPrefs({ severities: { ...prefs.severities, [r.meta.id]: d.value as Severity } })}
            aria-label={`${r.meta.id} 的级别`}
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
