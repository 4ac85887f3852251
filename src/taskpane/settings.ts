// Per-user settings kept in the pane's local storage (per user and per machine); a broken store is ignored, never fatal.

export function loadSetting<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(`tigang.${key}`);
    return raw ? ({ ...fallback, ...JSON.parse(raw) } as T) : fallback;
  } catch {
    return fallback;
  }
}

export function saveSetting<T>(key: string, value: T): void {
  try {
    globalThis.localStorage?.setItem(`tigang.${key}`, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the setting lasts for this session only.
  }
}
