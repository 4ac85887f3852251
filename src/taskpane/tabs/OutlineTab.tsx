// The 提纲 tab: the standard outline of the chosen type with 写作要点, inserting the whole skeleton or one section
// numbered to continue the document, and 下一步: the required sections still missing, each inserted where it belongs.
import { useEffect, useMemo, useState } from "react";
import { Badge, Button, Checkbox, Divider, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { docTypeName, roleName, type DocTypeId } from "../../core/model";
import { documentVariant, getOutline, isRequired, meetingsOf, type OutlineVariant } from "../../core/outlines/library";
import { focusNotice, shippedFocus } from "../../core/outlines/focus";
import { MEETING_KIND_IDS, meetingName, meetingYear, type MeetingKind } from "../../core/outlines/meetings";
import { yearFocusOnce, type LoadedFocus } from "../yearFocus";
import type { Outline, OutlineSection, OutlineSubsection } from "../../core/outlines/schema";
import { missingSections, numberingAt, renumberFollowing, sectionBlocks, sectionIncluded, skeletonBlocks, subsectionBlocks, type HeadingNumbering, type SkeletonOptions } from "../../core/outlines/skeleton";
import type { Fix } from "../../core/check/types";
import { withFormat } from "../../core/format/gbt9704";
import { sectionAt, type ParsedDocument } from "../../core/parse/parseDocument";
import type { Block } from "../../core/blocks";
import { loadOutlinePrefs, saveOutlinePrefs, type OutlinePrefs } from "../outlinePrefs";
import { TypePicker } from "./StructureView";
import type { TabProps } from "./types";

/** What one insert puts in: the blocks, and the later typed headings it pushes down. */
interface Insertion {
  blocks: Block[];
  renumber: Fix[];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "end" },
  section: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "6px", padding: "6px 8px", display: "flex", flexDirection: "column", gap: "4px" },
  sectionHead: { display: "flex", alignItems: "center", gap: "6px", justifyContent: "space-between" },
  title: { fontWeight: 600, overflow: "hidden", textOverflow: "ellipsis" },
  guidance: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, backgroundColor: tokens.colorNeutralBackground2, padding: "4px 6px", borderRadius: "4px" },
  sub: { display: "flex", alignItems: "center", gap: "4px", paddingLeft: "8px" },
  subNote: { color: tokens.colorNeutralForeground3, paddingLeft: "36px" },
  missing: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "6px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function OutlineTab({ host, state }: TabProps) {
  const styles = useStyles();
  const { doc, snapshot } = state;
  const type: DocTypeId = state.type ?? "personal-review";
  const [prefs, setPrefsState] = useState<OutlinePrefs>(loadOutlinePrefs);
  const setPrefs = (p: Partial<OutlinePrefs>) => {
    const next = { ...prefs, ...p };
    setPrefsState(next);
    saveOutlinePrefs(next);
  };
  const [titleId, setTitleId] = useState<string | undefined>(undefined);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [chosen, setChosen] = useState<Record<string, Set<string>>>({});
  const [withSubs, setWithSubs] = useState(true);
  const [text, setText] = useState("");
  const [loaded, setLoaded] = useState<LoadedFocus | null>(null);
  useEffect(() => {
    let live = true;
    void yearFocusOnce().then((l) => live && setLoaded(l));
    return () => {
      live = false;
    };
  }, []);
  const focus = loaded?.focus ?? shippedFocus();
  // The meeting: what the user picked for this document, else what the document says, else their default; a type
  // written for inspections only (整改部署讲话, 整改落实情况报告) offers those.
  const [picked, setPicked] = useState<Partial<OutlineVariant>>({});
  const said = doc ? documentVariant(doc) : {};
  const served = meetingsOf(type);
  const wanted = picked.meeting ?? said.meeting ?? prefs.meeting;
  const meeting = served.includes(wanted) ? wanted : served[0];
  const topic = picked.topic ?? (said.meeting === "topic" ? said.topic : undefined) ?? prefs.topic;
  const campaign = picked.campaign ?? (said.meeting === "campaign" ? said.campaign : undefined) ?? (prefs.campaign || focus.campaign?.name || "");
  const year = said.year ?? meetingYear(new Date());
  const pick = (v: Partial<OutlineVariant>) => {
    setPicked({ ...picked, ...v });
    setPrefs(v as Partial<OutlinePrefs>);
  };
  const notice = meeting === "annual" ? focusNotice(focus, year) : null;
  const confirmed = prefs.focusConfirmed === `${year}:${focus.year}`;

  const outline = useMemo(() => getOutline(type, { meeting, topic, campaign, year, focus, titleId }), [type, meeting, topic, campaign, year, focus, titleId]);
  const chosenKey = `${type}:${meeting}`;
  const subs = chosen[chosenKey] ?? new Set(outline.sections.flatMap((s) => s.subsections.filter((x) => x.default).map((x) => x.id)));
  const opts: SkeletonOptions = { meeting, topic, campaign, year, focus, titleId, subsections: subs };

  const after = snapshot ? snapshot.cursorEnd ?? snapshot.cursor : 0;
  const formatted = (blocks: Block[]) => withFormat(blocks, prefs.format);
  /** Insert after the paragraph where the selection ends (never over it), computing blocks from a fresh read. */
  const insertAtCursor = (make: (doc: ParsedDocument, at: number) => Block[] | Insertion) =>
    state.actAtCursor(async (snap, fresh) => {
      const at = snap.cursorEnd ?? snap.cursor;
      const made = make(fresh, at);
      const { blocks, renumber } = Array.isArray(made) ? { blocks: made, renumber: [] } : made;
      await host.insertBlocks(formatted(blocks), { kind: "after", paragraph: at, expected: snap.paragraphs[at]?.text ?? "" }, renumber);
    });
  /** Insert after a paragraph computed from the last read (下一步); a stale position is refused by the host. */
  const insertAfter = ({ blocks, renumber }: Insertion, paragraph: number) =>
    state.act(async () => {
      if (!snapshot) throw new Error("尚未读取文档");
      await host.insertBlocks(formatted(blocks), { kind: "after", paragraph, expected: snapshot.paragraphs[paragraph]?.text ?? "" }, renumber);
    });

  /** A heading inserted amid typed numbering pushes the later ones down (二、 → 三、) in the same batch. */
  const numbered = (d: ParsedDocument, at: number, level: 1 | 2, make: (n: HeadingNumbering) => Block[]): Insertion => {
    const n = numberingAt(d, at, level);
    return { blocks: make(n), renumber: renumberFollowing(d, at, n) };
  };
  const insertSection = (section: OutlineSection) =>
    insertAtCursor((d, at) => (section.numbered ? numbered(d, at, 1, (n) => sectionBlocks(outline, section, opts, n, withSubs)) : sectionBlocks(outline, section, opts, null, withSubs)));
  const insertSubsection = (sub: OutlineSubsection) => insertAtCursor((d, at) => numbered(d, at, 2, (n) => subsectionBlocks(outline, sub, opts, n)));
  const missing = doc ? missingSections(doc, outline, opts) : [];
  const here = doc ? sectionAt(doc, after) : null;
  const empty = !!snapshot && snapshot.paragraphs.every((p) => !p.text.trim());

  return (
    <div className={styles.root}>
      <TypePicker state={state} />
      <div className={styles.row}>
        <Field label="会议" hint={!picked.meeting && said.meeting && said.meeting === meeting ? "按文档识别" : served.length < MEETING_KIND_IDS.length ? `${docTypeName(type)}只用于巡视、巡察整改` : undefined}>
          <Select value={meeting} onChange={(_, d) => pick({ meeting: d.value as MeetingKind })} data-testid="variant-meeting">
            {served.map((k) => (
              <option key={k} value={k}>
                {meetingName(k)}
              </option>
            ))}
          </Select>
        </Field>
        {outline.titles.length > 1 && (
          <Field label="标题">
            <Select value={titleId ?? outline.titles[0].id} onChange={(_, d) => setTitleId(d.value)}>
              {outline.titles.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {meeting === "topic" && (
        <Field label="专题名称" hint="填入标题和开头，如：落实全面从严治党主体责任">
          <Input value={topic} onChange={(_, d) => pick({ topic: d.value })} placeholder="专题名称" data-testid="meeting-topic" />
        </Field>
      )}
      {meeting === "campaign" && (
        <Field
          label="学习教育名称"
          hint={
            focus.campaign && campaign !== focus.campaign.name
              ? "与年度重点文件所列学习教育不同，查摆方面按通用提纲"
              : focus.campaign && focus.campaign.year < year
                ? `年度重点文件所列为${focus.campaign.year}年的学习教育，请以本次会议通知为准`
                : undefined
          }
        >
          <Input value={campaign} onChange={(_, d) => pick({ campaign: d.value })} placeholder={focus.campaign?.name ?? "学习教育名称"} data-testid="meeting-campaign" />
        </Field>
      )}
      {meeting === "annual" && (
        <div data-testid="focus-year">
          <Text size={200} block className={styles.muted}>
            会议年度：{year}年度。对照检查重点：{focus.label}（{focus.source.publisher} {focus.source.date}；{loaded?.from === "file" ? "读自年度重点文件" : "加载项内置"}）。
          </Text>
          {notice && !confirmed && (
            <MessageBar intent="warning" layout="multiline" data-testid="focus-notice">
              <MessageBarBody>
                {year}年度的对照检查重点尚未收录。{notice}。
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setPrefs({ focusConfirmed: `${year}:${focus.year}` })} data-testid="focus-confirm">
                  已对照通知，确认
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {notice && confirmed && (
            <Text size={200} block data-testid="focus-confirmed">
              已确认：{year}年度会议按{focus.year}年度重点编写（{notice}）。
            </Text>
          )}
        </div>
      )}
      {loaded?.warning && (
        <MessageBar intent="error" data-testid="focus-warning">
          <MessageBarBody>{loaded.warning}</MessageBarBody>
        </MessageBar>
      )}
      <Checkbox checked={prefs.format === "gbt"} onChange={(_, d) => setPrefs({ format: d.checked ? "gbt" : "plain" })} label="按国标（GB/T 9704）设置字体字号；取消则沿用文档自身样式" />
      <Button appearance="primary" onClick={() => void insertAtCursor(() => skeletonBlocks(outline, opts))} disabled={!snapshot} data-testid="insert-full-outline">
        {empty ? "插入完整提纲" : "在光标处插入完整提纲"}
      </Button>
      <Text size={200} className={styles.muted} data-testid="cursor-place">
        光标位于：第 {after + 1} 段{here ? `（${here.marker}${here.title}）` : ""}。插入内容放在光标所在段落之后，不会覆盖选中的文字。
      </Text>

      {missing.length > 0 && (
        <section aria-label="下一步" data-testid="next-steps">
          <Text weight="semibold">下一步：文档还缺少</Text>
          {missing.map((m) => (
            <div key={m.section.id} className={styles.missing}>
              <Text>{m.section.heading ?? roleName(m.section.role)}</Text>
              <Button size="small" onClick={() => void insertMissing(m.section, m.after)} data-testid="insert-missing">
                插入到应在位置
              </Button>
            </div>
          ))}
        </section>
      )}

      <Divider />
      <Text weight="semibold">{outline.name}标准提纲</Text>
      <Checkbox checked={withSubs} onChange={(_, d) => setWithSubs(!!d.checked)} label="插入此节时包含勾选的二级标题" />
      {outline.sections.map((section) => (
        <SectionNode
          key={section.id}
          outline={outline}
          section={section}
          opts={opts}
          open={!!expanded[section.id]}
          onToggle={() => setExpanded({ ...expanded, [section.id]: !expanded[section.id] })}
          chosen={subs}
          onChoose={(id, on) => {
            const next = new Set(subs);
            if (on) next.add(id);
            else next.delete(id);
            setChosen({ ...chosen, [chosenKey]: next });
          }}
          onInsert={() => void insertSection(section)}
          onInsertSub={(sub) => void insertSubsection(sub)}
          styles={styles}
        />
      ))}

      <Divider />
      <Field label="插入一段文字">
        <Input value={text} onChange={(_, d) => setText(d.value)} placeholder="输入文字，插入到光标所在段落之后" data-testid="paragraph-input" />
      </Field>
      <Button onClick={() => void insertAtCursor(() => [{ text, kind: "body" }])} disabled={!text.trim() || !snapshot} data-testid="insert-paragraph">
        在光标处插入段落
      </Button>
    </div>
  );

  function insertMissing(section: OutlineSection, at: number) {
    if (!doc) return;
    const d = doc;
    return insertAfter(section.numbered ? numbered(d, at, 1, (n) => sectionBlocks(outline, section, opts, n, true)) : { blocks: sectionBlocks(outline, section, opts, null, true), renumber: [] }, at);
  }
}

function SectionNode(props: {
  outline: Outline;
  section: OutlineSection;
  opts: SkeletonOptions;
  open: boolean;
  onToggle: () => void;
  chosen: Set<string>;
  onChoose: (id: string, on: boolean) => void;
  onInsert: () => void;
  onInsertSub: (sub: OutlineSubsection) => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { section, opts, open, styles } = props;
  const required = isRequired(section, opts);
  const included = sectionIncluded(section, opts);
  return (
    <div className={styles.section} data-testid="outline-section">
      <div className={styles.sectionHead}>
        <Button appearance="transparent" size="small" onClick={props.onToggle} aria-expanded={open} style={{ minWidth: 0, justifyContent: "flex-start", padding: 0 }}>
          <span className={styles.title}>
            {open ? "▾" : "▸"} {section.heading ?? roleName(section.role)}
          </span>
        </Button>
        <span style={{ display: "flex", gap: 4, alignItems: "center" }}>
          {required ? <Badge size="small" appearance="tint" color="danger">必备</Badge> : <Badge size="small" appearance="tint" color="informative">{included ? "可选" : "年度会"}</Badge>}
          <Button size="small" onClick={props.onInsert} data-testid="insert-section">
            插入此节
          </Button>
        </span>
      </div>
      {open && (
        <>
          <Text className={styles.guidance} block>
            写作要点：{section.guidance}
          </Text>
          {section.variants.length > 0 && (
            <Text size={200} block>
              常见标题：{section.variants.join("／")}
            </Text>
          )}
          {section.subsections.map((sub) => (
            <div key={sub.id} data-testid="outline-subsection">
              <div className={styles.sub}>
                <Checkbox size="medium" checked={props.chosen.has(sub.id)} onChange={(_, d) => props.onChoose(sub.id, !!d.checked)} label={sub.heading} />
                <Button size="small" appearance="subtle" onClick={() => props.onInsertSub(sub)} title="在光标处插入这个二级标题">
                  插入
                </Button>
              </div>
              {(sub.variants.length > 0 || sub.guidance) && (
                <Text size={200} block className={styles.subNote}>
                  {sub.variants.length > 0 && `亦作：${sub.variants.join("／")}`}
                  {sub.variants.length > 0 && sub.guidance ? "。" : ""}
                  {sub.guidance}
                </Text>
              )}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
