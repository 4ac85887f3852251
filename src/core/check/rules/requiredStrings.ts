// For a regular expression, strings one of which every match must contain: a sound prefilter that lets most paragraphs skip it.

/** Alternatives one of which every match contains, or null when nothing is known. */
type Req = Set<string> | null;

const MAX_RANGE = 200;

function union(a: Req, b: Req): Req {
  if (!a || !b) return null;
  const s = new Set(a);
  for (const c of b) s.add(c);
  return s;
}

/** Longer required strings filter better; among equals, fewer alternatives. */
function better(a: Set<string>, b: Set<string> | null): boolean {
  if (!b) return true;
  const la = Math.min(...[...a].map((x) => x.length));
  const lb = Math.min(...[...b].map((x) => x.length));
  return la > lb || (la === lb && a.size < b.size);
}

const cased = (c: string) => c.toLowerCase() !== c.toUpperCase();

/** A small recursive-descent reader of JavaScript regex syntax, enough to find what every match must contain. */
class Reader {
  i = 0;
  constructor(
    readonly src: string,
    readonly ignoreCase: boolean,
  ) {}

  variants(c: string): Set<string> {
    return new Set(this.ignoreCase ? [c, c.toLowerCase(), c.toUpperCase()] : [c]);
  }

  disjunction(): Req {
    let acc: Req = this.alternative();
    while (this.src[this.i] === "|") {
      this.i++;
      acc = union(acc, this.alternative());
    }
    return acc;
  }

  /** A sequence: the best of its mandatory atoms, where runs of plain characters count as one string ("会员"). */
  alternative(): Req {
    let best: Set<string> | null = null;
    let run = "";
    const flush = () => {
      if (run) {
        const s = new Set([run]);
        if (better(s, best)) best = s;
      }
      run = "";
    };
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const { req, char } = this.atom();
      const q = this.quantifier();
      if (char !== null && q.min === 1 && q.max === 1 && !(this.ignoreCase && cased(char))) {
        run += char;
        continue;
      }
      flush();
      if (q.min > 0 && req && better(req, best)) best = req;
    }
    flush();
    return best;
  }

  quantifier(): { min: number; max: number } {
    const c = this.src[this.i];
    let q = { min: 1, max: 1 };
    if (c === "*") q = { min: 0, max: Infinity };
    else if (c === "?") q = { min: 0, max: 1 };
    else if (c === "+") q = { min: 1, max: Infinity };
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return q;
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]) };
      this.i += m[0].length - 1;
    } else return q;
    this.i++;
    if (this.src[this.i] === "?") this.i++;
    return q;
  }

  /** One atom: what it requires, and the plain character it stands for (when it is one). */
  atom(): { req: Req; char: string | null } {
    const c = this.src[this.i++];
    switch (c) {
      case "^":
      case "$":
      case ".":
        return { req: null, char: null };
      case "(": {
        let lookaround = false;
        const rest = this.src.slice(this.i);
        if (rest.startsWith("?:")) this.i += 2;
        else if (rest.startsWith("?=") || rest.startsWith("?!")) {
          this.i += 2;
          lookaround = true;
        } else if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
          this.i += 3;
          lookaround = true;
        } else {
          const m = /^\?<[^>]+>/.exec(rest);
          if (m) this.i += m[0].length;
        }
        const inner = this.disjunction();
        this.i++; // ")"
        return { req: lookaround ? null : inner, char: null };
      }
      case "[": {
        const set = this.charClass();
        if (set && set.size === 1) {
          const only = [...set][0];
          return { req: set, char: cased(only) ? null : only };
        }
        return { req: set, char: null };
      }
      case "\\": {
        const ch = this.escapeChar(false);
        return ch === null ? { req: null, char: null } : { req: this.variants(ch), char: ch };
      }
      default:
        return { req: this.variants(c), char: c };
    }
  }

  /** After a backslash: the character it stands for, or null for a class (\d, \s, \p{…}), an assertion or a back reference. */
  escapeChar(inClass: boolean): string | null {
    const c = this.src[this.i++];
    if ("dDsSwWbBpPk".includes(c)) {
      if (c === "p" || c === "P" || c === "k") {
        const m = /^\{[^}]*\}|^<[^>]*>/.exec(this.src.slice(this.i));
        if (m) this.i += m[0].length;
      }
      return null;
    }
    if (/[1-9]/.test(c) && !inClass) {
      while (/[0-9]/.test(this.src[this.i] ?? "")) this.i++;
      return null;
    }
    if (c === "u") {
      const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        return String.fromCodePoint(parseInt(m[1] ?? m[2], 16));
      }
      return c;
    }
    if (c === "x") {
      const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += 2;
        return String.fromCharCode(parseInt(m[0], 16));
      }
      return c;
    }
    const controls: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f", v: "\v", "0": "\0" };
    return controls[c] ?? c;
  }

  charClass(): Set<string> | null {
    let negated = false;
    if (this.src[this.i] === "^") {
      negated = true;
      this.i++;
    }
    const out = new Set<string>();
    let unknown = false;
    const readOne = (): string | null => {
      if (this.src[this.i] === "\\") {
        this.i++;
        return this.escapeChar(true);
      }
      return this.src[this.i++];
    };
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      const first = readOne();
      let last = first;
      if (this.src[this.i] === "-" && this.src[this.i + 1] !== "]" && this.i + 1 < this.src.length) {
        this.i++;
        last = readOne();
      }
      if (first === null || last === null) {
        unknown = true;
        continue;
      }
      const a = first.codePointAt(0)!;
      const b = last.codePointAt(0)!;
      if (b - a > MAX_RANGE) {
        unknown = true;
        continue;
      }
      for (let k = a; k <= b; k++) for (const x of this.variants(String.fromCodePoint(k))) out.add(x);
    }
    this.i++; // "]"
    if (negated || unknown) return null;
    return out;
  }
}

/**
 * Strings of which every match of `re` contains at least one, or null when none were found.
 * Sound but not complete: when in doubt it returns null (no prefilter).
 */
export function requiredStrings(re: RegExp): Set<string> | null {
  try {
    const r = new Reader(re.source, re.flags.includes("i"));
    const set = r.disjunction();
    if (!set || r.i < re.source.length || [...set].some((s) => !s)) return null;
    return set;
  } catch {
    return null;
  }
}
