// The reviewing page's worker: reads and checks files with the same core as `tigang check`, and writes annotated
// copies (one .docx, or all of them in a zip), off the page's main thread.
import JSZip from "jszip";
import { annotateFile } from "../core/annotate/annotateFile";
import { InputError } from "../core/io/decodeText";
import { fileTooLargeMessage, MAX_FILE_BYTES, readInputContent } from "../core/io/readInput";
import { reportFromContent, unreadableReport } from "../core/report/checkReport";
import type { FileReport } from "../core/report/fileReport";
import { loadTypoLexicon } from "../core/check/rules/typo";
import { summarize } from "./model";
import type { FromWorker, ToWorker, WorkerReady } from "./protocol";

const post = (m: FromWorker | WorkerReady, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

/** A file's bytes; one over the size limit is refused before it is read. */
async function bytesOf(file: Blob): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) throw new InputError(`${fileTooLargeMessage(file.size)}未读取。`);
  return new Uint8Array(await file.arrayBuffer());
}

const toBuffer = (bytes: Uint8Array): ArrayBuffer => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer));

/** A name not yet used in the zip: 甲.docx, 甲（2）.docx … (two folders may hold files of one name). */
function uniqueName(name: string, used: Set<string>): string {
  const dot = name.lastIndexOf(".");
  let out = name;
  for (let k = 2; used.has(out.toLowerCase()); k++) out = `${name.slice(0, dot)}（${k}）${name.slice(dot)}`;
  used.add(out.toLowerCase());
  return out;
}

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

async function annotate(m: Extract<ToWorker, { kind: "annotate" }>): Promise<void> {
  const failed: { name: string; error: string }[] = [];
  const copies: { name: string; bytes: Uint8Array }[] = [];
  for (const f of m.files) {
    try {
      const copy = await annotateFile(f.name, await bytesOf(f.file), { type: f.type, author: m.author });
      copies.push({ name: copy.name, bytes: copy.bytes });
    } catch (err) {
      failed.push({ name: f.name, error: unreadableReport(f.name, err).error ?? "无法生成" });
    }
  }
  if (!m.zip) {
    const only = copies[0];
    if (!only) return post({ kind: "failed", id: m.id, error: `无法生成批注副本：${failed[0]?.error ?? "文件无法读取"}` });
    const bytes = toBuffer(only.bytes);
    return post({ kind: "annotated", id: m.id, name: only.name, bytes, failed }, [bytes]);
  }
  if (!copies.length) return post({ kind: "failed", id: m.id, error: "没有可以加批注的文件。" });
  // Chinese entry names are stored in UTF-8 with the language-encoding flag (bit 11), which Windows Explorer honours.
  const zip = new JSZip();
  const used = new Set<string>();
  for (const c of copies) zip.file(uniqueName(c.name, used), c.bytes, { binary: true });
  const bytes = await zip.generateAsync({ type: "arraybuffer", compression: "DEFLATE" });
  post({ kind: "annotated", id: m.id, name: `批注副本-${stamp()}.zip`, bytes, failed }, [bytes]);
}

// The typo rule checks against the lexicon as tigang check does (its own chunk, loaded once per worker). The page
// starts its workers when it opens, so the load starts here, before the first file arrives. Should the chunk fail to
// load, the rule falls back to its table alone rather than failing the file.
const lexiconReady = loadTypoLexicon().catch(() => null);
// The page says when every worker is ready (检查程序已就绪), and the bench chooses its files then, as a user would.
void lexiconReady.then(() => post({ kind: "ready" }));

const reportMessage = (id: number, report: FileReport): FromWorker => ({ kind: "report", id, summary: summarize(report), json: JSON.stringify(report) });

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.kind === "check") {
    try {
      // The file is read while the lexicon may still be loading.
      const bytes = await bytesOf(m.file);
      await lexiconReady;
      post(reportMessage(m.id, reportFromContent(m.name, await readInputContent(m.name, bytes), m.type)));
    } catch (err) {
      post(reportMessage(m.id, unreadableReport(m.name, err)));
    }
  } else {
    try {
      await lexiconReady;
      await annotate(m);
    } catch (err) {
      post({ kind: "failed", id: m.id, error: `生成批注副本时出错：${(err as Error)?.message ?? err}` });
    }
  }
};
