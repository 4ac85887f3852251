// An independent look inside .docx packages for the annotator's tests: parts, comments, markers, anchored text, and the
// document as a sequence of (character, run properties) tokens. Parsed with fast-xml-parser, not with the reader under test.
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, parseTagValue: false, processEntities: true });

const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ":@") ?? "";
const kids = (n: Node) => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as Node[]) : []);
const attrs = (n: Node) => (n[":@"] ?? {}) as Record<string, string>;

export async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("uint8array"));
  return out;
}

export const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : "");

export interface CommentInfo {
  id: string;
  author: string;
  text: string;
}

export function comments(xml: string): CommentInfo[] {
  const out: CommentInfo[] = [];
  const walk = (nodes: Node[], into?: string[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "w:comment") {
        const parts: string[] = [];
        walk(kids(n), parts);
        out.push({ id: attrs(n)["w:id"], author: attrs(n)["w:author"], text: parts.join("") });
      } else if (tag === "#text") into?.push(String(n["#text"]));
      else walk(kids(n), into);
    }
  };
  walk(parser.parse(xml) as Node[]);
  return out;
}

/** The markers of each comment id in document order, and the text each range covers (per paragraph index). */
export function markers(xml: string): Map<string, { starts: number; ends: number; refs: number; order: string[]; covered: string; paragraph: number }> {
  const out = new Map<string, { starts: number; ends: number; refs: number; order: string[]; covered: string; paragraph: number }>();
  const get = (id: string) => {
    let m = out.get(id);
    if (!m) out.set(id, (m = { starts: 0, ends: 0, refs: 0, order: [], covered: "", paragraph: -1 }));
    return m;
  };
  const open = new Set<string>();
  let paragraph = -1;
  const walk = (nodes: Node[], inT: boolean) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      const id = attrs(n)["w:id"];
      if (tag === "w:p") paragraph++;
      if (tag === "w:commentRangeStart") {
        const m = get(id);
        m.starts++;
        m.order.push("start");
        m.paragraph = paragraph;
        open.add(id);
      } else if (tag === "w:commentRangeEnd") {
        const m = get(id);
        m.ends++;
        m.order.push("end");
        open.delete(id);
      } else if (tag === "w:commentReference") {
        const m = get(id);
        m.refs++;
        m.order.push("ref");
      } else if (tag === "#text" && inT) {
        for (const o of open) get(o).covered += String(n["#text"]);
      } else if (tag === "w:tab" && !inT) {
        for (const o of open) get(o).covered += "\t";
      } else if (tag !== "w:delText" && tag !== "w:instrText") walk(kids(n), tag === "w:t");
    }
  };
  walk(parser.parse(xml) as Node[], false);
  return out;
}

/**
 * The document as tokens, ignoring comment markers and how text is cut into runs: each character with its run's
 * properties (and the run's attributes), every other element as open/close with its attributes. Two documents with the
 * same tokens differ only by comment markers and run splits that copy the run's properties.
 */
export function tokens(xml: string): string[] {
  const out: string[] = [];
  const walk = (nodes: Node[], run: string | null) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "w:commentRangeStart" || tag === "w:commentRangeEnd") continue;
      if (tag === "w:r") {
        const rPr = kids(n).find((k) => tagOf(k) === "w:rPr");
        const content = kids(n).filter((k) => tagOf(k) !== "w:rPr");
        // A run holding only a comment reference is a marker.
        if (content.length && content.every((k) => tagOf(k) === "w:commentReference")) continue;
        const key = JSON.stringify([attrs(n), rPr ?? null]);
        walk(content, key);
        continue;
      }
      if (tag === "#text") {
        for (const ch of String(n["#text"])) out.push(`${ch}|${run}`);
        continue;
      }
      if (tag === "w:t") {
        // xml:space is not content: where a split added it, the characters are unchanged.
        walk(kids(n), run);
        continue;
      }
      out.push(`<${tag} ${JSON.stringify(attrs(n))}|${run}`);
      walk(kids(n), run);
      out.push(`</${tag}>`);
    }
  };
  walk(parser.parse(xml) as Node[], null);
  return out;
}
