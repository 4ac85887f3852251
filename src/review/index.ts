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
import { groupBySection, headingLines, matchesFilter, reportsToCsv, rowWindow, secondsLeft, SEVERITY_NAME, sortRows, summarize, type Row, type SortKey, type StatusFilter } from "./model";
import type { FromWorker, ToWorker, WorkerReady } from "./protocol";

interface Entry extends Row {
  file: File;
  /** The type the reviewer chose for this file (re-checked with it), or undefined for the detected one. */
  chosenType?: DocTypeId;
  /** The report as the worker sent it (a JSON string), parsed on first use by `reportOf`. */
  json?: string;
  report?: FileReport;
  /** The row as last drawn; kept while it scrolls out of the window, rebuilt when `stale`. */
  tr?: HTMLTableRowElement;
  /** The row drawn is older than the summary (rebuilt when it is next in the window). */
  stale?: boolean;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
/** Writes only what changed: an unchanged text or attribute written again still makes the browser lay the page out. */
const setText = (e: HTMLElement, text: string) => e.textContent !== text && (e.textContent = text);
const setAttr = (e: Element, name: string, value: string) => e.getAttribute(name) !== value && e.setAttribute(name, value);
const setHidden = (e: HTMLElement, hidden: boolean) => e.hidden !== hidden && (e.hidden = hidden);

const entries: Entry[] = [];
let nextId = 1;
let sortKey: SortKey | null = null;
let sortDescending = false;
let selected: number | null = null;
let skipped = 0;

function reportOf(entry: Entry): FileReport | undefined {
  if (!entry.report && entry.json !== undefined) entry.report = JSON.parse(entry.json) as FileReport;
  return entry.report;
}

// ---- workers -------------------------------------------------------------------------------------------------------

/** One worker per core, at most four: the page's own thread has little to do (it draws only the rows in view), and
 * each worker holds its own copy of the typo lexicon. On the usual two cores: two. */
const WORKERS = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
/** Files handed to each worker at once: it reads the next while it checks one (reading a File there waits on the browser). */
const IN_FLIGHT_PER_WORKER = 8;
interface Slot {
  worker: Worker;
  busy: number;
}
const slots: Slot[] = [];
let readyWorkers = 0;

/** Every worker has its core and lexicon loaded: the page says so beside the file buttons (and in data-checkers). */
function workerReady(): void {
  if (++readyWorkers < slots.length) return;
  document.documentElement.dataset.checkers = "ready";
  setText($("checkers"), "检查程序已就绪");
}
const waiting = new Map<number, (m: FromWorker) => void>();

/** Starts the workers; called when the page opens, so that their start-up (the core and the lexicon, over a second
 * each on a slow machine) is done, or under way, before the first file is dropped. */
function startWorkers(): void {
  for (let i = slots.length; i < WORKERS; i++) {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { name: `审核台-${i + 1}` });
    const s: Slot = { worker, busy: 0 };
    worker.onmessage = (e: MessageEvent<FromWorker | WorkerReady>) => {
      if (e.data.kind === "ready") return workerReady();
      s.busy--;
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.(e.data);
      pump();
    };
    slots.push(s);
  }
}

function ask(m: ToWorker): Promise<FromWorker> {
  startWorkers();
  const s = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
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
  listChanged();
}

/** Hands the next file to a worker, one per task: posting a File makes the browser answer a synchronous call (traced
 * as one blink.mojom.Blob reply per file), about 1 ms each on a loaded machine and more when it stalls, so the first
 * sixteen files are posted in sixteen short tasks rather than one long one. */
const nextPump = new MessageChannel();
nextPump.port1.onmessage = () => pump();
function pump(): void {
  if (!queue.length || slots.reduce((n, s) => n + s.busy, 0) >= WORKERS * IN_FLIGHT_PER_WORKER) return;
  void check(queue.shift() as Entry);
  if (queue.length) nextPump.port2.postMessage(null);
}

/** The report of a file, and what its row shows, as the page keeps them. */
function setReport(entry: Entry, reply: FromWorker): void {
  if (reply.kind === "report") {
    entry.summary = reply.summary;
    entry.json = reply.json;
    entry.report = undefined;
    return;
  }
  const report = errorReport(entry.name, reply.kind === "failed" ? reply.error : "检查失败。");
  entry.summary = summarize(report);
  entry.json = undefined;
  entry.report = report;
}

