import { detectWordHost, openedByOffice } from "../../src/host";

describe("openedByOffice", () => {
  test.each([
    ["?in=office", true],
    ["?selftest&in=office", true],
    ["?_host_Info=Word$Win32$16.01$zh-CN$$$$0", true],
    ["?_host_info=word", true],
    ["", false],
    ["?in=browser", false],
    ["?doc=empty", false],
  ])("%s → %s", (search, expected) => {
    expect(openedByOffice(search)).toBe(expected);
  });
});

describe("detectWordHost", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.useRealTimers();
  });
  const office = (host: string | null, supported: boolean, ready?: Promise<unknown>) => ({
    HostType: { Word: "Word" },
    onReady: () => ready ?? Promise.resolve({ host, platform: "PC" }),
    context: { requirements: { isSetSupported: (name: string, v: string) => supported && name === "WordApi" && v === "1.3" }, document: {} },
  });
  const setOffice = (o: unknown) => ((globalThis as { Office?: unknown }).Office = o);

  test("a browser without office.js: standalone, never an in-memory document", async () => {
    expect(await detectWordHost({ insideOffice: false })).toEqual({ kind: "standalone" });
  });
  test("opened by Office but office.js did not load: a blocking message naming the script and what to do", async () => {
    const choice = await detectWordHost({ insideOffice: true, officeJsUrl: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" });
    expect(choice).toMatchObject({ kind: "blocked", reason: "no-office-js" });
    expect(choice.kind === "blocked" && choice.message).toMatch(/office\.js.*appsforoffice\.microsoft\.com.*OFFICE_JS=local/s);
  });
  test("the intranet build's own office.js missing: the message points at the server, not the internet", async () => {
    const choice = await detectWordHost({ insideOffice: true, officeJsUrl: "https://oa.example/tigang/office-js/office.js" });
    expect(choice.kind === "blocked" && choice.message).toMatch(/内网版.*同一服务器/);
  });
  test("inside Word with WordApi 1.3 the Word adapter is used", async () => {
    setOffice(office("Word", true));
    expect((await detectWordHost({ insideOffice: true })).kind).toBe("word");
  });
  test("a Word below WordApi 1.3 is blocked with a Chinese message naming versions that work", async () => {
    setOffice(office("Word", false));
    const choice = await detectWordHost({ insideOffice: true });
    expect(choice).toMatchObject({ kind: "blocked", reason: "old-word", message: expect.stringMatching(/WordApi 1\.3.*Word 2021/) });
  });
  test("inside Office but not Word (Excel): blocked, not a fake document", async () => {
    setOffice(office("Excel", true));
    expect(await detectWordHost({ insideOffice: true })).toMatchObject({ kind: "blocked", reason: "not-word" });
  });
  test("office.js loaded in a plain browser (onReady says no host): standalone", async () => {
    setOffice(office(null, false));
    expect(await detectWordHost({ insideOffice: false })).toEqual({ kind: "standalone" });
  });
  test("a slow Office.onReady inside Office: onSlow fires, and the pane keeps waiting for Word instead of giving up", async () => {
    jest.useFakeTimers();
    let resolve!: (v: unknown) => void;
    setOffice(office("Word", true, new Promise((r) => (resolve = r))));
    const onSlow = jest.fn();
    let settled = false;
    const pending = detectWordHost({ insideOffice: true, onSlow, slowMs: 3000 }).then((c) => ((settled = true), c));
    await jest.advanceTimersByTimeAsync(3000);
    expect(onSlow).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    resolve({ host: "Word" });
    expect((await pending).kind).toBe("word");
  });
  test("outside Office a silent onReady ends as standalone after the timeout", async () => {
    jest.useFakeTimers();
    setOffice(office("Word", true, new Promise(() => {})));
    const pending = detectWordHost({ insideOffice: false, standaloneTimeoutMs: 3000 });
    await jest.advanceTimersByTimeAsync(3000);
    expect(await pending).toEqual({ kind: "standalone" });
  });
});
