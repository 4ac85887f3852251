/** 文字：固定提法须用规范表述、按规定顺序列举、列举完整（如“四个自信：道路自信、理论自信、制度自信、文化自信”）。 */
import { formulationEntries, outdatedFormulations, type FormulationEntry } from "../data";
import type { ReportInput, Rule, Severity } from "../types";
import { insideLonger, paragraphText, PhraseMatcher } from "./common";
import { toChineseNumber } from "../../numbering";

/**
 * One matcher for every phrase the rule knows: a wrong form (from the data, or a name with the wrong count or classifier
 * generated from the entry's name), a right form that shadows wrong ones inside it, and the members of lists.
 */
type FormulationPhrase =
  | { text: string; kind: "wrong"; right: string; entry: FormulationEntry; guards?: string[]; severity?: Severity; variant?: "count" | "short" }
  | { text: string; kind: "ok" }
  | { text: string; kind: "member"; entry: FormulationEntry; index: number; outdated: boolean };

interface Item {
  /** The member's index, or -1 for an item that is not a member (a substituted or extra one). */
  index: number;
  start: number;
  end: number;
  outdated: boolean;
}

interface Model {
  matcher: PhraseMatcher<FormulationPhrase>;
  /** Per entry: the names it is known by, its members' common affixes, its longest member, and the severity its source allows. */
  info: Map<FormulationEntry, EntryInfo>;
  outdated: { id: string; trigger: string; re: RegExp; unless: RegExp | null; message: string; severity: Severity }[];
  patterns: { entry: FormulationEntry; trigger: string; re: RegExp; right: string }[];
  /** Wrong counts and classifiers of counted names, and the expression that finds any counted name of those suffixes. */
  variants: Map<string, Extract<FormulationPhrase, { kind: "wrong" }>>;
  countedName: RegExp;
  /** Any trigger of `patterns` or `outdated`. */
  triggers: RegExp;
}

interface EntryInfo {
  names: string[];
  /** The counted name with the other counts (三个意识 for 四个意识), to catch a list labelled with the wrong count. */
  otherCounts: string[];
  prefix: string;
  suffix: string;
  longest: number;
  /** Canonical form of each member (the first of its "a|b" forms). */
  members: string[];
  /** An entry checked against a primary source reports errors; one without a source only 提示. */
  severity: Severity;
}

