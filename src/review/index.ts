// The reviewing page (审核台): many drafts checked in Web Workers with the same core as `tigang check`; a sortable table,
// one file's findings and outline, and exports (HTML report, CSV, annotated copies). Nothing leaves the browser.
import { DOC_TYPES, type DocTypeId } from "../core/model";
import { inputKind } from "../core/io/readInput";
import type { FileReport } from "../core/report/fileReport";
import { errorReport } from "../core/report/fileReport";
import { formatReportsHtml } from "../core/report/formatHtml";
import { countBySeverity } from "../core/report/formatText";
import packageJson from "../../package.json";

const version = packageJson.version;
import { firstProblems, groupBySection, headingLines, matchesFilter, missingSections, reportsToCsv, secondsLeft, SEVERITY_NAME, sortRows, type Row, type SortKey, type StatusFilter } from "./model";
import type { FromWorker, ToWorker } from "./protocol";

interface Entry extends Row {
  file: File;
  /** The type the reviewer chose for this file (re-checked with it), or undefined for the detected one. */
  chosenType?: DocTypeId;
  tr?: HTMLTableRowElement;
  /** The row shown is older than the report (rebuilt in a later frame when many files finish at once). */
  stale?: boolean;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

const entries: Entry[] = [];
let nextId = 1;
let sortKey: SortKey | null = null;
let sortDescending = false;
let selected: number | null = null;
let skipped = 0;

// ---- workers -------------------------------------------------------------------------------------------------------

const WORKERS = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
/** Files handed to each worker at once: it reads the next while it checks one (reading a File there waits on the browser). */
const IN_FLIGHT_PER_WORKER = 32;
interface Slot {
  worker: Worker;
  busy: number;
}
const slots: Slot[] = [];
const waiting = new Map<number, (m: FromWorker) => void>();

function slot(): Slot {
  if (!slots.length) {
    for (let i = 0; i < WORKERS; i++) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url), { name: `审核台-${i + 1}` });
      const s: Slot = { worker, busy: 0 };
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        s.busy--;
        const done = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        done?.(e.data);
        pump();
      };
      slots.push(s);
    }
  }
  return slots.reduce((a, b) => (b.busy < a.busy ? b : a));
}

function ask(m: ToWorker): Promise<FromWorker> {
  const s = slot();
  s.busy++;
  return new Promise((resolve) => {
    waiting.set(m.id, resolve);
    s.worker.postMessage(m);
  });
}

// ---- the batch -----------------------------------------------------------------------------------------------------

const queue: Entry[] = [];
let batch = { started: 0, total: 0, done: 0, current: "" };
let requestId = 1_000_000;

function addFiles(files: File[]): void {
  const fresh: Entry[] = [];
  for (const file of files) {
    const name = (file as File & { relativePath?: string }).relativePath || file.webkitRelativePath || file.name;
    if (inputKind(name) === "other") {
      skipped++;
      continue;
    }
    // The file is not touched here (not even File.size, which may ask the disk): the worker reads it.
    const entry: Entry = { id: nextId++, name, file, pending: true };
    fresh.push(entry);
    entries.push(entry);
  }
  if (batch.done >= batch.total) batch = { started: performance.now(), total: 0, done: 0, current: "" };
  batch.total += fresh.length;
  queue.push(...fresh);
  pump();
  scheduleRender();
}

function pump(): void {
  while (queue.length && slots.reduce((n, s) => n + s.busy, 0) < WORKERS * IN_FLIGHT_PER_WORKER) {
    const entry = queue.shift() as Entry;
    void check(entry);
  }
}

async function check(entry: Entry): Promise<void> {
  batch.current = entry.name;
  let reply: FromWorker;
  try {
    reply = await ask({ kind: "check", id: entry.id, name: entry.name, file: entry.file, type: entry.chosenType });
  } catch (e) {
    reply = { kind: "report", id: entry.id, report: errorReport(entry.name, `无法读取文件：${(e as Error).message}`) };
  }
  entry.pending = false;
  entry.report = reply.kind === "report" ? reply.report : errorReport(entry.name, reply.kind === "failed" ? reply.error : "检查失败。");
  entry.stale = true;
  batch.done++;
  if (selected === entry.id) renderDetail();
  scheduleRender();
}

function recheck(entry: Entry, type: DocTypeId | undefined): void {
  entry.chosenType = type;
  entry.pending = true;
  entry.tr = undefined;
  if (batch.done >= batch.total) batch = { started: performance.now(), total: 0, done: 0, current: "" };
  batch.total++;
  queue.push(entry);
  pump();
  scheduleRender();
}

// ---- rendering -----------------------------------------------------------------------------------------------------

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

