import { z } from "zod";

/** Long passphrases and any script are welcome; the upper bound only stops hashing megabytes. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * A new password: long enough, not absurdly long, any characters (spaces and Unicode included). No
 * composition rules: length is what makes a password strong (NIST SP 800-63B §3.1.1.2). Shared by the
 * forms in the browser and the actions on the server; nothing here may import server code.
 */
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
