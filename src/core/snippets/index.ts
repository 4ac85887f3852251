// The phrase library's public API for the task pane and the CLI.
export { builtinSnippets, loadPinyinIndex, mergeSnippetFiles } from "./library";
export { KIND_NAMES, SNIPPET_KINDS, type Snippet, type SnippetKind } from "./schema";
export { cleanSelectionText, dedupeKey, guessKind, normalizeQuery } from "./normalize";
export { pinyinFromIndex, type PinyinIndexData, type PinyinOf, type PinyinProLike } from "./pinyinCodec";
export { loadPinyinPro, pinyinWith, preparePinyin, snippetTexts, type PreparePinyinOptions } from "./pinyin";
export {
  MATCH_TIERS,
  createSearchIndex,
  queryTerms,
  search,
  suggest,
  type MatchTier,
  type SearchContext,
  type SearchHit,
  type SearchIndex,
  type SearchResults,
  type SnippetMatch,
} from "./search";
export {
  MAX_RECENT,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  MAX_TEXT_LENGTH,
  MemorySnippetStore,
  OWN_SOURCE,
  addUserSnippet,
  deleteUserSnippet,
  editUserSnippet,
  emptyUserLibrary,
  parseTags,
  parseUserLibrary,
  preferencesOf,
  recordUse,
  removeImportSource,
  searchableSnippets,
  setFavorite,
  sourceCounts,
  toggleFavorite,
  type ImportSource,
  type Result,
  type SnippetInput,
  type SnippetStore,
  type UserLibrary,
  type UserSnippet,
} from "./userLibrary";
export { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES, MAX_IMPORT_SNIPPETS, exportUserLibrary, importUserSnippets, type ExportFile, type ImportResult } from "./importExport";
export { snippetStats, type SnippetStats } from "./stats";
export { buildSearchIndex, type BuiltSearchIndex } from "./prepareIndex";
export { EXPECTED_ROLES, fillInProblems, libraryProblems, type LibraryProblems } from "./quality";
