import fs from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..");
function files(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(tsx?|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe("security", () => {
  test("no raw HTML injection anywhere in the pane, harness or host", () => {
    const offenders = files(path.join(root, "src")).filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
  /** Every Content-Security-Policy a page template declares (the task pane has one per office.js source). */
  const policies = (page: string) => [...fs.readFileSync(path.join(root, page), "utf8").matchAll(/http-equiv="Content-Security-Policy" content="([^"]+)"/g)].map((m) => m[1]);
  const scriptSources = (csp: string) => /script-src ([^;]+)/.exec(csp)?.[1].trim().split(/\s+/) ?? [];
  test.each(["src/taskpane/taskpane.html", "src/harness/harness.html"])("%s declares Content-Security-Policies that allow no foreign scripts but Office's", (page) => {
    const csps = policies(page);
    expect(csps.length).toBeGreaterThan(0);
    for (const csp of csps) {
      expect(csp).toMatch(/default-src 'self'/);
      // office.js comes from appsforoffice.microsoft.com; ajax.aspnetcdn.com is the other script host reported for it
      // (the hosts found in OfficeDev/office-js#1005); nothing else.
      expect(scriptSources(csp).filter((s) => !["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"].includes(s))).toEqual([]);
      expect(csp).not.toMatch(/unsafe-eval/);
    }
  });
  test("the intranet variant of the task pane (OFFICE_JS=local) allows scripts from itself only", () => {
    const [local, cdn] = policies("src/taskpane/taskpane.html");
    expect(scriptSources(local)).toEqual(["'self'"]);
    expect(local).not.toMatch(/appsforoffice|aspnetcdn/);
    expect(scriptSources(cdn)).toContain("https://appsforoffice.microsoft.com");
  });
  test("the harness loads no script from outside", () => {
    const html = fs.readFileSync(path.join(root, "src/harness/harness.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });
});
