import { MAX_PASSWORD_LENGTH, isEmailAddress, normaliseEmail } from "../../../domain/passwords.js";

// The sign-in form's fields, read from the posted body and checked, with messages in the words
// of the GOV.UK Design System's email address and password patterns.

export type SignInForm = { email: string; password: string };
export type SignInErrors = Partial<Record<keyof SignInForm, string>>;

const MAX_EMAIL_LENGTH = 254;

function field(body: unknown, name: string): string {
  if (typeof body !== "object" || body === null || !(name in body)) return "";
  const value: unknown = Object.getOwnPropertyDescriptor(body, name)?.value;
  return typeof value === "string" ? value : "";
}

export function readSignInForm(body: unknown): { form: SignInForm; errors: SignInErrors } {
  const form = { email: field(body, "email").trim(), password: field(body, "password") };
  const errors: SignInErrors = {};
  if (form.email === "") errors.email = "Enter your email address";
  else if (form.email.length > MAX_EMAIL_LENGTH) {
    errors.email = `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`;
  } else if (!isEmailAddress(normaliseEmail(form.email))) {
    errors.email = "Enter an email address in the correct format, like name@example.com";
  }
  if (form.password === "") errors.password = "Enter your password";
  else if ([...form.password].length > MAX_PASSWORD_LENGTH) {
    errors.password = `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  return { form, errors };
}
