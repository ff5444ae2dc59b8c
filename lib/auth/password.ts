import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's second recommended profile: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Unicode passwords are normalized (NFC) so that the same passphrase typed on another keyboard, which may
 * compose "ā" differently, still matches. Nothing is truncated: argon2 hashes the whole input.
 */
function normalize(password: string): string {
  return password.normalize("NFC");
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), OPTIONS);
}

// A real hash of a random string, computed once: verifying against it when an account does not exist
// costs the same time as a wrong password, so response time does not reveal which emails have accounts.
let decoy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hash(crypto.randomUUID(), OPTIONS);
    await verify(await decoy, normalize(password)).catch(() => false);
    return false;
  }
  return verify(storedHash, normalize(password)).catch(() => false);
}
