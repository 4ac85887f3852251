// The harness page: a simulated Word document beside the real task pane, both on one in-memory host. Loads nothing off localhost.
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { MemoryHost, type MemoryDocumentInit } from "../host/memoryHost";
import { DocumentView } from "./DocumentView";
import { openDocumentFile } from "./openFile";
import { SelfTestPage } from "../taskpane/SelfTestPage";
import { memorySelfTestEnv } from "../host/memorySelfTest";
import { parseDocument, headingToJson } from "../core/parse/parseDocument";
import { lexiconLoadStats } from "../core/lexicon";

/** What end-to-end tests read back: the parser's view of the simulated document, type detected afresh. */
function readBack(host: MemoryHost) {
  const labels = host.labels();
  const doc = parseDocument(host.paragraphs.map((p, i) => ({ text: p.text, styleBuiltIn: p.styleBuiltIn, listString: labels[i], listLevel: p.list?.level, listId: p.list?.id })));
  return { type: doc.type.id, headings: doc.headings.map(headingToJson), closing: doc.closing, paragraphs: host.paragraphs };
}

declare global {
  interface Window {
    /** For end-to-end tests: the document the pane is working on. */
    __tigang?: { host: MemoryHost; load: (init: MemoryDocumentInit) => void; readBack: () => ReturnType<typeof readBack>; lexicon: typeof lexiconLoadStats };
  }
}

const EMPTY: MemoryDocumentInit = { paragraphs: [{ text: "" }] };

/** harness.html?selftest: the 自检 page on the simulated document instead of the pane. */
const selfTest = new URLSearchParams(location.search).has("selftest");

function Harness() {
  const [host, setHost] = useState<MemoryHost | null>(null);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const load = (init: MemoryDocumentInit) => {
    setHost(new MemoryHost(init));
    setGeneration((g) => g + 1);
  };
  const loadSample = async () => {
    try {
      const res = await fetch("assets/sample-document.json");
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      load((await res.json()) as MemoryDocumentInit);
    } catch (e) {
      setError(`示例文档加载失败：${(e as Error).message}`);
      load(EMPTY);
    }
  };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      load(await openDocumentFile(file));
      setError(null);
      setOpened(file.name);
    } catch (e) {
      // The document on screen stays as it was.
      setError(e instanceof Error && e.name === "InputError" ? `无法打开“${file.name}”：${e.message}` : `无法打开“${file.name}”：${(e as Error)?.message ?? e}`);
    }
  };
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (params.get("doc") === "empty") load(EMPTY);
    else void loadSample();
  }, []);
  useEffect(() => {
    if (host) window.__tigang = { host, load, readBack: () => readBack(host), lexicon: lexiconLoadStats };
  }, [host]);
  if (!host) return <p style={{ padding: 24 }}>正在加载示例文档…</p>;
  // ?pane=only: the pane alone, as wide as the window (as in Word, where the pane is its own window): for checking the
  // layout at Word's pane widths (320 px by default) with a narrow browser window.
  const paneOnly = new URLSearchParams(location.search).get("pane") === "only";
  return (
    <div className={paneOnly ? "harness pane-only" : "harness"}>
      <div className="doc-area">
        <div className="doc-toolbar">
          <strong>模拟的 Word 文档</strong>
          <span>（点击放置光标，可直接输入；回车分段）</span>
          <button onClick={() => void loadSample()}>载入示例文档</button>
          <button onClick={() => load(EMPTY)}>新建空白文档</button>
          <label className="open-file">
            打开文件…
            <input
              type="file"
              accept=".docx,.docm,.txt"
              data-testid="open-file"
              onChange={(e) => {
                void openFile(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </label>
          {opened && <span data-testid="opened-file">{opened}</span>}
          {error && <span style={{ color: "#b00020" }}>{error}</span>}
        </div>
        <DocumentView host={host} />
      </div>
      <div className="pane">
        {selfTest ? <SelfTestPage key={generation} env={memorySelfTestEnv(host)} backHref="harness.html" /> : <App key={generation} host={host} />}
      </div>
    </div>
  );
}

const el = document.getElementById("harness");
if (el) createRoot(el).render(<Harness />);