async function check(entry: Entry): Promise<void> {
  batch.current = entry.name;
  let reply: FromWorker;
  try {
    reply = await ask({ kind: "check", id: entry.id, name: entry.name, file: entry.file, type: entry.chosenType });
  } catch (e) {
    reply = { kind: "failed", id: entry.id, error: `无法读取文件：${(e as Error).message}` };
  }
  entry.pending = false;
  setReport(entry, reply);
  entry.stale = true;
  batch.done++;
  if (selected === entry.id) renderDetail();
  fileFinished();
}

function recheck(entry: Entry, type: DocTypeId | undefined): void {
  entry.chosenType = type;
  entry.pending = true;
  entry.stale = true;
  if (batch.done >= batch.total) batch = { started: performance.now(), total: 0, done: 0, current: "" };
  batch.total++;
  queue.push(entry);
  pump();
  listChanged();
}

// ---- rendering -----------------------------------------------------------------------------------------------------
// The table is virtualised: only the rows in its scrolled view, and a few either side, are in the document; spacers
// above and below stand for the others. A frame then lays out and paints some thirty rows, whatever the number of
// files (with all 200 drawn, each frame of a batch spent 15–25 ms on layout alone, and the longest task reached
// 150–280 ms on a loaded machine). Every row keeps one height (CSS clamps its cells to two lines), measured from a
// drawn row, so that a scroll position maps to a row by division.

/** Rows drawn either side of the view. */
const OVERSCAN = 8;
/** Row and header heights in px: a first guess, replaced by the heights measured once rows are drawn. */
let rowHeight = 53;
let headHeight = 36;
let measured = false;
/** The entries the filter lets through, in the sorted order; recomputed when `orderChanged`. */
let shown: Entry[] = [];
let orderChanged = true;

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

/** Something that may change which rows pass the filter, or their order: files added, a filter, a sort. */
function listChanged(): void {
  orderChanged = true;
  scheduleRender();
}

/** While a batch runs, finished files are drawn at most ten times a second rather than at every frame: the progress
 * and the rows in view still move steadily, and the page's thread leaves the cores to the workers. The last file of
 * a batch is drawn at the next frame. */
const BATCH_REDRAW_MS = 100;
let lastRender = -Infinity;
let redrawTimer = 0;
function fileFinished(): void {
  orderChanged = true;
  const wait = lastRender + BATCH_REDRAW_MS - performance.now();
  if (batch.done >= batch.total || wait <= 0) return scheduleRender();
  redrawTimer ||= window.setTimeout(() => {
    redrawTimer = 0;
    scheduleRender();
  }, wait);
}

function renderProgress(): void {
  const box = $("progress");
  const bar = $<HTMLProgressElement>("progress-bar");
  const text = $("progress-text");
  setHidden(box, !batch.total);
  if (!batch.total) return;
  if (bar.max !== batch.total) bar.max = batch.total;
  if (bar.value !== batch.done) bar.value = batch.done;
  if (batch.done >= batch.total) {
    if (box.dataset.state !== "done") setText(text, `检查完成：${batch.total} 个文件，用时 ${((performance.now() - batch.started) / 1000).toFixed(1)} 秒。`);
    setAttr(box, "data-state", "done");
    return;
  }
  setAttr(box, "data-state", "running");
  const left = secondsLeft(performance.now() - batch.started, batch.done, batch.total);
  setText(text, `正在检查第 ${batch.done + 1} / ${batch.total} 个：${batch.current}${left !== undefined ? `，约剩 ${left} 秒` : ""}`);
}

function typeCell(entry: Entry): HTMLTableCellElement {
  const td = el("td");
  const s = entry.summary;
  if (entry.pending || !s || s.error !== undefined) {
    td.textContent = entry.pending ? "…" : "—";
    return td;
  }
  const select = el("select", { title: "识别错了可以改：按所选类型重新检查" });
  select.setAttribute("aria-label", `${entry.name} 的材料类型`);
  for (const t of DOC_TYPES) {
    const o = el("option", { value: t.id, textContent: t.name + (t.id === s.type?.id && !entry.chosenType ? "（自动）" : "") });
    if (t.id === s.type?.id) o.selected = true;
    select.append(o);
  }
  select.addEventListener("change", () => recheck(entry, select.value as DocTypeId));
  td.append(select);
  return td;
}