function renderProgress(): void {
  const box = $("progress");
  const bar = $<HTMLProgressElement>("progress-bar");
  const text = $("progress-text");
  if (!batch.total) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  bar.max = batch.total;
  bar.value = batch.done;
  if (batch.done >= batch.total) {
    text.textContent = `检查完成：${batch.total} 个文件，用时 ${((performance.now() - batch.started) / 1000).toFixed(1)} 秒。`;
    box.dataset.state = "done";
    return;
  }
  box.dataset.state = "running";
  const left = secondsLeft(performance.now() - batch.started, batch.done, batch.total);
  text.textContent = `正在检查第 ${batch.done + 1} / ${batch.total} 个：${batch.current}${left !== undefined ? `，约剩 ${left} 秒` : ""}`;
}

function typeCell(entry: Entry): HTMLTableCellElement {
  const td = el("td");
  const r = entry.report;
  if (!r || r.error) {
    td.textContent = entry.pending ? "…" : "—";
    return td;
  }
  const select = el("select", { title: "识别错了可以改：按所选类型重新检查" });
  select.setAttribute("aria-label", `${entry.name} 的材料类型`);
  for (const t of DOC_TYPES) {
    const o = el("option", { value: t.id, textContent: t.name + (t.id === r.type?.id && !entry.chosenType ? "（自动）" : "") });
    if (t.id === r.type?.id) o.selected = true;
    select.append(o);
  }
  select.addEventListener("change", () => recheck(entry, select.value as DocTypeId));
  td.append(select);
  return td;
}

/** Rows rebuilt per frame at most: a burst of finished files is drawn over a few frames, keeping each frame short. */
const ROWS_PER_FRAME = 24;
let rowBudget = Infinity;

function rowFor(entry: Entry): HTMLTableRowElement {
  if (entry.tr && (!entry.stale || rowBudget <= 0)) {
    if (entry.stale) scheduleRender();
    return entry.tr;
  }
  rowBudget--;
  entry.stale = false;
  const r = entry.report;
  const tr = el("tr");
  tr.dataset.id = String(entry.id);
  const open = el("button", { className: "link", textContent: entry.name, title: "查看此文件的问题与提纲" });
  open.addEventListener("click", () => select(entry.id));
  tr.append(el("td", { className: "name" }, open), typeCell(entry));
  if (entry.pending || !r) {
    tr.className = "pending";
    tr.append(el("td", { colSpan: 5, className: "muted", textContent: entry.pending ? "等待检查…" : "" }));
  } else if (r.error) {
    tr.className = "unreadable";
    tr.append(el("td", { colSpan: 5, className: "error-text", textContent: `无法读取：${r.error}` }));
  } else {
    const c = countBySeverity(r.findings);
    tr.className = c.error ? "has-error" : c.warning ? "has-warning" : "clean";
    const missing = missingSections(r.findings);
    const first = firstProblems(r.findings);
    tr.append(
      el("td", { className: `num${c.error ? " error-text" : ""}`, textContent: String(c.error) }),
      el("td", { className: "num", textContent: String(c.warning) }),
      el("td", { className: "num", textContent: String(c.info) }),
      el("td", { className: "missing", textContent: missing.join("、") || "—" }),
      el("td", { className: "first" }, ...(first.length ? first.map((f) => el("div", {}, el("span", { className: `sev ${f.severity}`, textContent: SEVERITY_NAME[f.severity] }), ` 第${f.paragraph + 1}段 ${f.message}`)) : ["未发现问题"])),
    );
  }
  if (entry.id === selected) tr.classList.add("selected");
  entry.tr = tr;
  return tr;
}

function visibleEntries(): Entry[] {
  const text = $<HTMLInputElement>("filter-text").value.trim();
  const status = $<HTMLSelectElement>("filter-status").value as StatusFilter;
  const shown = entries.filter((e) => matchesFilter(e, text, status));
  return sortKey ? (sortRows(shown, sortKey, sortDescending) as Entry[]) : shown;
}

