// A pull scanner over an XML string: start tags, end tags and text with their offsets, no tree. Namespace prefixes
// are mapped to the canonical ones of WordprocessingML ("w:", "mc:", "r:"), so files that bind the main namespace to
// another prefix (or to the default namespace), and Strict files, read the same. Entity declarations are refused.
import { InputError } from "./decodeText";

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

/** Namespace URIs → the prefix this project's readers use for them. */
const CANONICAL: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
};
const RESERVED = new Set(["w", "mc", "r"]);

const XML_ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
export function decodeXmlEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(XML_ENTITY, (m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

interface Scope {
  depth: number;
  /** prefix ("" for the default namespace) → canonical prefix ("" for none). */
  map: Map<string, string>;
  identity: boolean;
}

export class XmlScanner {
  pos = 0;
  /** Canonical name of the element of the last OPEN or CLOSE token. */
  name = "";
  /** Offsets of the last token: the whole tag for OPEN and CLOSE, the raw characters for TEXT. */
  start = 0;
  end = 0;
  selfClosing = false;
  /** TEXT from a CDATA section (not entity-encoded). */
  cdata = false;
  /** Elements open after the last token. */
  depth = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private readonly rawStack: string[] = [];
  private readonly nameStack: string[] = [];
  private scopes: Scope[] = [{ depth: -1, map: new Map(), identity: true }];

  constructor(
    readonly xml: string,
    readonly part: string,
    private readonly maxDepth: number,
  ) {
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private malformed(): never {
    throw new InputError(`文件中的 ${this.part} 不是有效的 XML，文件可能已损坏。`);
  }

  next(): Token {
    const s = this.xml;
    for (;;) {
      const at = this.pos;
      if (at >= s.length) {
        if (this.rawStack.length) this.malformed();
        return END;
      }
      if (s.charCodeAt(at) !== 0x3c) {
        let e = s.indexOf("<", at);
        if (e < 0) e = s.length;
        this.start = at;
        this.end = this.pos = e;
        this.cdata = false;
        return TEXT;
      }
      const c1 = s.charCodeAt(at + 1);
      if (c1 === 0x2f) return this.closeTag(at);
      if (c1 === 0x3f) {
        const e = s.indexOf("?>", at + 2);
        if (e < 0) this.malformed();
        this.pos = e + 2;
        continue;
      }
      if (c1 === 0x21) {
        if (s.startsWith("<!--", at)) {
          const e = s.indexOf("-->", at + 4);
          if (e < 0) this.malformed();
          this.pos = e + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", at)) {
          const e = s.indexOf("]]>", at + 9);
          if (e < 0) this.malformed();
          this.start = at + 9;
          this.end = e;
          this.pos = e + 3;
          this.cdata = true;
          return TEXT;
        }
        this.doctype(at);
        continue;
      }
      return this.openTag(at);
    }
  }

  private doctype(at: number): void {
    const s = this.xml;
    // <!DOCTYPE name [ internal subset ]>: skip it, refusing any entity declaration (XXE, billion laughs).
    let i = at + 2;
    let bracket = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x5b) bracket++;
      else if (c === 0x5d) bracket--;
      else if (c === 0x3c && s.startsWith("<!", i) && /^<!ENTITY/i.test(s.slice(i, i + 8))) break;
      else if (c === 0x3e && bracket <= 0) break;
    }
    if (/<!ENTITY/i.test(s.slice(at, i + 8))) throw new InputError(`文件中的 ${this.part} 含有实体声明（<!ENTITY>），出于安全原因拒绝读取。`);
    if (i >= s.length) this.malformed();
    this.pos = i + 1;
  }

  private closeTag(at: number): Token {
    const s = this.xml;
    const e = s.indexOf(">", at + 2);
    if (e < 0) this.malformed();
    let ne = e;
    while (ne > at + 2 && isSpace(s.charCodeAt(ne - 1))) ne--;
    const raw = this.rawStack.pop();
    if (raw === undefined || raw.length !== ne - at - 2 || !s.startsWith(raw, at + 2)) this.malformed();
    this.name = this.nameStack.pop() as string;
    this.depth--;
    const scopes = this.scopes;
    if (scopes[scopes.length - 1].depth === this.depth) scopes.pop();
    this.start = at;
    this.end = this.pos = e + 1;
    this.selfClosing = false;
    return CLOSE;
  }

  private openTag(at: number): Token {
    const s = this.xml;
    const n = s.length;
    let i = at + 1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === 0x3e || c === 0x2f) break;
      if (c === 0x3c) this.malformed();
      i++;
    }
    if (i === at + 1) this.malformed();
    const raw = s.slice(at + 1, i);
    this.attrStart = i;
    let hasXmlns = false;
    // Attributes: name = "value" | 'value' (a value may hold '>' and '/').
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) this.malformed();
      const c = s.charCodeAt(i);
      if (c === 0x3e || c === 0x2f) break;
      if (c === 0x78 && s.startsWith("xmlns", i)) hasXmlns = true;
      const eq = s.indexOf("=", i);
      if (eq < 0) this.malformed();
      let q = eq + 1;
      while (q < n && isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) this.malformed();
      const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close < 0) this.malformed();
      i = close + 1;
    }
    this.attrEnd = i;
    let selfClosing = false;
    if (s.charCodeAt(i) === 0x2f) {
      if (s.charCodeAt(i + 1) !== 0x3e) this.malformed();
      selfClosing = true;
      i += 2;
    } else i += 1;
    if (hasXmlns) this.declare();
    this.name = this.canonical(raw, false);
    if (selfClosing) {
      if (hasXmlns) this.scopes.pop();
    } else {
      if (this.depth >= this.maxDepth) throw new InputError(`文件中的 ${this.part} 嵌套层数超过 ${this.maxDepth} 层，疑似恶意文件，拒绝读取。`);
      this.rawStack.push(raw);
      this.nameStack.push(this.name);
      this.depth++;
    }
    this.start = at;
    this.end = this.pos = i;
    this.selfClosing = selfClosing;
    return OPEN;
  }

  /** Push a namespace scope for the declarations on the current start tag. */
  private declare(): void {
    const top = this.scopes[this.scopes.length - 1];
    const map = new Map(top.map);
    this.forAttrs((name, value) => {
      if (name === "xmlns") map.set("", CANONICAL[value] ?? "");
      else if (name.startsWith("xmlns:")) {
        const prefix = name.slice(6);
        const canon = CANONICAL[value];
        map.set(prefix, canon ?? (RESERVED.has(prefix) ? `${prefix}?` : prefix));
      }
      return false;
    });
    let identity = true;
    for (const [k, v] of map) if (k !== v) identity = false;
    this.scopes.push({ depth: this.depth, map, identity });
  }

  private canonical(raw: string, attribute: boolean): string {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope.identity) return raw;
    const colon = raw.indexOf(":");
    if (colon < 0) {
      if (attribute) return raw;
      const d = scope.map.get("");
      return d ? `${d}:${raw}` : raw;
    }
    const prefix = raw.slice(0, colon);
    if (prefix === "xml" || prefix === "xmlns") return raw;
    const canon = scope.map.get(prefix);
    if (canon === undefined || canon === prefix) return raw;
    return canon ? `${canon}:${raw.slice(colon + 1)}` : raw.slice(colon + 1);
  }

  private forAttrs(fn: (name: string, value: string) => boolean): void {
    const s = this.xml;
    let i = this.attrStart;
    const e = this.attrEnd;
    while (i < e) {
      while (i < e && isSpace(s.charCodeAt(i))) i++;
      if (i >= e) return;
      const eq = s.indexOf("=", i);
      let ne = eq;
      while (ne > i && isSpace(s.charCodeAt(ne - 1))) ne--;
      let q = eq + 1;
      while (isSpace(s.charCodeAt(q))) q++;
      const close = s.indexOf(s[q], q + 1);
      if (fn(s.slice(i, ne), s.slice(q + 1, close))) return;
      i = close + 1;
    }
  }

  /** The value of an attribute of the element of the last OPEN token, by canonical name ("w:val"), entities decoded. */
  attr(name: string): string | undefined {
    let out: string | undefined;
    this.forAttrs((n, v) => {
      if (this.canonical(n, true) === name) {
        out = decodeXmlEntities(v);
        return true;
      }
      return false;
    });
    return out;
  }

  /** The canonical name of the last OPEN or CLOSE token (a call, so that TypeScript does not narrow it across next()). */
  tag(): string {
    return this.name;
  }

  /** Skip to the end of the element of the last OPEN token (nothing to do when it was self-closing). */
  skipElement(): void {
    if (this.selfClosing) return;
    const target = this.depth - 1;
    while (this.depth > target) if (this.next() === END) return;
  }
}