function rowFor(entry: Entry): HTMLTableRowElement {
  if (entry.tr && !entry.stale) return entry.tr;
  entry.stale = false;
  const s = entry.summary;
  const tr = el("tr");
  tr.dataset.id = String(entry.id);
  const open = el("button", { className: "link clamp", textContent: entry.name, title: entry.name });
  open.addEventListener("click", () => select(entry.id));
  tr.append(el("td", { className: "name" }, open), typeCell(entry));
  if (entry.pending || !s) {
    tr.className = "pending";
    tr.append(el("td", { colSpan: 5, className: "muted", textContent: entry.pending ? "等待检查…" : "" }));
  } else if (s.error !== undefined) {
    tr.className = "unreadable";
    tr.append(el("td", { colSpan: 5, className: "error-text" }, el("div", { className: "clamp", title: s.error, textContent: `无法读取：${s.error}` })));
  } else {
    const c = s.counts;
    tr.className = c.error ? "has-error" : c.warning ? "has-warning" : "clean";
    const missing = s.missing.join("、");
    tr.append(
      el("td", { className: `num${c.error ? " error-text" : ""}`, textContent: String(c.error) }),
      el("td", { className: "num", textContent: String(c.warning) }),
      el("td", { className: "num", textContent: String(c.info) }),
      el("td", { className: "missing" }, el("div", { className: "clamp", title: missing, textContent: missing || "—" })),
      el(
        "td",
        { className: "first" },
        ...(s.first.length
          ? s.first.map((f) => {
              const line = `第${f.paragraph + 1}段 ${f.message}`;
              return el("div", { title: `${SEVERITY_NAME[f.severity]} ${line}` }, el("span", { className: `sev ${f.severity}`, textContent: SEVERITY_NAME[f.severity] }), ` ${line}`);
            })
          : ["未发现问题"]),
      ),
    );
  }
  if (entry.id === selected) tr.classList.add("selected");
  // A row that held the focus is replaced by its new version: the focus moves with it.
  const focused = entry.tr?.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
  entry.tr?.replaceWith(tr);
  if (focused) ((focused.tagName === "SELECT" && tr.querySelector("select")) || open).focus({ preventScroll: true });
  entry.tr = tr;
  return tr;
}

function visibleEntries(): Entry[] {
  const text = $<HTMLInputElement>("filter-text").value.trim();
  const status = $<HTMLSelectElement>("filter-status").value as StatusFilter;
  const passing = entries.filter((e) => matchesFilter(e, text, status));
  return sortKey ? (sortRows(passing, sortKey, sortDescending) as Entry[]) : passing;
}

/** Puts exactly `rows` in `tbody`, in order, moving as few as possible: a row moved (taken out and put back) loses the
 * keyboard focus, so rows that stay are left where they are, and a focused row about to go hands the focus to the
 * table's box (which scrolls with the keyboard) instead of to the page. */
function placeRows(tbody: HTMLElement, rows: HTMLTableRowElement[]): void {
  const keep = new Set(rows);
  for (const tr of Array.from(tbody.children) as HTMLTableRowElement[]) {
    if (keep.has(tr)) continue;
    if (tr.contains(document.activeElement)) $("table-box").focus({ preventScroll: true });
    tr.remove();
  }
  rows.forEach((tr, i) => {
    const at = tbody.children[i];
    if (at !== tr) tbody.insertBefore(tr, at ?? null);
  });
}

function setSpacer(id: string, height: number): void {
  const tbody = $(id);
  setHidden(tbody, height <= 0);
  const td = tbody.querySelector("td") as HTMLTableCellElement;
  const h = `${Math.max(0, height)}px`;
  if (td.style.height !== h) td.style.height = h;
}

