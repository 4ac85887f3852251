// Rendering a Word list number in a given format (numFmt of numbering.xml), as Word draws list labels.
import { toChineseNumber } from "./numbering";

const TIANGAN = "甲乙丙丁戊己庚辛壬癸";

function roman(n: number): string {
  const t: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let s = "";
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return n === 0 ? "〇" : toChineseNumber(n);
    case "ideographTraditional":
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "upperLetter":
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case "lowerLetter":
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "none":
      return "";
    default:
      return String(n);
  }
}

export interface ListLevelDef {
  numFmt: string;
  lvlText: string;
  start?: number;
}

/** Renders labels for a sequence of list items as Word does: one counter per list, deeper levels reset when a level advances. */
export class ListCounter {
  private counters = new Map<string, number[]>();
  /** Restart counting of `listId` from `level` down (the next item at that level takes its start value). */
  reset(listId: string, level: number): void {
    const c = this.counters.get(listId);
    if (c) for (let k = level; k < 9; k++) delete c[k];
  }
  label(listId: string, level: number, levels: ReadonlyMap<number, ListLevelDef> | ListLevelDef[], startOverride?: (lvl: number) => number | undefined): string | undefined {
    const get = (k: number) => (Array.isArray(levels) ? levels[k] : (levels as ReadonlyMap<number, ListLevelDef>).get(k));
    const startOf = (k: number) => startOverride?.(k) ?? get(k)?.start ?? 1;
    const c = this.counters.get(listId) ?? [];
    c[level] = c[level] === undefined ? startOf(level) : c[level] + 1;
    for (let k = level + 1; k < 9; k++) delete c[k];
    for (let k = 0; k < level; k++) if (c[k] === undefined) c[k] = startOf(k);
    this.counters.set(listId, c);
    const def = get(level);
    if (!def || def.numFmt === "bullet") return undefined;
    return def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(c[k] ?? startOf(k), get(k)?.numFmt ?? "decimal");
    });
  }
}