function render(): void {
  renderProgress();
  const tbody = $("rows");
  const shown = visibleEntries();
  rowBudget = ROWS_PER_FRAME;
  const rows = shown.map(rowFor);
  // Reorder in place: rows already in the table are moved, not rebuilt.
  const current = Array.from(tbody.children);
  if (current.length !== rows.length || new Set(rows).size !== rows.length) tbody.replaceChildren(...rows);
  else {
    // The same rows, some rebuilt (a file finished): swap just those, so a batch of 200 does not relayout the table per file.
    const kept = new Set(current);
    if (rows.every((r, i) => r === current[i] || !kept.has(r))) rows.forEach((r, i) => r !== current[i] && current[i].replaceWith(r));
    else tbody.replaceChildren(...rows);
  }
  $("empty").hidden = entries.length > 0;
  $("table-box").hidden = entries.length === 0;
  const done = entries.filter((e) => e.report);
  const withErrors = done.filter((e) => e.report?.error || e.report?.findings.some((f) => f.severity === "error")).length;
  $("summary").textContent = entries.length
    ? `共 ${entries.length} 个文件${shown.length !== entries.length ? `，显示 ${shown.length} 个` : ""}；${withErrors} 个有错误或无法读取。${skipped ? `已跳过 ${skipped} 个非文档文件（只检查 .docx、.txt）。` : ""}`
    : skipped
      ? `已跳过 ${skipped} 个非文档文件（只检查 .docx、.txt）。`
      : "";
  for (const th of Array.from(document.querySelectorAll<HTMLElement>("th[data-sort]"))) {
    th.setAttribute("aria-sort", th.dataset.sort === sortKey ? (sortDescending ? "descending" : "ascending") : "none");
  }
  const ready = done.length > 0;
  for (const id of ["export-html", "export-csv", "export-zip"]) $<HTMLButtonElement>(id).disabled = !ready;
}

function select(id: number): void {
  const before = entries.find((e) => e.id === selected);
  if (before?.tr) before.tr.classList.remove("selected");
  selected = id;
  entries.find((e) => e.id === id)?.tr?.classList.add("selected");
  renderDetail();
  $("detail").scrollIntoView({ block: "start" });
}

function renderDetail(): void {
  const box = $("detail");
  const entry = entries.find((e) => e.id === selected);
  if (!entry) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const r = entry.report;
  const head = el("div", { className: "detail-head" }, el("h2", { textContent: entry.name }));
  const close = el("button", { textContent: "关闭", className: "secondary" });
  close.addEventListener("click", () => {
    selected = null;
    entry.tr?.classList.remove("selected");
    renderDetail();
  });
  if (!r || entry.pending) {
    box.replaceChildren(head, el("p", { className: "muted", textContent: "正在检查…" }));
    return;
  }
  if (r.error) {
    box.replaceChildren(head, el("p", { className: "error-text", textContent: `无法读取：${r.error}` }));
    head.append(close);
    return;
  }
  const annotate = el("button", { textContent: "下载批注副本", title: "原文件加上 Word 批注，每个问题一条" });
  annotate.addEventListener("click", () => void downloadAnnotated([entry], false));
  head.append(annotate, close);
  const c = countBySeverity(r.findings);
  const info = el("p", { className: "muted", textContent: `类型：${r.type?.name ?? "未知"}（置信度 ${Math.round((r.type?.confidence ?? 0) * 100)}%）；段落 ${r.paragraphs}；错误 ${c.error}、警告 ${c.warning}、提示 ${c.info}` });
  const findings = el("section", { className: "findings" }, el("h3", { textContent: "问题（按部分）" }));
  const groups = groupBySection(r);
  if (!groups.length) findings.append(el("p", { textContent: "未发现问题。" }));
  for (const g of groups) {
    const list = el("ol");
    for (const f of g.findings) {
      const li = el("li", { className: f.severity }, el("span", { className: `sev ${f.severity}`, textContent: SEVERITY_NAME[f.severity] }), ` 第${f.paragraph + 1}段 `, el("span", { textContent: f.message }));
      if (f.quote) li.append(el("div", { className: "quote", textContent: `「${f.quote}」` }));
      if (f.replacement !== undefined) li.append(el("div", { className: "fix", textContent: `建议改为：${f.replacement || "（删除）"}` }));
      li.append(el("div", { className: "rule", textContent: f.rule }));
      list.append(li);
    }
    findings.append(el("h4", { textContent: `${g.title}（${g.findings.length}）` }), list);
  }
  const tree = el("section", { className: "outline" }, el("h3", { textContent: "提纲（标题与作用）" }));
  const lines = headingLines(r.outline);
  if (!lines.length) tree.append(el("p", { textContent: "未识别到标题。" }));
  const ul = el("ul");
  for (const l of lines) {
    const li = el("li", { textContent: l.text });
    li.style.paddingLeft = `${l.depth * 1.5}em`;
    if (l.role) li.append(el("span", { className: "role", textContent: l.role }));
    li.append(el("span", { className: "muted", textContent: ` 第${l.paragraph}段` }));
    ul.append(li);
  }
  tree.append(ul);
  box.replaceChildren(head, info, el("div", { className: "detail-body" }, findings, tree));
}