const NUMS = ["两", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const CLASSIFIERS = ["个", "种", "大", "项"];
/** A name with a count: 四个意识, 六大纪律, 四种形态, 四项基本原则. */
const COUNTED_NAME = /^([一两二三四五六七八九十])([个种大项])(.{2,})$/;
/** What may stand between a formulation's name and its list: a colon, 即, a comma, or an opening bracket. */
const NAME_BEFORE = /^[”"’」』]*\s*(?:[：:]|[，,]?(?:即|就是|也就是|包括|主要是|是)|[，,]|[（(])?\s*[“"‘「『]*$/;
/** What may stand between a list and the name after it: “……等六大纪律”, “……“五位一体”总体布局”. */
const NAME_AFTER = /^[”"’」』]*\s*(?:等|的|这|这一|这些)?\s*[“"‘「『]*$/;
/** Separators between list items; quotes around items are stripped first. */
const SPLIT = /以及|[、，,；;和及与同]/;
const QUOTES = /[“”"‘’「」『』\s]/g;
/** An item that is not a member, after a separator at the end of a list: “……、服务意识。”. */
const TRAILING = /^[”"’」』]?\s*(?:、|和|及|以及)\s*[“"‘「『]?([^、，,；;。！？!?：:“”"‘’「」『』（）()\s和及与等的]{2,16})(?:[”"’」』]|(?=[。；;！？!?，,）)“「的]|等|$))/;

let model: Model | null = null;

function commonPrefix(a: string[]): string {
  if (!a.length) return "";
  let p = a[0];
  for (const s of a) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function commonSuffix(a: string[]): string {
  if (!a.length) return "";
  let p = a[0];
  for (const s of a) while (!s.endsWith(p)) p = p.slice(1);
  return p;
}

function buildModel(): Model {
  const entries = formulationEntries();
  const phrases: FormulationPhrase[] = [];
  const info = new Map<FormulationEntry, EntryInfo>();
  const known = new Set<string>();
  // Names with another count or classifier: found by one regular expression per paragraph, not by the phrase matcher,
  // whose buckets for 两/三/四… would otherwise hold hundreds of them.
  const variants = new Map<string, Extract<FormulationPhrase, { kind: "wrong" }>>();
  const suffixes = new Set<string>();
  for (const e of entries) {
    for (const n of [e.name, ...(e.aliases ?? [])]) if (n) known.add(n);
    known.add(e.canonical);
    for (const a of e.alsoCorrect ?? []) known.add(a);
  }
  for (const e of entries) {
    const forms = e.members.map((m) => m.split("|"));
    const members = forms.map((f) => f[0]);
    const names = [e.name, ...(e.aliases ?? [])].filter((n): n is string => !!n);
    const severity: Severity = e.source ? "error" : "info";
    const counted = names.map((nm) => COUNTED_NAME.exec(nm)).find((m) => m);
    const countable = !!counted && (e.closed || e.counted);
    info.set(e, {
      names,
      otherCounts: countable ? NUMS.map((num) => num + counted[2] + counted[3]).filter((v) => !names.includes(v) && !(counted[1] === "两" && v === "二" + counted[2] + counted[3])) : [],
      prefix: members.length >= 2 ? commonPrefix(members) : "",
      suffix: members.length >= 2 ? commonSuffix(members) : "",
      longest: Math.max(0, ...members.map((m) => m.length)),
      members,
      severity,
    });
    for (const w of e.wrong) phrases.push({ text: w.text, kind: "wrong", right: w.right, entry: e, guards: w.guards, severity: w.severity });
    forms.forEach((f, index) => {
      for (const text of f) phrases.push({ text, kind: "member", entry: e, index, outdated: false });
    });
    for (const o of e.outdatedMembers ?? []) phrases.push({ text: o.text, kind: "member", entry: e, index: o.index, outdated: true });
    // A counted name written with another count (三个意识) or classifier (四种意识); never a name some entry has.
    for (const name of names) {
      phrases.push({ text: name, kind: "ok" });
      const m = COUNTED_NAME.exec(name);
      if (!m || !countable) continue;
      for (const num of NUMS) {
        for (const cl of CLASSIFIERS) {
          const v = num + cl + m[3];
          if (v === name || known.has(v) || (num === "二" && m[1] === "两" && cl === m[2])) continue;
          if ((num === m[1] || (num === "二" && m[1] === "两")) && cl === m[2]) continue;
          const variant = num === m[1] || (num === "二" && m[1] === "两") ? "short" : "count";
          if (variant === "short" && cl !== "个" && m[2] !== "个") continue;
          variants.set(v, { text: v, kind: "wrong", right: name, entry: e, variant, severity: variant === "short" && m[2] !== "个" ? "warning" : undefined });
          suffixes.add(m[3]);
        }
      }
    }
    for (const a of e.alsoCorrect ?? []) phrases.push({ text: a, kind: "ok" });
    if (!e.members.length) phrases.push({ text: e.canonical, kind: "ok" });
  }
  const patterns = entries.flatMap((entry) => (entry.patterns ?? []).map((p) => ({ entry, trigger: p.trigger, re: new RegExp(p.pattern, "gu"), right: p.right })));
  const outdated = outdatedFormulations().map((o) => ({
    id: o.id,
    trigger: o.trigger,
    re: new RegExp(o.pattern, "gu"),
    unless: o.unless ? new RegExp(o.unless, "u") : null,
    message: o.message,
    severity: "info" as Severity,
  }));
  const escaped = [...suffixes].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const countedName = new RegExp(`[${NUMS.join("")}][${CLASSIFIERS.join("")}](?:${escaped.join("|")})`, "gu");
  const triggers = new RegExp([...new Set([...patterns, ...outdated].map((x) => x.trigger))].map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "u");
  return { matcher: new PhraseMatcher(phrases), info, outdated, patterns, variants, countedName, triggers };
}

/** The sentence around [start, end): from the previous 。；！？ to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !"。；！？!?".includes(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !"。；！？!?".includes(text[b])) b++;
  return text.slice(a, b);
}

/** Where one of `names` stands right before `at` (a labelled list) or right after `end`; null when none does. */
function labelledAt(text: string, at: number, end: number, names: readonly string[]): { offset: number; name: string } | null {
  for (const name of names) {
    const from = Math.max(0, at - name.length - 8);
    const k = at - name.length >= 0 ? text.lastIndexOf(name, at - name.length) : -1;
    if (k >= from && NAME_BEFORE.test(text.slice(k + name.length, at))) return { offset: k, name };
    const j = text.indexOf(name, end);
    if (j >= 0 && j - end <= 8 && NAME_AFTER.test(text.slice(end, j))) return { offset: j, name };
  }
  return null;
}

/** Whether one of `names` is near the list (within 40 characters before it or 15 after). */
function near(text: string, at: number, end: number, names: readonly string[]): boolean {
  const window = text.slice(Math.max(0, at - 40), Math.min(text.length, end + 15));
  return names.some((n) => window.includes(n));
}

/** Characters two strings share (a substituted member often keeps some of the right one's: 奢侈之风 / 奢靡之风). */
function shared(a: string, b: string): number {
  let n = 0;
  for (const c of new Set(a)) if (b.includes(c)) n++;
  return n;
}

/** The items between two member hits: none, or one or two that are not members. Null when the text is not a list separator. */
function between(text: string, a: number, b: number, maxLen: number): Item[] | null {
  const raw = text.slice(a, b);
  if (raw.length > 2 * maxLen + 12) return null;
  const parts = raw.replace(QUOTES, "").split(SPLIT);
  if (parts.length === 1) return parts[0] === "" ? [] : null;
  if (parts[0] !== "" || parts[parts.length - 1] !== "") return null;
  const middle = parts.slice(1, -1);
  if (middle.length > 2) return null;
  const out: Item[] = [];
  let from = a;
  for (const p of middle) {
    if (p.length < 2 || p.length > maxLen + 2) return null;
    const k = text.indexOf(p, from);
    if (k < 0 || k >= b) return null;
    out.push({ index: -1, start: k, end: k + p.length, outdated: false });
    from = k + p.length;
  }
  return out;
}

export const formulation: Rule = {
  meta: {
    id: "formulation",
    name: "固定提法",
    severity: "error",
    fixable: true,
    description: "固定提法的规范表述、简称和数目、列举顺序、完整性、替换项，以及已过时的提法（四个意识、两个维护、四风等）",
    messages: {
      wrong: "提法有误：“{found}”应为“{expected}”",
      count: "提法数目有误：“{found}”应为“{expected}”（{members}）",
      short: "简称有误：“{found}”应为“{expected}”",
      order: "{name}的顺序应为“{expected}”，这里写成了“{found}”",
      incomplete: "“{name}”只列出了{count}项，缺少“{missing}”，应为“{expected}”",
      member: "“{name}”中的“{found}”不是其中一项，应为“{expected}”",
      outdatedMember: "“{found}”是“{name}”过去的提法，现为“{expected}”",
      outdated: "{message}",
    },
  },
  check(doc, report) {
    model ??= buildModel();
    const taken: [number, number][] = [];
    const shadow: [number, number][] = [];
    const { matcher, info } = model;
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      if (!text) continue;
      const found = matcher.findAll(text);
      // Most paragraphs leave both empty; setting an array's length is a runtime call even when it changes nothing.
      if (taken.length) taken.length = 0;
      if (shadow.length) shadow.length = 0;
      if (found.length) checkPhrases(text, i, found, info, report, taken, shadow);
      model.countedName.lastIndex = 0;
      for (let m = model.countedName.exec(text); m; m = model.countedName.exec(text)) {
        const v = model.variants.get(m[0]);
        const a = m.index;
        const b = a + m[0].length;
        // A right form shadows a wrong counted name over it, unless it lies wholly inside (五个必须 inside 五个必须坚持).
        if (!v || taken.some(([x, y]) => a < y && x < b) || shadow.some(([x, y]) => a < y && x < b && !(a <= x && y <= b))) continue;
        reportWrong(text, i, v, a, info, report);
        taken.push([a, b]);
      }
      // One test for every trigger of the patterns and the outdated table; most paragraphs have none.
      if (!model.triggers.test(text)) continue;
      for (const p of model.patterns) {
        if (!text.includes(p.trigger)) continue;
        p.re.lastIndex = 0;
        for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
          const right = p.right.replace(/\$(\d)/g, (_s, g: string) => m![Number(g)] ?? "").replace(/\{cn(\d)\}/g, (_s, g: string) => toChineseNumber(Number(String(m![Number(g)]).replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)))));
          if (right === m[0] || taken.some(([a, b]) => m!.index < b && a < m!.index + m![0].length)) continue;
          report({ messageId: "wrong", data: { found: m[0], expected: right }, paragraph: i, range: [m.index, m.index + m[0].length], fix: { text: right }, severity: info.get(p.entry)!.severity });
        }
      }
      for (const o of model.outdated) {
        if (!text.includes(o.trigger)) continue;
        o.re.lastIndex = 0;
        for (let m = o.re.exec(text); m; m = o.re.exec(text)) {
          if (o.unless && o.unless.test(sentenceAround(text, m.index, m.index + m[0].length))) continue;
          report({ messageId: "outdated", data: { message: o.message.replace("{found}", m[0]) }, paragraph: i, range: [m.index, m.index + m[0].length], severity: o.severity });
        }
      }
    }
  },
};

