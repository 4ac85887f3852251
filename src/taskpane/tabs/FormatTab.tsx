// The 排版 tab: 一键排版 per GB/T 9704 from the document's structure (preview of what changes → apply in one batch →
// 撤销排版), 清理 as separate options each with its count, and the fonts and sizes of local custom (saved per user, 恢复国标).
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge, Button, Checkbox, Divider, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CHINESE_FONT_SIZES, GBT_DEFAULTS, type FormatSettings } from "../../core/format/gbt9704";
import { DEFAULT_FORMAT_OPTIONS, formatNotes, planFormatting, summarizePlan, type FormatOptions, type FormatPlan, type PlanSummaryRow } from "../../core/format/plan";
import { CLEANUP_OPTIONS, cleanupFixes, cleanupPlaces, planCleanup, withoutPlaces, type CleanupOption } from "../../core/format/cleanup";
import type { FormatBackup } from "../../core/format/types";
import { GONGWEN_STYLES, gongwenStyleDefs, gongwenStylesPackage } from "../../core/format/ooxml";

/** What is left to do by hand where the host cannot add the 公文 styles. */
const STYLES_BY_HAND =
  "这个 Word 不支持添加样式所需的 WordApi 1.5（读取和修改样式）。一键排版仍按段设置字体、字号和缩进；固定值 28 磅行距请手动设置：Ctrl+A 全选，“段落”对话框中行距选“固定值”“28 磅”。";
import { isJunkLine } from "../../core/check/rules/junk";
import type { DocSnapshot } from "../../core/model";
import { resultsStale } from "../useDocument";
import { parseDocument } from "../../core/parse/parseDocument";
import { loadSetting, saveSetting } from "../settings";
import { useEscapeCloses, useLayoutStyles, useSettingsPanel } from "../layout";
import type { TabProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  box: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "6px", padding: "6px 8px", display: "flex", flexDirection: "column", gap: "4px" },
  summaryRow: { display: "flex", flexDirection: "column", gap: "0" },
  muted: { color: tokens.colorNeutralForeground3 },
  // Two columns that may shrink below their content (long font names end in an ellipsis inside the select): fits 320 px.
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: "4px 8px", alignItems: "end", "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" }, "& .fui-Select": { minWidth: 0 }, "& .fui-Input": { minWidth: 0, maxWidth: "100%" }, "& input": { minWidth: 0, width: "100%" } },
  option: { display: "flex", flexDirection: "column" },
  places: { maxHeight: "260px", overflowY: "auto", display: "flex", flexDirection: "column", gap: "2px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "4px", padding: "2px 4px" },
  place: { display: "flex", flexDirection: "column" },
  change: { color: tokens.colorNeutralForeground2, paddingLeft: "28px", wordBreak: "break-all" },
});

/** Settings and options in one flat object (the settings store merges one level deep). */
type FormatPrefs = Required<FormatSettings> & FormatOptions;
const DEFAULT_PREFS: FormatPrefs = {
  ...GBT_DEFAULTS,
  level4Font: GBT_DEFAULTS.level4Font ?? GBT_DEFAULTS.level3Font,
  boldLevel1: false,
  boldLevel2: false,
  boldLevel4: false,
  asciiFont: "",
  ...DEFAULT_FORMAT_OPTIONS,
};

const FONTS = ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "宋体", "黑体", "方正黑体_GBK", "楷体", "楷体_GB2312", "方正楷体_GBK", "仿宋", "仿宋_GB2312", "方正仿宋_GBK"];
const ASCII_FONTS = ["", "Times New Roman", "Arial"];

function settingsOf(p: FormatPrefs): FormatSettings {
  const { pageSetup: _p, pageNumbers: _n, pageNumberPosition: _pos, ...settings } = p;
  return settings;
}

function optionsOf(p: FormatPrefs): FormatOptions {
  return { pageSetup: p.pageSetup, pageNumbers: p.pageNumbers, pageNumberPosition: p.pageNumberPosition };
}

/** 撤销排版's backups, by host: kept while the pane is open, also when the user switches to another tab and back. */
const backups = new WeakMap<object, FormatBackup>();

interface Preview {
  /** The read the preview was made from: later edits mark it stale. */
  snapshot: DocSnapshot;
  plan: FormatPlan;
  rows: PlanSummaryRow[];
  notes: string[];
}