// ---- exports -------------------------------------------------------------------------------------------------------

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function doneReports(): FileReport[] {
  return visibleEntries()
    .map((e) => e.report)
    .filter((r): r is FileReport => !!r);
}

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function status(message: string, error = false): void {
  const s = $("status");
  s.textContent = message;
  s.className = error ? "error-text" : "";
}

async function downloadAnnotated(list: Entry[], zip: boolean): Promise<void> {
  const author = $<HTMLInputElement>("author").value.trim() || "审核";
  const usable = list.filter((e) => e.report && !e.report.error);
  if (!usable.length) return status("没有可以加批注的文件（无法读取的文件不能加批注）。", true);
  status(zip ? `正在生成 ${usable.length} 个批注副本…` : "正在生成批注副本…");
  const files = usable.map((e) => ({ name: e.name, file: e.file, type: e.chosenType }));
  const reply = await ask({ kind: "annotate", id: requestId++, files, author, zip });
  if (reply.kind !== "annotated") return status(reply.kind === "failed" ? reply.error : "生成失败。", true);
  download(reply.name, new Blob([reply.bytes], { type: zip ? "application/zip" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
  status(reply.failed.length ? `已下载；${reply.failed.length} 个文件未能加批注：${reply.failed.map((f) => `${f.name}（${f.error}）`).join("；")}` : `已下载 ${reply.name}。`, reply.failed.length > 0);
}

// ---- adding files --------------------------------------------------------------------------------------------------

/** Files under a dropped folder (webkitGetAsEntry), with their path inside it as the name. */
async function filesOfEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    Object.defineProperty(file, "relativePath", { value: entry.fullPath.replace(/^\//, "") });
    return [file];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: File[] = [];
  // readEntries returns at most 100 entries a call: call until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    for (const child of batch) out.push(...(await filesOfEntry(child)));
  }
  return out;
}

async function onDrop(e: DragEvent): Promise<void> {
  e.preventDefault();
  $("drop").classList.remove("over");
  const items = Array.from(e.dataTransfer?.items ?? []);
  const entriesOf = items.map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
  if (entriesOf.length) {
    const files: File[] = [];
    for (const entry of entriesOf) files.push(...(await filesOfEntry(entry)));
    addFiles(files);
  } else addFiles(Array.from(e.dataTransfer?.files ?? []));
}

function start(): void {
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => void onDrop(e));
  // A file dropped beside the zone must not navigate away from the page and lose the table.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  for (const id of ["choose-files", "choose-folder"]) {
    const input = $<HTMLInputElement>(id);
    input.addEventListener("change", () => {
      addFiles(Array.from(input.files ?? []));
      input.value = "";
    });
  }
  $("filter-text").addEventListener("input", scheduleRender);
  $("filter-status").addEventListener("change", scheduleRender);
  for (const th of Array.from(document.querySelectorAll<HTMLElement>("th[data-sort]"))) {
    const button = el("button", { className: "sort", textContent: th.textContent ?? "" });
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const key = th.dataset.sort as SortKey;
      sortDescending = sortKey === key ? !sortDescending : key !== "name" && key !== "type";
      sortKey = key;
      scheduleRender();
    });
  }
  $("export-html").addEventListener("click", () => download(`提纲助手检查报告-${stamp()}.html`, new Blob([formatReportsHtml(doneReports(), version)], { type: "text/html;charset=utf-8" })));
  $("export-csv").addEventListener("click", () => download(`提纲助手检查结果-${stamp()}.csv`, new Blob([reportsToCsv(doneReports())], { type: "text/csv;charset=utf-8" })));
  $("export-zip").addEventListener("click", () => void downloadAnnotated(visibleEntries(), true));
  $("clear").addEventListener("click", () => {
    if (queue.length || batch.done < batch.total) return status("请等当前检查完成后再清空。", true);
    entries.length = 0;
    skipped = 0;
    selected = null;
    batch = { started: 0, total: 0, done: 0, current: "" };
    renderDetail();
    status("");
    scheduleRender();
  });
  const author = $<HTMLInputElement>("author");
  try {
    author.value = localStorage.getItem("tigang.review.author") || "审核";
  } catch {
    author.value = "审核";
  }
  author.addEventListener("change", () => {
    try {
      localStorage.setItem("tigang.review.author", author.value.trim());
    } catch {
      /* storage off: the name lasts for this visit */
    }
  });
  $("version").textContent = version;
  render();
}

declare global {
  interface Window {
    /** For end-to-end tests and the bench: the reports so far and whether the batch is finished. */
    __review?: { reports: () => (FileReport | undefined)[]; idle: () => boolean };
  }
}
window.__review = { reports: () => entries.map((e) => e.report), idle: () => !queue.length && entries.every((e) => !e.pending) };

start();