function checkPhrases(
  text: string,
  i: number,
  found: { entry: FormulationPhrase; offset: number }[],
  info: Map<FormulationEntry, EntryInfo>,
  report: (r: ReportInput) => void,
  taken: [number, number][],
  shadow: [number, number][],
): void {
  // Wrong forms: leftmost, longest; a right form (a name, a canonical text) shadows what lies inside it.
  let covered = 0;
  let byEntry: Map<FormulationEntry, Item[]> | null = null;
  for (const { entry: p, offset } of found) {
    if (p.kind === "member") {
      byEntry ??= new Map();
      let l = byEntry.get(p.entry);
      if (!l) byEntry.set(p.entry, (l = []));
      const last = l[l.length - 1];
      const hit = { index: p.index, start: offset, end: offset + p.text.length, outdated: p.outdated };
      // At one place keep the longest member; skip members inside a longer one already taken.
      if (last && last.start === offset) {
        if (hit.end > last.end) l[l.length - 1] = hit;
      } else if (!last || offset >= last.end) l.push(hit);
      continue;
    }
    if (offset < covered) continue;
    if (p.kind === "ok") {
      covered = offset + p.text.length;
      shadow.push([offset, covered]);
      continue;
    }
    if (p.guards?.length && insideLonger(text, offset, p.text, p.guards)) continue;
    if (p.right.includes(p.text) && insideLonger(text, offset, p.text, [p.right])) continue;
    covered = offset + p.text.length;
    taken.push([offset, covered]);
    reportWrong(text, i, p, offset, info, report);
  }
  if (!byEntry) return;
  for (const [entry, hits] of byEntry) checkLists(text, i, entry, info.get(entry)!, hits, report);
}

