// Messages between the reviewing page and its worker.
import type { DocTypeId } from "../core/model";
import type { FileReport } from "../core/report/fileReport";

export type ToWorker =
  // Files go to the worker as File handles: reading them (even File.size) can wait on the disk, and that must not be
  // the page's main thread (traced: 4 reads started from an event handler took 110–130 ms there).
  | { kind: "check"; id: number; name: string; file: Blob; type?: DocTypeId }
  | { kind: "annotate"; id: number; files: { name: string; file: Blob; type?: DocTypeId }[]; author: string; zip: boolean };

export type FromWorker =
  | { kind: "report"; id: number; report: FileReport }
  | { kind: "annotated"; id: number; name: string; bytes: ArrayBuffer; failed: { name: string; error: string }[] }
  | { kind: "failed"; id: number; error: string };
