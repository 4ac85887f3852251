// Messages between the reviewing page and its worker.
import type { DocTypeId } from "../core/model";
import type { RowSummary } from "./model";

export type ToWorker =
  // Files go to the worker as File handles: reading them (even File.size) can wait on the disk, and that must not be
  // the page's main thread (traced: 4 reads started from an event handler took 110–130 ms there).
  | { kind: "check"; id: number; name: string; file: Blob; type?: DocTypeId }
  | { kind: "annotate"; id: number; files: { name: string; file: Blob; type?: DocTypeId }[]; author: string; zip: boolean };

/** A worker has loaded the core and the typo lexicon (or failed to, and will check with the table alone). */
export type WorkerReady = { kind: "ready" };

export type FromWorker =
  // The report goes as a JSON string with the row's summary beside it. A string crosses to the page as one copy; an
  // object graph of outline and findings is rebuilt there node by node, on the page's main thread: little for a typical
  // draft (2 KB, about 0.05 ms), but 10–20 ms for one of 3,000 paragraphs and 2,000 findings (measured with
  // structuredClone under Node), and ten times that for the largest documents the reader accepts — a long task in the
  // middle of the batch. The page parses the string only when the file is opened or exported.
  | { kind: "report"; id: number; summary: RowSummary; json: string }
  | { kind: "annotated"; id: number; name: string; bytes: ArrayBuffer; failed: { name: string; error: string }[] }
  | { kind: "failed"; id: number; error: string };
