// The self-test's environment in real Word: empty and load the document, number headings with a Word multilevel list
// (insertOoxml of a small package), put the cursor in the footer, and switch track changes (WordApi 1.4).
import type { DocumentHost } from "../DocumentHost";
import type { SelfTestEnv } from "../../selftest/scenarios";
import { listDocumentPackage } from "../../core/format/ooxml";
import { describeWordError } from "./shared";

async function run(batch: (context: Word.RequestContext) => Promise<void>): Promise<void> {
  try {
    await Word.run(batch);
  } catch (e) {
    throw describeWordError(e);
  }
}

/** Replace the body's content with plain Normal paragraphs (one sync). */
function replaceBody(context: Word.RequestContext, lines: string[]): void {
  const body = context.document.body;
  body.clear();
  const first = body.paragraphs.getFirst();
  first.insertText(lines[0] ?? "", "Replace");
  first.styleBuiltIn = Word.BuiltInStyleName.normal;
  for (const line of lines.slice(1)) body.insertParagraph(line, "End").styleBuiltIn = Word.BuiltInStyleName.normal;
  first.getRange("Start").select();
}

export function wordSelfTestEnv(host: DocumentHost): SelfTestEnv {
  const d = typeof Office !== "undefined" ? Office.context?.diagnostics : undefined;
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  const sets = ["1.3", "1.4", "1.5"].filter((v) => req?.isSetSupported("WordApi", v)).map((v) => `WordApi ${v}`);
  return {
    host,
    describe: d ? `Word ${d.platform} ${d.version}（${sets.join("、") || "无 WordApi"}）；${navigator.userAgent}` : "Word（版本未知）",
    clear: () => run(async (context) => (replaceBody(context, [""]), context.sync())),
    load: (lines) => run(async (context) => (replaceBody(context, lines), context.sync())),
    loadListNumbered: (paragraphs) =>
      run(async (context) => {
        replaceBody(context, [""]);
        context.document.body.insertOoxml(listDocumentPackage(paragraphs), "Replace");
        await context.sync();
      }),
    cursorToFooter: () =>
      run(async (context) => {
        context.document.sections.getFirst().getFooter("Primary").getRange("Start").select();
        await context.sync();
      }),
    setTrackChanges: req?.isSetSupported("WordApi", "1.4")
      ? (on) =>
          run(async (context) => {
            context.document.changeTrackingMode = on ? Word.ChangeTrackingMode.trackAll : Word.ChangeTrackingMode.off;
            await context.sync();
          })
      : undefined,
  };
}
