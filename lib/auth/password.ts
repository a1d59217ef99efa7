import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password or PIN with Argon2id. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

// A real hash to verify against when the account does not exist, so a
// missing account takes as long to refuse as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Checks a secret against a stored hash; a missing hash still costs a verify. */
export async function verifySecret(
  storedHash: string | null | undefined,
  secret: string,
): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashSecret("decoy-password-for-timing");
    await verify(await decoyHash, secret).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}
