// Text normalisation shared by duplicate detection, search and the user library.

const PUNCT_SPACE = /[\p{P}\p{S}\p{Z}\s]/gu;

/** The form two snippets are compared in: NFKC, lower case, without punctuation, symbols or spaces. */
export function dedupeKey(text: string): string {
  return text.normalize("NFKC").replace(PUNCT_SPACE, "").toLowerCase();
}

/**
 * A query as typed → the form searched: full-width letters and digits become ASCII (an IME in full-width
 * mode), ASCII lower case, ü → v, spaces collapsed. Chinese punctuation stays as it is in the texts.
 */
export function normalizeQuery(query: string): string {
  return query
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "")
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[üǖǘǚǜ]/g, "v")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

/** Text from a Word selection → snippet text: line breaks unified, lines trimmed, blank lines dropped. */
export function cleanSelectionText(text: string): string {
  return text
    .replace(/\r\n?|[\u000b\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000c\u000e-\u001f\u007f]/g, "")
    .split("\n")
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((l) => l.length > 0)
    .join("\n");
}

/** Kind guessed from the text, as the shipped library labels them: two sentence ends or several lines → paragraph; none and short → phrase. */
export function guessKind(text: string): "phrase" | "sentence" | "paragraph" {
  if (text.includes("\n")) return "paragraph";
  const ends = (text.match(/[。！？!?；;]/g) ?? []).length;
  if (ends >= 2) return "paragraph";
  if (ends === 0 && text.length <= 30) return "phrase";
  return "sentence";
}
