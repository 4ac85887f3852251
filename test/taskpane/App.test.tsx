/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/host/memoryHost";
import { WordHost } from "../../src/host/wordHost";
import { createWordMock } from "../support/wordMock";
import SnippetsTab from "../../src/taskpane/tabs/SnippetsTab";
import { MemorySnippetStore, emptyUserLibrary, importUserSnippets } from "../../src/core/snippets";
import type { DocumentState } from "../../src/taskpane/useDocument";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { loadTypoLexicon } from "../../src/core/check/rules/typo";

const sample = () =>
  new MemoryHost({
    paragraphs: [{ text: "张三同志在巡视整改专题民主生活会上的个人对照检查材料" }, { text: "按照部署，现将对照检查情况报告如下：" }, { text: "一、存在的问题" }, { text: "（一）学习不够深入。" }, { text: "二、原因分析" }, { text: "理想信念有所松懈。" }],
    selection: { start: { paragraph: 5, offset: 0 } },
  });

describe("the task pane", () => {
  test("reads the document in one batch on open and shows what it found", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/《张三同志在巡视整改专题民主生活会上的个人对照检查材料》 · 共 6 段/);
    expect(host.batches).toBe(1);
  });

  test("a cursor outside the body and track changes are said, not hidden", async () => {
    class OutsideHost extends MemoryHost {
      async snapshot() {
        return { ...(await super.snapshot()), cursorOutsideBody: true, trackChanges: "on" as const };
      }
    }
    const host = new OutsideHost({ paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "正文。" }] });
    render(<App host={host} />);
    expect((await screen.findByTestId("cursor-outside")).textContent).toMatch(/页脚.*文档末尾/);
    expect(screen.getByTestId("track-changes").textContent).toMatch(/修订/);
  });

  test("an error from the host shows as a Chinese message and the document is unchanged", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/共 6 段/);
    const before = host.paragraphs.map((p) => p.text);
    fireEvent.change(await screen.findByTestId("paragraph-input"), { target: { value: "新段落" } });
    host.setReadOnly(true);
    fireEvent.click(screen.getByTestId("insert-paragraph"));
    expect((await screen.findByTestId("error")).textContent).toMatch(/只读/);
    expect(host.paragraphs.map((p) => p.text)).toEqual(before);
  });

  test("提纲: inserting the missing measures section puts 三、整改措施 after the causes", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/共 6 段/);
    const next = await screen.findByTestId("next-steps");
    expect(next.textContent).toMatch(/整改措施/);
    const buttons = screen.getAllByTestId("insert-missing");
    await act(async () => {
      fireEvent.click(buttons[0]);
    });
    await waitFor(() => expect(host.paragraphs.map((p) => p.text)).toContain("三、整改措施"));
    expect(host.paragraphs.findIndex((p) => p.text === "三、整改措施")).toBe(6);
  });

  test("提纲: a section inserted amid typed numbering pushes the later headings down in the same batch", async () => {
    const host = new MemoryHost({
      paragraphs: [{ text: "张三同志在巡视整改专题民主生活会上的个人对照检查材料" }, { text: "按照部署，现将对照检查情况报告如下：" }, { text: "一、存在的问题" }, { text: "学习不够深入。" }, { text: "二、整改措施" }, { text: "加强理论武装。" }, { text: "以上是我的对照检查，请同志们批评指正。" }],
      selection: { start: { paragraph: 3, offset: 0 } },
    });
    render(<App host={host} />);
    await screen.findByText(/共 7 段/);
    const missing = screen.getAllByTestId("insert-missing");
    expect(screen.getByTestId("next-steps").textContent).toMatch(/原因分析/);
    const batches = host.batches;
    await act(async () => {
      fireEvent.click(missing[0]);
    });
    await waitFor(() => expect(host.paragraphs.map((p) => p.text)).toContain("二、原因分析"));
    const texts = host.paragraphs.map((p) => p.text);
    expect(texts.indexOf("二、原因分析")).toBe(4);
    expect(texts).toContain("三、整改措施");
    expect(texts).not.toContain("二、整改措施");
    // One batch for the insert and the renumbering, one to read the result back.
    expect(host.batches - batches).toBe(2);
  });

  test("提纲: 巡察 and the meeting named in the document are preselected; the user's choice wins", async () => {
    localStorage.clear();
    const host = new MemoryHost({ paragraphs: [{ text: "李四同志在巡察整改专题民主生活会上的个人对照检查材料" }, { text: "按照区委巡察组反馈意见，现将对照检查情况报告如下：" }, { text: "" }], selection: { start: { paragraph: 2, offset: 0 } } });
    render(<App host={host} />);
    await screen.findByText(/共 3 段/);
    const meeting = (await screen.findByTestId("variant-meeting")) as HTMLSelectElement;
    expect(meeting.value).toBe("xuncha");
    expect(screen.getAllByText("按文档识别")).toHaveLength(1);
    await act(async () => {
      fireEvent.change(meeting, { target: { value: "annual" } });
    });
    expect((screen.getByTestId("variant-meeting") as HTMLSelectElement).value).toBe("annual");
    expect(screen.queryAllByText("按文档识别")).toHaveLength(0);
  });

  test("提纲: expanding a section shows its 写作要点, heading variants and each sub-section's variants", async () => {
    render(<App host={sample()} />);
    await screen.findByText(/共 6 段/);
    const sections = await screen.findAllByTestId("outline-section");
    const problems = sections.find((s) => /存在的问题/.test(s.textContent ?? ""))!;
    expect(problems.textContent).not.toMatch(/写作要点/);
    await act(async () => {
      fireEvent.click(problems.querySelector("button[aria-expanded]")!);
    });
    expect(problems.textContent).toMatch(/写作要点：.{20,}/);
    expect(problems.textContent).toMatch(/常见标题：/);
    const subs = problems.querySelectorAll('[data-testid="outline-subsection"]');
    expect(subs.length).toBeGreaterThan(2);
    expect(subs[0].textContent).toMatch(/亦作：/);
  });

  test("提纲: 插入完整提纲 fills an empty document with a skeleton the parser recognises as the chosen type", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "" }] });
    render(<App host={host} />);
    const picker = (await screen.findByTestId("type-picker")) as HTMLSelectElement;
    await act(async () => {
      fireEvent.change(picker, { target: { value: "team-review" } });
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId("insert-full-outline"));
    });
    await waitFor(() => expect(host.paragraphs.length).toBeGreaterThan(10));
    const doc = parseDocument(host.paragraphs.map((p) => ({ text: p.text })));
    expect(doc.type.id).toBe("team-review");
    const roles = doc.headings.map((h) => h.role);
    for (const r of ["problems", "causes", "measures"]) expect(roles).toContain(r);
    expect(host.paragraphs[0].text).toMatch(/领导班子.*对照检查材料/);
    // The cursor lands on the first 【…】 to fill in.
    const { start, end } = host.selection;
    expect(host.paragraphs[start.paragraph].text.slice(start.offset, end.offset)).toMatch(/^【[^】]+】$/);
  });

  test("提纲: 插入此节 after the content of 二、 numbers the new section 三、", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/共 6 段/);
    const measures = (await screen.findAllByTestId("outline-section")).find((s) => /[▸▾] 整改措施/.test(s.textContent ?? ""))!;
    await act(async () => {
      fireEvent.click(measures.querySelector('[data-testid="insert-section"]')!);
    });
    await waitFor(() => expect(host.paragraphs.map((p) => p.text)).toContain("三、整改措施"));
    expect(host.paragraphs.findIndex((p) => p.text === "三、整改措施")).toBe(6);
  });

  test("检查: the structure view lists headings with roles; clicking selects the heading", async () => {
    const host = sample();
    render(<App host={host} initialTab="check" />);
    const nodes = await screen.findAllByTestId("structure-node");
    expect(nodes.map((n) => n.textContent)).toEqual(["一、存在的问题〔存在的问题〕", "（一）学习不够深入", "二、原因分析〔原因分析〕"]);
    await act(async () => {
      fireEvent.click(nodes[2]);
    });
    await waitFor(() => expect(host.selection.start).toEqual({ paragraph: 4, offset: 2 }));
  });
});

