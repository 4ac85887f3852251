// Adding the 公文 paragraph styles to a Word document (WordApi 1.5), in three syncs whatever the document's size:
// read (existing styles, track changes) → write (insertOoxml of the styles package; existing styles updated through
// Style objects) → read back and confirm. One file of the adapter in src/host/word/, like the other actions.
//
// What the sources say, and how this follows it:
// - insertOoxml does not overwrite a style the document already has: "If a style is already in use in the destination
//   document, your content will take on the resident definition for the style, regardless of what you include in
//   styles.xml" (learn.microsoft.com/office/dev/add-ins/word/create-better-add-ins-for-word-with-office-open-xml;
//   OfficeDev/office-js#5491, OfficeDev/office-js-docs#368). So styles that exist are updated through Style.font and
//   Style.paragraphFormat (WordApi 1.5) instead, and what those cannot set (exact line spacing, character-unit
//   indents) is reported, never dropped silently. importStylesFromJson (WordApi 1.6) overwrites only with
//   WordApiDesktop 1.1's conflict behaviour and takes Word's own JSON format: not used yet.
// - Reading styles back: document.getStyles() and StyleCollection.getByNameOrNullObject (WordApi 1.5).
// - Track changes: the package's carrier paragraphs are inserted and deleted again; under 修订 that would leave
//   tracked insertions and deletions in the document, so the action refuses while changeTrackingMode is not Off.
import { GONGWEN_STYLES, type GongwenStyleDef } from "../../core/format/ooxml";
import { HostError, type StylesResult } from "../DocumentHost";

type Run = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

const OUTLINE = ["OutlineLevel1", "OutlineLevel2", "OutlineLevel3", "OutlineLevel4"] as const;
const ALIGN = { left: "Left", centered: "Centered", right: "Right", justified: "Justified" } as const;

export async function defineWordStyles(run: Run, pkg: string, defs: readonly GongwenStyleDef[], trackChangesReadable: boolean): Promise<StylesResult> {
  return run(async (context) => {
    const doc = context.document;
    // 1. Read: which 公文 styles exist, and whether 修订 is on.
    const styles = doc.getStyles();
    styles.load("items/nameLocal");
    if (trackChangesReadable) doc.load("changeTrackingMode");
    await context.sync();
    if (trackChangesReadable && doc.changeTrackingMode !== "Off") {
      throw new HostError("修订已打开：添加样式会在文档中留下插入和删除的修订记录，因此没有添加。请先关闭修订（审阅 → 修订），添加样式后再打开。");
    }
    const existing = new Set(styles.items.map((s) => s.nameLocal));
    const updated = defs.filter((d) => existing.has(d.name));
    // 2. Write: the package brings in the missing styles (its carrier paragraphs are deleted again); existing ones are updated.
    if (updated.length < defs.length) doc.body.insertOoxml(pkg, "End").delete();
    for (const d of updated) {
      const st = styles.getByNameOrNullObject(d.name);
      st.font.name = d.font;
      st.font.size = d.sizePt;
      st.font.bold = d.bold;
      st.paragraphFormat.alignment = ALIGN[d.alignment];
      st.paragraphFormat.firstLineIndent = d.firstLineChars * d.sizePt;
      if (d.outlineLevel) st.paragraphFormat.outlineLevel = OUTLINE[d.outlineLevel - 1];
    }
    await context.sync();
    // 3. Read back and confirm.
    const back = defs.map((d) => {
      const st = doc.getStyles().getByNameOrNullObject(d.name);
      st.load("isNullObject,nameLocal,font/size,font/bold");
      return st;
    });
    await context.sync();
    const missing = defs.filter((_, i) => back[i].isNullObject).map((d) => d.name);
    if (missing.length) throw new HostError(`Word 没有接受这些样式：${missing.join("、")}。一键排版仍按段设置格式；行距“固定值 28 磅”请手动设置。`);
    const wrong = defs.filter((d, i) => back[i].font.size !== d.sizePt || back[i].font.bold !== d.bold).map((d) => d.name);
    if (wrong.length) throw new HostError(`这些样式读回的字号或加粗与设置不符：${wrong.join("、")}。请在“样式”中检查。`);
    const notes = updated.length
      ? [
          `文档中原有的 ${updated.map((d) => d.name).join("、")} 已更新字体、字号、加粗、对齐和大纲级别；Word 不允许加载项改写已有样式的“固定值”行距和“字符”单位缩进，请在“样式”窗格中右键该样式 → 修改 → 格式 → 段落，设为行距固定值 ${updated[0].lineSpacingPt} 磅、首行缩进 2 字符。`,
        ]
      : [];
    return { defs: [...defs], notes };
  });
}

/**
 * Queue, in an action's read sync, a look-up of the eight 公文 styles by name (StyleCollection.getByNameOrNullObject,
 * WordApi 1.5: a missing style comes back as a null object instead of failing the batch). After the sync, the returned
 * function names those the document has as paragraph styles. Setting Paragraph.style to a name the document lacks fails
 * (OfficeDev/office-js-docs#227), so a write sets only the names this read found.
 */
export function queueStyleLookup(context: Word.RequestContext): () => string[] {
  const styles = context.document.getStyles();
  const found = GONGWEN_STYLES.map((s) => {
    const st = styles.getByNameOrNullObject(s.name);
    st.load("isNullObject,type");
    return { name: s.name, st };
  });
  return () => found.filter((f) => !f.st.isNullObject && f.st.type === "Paragraph").map((f) => f.name);
}
