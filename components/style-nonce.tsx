"use client";

import { getNonce, setNonce } from "get-nonce";

/**
 * Hands the page's CSP nonce to react-style-singleton (react-remove-scroll, under Radix's dialogs,
 * selects and menus), which reads it through get-nonce when it adds its <style> element; without it the
 * element breaks style-src. The nonce is read from the document's own scripts (the property keeps it
 * after the browser hides the attribute), so a later server render with a newer nonce cannot replace it.
 */
export function StyleNonce() {
  if (typeof document !== "undefined" && !getNonce()) {
    const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
    if (nonce) setNonce(nonce);
  }
  return null;
}
