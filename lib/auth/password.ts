import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (19 MiB, 2 passes): OWASP's recommended minimum.

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash even for unknown accounts keeps timing from revealing them.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$guDleyBlmFcFRdxbwULOdg$F7nx2mRwTNWjQ+WzNU7KWhnzCtOK3XqxKlYE6T6F6iw";

export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  try {
    const isValid = await verify(passwordHash ?? DUMMY_HASH, password);
    return isValid && passwordHash !== undefined;
  } catch {
    return false;
  }
}