function render(): void {
  lastRender = performance.now();
  // Reads first: the layout is still clean from the last frame, so they cost nothing.
  const box = $("table-box");
  const tbody = $("rows");
  if (!measured && tbody.firstElementChild) {
    rowHeight = (tbody.firstElementChild as HTMLElement).getBoundingClientRect().height || rowHeight;
    headHeight = $("table-head").getBoundingClientRect().height || headHeight;
    measured = true;
  }
  const scrollTop = box.scrollTop;
  const viewHeight = (box.clientHeight || window.innerHeight) - headHeight;

  renderProgress();
  if (orderChanged) {
    shown = visibleEntries();
    orderChanged = false;
  }
  const { first, end } = rowWindow(scrollTop, viewHeight, rowHeight, shown.length, OVERSCAN);
  const rows = shown.slice(first, end).map((entry, i) => {
    const tr = rowFor(entry);
    setAttr(tr, "aria-rowindex", String(first + i + 2));
    return tr;
  });
  placeRows(tbody, rows);
  setSpacer("rows-before", first * rowHeight);
  setSpacer("rows-after", (shown.length - end) * rowHeight);
  setAttr($("review-table"), "aria-rowcount", String(shown.length + 1));

  setHidden($("empty"), entries.length > 0);
  setHidden(box, entries.length === 0);
  let done = 0;
  let withErrors = 0;
  for (const e of entries) {
    if (!e.summary) continue;
    done++;
    if (e.summary.error !== undefined || e.summary.counts.error > 0) withErrors++;
  }
  setText(
    $("summary"),
    entries.length
      ? `共 ${entries.length} 个文件${shown.length !== entries.length ? `，显示 ${shown.length} 个` : ""}；${withErrors} 个有错误或无法读取。${skipped ? `已跳过 ${skipped} 个非文档文件（只检查 .docx、.txt）。` : ""}`
      : skipped
        ? `已跳过 ${skipped} 个非文档文件（只检查 .docx、.txt）。`
        : "",
  );
  for (const th of Array.from(document.querySelectorAll<HTMLElement>("th[data-sort]"))) {
    setAttr(th, "aria-sort", th.dataset.sort === sortKey ? (sortDescending ? "descending" : "ascending") : "none");
  }
  for (const id of ["export-html", "export-csv", "export-zip"]) {
    const button = $<HTMLButtonElement>(id);
    if (button.disabled !== (done === 0)) button.disabled = done === 0;
  }
  if (!measured && rows.length) scheduleRender(); // measure the drawn rows next frame, and fit the window to them
}

/** Moves the keyboard focus to the name of the row at `index` of the shown rows, scrolling it into view (and so into
 * the drawn window) first: the arrow keys, Page Up/Down, Home and End reach every row, not only those drawn. */
function focusRow(index: number): void {
  if (!shown.length) return;
  const i = Math.max(0, Math.min(shown.length - 1, index));
  const box = $("table-box");
  const view = box.clientHeight - headHeight;
  if (i * rowHeight < box.scrollTop) box.scrollTop = i * rowHeight;
  else if ((i + 1) * rowHeight > box.scrollTop + view) box.scrollTop = (i + 1) * rowHeight - view;
  render();
  shown[i].tr?.querySelector<HTMLButtonElement>("button.link")?.focus({ preventScroll: true });
}

function onRowsKey(e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  if (!target.matches("button.link")) return;
  const id = Number(target.closest("tr")?.dataset.id);
  const at = shown.findIndex((x) => x.id === id);
  if (at < 0) return;
  const page = Math.max(1, Math.floor(($("table-box").clientHeight - headHeight) / rowHeight) - 1);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: shown.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  focusRow(to);
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
  const r = reportOf(entry);
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
    .map(reportOf)
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
  const usable = list.filter((e) => e.summary && e.summary.error === undefined);
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
      const files = Array.from(input.files ?? []);
      input.value = "";
      // The files are taken in a task of their own: the browser delivers them in a task that is already long (it
      // creates a File per path, asking its own process each file's type: 14 ms of the page's CPU and 130 ms of wall
      // time for 200 files, traced on a loaded machine), and the first requests to the workers need not lengthen it.
      setTimeout(() => addFiles(files), 0);
    });
  }
  $("filter-text").addEventListener("input", listChanged);
  $("filter-status").addEventListener("change", listChanged);
  for (const th of Array.from(document.querySelectorAll<HTMLElement>("th[data-sort]"))) {
    const button = el("button", { className: "sort", textContent: th.textContent ?? "" });
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const key = th.dataset.sort as SortKey;
      sortDescending = sortKey === key ? !sortDescending : key !== "name" && key !== "type";
      sortKey = key;
      listChanged();
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
    listChanged();
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
  const box = $("table-box");
  box.addEventListener("scroll", scheduleRender, { passive: true });
  $("rows").addEventListener("keydown", onRowsKey);
  window.addEventListener("resize", () => {
    measured = false; // the zoom or the fonts may have changed the rows' height
    scheduleRender();
  });
  startWorkers();
  render();
}

declare global {
  interface Window {
    /** For end-to-end tests and the bench: the reports so far and whether the batch is finished. */
    __review?: { reports: () => (FileReport | undefined)[]; idle: () => boolean };
  }
}
window.__review = { reports: () => entries.map(reportOf), idle: () => !queue.length && entries.every((e) => !e.pending) };

start();
