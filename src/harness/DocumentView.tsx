// The simulated Word document of the harness: paragraphs with styles and list labels; click to place the cursor; typing allowed.
import { useEffect, useLayoutEffect, useReducer, useRef } from "react";
import type { MemoryHost, MemParagraph, Position } from "../host/memoryHost";
import type { GongwenStyleDef } from "../core/format/ooxml";
import { isToolComment } from "../core/annotate/commentText";

// 'Tigang Serif SC' / 'Tigang Sans SC': the self-hosted fallback (assets/cjk-fallback.css) for machines without Chinese fonts.
const SERIF = "'Noto Serif CJK SC', 'Tigang Serif SC', serif";
const SANS = "'Noto Sans CJK SC', 'Tigang Sans SC', sans-serif";
const FONT_FAMILY: Record<string, string> = {
  方正小标宋简体: `'FZXiaoBiaoSong-B05S', ${SERIF}`,
  黑体: `SimHei, ${SANS}`,
  楷体: `KaiTi, 'Kaiti SC', ${SERIF}`,
  仿宋: `FangSong, 'STFangsong', ${SERIF}`,
};

/** A paragraph's look: its 公文 style's definition (when the document defines it), overridden by its direct format, as in Word. */
function paragraphStyle(p: MemParagraph, styles: ReadonlyMap<string, GongwenStyleDef>): React.CSSProperties {
  const def = p.style ? styles.get(p.style) : undefined;
  const fromStyle: Partial<NonNullable<MemParagraph["format"]>> = def
    ? { font: def.font, sizePt: def.sizePt, bold: def.bold, alignment: def.alignment, lineSpacingPt: def.lineSpacingPt, firstLineIndentPt: def.firstLineChars * def.sizePt, rightIndentPt: def.rightChars * def.sizePt }
    : {};
  const f = { ...fromStyle, ...(p.format ?? {}) };
  const heading = /^Heading(\d)$/.exec(p.styleBuiltIn ?? "");
  return {
    fontFamily: f.font ? FONT_FAMILY[f.font] ?? f.font : heading ? SANS : SERIF,
    fontSize: `${f.sizePt ?? (p.styleBuiltIn === "Title" ? 20 : heading ? 15 : 14)}pt`,
    fontWeight: f.bold || (!f.font && heading) ? 700 : 400,
    textAlign: f.alignment === "centered" || (!f.alignment && p.styleBuiltIn === "Title") ? "center" : f.alignment === "right" ? "right" : "justify",
    textIndent: f.firstLineIndentPt !== undefined ? `${f.firstLineIndentPt}pt` : heading || p.styleBuiltIn === "Title" ? 0 : "2em",
    lineHeight: f.lineSpacingPt ? `${f.lineSpacingPt}pt` : 1.7,
    paddingLeft: f.leftIndentPt ? `${f.leftIndentPt}pt` : undefined,
    paddingRight: f.rightIndentPt ? `${f.rightIndentPt}pt` : undefined,
  };
}

function positionOf(node: Node | null, offset: number, root: HTMLElement): Position | null {
  let el: Node | null = node;
  while (el && el !== root && !(el instanceof HTMLElement && el.dataset.text !== undefined)) el = el.parentNode;
  if (!el || el === root) return null;
  const span = el as HTMLElement;
  const index = Number(span.dataset.text);
  // Offset within the span's text: count characters of text nodes before `node`.
  let count = 0;
  const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return { paragraph: index, offset: count + offset };
    count += t.textContent?.length ?? 0;
  }
  return { paragraph: index, offset: node === span && offset === 0 ? 0 : count };
}

