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

/**
 * Sizes of the built task pane in `dist`: `scripts` (the initial ones; empty when taskpane.html has no script tag),
 * `raw` and `gzip` (their total bytes), `lazyChunks` and `lazyGzip` (the other chunks, harness excluded).
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
  const lazy = fs.readdirSync(dist).filter((f) => /\.js$/.test(f) && !/^(taskpane|harness)\./.test(f));
  const lazyGzip = lazy.reduce((sum, f) => sum + gzipSize(fs.readFileSync(path.join(dist, f))), 0);
  return { scripts, raw, gzip, lazyChunks: lazy.length, lazyGzip };
}
