// The task pane's initial JavaScript: the scripts taskpane.html loads before anything else, raw and gzip (level 9),
// and the lazily loaded chunks. Shared by the build checks (scripts/check-build.mjs) and the benchmark (scripts/bench.mjs).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The JavaScript a page loads before anything else: its own script tags (lazy chunks come later). */
export function initialScripts(html) {
  const found = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return found.filter((s) => !/^https?:/.test(s));
}

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Lazily loaded chunks whose size has its own budget (the checker's lexicon), kept out of the lazy total. */
export const SEPARATELY_BUDGETED = /^lexicon/;

/**
 * Sizes of the built task pane in `dist`: `scripts` (the initial ones; empty when taskpane.html has no script tag),
 * `raw` and `gzip` (their total bytes), `lazyChunks` and `lazyGzip` (every chunk the pane can load later, from the
 * build's bundle-stats.json, except those budgeted separately), and `separate` (those, by chunk name).
 */
export function measureBundle(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const scripts = initialScripts(html);
  let raw = 0;
  let gzip = 0;
  for (const s of scripts) {
    const buf = fs.readFileSync(path.join(dist, s));
    raw += buf.length;
    gzip += gzipSize(buf);
  }
  const stats = JSON.parse(fs.readFileSync(path.join(dist, "bundle-stats.json"), "utf8"));
  const lazy = stats.taskpane?.lazy ?? [];
  let lazyGzip = 0;
  let lazyChunks = 0;
  const separate = {};
  for (const { file, name } of lazy) {
    const size = gzipSize(fs.readFileSync(path.join(dist, file)));
    if (name && SEPARATELY_BUDGETED.test(name)) separate[name] = (separate[name] ?? 0) + size;
    else {
      lazyGzip += size;
      lazyChunks++;
    }
  }
  return { scripts, raw, gzip, lazyChunks, lazyGzip, separate };
}