function reportWrong(text: string, i: number, p: Extract<FormulationPhrase, { kind: "wrong" }>, offset: number, info: Map<FormulationEntry, EntryInfo>, report: (r: ReportInput) => void): void {
  const e = info.get(p.entry)!;
  report({
    messageId: p.variant ?? "wrong",
    data: { found: p.text, expected: p.right, members: p.entry.canonical },
    paragraph: i,
    range: [offset, offset + p.text.length],
    fix: { text: p.right },
    severity: e.severity === "info" ? "info" : (p.severity ?? e.severity),
  });
}

/** Lists of one formulation's members in a paragraph: runs of items joined by separators, with non-members among them. */
function listsOf(text: string, hits: Item[], maxLen: number): Item[][] {
  const out: Item[][] = [];
  let cur: Item[] = [];
  let lastHit: Item | null = null;
  for (const h of hits) {
    const mid = lastHit && h.start >= lastHit.end ? between(text, lastHit.end, h.start, maxLen) : null;
    if (lastHit && mid) cur.push(...mid, h);
    else {
      if (cur.length) out.push(cur);
      cur = [h];
    }
    lastHit = h;
  }
  if (cur.length) out.push(cur);
  for (const l of out) {
    const end = l[l.length - 1].end;
    const m = TRAILING.exec(text.slice(end));
    if (m && m[1].length <= maxLen + 2) {
      const k = text.indexOf(m[1], end);
      l.push({ index: -1, start: k, end: k + m[1].length, outdated: false });
    }
  }
  return out;
}

