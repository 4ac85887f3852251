// Messages between the reviewing page and its worker.
import type { DocTypeId } from "../core/model";
import type { RowSummary } from "./model";

export type ToWorker =
  // Files go to the worker as File handles: reading them (even File.size) can wait on the disk, and that must not be
  // the page's main thread (traced: 4 reads started from an event handler took 110–130 ms there).
  | { kind: "check"; id: number; name: string; file: Blob; type?: DocTypeId }
  | { kind: "annotate"; id: number; files: { name: string; file: Blob; type?: DocTypeId }[]; author: string; zip: boolean };

export type FromWorker =
  // The report goes as a JSON string with the row's summary beside it: a string crosses to the page as one copy, while
  // an object graph of outline and findings is rebuilt there node by node, on the page's main thread (traced at about
  // 1.4 ms a file, 281 ms for 200). The page parses the string only when the file is opened or exported.
  | { kind: "report"; id: number; summary: RowSummary; json: string }
  | { kind: "annotated"; id: number; name: string; bytes: ArrayBuffer; failed: { name: string; error: string }[] }
  | { kind: "failed"; id: number; error: string };
