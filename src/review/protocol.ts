// Messages between the reviewing page and its worker.
import type { DocTypeId } from "../core/model";
import type { FileReport } from "../core/report/fileReport";

export type ToWorker =
  | { kind: "check"; id: number; name: string; bytes: ArrayBuffer; type?: DocTypeId }
  | { kind: "annotate"; id: number; files: { name: string; bytes: ArrayBuffer; type?: DocTypeId }[]; author: string; zip: boolean };

export type FromWorker =
  | { kind: "report"; id: number; report: FileReport }
  | { kind: "annotated"; id: number; name: string; bytes: ArrayBuffer; failed: { name: string; error: string }[] }
  | { kind: "failed"; id: number; error: string };