describe("the structure view", () => {
  test("choosing another type re-reads roles for that type; 刷新 re-reads an edited document", async () => {
    const host = sample();
    render(<App host={host} initialTab="check" />);
    await screen.findAllByTestId("structure-node");
    const picker = screen.getByTestId("type-picker") as HTMLSelectElement;
    expect(picker.value).toBe("personal-review");
    await act(async () => {
      fireEvent.change(picker, { target: { value: "team-review" } });
    });
    expect(screen.getByText("已手动指定")).toBeTruthy();
    expect((screen.getByTestId("type-picker") as HTMLSelectElement).value).toBe("team-review");
    host.setParagraphText(4, "二、产生问题的根源");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "刷新：重新读取文档" }));
    });
    await waitFor(() => expect(screen.getAllByTestId("structure-node").map((n) => n.textContent)).toContain("二、产生问题的根源〔原因分析〕"));
  });
});

describe("the 短语 tab", () => {
  const state = (role: DocumentState["cursorRole"]) =>
    ({ cursorRole: role, type: "personal-review", snapshot: null, doc: null, act: async (f: () => Promise<unknown>) => (await f(), true), actAtCursor: async () => true, setError: () => undefined }) as unknown as DocumentState;

  test("suggests snippets for the cursor's section and searches by pinyin initials", async () => {
    render(<SnippetsTab host={sample()} state={state("causes")} store={new MemorySnippetStore()} />);
    const hits = await screen.findAllByTestId("snippet-hit", {}, { timeout: 5000 });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.slice(0, 5).every((h) => /原因分析/.test(h.textContent ?? ""))).toBe(true);
    fireEvent.change(screen.getByTestId("snippet-search"), { target: { value: "ztzr" } });
    await waitFor(() => expect(screen.getAllByTestId("snippet-hit")[0].textContent).toMatch(/主体责任/));
  });

  test("HTML in an imported snippet is shown as text, never as markup", async () => {
    const hostile = '<img src=x onerror="alert(1)">落实【单位】主体责任';
    const r = importUserSnippets(emptyUserLibrary(), JSON.stringify([{ text: hostile, roles: ["measures"], tags: ["主体责任"] }]), { name: "x.json" });
    if (!r.ok) throw new Error(r.message);
    const store = new MemorySnippetStore(r.library);
    const { container } = render(<SnippetsTab host={sample()} state={state("measures")} store={store} />);
    await screen.findAllByTestId("own-snippet", {}, { timeout: 5000 });
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getAllByTestId("own-snippet")[0].textContent).toContain(hostile);
  });
});