interface Outcome {
  intent: "success" | "warning";
  lines: string[];
}

export default function FormatTab({ host, state }: TabProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [prefs, setPrefsState] = useState<FormatPrefs>(() => loadSetting("format", DEFAULT_PREFS));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [backup, setBackupState] = useState<FormatBackup | null>(() => backups.get(host) ?? null);
  const setBackup = (b: FormatBackup | null) => {
    if (b) backups.set(host, b);
    else backups.delete(host);
    setBackupState(b);
  };
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const settings = useSettingsPanel();
  const [chosen, setChosen] = useState<Set<CleanupOption>>(() => new Set(loadSetting("cleanup", { options: CLEANUP_OPTIONS.map((o) => o.id) }).options));

  const setPrefs = (p: Partial<FormatPrefs>) => {
    const next = { ...prefs, ...p };
    setPrefsState(next);
    saveSetting("format", next);
    // The preview was made with the old settings.
    setPreview(null);
  };
  const choose = (id: CleanupOption, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    saveSetting("cleanup", { options: [...next] });
  };

  const cleanup = useMemo(() => (state.doc ? planCleanup(state.doc) : null), [state.doc]);
  // Places the user unticked, for this read of the document: a new read lists the places afresh.
  const [excluded, setExcluded] = useState<Set<string>>(() => new Set());
  useEffect(() => setExcluded(new Set()), [cleanup]);
  const places = useMemo(() => (state.doc && cleanup ? cleanupPlaces(state.doc, cleanup, chosen) : []), [state.doc, cleanup, chosen]);
  const kept = cleanup ? withoutPlaces(cleanup, excluded) : null;
  const chosenCount = kept ? [...chosen].reduce((s, id) => s + kept.counts[id], 0) : 0;
  const tick = (id: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(id);
    else next.add(id);
    setExcluded(next);
  };

  const run = async (action: () => Promise<unknown>, refresh = true) => {
    setBusy(true);
    setOutcome(null);
    await state.act(action, { refresh });
    setBusy(false);
  };

  /** Read the document afresh, plan from its structure, read its formats: the preview of what 一键排版 will change. */
  const makePreview = async () => {
    setBusy(true);
    setOutcome(null);
    // The fresh read becomes the pane's view too, so a later edit (not this read) marks the preview stale.
    await state.actAtCursor(async (snap, doc) => {
      const plan = planFormatting(doc, settingsOf(prefs), optionsOf(prefs), isJunkLine);
      const formats = await host.readFormats();
      setPreview({ snapshot: snap, plan, rows: summarizePlan(plan, formats), notes: formatNotes(plan, formats.capabilities, settingsOf(prefs), formats.styles) });
    }, { refresh: false });
    setBusy(false);
  };

  const apply = (plan: FormatPlan) =>
    run(async () => {
      const result = await host.applyFormatting(plan);
      setBackup(result.backup);
      setPreview(null);
      const lines = [`已排版 ${result.applied} 段。`];
      if (result.skipped) lines.push(`有 ${result.skipped} 段在预览之后已被修改，未排版；请重新预览。`);
      setOutcome({ intent: result.skipped || result.notes.length ? "warning" : "success", lines: [...lines, ...result.notes] });
    });

  /** Add (or update from 排版设置) the 公文 paragraph styles, read them back and say what they set; where the host cannot, say what is left. */
  const addStyles = () =>
    run(async () => {
      if (!host.defineStyles) {
        setOutcome({ intent: "warning", lines: [STYLES_BY_HAND] });
        return;
      }
      const { defs, notes } = await host.defineStyles(gongwenStylesPackage(settingsOf(prefs)), gongwenStyleDefs(settingsOf(prefs)));
      const body = defs.find((d) => d.id === "GongwenBody");
      setOutcome({
        intent: defs.length === GONGWEN_STYLES.length && !notes.length ? "success" : "warning",
        lines: [
          `文档中已有 ${defs.length} 个公文样式：${defs.map((d) => d.name).join("、")}。`,
          body ? `公文正文：${body.font} ${body.sizePt} 磅，行距固定值 ${body.lineSpacingPt} 磅，首行缩进 ${body.firstLineChars} 字符。可在“样式”库中直接使用。` : "未读回公文正文样式。",
          "一键排版和插入的提纲会给各段设置这些样式（自动编号段落保留原样式）。",
          ...notes,
        ],
      });
    }, false);

  const undo = (b: FormatBackup) =>
    run(async () => {
      const result = await host.restoreFormatting(b);
      setBackup(null);
      setOutcome({ intent: result.skipped || result.notes.length ? "warning" : "success", lines: [`已撤销排版，还原 ${result.restored} 段的格式。`, ...result.notes] });
    });

  /** Clean up from a fresh read (the cursor and the text may have moved since the counts were shown). */
  const applyCleanup = () =>
    run(async () => {
      const snap = await host.snapshot();
      const doc = parseDocument(snap.paragraphs, { type: state.typeOverride ?? undefined });
      // The places listed (and unticked) belong to the last read: if the text changed since, list them afresh first.
      const shown = state.doc?.paragraphs ?? [];
      if (snap.paragraphs.length !== shown.length || snap.paragraphs.some((p, i) => p.text !== shown[i].text)) {
        setOutcome({ intent: "warning", lines: ["文档在列出清理项之后已被修改，未清理任何内容；已重新列出，请核对后再清理。"] });
        return;
      }
      const fixes = cleanupFixes(doc, withoutPlaces(planCleanup(doc), excluded), chosen);
      if (!fixes.length) {
        setOutcome({ intent: "success", lines: ["没有需要清理的内容。"] });
        return;
      }
      const result = await host.applyFixes(fixes);
      setPreview(null);
      const lines = [`已清理 ${result.applied} 处。`];
      if (result.skipped) lines.push(`有 ${result.skipped} 处未清理，保持原样：相应文字在读取之后已被修改，或在 Word 中无法唯一定位，或所在段落含图片、域、脚注等非文字内容。`);
      setOutcome({ intent: result.skipped ? "warning" : "success", lines });
    });

  return (
    <div className={styles.root}>
      <section className={styles.box} aria-label="一键排版">
        <Text weight="semibold">一键排版（GB/T 9704）</Text>
        <Text size={200} className={styles.muted}>
          按文档结构（标题、各级标题、正文、落款）设置字体、字号、对齐和缩进，以及 A4 页面和页码。先预览，确认后应用。
        </Text>
        <div className={layout.actions}>
          <Button appearance={preview ? "secondary" : "primary"} onClick={() => void makePreview()} disabled={busy || state.loading} data-testid="format-preview">
            {preview ? "重新预览" : "预览排版"}
          </Button>
          {preview && (
            <Button appearance="primary" onClick={() => void apply(preview.plan)} disabled={busy || !preview.plan.paragraphs.length} data-testid="format-apply">
              应用排版
            </Button>
          )}
          <Button onClick={() => void addStyles()} disabled={busy} data-testid="format-styles" title="在文档中定义 公文标题、公文一级标题…公文正文、公文落款、公文附注 样式（固定值行距、首行缩进 2 字符），排版设置改动后再点一次即更新">
            添加公文样式
          </Button>
          {backup && (
            <Button onClick={() => void undo(backup)} disabled={busy} data-testid="format-undo" title="还原排版前的格式（Word 的 Ctrl+Z 在部分平台上不包含加载项所做的修改）">
              撤销排版
            </Button>
          )}
        </div>
        {preview && resultsStale(preview.snapshot, state.snapshot, state.edited) && (
          <MessageBar intent="warning" data-testid="format-stale">
            <MessageBarBody>文档已修改 · 预览可能已过时，请重新预览（已改动的段落应用时会跳过）</MessageBarBody>
          </MessageBar>
        )}
        {preview && <PreviewList preview={preview} />}
      </section>

      {outcome && (
        <MessageBar intent={outcome.intent} data-testid="format-outcome">
          <MessageBarBody>
            {outcome.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.box} aria-label="清理">
        <Text weight="semibold">清理</Text>
        <Text size={200} className={styles.muted}>
          整理从 PDF、网页粘贴来的文字。每项单独勾选，只改所列内容。
        </Text>
        {CLEANUP_OPTIONS.map((o) => {
          const count = cleanup?.counts[o.id] ?? 0;
          return (
            <div key={o.id} className={styles.option}>
              <Checkbox
                checked={chosen.has(o.id)}
                onChange={(_, d) => choose(o.id, !!d.checked)}
                label={`${o.label}（${count} ${o.unit}）`}
                disabled={busy}
                data-testid={`cleanup-${o.id}`}
                data-count={count}
              />
              <Text size={200} className={styles.muted} style={{ paddingLeft: 28 }}>
                {o.description}
              </Text>
            </div>
          );
        })}
        {places.length > 0 && (
          <div className={styles.places} role="group" aria-label="清理的各处（取消勾选的不清理）" data-testid="cleanup-places">
            {places.map((p) => (
              <div key={p.id} className={styles.place} data-testid="cleanup-place" data-id={p.id}>
                <Checkbox
                  checked={!excluded.has(p.id)}
                  onChange={(_, d) => tick(p.id, !!d.checked)}
                  label={`第${p.paragraph + 1}段 · ${CLEANUP_OPTIONS.find((o) => o.id === p.option)?.label ?? ""}`}
                  disabled={busy}
                />
                <Text size={200} className={styles.change}>
                  {p.before} → {p.after}
                </Text>
              </div>
            ))}
          </div>
        )}
        <div className={layout.actions}>
          <Button onClick={() => void applyCleanup()} disabled={busy || !chosenCount} data-testid="cleanup-apply">
            清理所选（{chosenCount} 处）
          </Button>
        </div>
      </section>

      <Divider />
      <div className={styles.row}>
        <Button ref={settings.button} appearance="subtle" onClick={settings.toggle} aria-expanded={settings.open} data-testid="format-settings-toggle">
          排版设置
        </Button>
      </div>
      {settings.open && <SettingsPanel prefs={prefs} setPrefs={setPrefs} onClose={settings.close} />}
    </div>
  );
}

function PreviewList({ preview }: { preview: Preview }) {
  const styles = useStyles();
  return (
    <div data-testid="format-summary" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text size={200}>将要进行的修改：</Text>
      {preview.rows.filter((r) => !r.unavailable).map((r) => (
        <div key={r.key} className={styles.summaryRow} data-testid="format-summary-row" data-key={r.key} data-count={r.count}>
          <Text size={300}>
            {r.key === "page" || r.key === "page-numbers" ? r.label : `${r.label} ${r.count} 段`}
            {r.changes !== undefined && r.key !== "run-in" && r.key !== "list" ? `（需改动 ${r.changes} 段）` : ""}
          </Text>
          {r.detail && (
            <Text size={200} className={styles.muted}>
              {r.detail}
            </Text>
          )}
        </div>
      ))}
      {preview.rows.some((r) => r.unavailable) && (
        <div data-testid="format-unavailable" style={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <Text size={200}>此版本 Word 无法自动完成（不计入修改）：</Text>
          {preview.rows
            .filter((r) => r.unavailable)
            .map((r) => (
              <div key={r.key} className={styles.summaryRow} data-testid="format-unavailable-row" data-key={r.key}>
                <span style={{ display: "flex", gap: 6, alignItems: "center" }}>
                  <Badge size="small" appearance="tint" color="warning" style={{ whiteSpace: "nowrap", flexShrink: 0 }}>
                    需手动
                  </Badge>
                  <Text size={300}>{r.label}</Text>
                </span>
                <Text size={200} className={styles.muted}>
                  {r.detail}：{r.unavailable}
                </Text>
              </div>
            ))}
        </div>
      )}
      {(preview.plan.untouched.blank > 0 || preview.plan.untouched.table > 0) && (
        <Text size={200} className={styles.muted}>
          不改动：空段落 {preview.plan.untouched.blank} 段，表格内 {preview.plan.untouched.table} 段。
        </Text>
      )}
      {preview.notes.length > 0 && (
        <MessageBar intent="info" data-testid="format-notes">
          <MessageBarBody>
            {preview.notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function FontSelect({ label, value, onChange, fonts = FONTS }: { label: string; value: string; onChange: (v: string) => void; fonts?: string[] }) {
  const list = fonts.includes(value) ? fonts : [value, ...fonts];
  return (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        {list.map((f) => (
          <option key={f} value={f}>
            {f || "（与中文相同）"}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function SizeSelect({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  const known = CHINESE_FONT_SIZES.some((s) => s.pt === value);
  return (
    <Field label={label} size="small">
      <Select size="small" value={String(value)} onChange={(_, d) => onChange(Number(d.value))}>
        {!known && <option value={String(value)}>{value} 磅</option>}
        {CHINESE_FONT_SIZES.map((s) => (
          <option key={s.name} value={String(s.pt)}>
            {s.name}（{s.pt} 磅）
          </option>
        ))}
      </Select>
    </Field>
  );
}

function SettingsPanel({ prefs, setPrefs, onClose }: { prefs: FormatPrefs; setPrefs: (p: Partial<FormatPrefs>) => void; onClose: () => void }) {
  const styles = useStyles();
  const panel = useRef<HTMLElement>(null);
  useEscapeCloses(panel, onClose);
  const [spacing, setSpacing] = useState(String(prefs.lineSpacingPt));
  const levels = [
    { n: 1, font: "level1Font", bold: "boldLevel1" },
    { n: 2, font: "level2Font", bold: "boldLevel2" },
    { n: 3, font: "level3Font", bold: "boldLevel3" },
    { n: 4, font: "level4Font", bold: "boldLevel4" },
  ] as const;
  return (
    <section ref={panel} aria-label="排版设置" className={styles.box} data-testid="format-settings">
      <Text size={200} className={styles.muted}>
        按本单位习惯调整（例如三级标题加粗、数字用 Times New Roman），设置保存在本机，对本人生效。
      </Text>
      <div className={styles.grid}>
        <FontSelect label="标题字体" value={prefs.titleFont} onChange={(v) => setPrefs({ titleFont: v })} />
        <SizeSelect label="标题字号" value={prefs.titleSizePt} onChange={(v) => setPrefs({ titleSizePt: v })} />
        {levels.map((l) => (
          <div key={l.n} style={{ display: "contents" }}>
            <FontSelect label={`${"一二三四"[l.n - 1]}级标题字体`} value={prefs[l.font]} onChange={(v) => setPrefs({ [l.font]: v })} />
            <Checkbox checked={prefs[l.bold]} label="加粗" onChange={(_, d) => setPrefs({ [l.bold]: !!d.checked })} data-testid={`format-bold-${l.n}`} />
          </div>
        ))}
        <FontSelect label="正文字体" value={prefs.bodyFont} onChange={(v) => setPrefs({ bodyFont: v })} />
        <SizeSelect label="正文和标题字号" value={prefs.bodySizePt} onChange={(v) => setPrefs({ bodySizePt: v })} />
        <FontSelect label="数字和字母字体" value={prefs.asciiFont} fonts={ASCII_FONTS} onChange={(v) => setPrefs({ asciiFont: v })} />
        <Field label="行距（固定值，磅）" size="small">
          <Input
            size="small"
            type="number"
            value={spacing}
            onChange={(_, d) => setSpacing(d.value)}
            onBlur={() => {
              const v = Number(spacing);
              if (Number.isFinite(v) && v >= 12 && v <= 60) setPrefs({ lineSpacingPt: v });
              else setSpacing(String(prefs.lineSpacingPt));
            }}
          />
        </Field>
      </div>
      <Checkbox checked={prefs.pageSetup} label="设置页面：A4，上 37、下 35、左 28、右 26 毫米" onChange={(_, d) => setPrefs({ pageSetup: !!d.checked })} />
      <div className={styles.row}>
        <Checkbox checked={prefs.pageNumbers} label="插入页码（4号宋体“— 1 —”）" onChange={(_, d) => setPrefs({ pageNumbers: !!d.checked })} />
        <Select size="small" value={prefs.pageNumberPosition} disabled={!prefs.pageNumbers} onChange={(_, d) => setPrefs({ pageNumberPosition: d.value as FormatOptions["pageNumberPosition"] })} aria-label="页码位置">
          <option value="gbt">单页居右、双页居左（国标）</option>
          <option value="center">居中</option>
        </Select>
      </div>
      <div className={styles.row}>
        <Button
          size="small"
          onClick={() => {
            setSpacing(String(DEFAULT_PREFS.lineSpacingPt));
            setPrefs(DEFAULT_PREFS);
          }}
          data-testid="format-reset"
        >
          恢复国标
        </Button>
      </div>
    </section>
  );
}
