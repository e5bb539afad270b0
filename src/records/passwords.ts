import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// Passwords are stored as scrypt hashes (node:crypto; RFC 7914) with a random salt per password,
// in a string that names its own parameters: scrypt$N$r$p$salt$hash, salt and hash in base64.
// A stored hash therefore stays readable when the parameters are raised: needsRehash says when
// a successful sign-in should store a stronger one.

// N = 2^15, r = 8, p = 1: 32 MiB and some tens of milliseconds per hash, the parameters
// OWASP's password storage guidance lists for scrypt at this memory cost.
const CURRENT = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MAX_N = 2 ** 20;

type Parameters = { N: number; r: number; p: number };
type Parsed = Parameters & { salt: Buffer; hash: Buffer };

function derive(password: string, salt: Buffer, params: Parameters, length: number): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; Node refuses above maxmem, which defaults to exactly 32 MiB.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, CURRENT, KEY_BYTES);
  const { N, r, p } = CURRENT;
  return ["scrypt", N, r, p, salt.toString("base64"), hash.toString("base64")].join("$");
}

function parse(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || salt === undefined || hash === undefined) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N) return null;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > 32) return null;
  if (!Number.isInteger(params.p) || params.p < 1 || params.p > 16) return null;
  const parsed = { ...params, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
  return parsed.salt.length > 0 && parsed.hash.length >= 16 ? parsed : null;
}

/** Whether the password matches the stored hash, compared in constant time. A stored value that
 * is not a hash this code wrote matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null) return false;
  const candidate = await derive(password, parsed.salt, parsed, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Whether a hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (parsed === null) return true;
  return (
    parsed.N < CURRENT.N || parsed.r < CURRENT.r || parsed.p < CURRENT.p || parsed.hash.length < KEY_BYTES
  );
}

// Checked against when no account has the email given, so that an unknown address takes as long
// to refuse as a wrong password and the time taken does not reveal which addresses have accounts.
let decoy: Promise<string> | undefined;

export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await decoy);
}
