// A temporary folder for a test file, removed after its tests, and a helper that writes a file into it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function tempFiles(prefix: string): { dir: string; file: (name: string, data: string | Uint8Array) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, data: string | Uint8Array) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  };
  return { dir, file };
}
