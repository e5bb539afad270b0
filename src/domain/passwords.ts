// What Witan accepts as a password, following NCSC and NIST SP 800-63B: length matters, so at
// least 12 characters; no composition rules; not the account's own email address, nor its
// name part. A long cap stops a megabyte "password" from tying up the hashing.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why the password is not acceptable, in words for the person choosing it; null if it is. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (password.trim() === "") return "The password must not be only spaces";
  const lower = password.trim().toLowerCase();
  const address = normaliseEmail(email);
  const mailbox = address.split("@")[0] ?? "";
  if (lower === address || (mailbox.length > 0 && lower === mailbox)) {
    return "The password must not be the email address";
  }
  return null;
}

/** Email addresses are compared without surrounding spaces and without regard to case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible address: something@something.something, no spaces, of a sensible length. */
export function isEmailAddress(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
