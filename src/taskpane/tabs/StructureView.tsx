// The document's structure: its type (the user may change it) and the heading tree with each level-1 role; a click selects the heading in Word.
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DOC_TYPES, roleName, type DocTypeId } from "../../core/model";
import { displayMarker, type Heading } from "../../core/parse/parseDocument";
import type { TabProps } from "./types";

const useStyles = makeStyles({
  tree: { listStyleType: "none", paddingLeft: "0", margin: "4px 0" },
  sub: { listStyleType: "none", paddingLeft: "14px", margin: "0" },
  node: { justifyContent: "flex-start", textAlign: "left", minWidth: "0", width: "100%", fontWeight: "normal", padding: "2px 4px" },
  role: { color: tokens.colorBrandForeground1, marginLeft: "6px", whiteSpace: "nowrap" },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function TypePicker({ state }: Pick<TabProps, "state">) {
  const { doc, typeOverride, setTypeOverride } = state;
  const detected = doc?.type;
  // Nothing to go on (an empty document, no telling words): say so instead of "置信度 0%".
  const unknown = !typeOverride && (!detected || detected.confidence <= 0);
  const hint = typeOverride ? "已手动指定" : unknown ? (doc ? "未能识别，请选择类型" : undefined) : `自动识别（置信度 ${Math.round(detected!.confidence * 100)}%）${detected!.reasons?.length ? `：${detected!.reasons.slice(0, 3).join("；")}` : ""}`;
  return (
    <Field label="材料类型" hint={hint}>
      <Select value={typeOverride ?? (unknown ? "" : detected?.id ?? "")} onChange={(_, d) => setTypeOverride((d.value || null) as DocTypeId | null)} data-testid="type-picker">
        {unknown && <option value="">（请选择）</option>}
        {DOC_TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function StructureView({ host, state }: TabProps) {
  const styles = useStyles();
  const { doc } = state;
  if (!doc) return null;
  const jump = (h: Heading) => state.act(() => host.select({ paragraph: h.paragraph, offset: h.titleOffset, length: h.titleLength, expected: h.title }), { refresh: false });
  const render = (hs: Heading[], top: boolean) => (
    <ul className={top ? styles.tree : styles.sub}>
      {hs.map((h) => (
        <li key={h.paragraph}>
          <Button appearance="subtle" size="small" className={styles.node} onClick={() => void jump(h)} title={`${displayMarker(h)}${h.title}（第${h.paragraph + 1}段）`} data-testid="structure-node">
            <span className={styles.label}>
              {displayMarker(h)}
              {h.title}
            </span>
            {h.level === 1 && h.role && <span className={styles.role}>〔{roleName(h.role)}〕</span>}
          </Button>
          {h.children.length > 0 && render(h.children, false)}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-label="文档结构">
      <Text weight="semibold">文档结构</Text>
      {doc.headings.length ? render(doc.headings, true) : <Text block>未识别到标题。可在“提纲”中插入标准提纲。</Text>}
    </section>
  );
}