describe("the 检查 tab", () => {
  const defective = () =>
    new MemoryHost({
      paragraphs: [
        { text: "张三同志个人对照检查材料" },
        { text: "按照部署，现将对照检查情况报告如下：" },
        { text: "一、存在的问题" },
        { text: "（一）学习不够深入,自学时间安排得少。" },
        { text: "XX科室制度执行不严,检查不细。" },
        { text: "二、原因分析" },
        { text: "理想信念有所松懈。" },
      ],
      selection: { start: { paragraph: 6, offset: 0 } },
    });
  beforeEach(() => localStorage.clear());

  const runCheck = async () => {
    await act(async () => {
      fireEvent.click(await screen.findByTestId("run-check", {}, { timeout: 5000 }));
    });
    return screen.findByTestId("check-summary");
  };
  const findings = (rule?: string) => screen.queryAllByTestId("finding").filter((f) => !rule || f.getAttribute("data-rule") === rule);

  test("the summary counts findings and marks the required sections present and missing", async () => {
    const host = defective();
    render(<App host={host} initialTab="check" />);
    const summary = await runCheck();
    expect(summary.textContent).toMatch(/错误 \d+/);
    expect(findings("placeholder")).toHaveLength(1);
    expect(findings("punctuation")).toHaveLength(2);
    const required = screen.getByTestId("required-sections").textContent ?? "";
    expect(required).toMatch(/✓\s*存在的问题/);
    expect(required).toMatch(/✗\s*整改措施/);
  });

  test("修复 changes only that place, in one batch, and the list refreshes", async () => {
    const host = defective();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const before = host.paragraphs.map((p) => p.text);
    const batches = host.batches;
    const first = findings("punctuation")[0];
    expect(first.textContent).toMatch(/第4段/);
    await act(async () => {
      fireEvent.click(first.querySelector('[data-testid="fix-one"]')!);
    });
    await waitFor(() => expect(findings("punctuation")).toHaveLength(1));
    expect(host.paragraphs[3].text).toBe("（一）学习不够深入，自学时间安排得少。");
    expect(host.paragraphs.map((p) => p.text).filter((_, i) => i !== 3)).toEqual(before.filter((_, i) => i !== 3));
    // apply (1 batch) + the fresh read of the re-check (1 batch)
    expect(host.batches - batches).toBe(2);
  });

  test("全部修复 fixes every finding of the rule; a fix whose text changed since the check is refused", async () => {
    const host = defective();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    host.setParagraphText(4, "XX科室制度执行不严；检查不细，已改。");
    await act(async () => {
      fireEvent.click(screen.getByTestId("fix-all-punctuation"));
    });
    expect((await screen.findByTestId("error")).textContent).toMatch(/1 处修复未应用/);
    expect(host.paragraphs[3].text).toBe("（一）学习不够深入，自学时间安排得少。");
    expect(host.paragraphs[4].text).toBe("XX科室制度执行不严；检查不细，已改。");
  });

  test("in Word, a 全部修复 whose write fails partway says what the re-read found and how to undo", async () => {
    const word = createWordMock(defective().paragraphs.map((p) => ({ text: p.text })), 6);
    render(<App host={new WordHost({ run: word.run })} initialTab="check" />);
    await runCheck();
    // The fixes' third sync is the write: Word applies its first command (the later paragraph) and fails.
    word.failSyncAt(word.syncs() + 3, { code: "GeneralException", message: "x" }, 1);
    await act(async () => {
      fireEvent.click(screen.getByTestId("fix-all-punctuation"));
    });
    const message = (await screen.findByTestId("error")).textContent ?? "";
    expect(message).toMatch(/已核对文档：有 1 段已被修改.*Ctrl\+Z/);
    expect(message).not.toMatch(/未作任何修改/);
    expect(word.texts().slice(3, 5)).toEqual(["（一）学习不够深入,自学时间安排得少。", "XX科室制度执行不严，检查不细。"]);
  });

  test("忽略 hides one finding and is remembered", async () => {
    const host = defective();
    const { unmount } = render(<App host={host} initialTab="check" />);
    await runCheck();
    const placeholder = findings("placeholder")[0];
    await act(async () => {
      fireEvent.click(Array.from(placeholder.querySelectorAll("button")).find((b) => b.textContent === "忽略")!);
    });
    expect(findings("placeholder")).toHaveLength(0);
    unmount();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    expect(findings("placeholder")).toHaveLength(0);
    expect(findings("punctuation")).toHaveLength(2);
  });

  test("clicking a finding selects its exact text in the document", async () => {
    const host = defective();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    await act(async () => {
      fireEvent.click(findings("placeholder")[0].querySelector('button[title="在文档中选中"]')!);
    });
    await waitFor(() => expect(host.selection).toEqual({ start: { paragraph: 4, offset: 0 }, end: { paragraph: 4, offset: 2 } }));
  });

  test("不是错字 adds the typo's word to the ignored words of 检查设置: the finding goes and stays gone", async () => {
    const host = new MemoryHost({
      paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "一、存在的问题" }, { text: "抓整改要善始善中，办法不能少。" }, { text: "二、原因分析" }, { text: "理想信念有所松懈。" }],
      selection: { start: { paragraph: 4, offset: 0 } },
    });
    // The pane loads the lexicon on the first 检查 (a cached promise); loaded here first, as jest takes seconds to index it.
    await loadTypoLexicon();
    const { unmount } = render(<App host={host} initialTab="check" />);
    await runCheck();
    // Not in the typo table: found with the lexicon.
    const typo = await waitFor(() => {
      const f = findings("typo");
      expect(f).toHaveLength(1);
      return f[0];
    });
    expect(typo.textContent).toMatch(/善始善中.*善始善终/);
    expect(findings("placeholder")[0]?.querySelector('[data-testid="not-typo"]') ?? null).toBeNull();
    await act(async () => {
      fireEvent.click(typo.querySelector('[data-testid="not-typo"]')!);
    });
    expect(findings("typo")).toHaveLength(0);
    unmount();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    expect(findings("typo")).toHaveLength(0);
    fireEvent.click(screen.getByText("检查设置"));
    expect((screen.getByRole("textbox") as HTMLTextAreaElement).value).toBe("善始善中");
  }, 30000);

  test("不是错字 on a one-character typo (的 → 地) ignores that phrase, not every 的 of the document", async () => {
    const host = new MemoryHost({
      paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "一、存在的问题" }, { text: "有时没有认真的学习文件。" }, { text: "二、原因分析" }, { text: "平时没有积极的推进整改。" }],
      selection: { start: { paragraph: 4, offset: 0 } },
    });
    await loadTypoLexicon();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const typos = await waitFor(() => {
      const f = findings("typo");
      expect(f).toHaveLength(2);
      return f;
    });
    await act(async () => {
      fireEvent.click(typos[0].querySelector('[data-testid="not-typo"]')!);
    });
    expect(findings("typo")).toHaveLength(1);
    expect(findings("typo")[0].textContent).toMatch(/积极的推进/);
    fireEvent.click(screen.getByText("检查设置"));
    expect((screen.getByRole("textbox") as HTMLTextAreaElement).value).toBe("认真的学习");
  }, 30000);
});
