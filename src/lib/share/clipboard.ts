/**
 * Copies text to the clipboard. Resolves false, never throws, when the browser will
 * not allow it (no permission, an insecure context, an old browser), so the caller
 * can fall back to a selected text field the user copies from.
 */
export async function copyText(text: string, clipboard: Pick<Clipboard, 'writeText'> | null = globalThis.navigator?.clipboard ?? null): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
