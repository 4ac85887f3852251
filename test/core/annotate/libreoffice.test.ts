// A real consumer opens the annotated copies: LibreOffice converts them to flat ODF, where every comment must appear as an
// office:annotation with its text. Skipped, with a message naming the package, where soffice is not installed.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { annotateFile } from "../../../src/core/annotate/annotateFile";
import { COMMENT_PREFIX } from "../../../src/core/annotate/commentText";
import { nodeInflate } from "../../../src/cli/nodeInflate";
import { makeDocx } from "../../support/makeDocx";

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasSoffice) console.warn("跳过 LibreOffice 批注测试：没有找到 soffice。请安装 libreoffice-writer-nogui（apt-get install libreoffice-writer-nogui）。");
const maybe = hasSoffice ? test : test.skip;

const fixtures = path.join(__dirname, "../../fixtures");

maybe(
  "LibreOffice finds every comment of the annotated copies (.docx in, .txt in)",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-lo-"));
    try {
      const lines = fs.readFileSync(path.join(fixtures, "realistic/personal-review-items.txt"), "utf8").split(/\r?\n/).filter((l) => l.trim());
      lines[2] += "请于X月X日前完成,并报告。";
      lines.pop();
      const inputs: [string, Uint8Array][] = [
        ["草稿.docx", await makeDocx(lines.map((text) => ({ text })))],
        ["草稿二.txt", new TextEncoder().encode(lines.join("\n"))],
        ["lo.docx", new Uint8Array(fs.readFileSync(path.join(fixtures, "docx/lo-speech-guidance-headings.docx")))],
      ];
      const expected: Record<string, string[]> = {};
      for (const [name, bytes] of inputs) {
        const out = await annotateFile(name, bytes, { inflate: nodeInflate, type: name === "lo.docx" ? "team-review" : undefined });
        expect(out.added).toBeGreaterThan(0);
        const file = path.join(dir, `${path.parse(name).name}-annotated.docx`);
        fs.writeFileSync(file, out.bytes);
        expected[path.parse(file).name] = out.report.findings.map((f) => f.message);
      }
      // A profile of its own: other soffice processes on the machine must not share (and lock) ours.
      const profile = `file://${path.join(dir, "profile")}`;
      execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "fodt", "--outdir", dir, ...Object.keys(expected).map((n) => path.join(dir, `${n}.docx`))], { stdio: "ignore", timeout: 120_000 });
      for (const [name, messages] of Object.entries(expected)) {
        const fodt = fs.readFileSync(path.join(dir, `${name}.fodt`), "utf8");
        const annotations = fodt.match(/<office:annotation[\s>]/g) ?? [];
        expect(annotations).toHaveLength(messages.length);
        expect(fodt.split(COMMENT_PREFIX).length - 1).toBe(messages.length);
        for (const m of messages) expect(fodt).toContain(m.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").slice(0, 12));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