export function DocumentView({ host }: { host: MemoryHost }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const root = useRef<HTMLDivElement>(null);
  const fromUser = useRef(false);
  /** Set by Enter and paste: the paragraphs re-render, so the caret's span must get the focus back (else keystrokes are lost). */
  const keepFocus = useRef(false);

  useEffect(() => host.onChange(() => rerender()), [host]);

  // Show the host's selection in the page (after the pane inserts or jumps).
  useLayoutEffect(() => {
    if (fromUser.current) {
      fromUser.current = false;
      return;
    }
    const el = root.current;
    if (!el) return;
    const { start, end } = host.selection;
    const place = (pos: Position): [Node, number] | null => {
      const span = el.querySelector<HTMLElement>(`[data-text="${pos.paragraph}"]`);
      if (!span) return null;
      const node = span.firstChild ?? span;
      return [node, Math.min(pos.offset, node.textContent?.length ?? 0)];
    };
    const a = place(start);
    const b = place(end);
    const sel = window.getSelection();
    if (keepFocus.current) {
      keepFocus.current = false;
      el.querySelector<HTMLElement>(`[data-text="${start.paragraph}"]`)?.focus();
    }
    if (a && b && sel) {
      sel.removeAllRanges();
      const r = document.createRange();
      r.setStart(a[0], a[1]);
      r.setEnd(b[0], b[1]);
      sel.addRange(r);
      (a[0].parentElement ?? (a[0] as HTMLElement)).scrollIntoView?.({ block: "nearest" });
    }
  });

  const readSelection = () => {
    const el = root.current;
    const sel = window.getSelection();
    if (!el || !sel || !sel.rangeCount) return;
    const a = positionOf(sel.anchorNode, sel.anchorOffset, el);
    const b = positionOf(sel.focusNode, sel.focusOffset, el);
    if (!a || !b) return;
    const cur = host.selection;
    if (cur.start.paragraph === a.paragraph && cur.start.offset === a.offset && cur.end.paragraph === b.paragraph && cur.end.offset === b.offset) return;
    fromUser.current = true;
    host.setSelection(a, b);
  };

  const labels = host.labels();
  return (
    <div
      ref={root}
      className="doc-page"
      data-testid="document"
      onMouseUp={readSelection}
      onKeyUp={readSelection}
      onInput={(e) => {
        const span = (e.target as HTMLElement).closest<HTMLElement>("[data-text]");
        if (!span) return;
        fromUser.current = true;
        host.setParagraphText(Number(span.dataset.text), span.textContent ?? "");
        readSelection();
      }}
      onKeyDown={(e) => {
        if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
        e.preventDefault();
        readSelection();
        fromUser.current = false;
        keepFocus.current = true;
        host.splitParagraph(host.selection.end);
      }}
      onPaste={(e) => {
        // Plain text only, one paragraph per line (as Word pastes text), in the paragraph's style.
        e.preventDefault();
        readSelection();
        const text = e.clipboardData.getData("text/plain");
        fromUser.current = false;
        keepFocus.current = true;
        host.pasteText(text);
      }}
    >
      {host.paragraphs.map((p, i) => (
        <div key={`${host.revision}:${i}`} className="doc-para" data-index={i} data-style={p.style ?? p.styleBuiltIn ?? "Normal"} style={paragraphStyle(p, host.styles)}>
          <span className="doc-style" aria-hidden="true">
            {styleLabel(p)}
          </span>
          {labels[i] && (
            <span className="doc-label" contentEditable={false} data-testid="list-label">
              {labels[i]}
            </span>
          )}
          <span data-text={i} contentEditable suppressContentEditableWarning spellCheck={false}>
            {p.text}
          </span>
          {p.comments?.length ? <CommentList paragraph={p} /> : null}
        </div>
      ))}
    </div>
  );
}

/** A paragraph's comments (批注) under it, as Word shows them in the margin: author, the text they are on, their text. */
function CommentList({ paragraph: p }: { paragraph: MemParagraph }) {
  return (
    <ul className="doc-comments" contentEditable={false} aria-label="批注">
      {(p.comments ?? []).map((c, k) => (
        <li key={k} className="doc-comment" data-testid="doc-comment" data-tool={isToolComment(c.text) ? "" : undefined}>
          <b>{c.author}</b> 批注{c.length > 0 && c.length < p.text.length ? `“${p.text.slice(c.offset, c.offset + c.length)}”` : "本段"}：{c.text}
        </li>
      ))}
    </ul>
  );
}

/** The style the gutter shows: a named style (公文正文 …, as Word's Styles pane shows it) by its name, else the built-in one. */
function styleLabel(p: MemParagraph): string {
  const b = p.styleBuiltIn ?? "Normal";
  if (p.style && (b === "Other" || p.style.startsWith("公文"))) return p.style;
  return { Title: "标题", Heading1: "标题 1", Heading2: "标题 2", Heading3: "标题 3", Heading4: "标题 4", Normal: "正文" }[b] ?? b;
}
