import { detectWordHost } from "../../src/host";

describe("detectWordHost", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });
  const office = (host: string, supported: boolean) => ({
    HostType: { Word: "Word" },
    onReady: async () => ({ host, platform: "PC" }),
    context: { requirements: { isSetSupported: (name: string, v: string) => supported && name === "WordApi" && v === "1.3" }, document: {} },
  });
  test("outside Office the pane runs on the in-memory document", async () => {
    expect((await detectWordHost()).kind).toBe("outside-word");
  });
  test("inside Word with WordApi 1.3 the Word adapter is used", async () => {
    (globalThis as { Office?: unknown }).Office = office("Word", true);
    const choice = await detectWordHost();
    expect(choice.kind).toBe("word");
  });
  test("a Word below WordApi 1.3 gets a Chinese message, not a broken pane", async () => {
    (globalThis as { Office?: unknown }).Office = office("Word", false);
    const choice = await detectWordHost();
    expect(choice).toMatchObject({ kind: "unsupported", message: expect.stringMatching(/WordApi 1\.3/) });
  });
  test("another Office host (Excel) is treated as outside Word", async () => {
    (globalThis as { Office?: unknown }).Office = office("Excel", true);
    expect((await detectWordHost()).kind).toBe("outside-word");
  });
});