function checkLists(text: string, i: number, entry: FormulationEntry, e: EntryInfo, hits: Item[], report: (r: ReportInput) => void): void {
  const n = entry.members.length;
  const label = entry.name ?? entry.canonical;
  const sev = (s: Severity): Severity => (e.severity === "info" ? "info" : s);
  for (const list of listsOf(text, hits, e.longest)) {
    const members = list.filter((x) => x.index >= 0);
    const k = members.length;
    if (k === 0 || (k === 1 && list.length === 1)) continue;
    const indices = members.map((x) => x.index);
    if (new Set(indices).size !== k) continue;
    const start = list[0].start;
    const end = list[list.length - 1].end;
    let named = !!labelledAt(text, start, end, e.names);
    if (!named && e.otherCounts.length) {
      // A list labelled with the wrong count: “三个意识：政治意识、大局意识、核心意识、看齐意识”.
      const wrongName = k >= 2 ? labelledAt(text, start, end, e.otherCounts) : null;
      if (wrongName) {
        named = true;
        report({
          messageId: "count",
          data: { found: wrongName.name, expected: e.names[0], members: entry.canonical },
          paragraph: i,
          range: [wrongName.offset, wrongName.offset + wrongName.name.length],
          fix: { text: e.names[0] },
          severity: sev("error"),
        });
      }
    }
    const close = named || near(text, start, end, e.names);
    const long = members.every((x) => x.end - x.start >= 6);
    if (entry.generic && !close && !long) continue;
    // Short everyday members (民主、文明、和谐) count only in a long list or next to the formulation's name.
    const short = members.some((x) => x.end - x.start <= 2);
    if (short && k < 4 && !close) continue;

    for (const x of members) {
      if (!x.outdated || k < 2) continue;
      report({
        messageId: "outdatedMember",
        data: { found: text.slice(x.start, x.end), name: label, expected: e.members[x.index] },
        paragraph: i,
        range: [x.start, x.end],
        fix: { text: e.members[x.index] },
        severity: sev("warning"),
      });
    }

    const foreign = list.filter((x) => x.index < 0);
    const missing = e.members.map((_, j) => j).filter((j) => !indices.includes(j));
    // Wrong order: three or more members, or two long ones (the two clauses of 两个维护).
    const ordered = entry.ordered && (k >= 3 || (k === 2 && n === 2 && (long || named)));
    if (ordered && indices.some((x, j) => j > 0 && x < indices[j - 1])) {
      const sorted = [...members].sort((a, b) => a.index - b.index);
      let fixed = "";
      let pos = members[0].start;
      members.forEach((slot, j) => {
        fixed += text.slice(pos, slot.start) + e.members[sorted[j].index];
        pos = slot.end;
      });
      const a = members[0].start;
      const b = members[k - 1].end;
      report({ messageId: "order", data: { name: label, found: text.slice(a, b), expected: fixed }, paragraph: i, range: [a, b], fix: foreign.length ? undefined : { text: fixed }, severity: sev("error") });
      continue;
    }

    // A member replaced by something else: it looks like the missing one (shares the members' affix or two of its characters).
    if (foreign.length && missing.length) {
      if (!named && (k < 2 || k < n - 1)) continue;
      for (const f of foreign) {
        const s = text.slice(f.start, f.end);
        if (e.members.some((m) => s.includes(m))) continue;
        const affix = (e.suffix.length > 0 && s.endsWith(e.suffix)) || (e.prefix.length > 0 && s.startsWith(e.prefix));
        const like = affix || missing.some((j) => shared(s, e.members[j]) >= 2);
        if (!like) continue;
        const expected = missing.length === 1 && foreign.length === 1 ? e.members[missing[0]] : missing.map((j) => e.members[j]).join("、");
        report({
          messageId: "member",
          data: { name: label, found: s, expected },
          paragraph: i,
          range: [f.start, f.end],
          fix: missing.length === 1 && foreign.length === 1 ? { text: expected } : undefined,
          severity: sev("error"),
        });
      }
      continue;
    }
    // An extra item in a labelled list that looks like a member: 四个意识：……、看齐意识、责任意识.
    if (foreign.length && named && !missing.length) {
      for (const f of foreign) {
        const s = text.slice(f.start, f.end);
        if (!((e.suffix && s.endsWith(e.suffix)) || (e.prefix && s.startsWith(e.prefix)))) continue;
        report({ messageId: "member", data: { name: label, found: s, expected: entry.canonical }, paragraph: i, range: [f.start, f.end], severity: sev("warning") });
      }
      continue;
    }

    // Members missing: after the name (any number); all but one with a hole in the middle (a botched citation of any list of
    // four or more); or, in a formulation always cited whole, one missing at either end.
    if (foreign.length || !missing.length || k < 2 || n < 3) continue;
    const gap = indices[k - 1] - indices[0] + 1 > k;
    let severity: Severity | null = null;
    if (named) severity = "error";
    else if (k === n - 1 && gap && (entry.closed || n >= 4)) severity = "error";
    else if (entry.closed && k === n - 1 && n >= 4) severity = "warning";
    if (!severity) continue;
    const a = members[0].start;
    const b = members[k - 1].end;
    report({
      messageId: "incomplete",
      data: { name: label, count: k, missing: missing.map((j) => e.members[j]).join("、"), found: text.slice(a, b), expected: entry.canonical },
      paragraph: i,
      range: [a, b],
      fix: named && /^[^，,；;]*$/.test(entry.canonical) && /^、*$/.test(text.slice(a, b).replace(/[^、，,；;“”"]/g, "")) ? { text: entry.canonical } : undefined,
      severity: sev(severity),
    });
  }
}
