// The reviewing page's worker: reads and checks files with the same core as `tigang check`, off the page's main thread.
import { readInputBytes } from "../core/io/readInput";
import { checkReport, unreadableReport } from "../core/report/checkReport";
import type { FromWorker, ToWorker } from "./protocol";

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.kind === "check") {
    try {
      const paragraphs = await readInputBytes(m.name, new Uint8Array(m.bytes));
      post({ kind: "report", id: m.id, report: checkReport(m.name, paragraphs, m.type) });
    } catch (err) {
      post({ kind: "report", id: m.id, report: unreadableReport(m.name, err) });
    }
  } else {
    post({ kind: "failed", id: m.id, error: "批注副本功能尚未提供。" });
  }
};
