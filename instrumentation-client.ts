// Runs in the browser before the app's own modules (Next's instrumentation-client convention): settings
// that must be in place before the first component or schema module is evaluated.
import { setNonce } from "get-nonce";
import { config } from "zod/v4/core";

// zod 4 probes `new Function("")` when an object schema is built, to decide whether to compile fast
// parsers; the strict CSP refuses it and reports a violation even though zod catches the error (zod's own
// comment on `allowsEval` in v4/core/util.js). The schemas parse the same without the compiled path.
config({ jitless: true });

// react-style-singleton (react-remove-scroll, under Radix's dialogs, selects and menus) adds a <style>
// element with the nonce it gets from get-nonce; without it style-src refuses the element. The nonce is
// this document's, read from Next's own scripts (the property keeps it after the browser hides the
// attribute), so a later server render carrying a newer nonce cannot replace it.
const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
if (nonce) setNonce(nonce);
