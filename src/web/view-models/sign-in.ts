// The sign-in page's view model, in the parameter shapes of govuk-frontend's macros.

type Text = { text: string };
type SignInErrors = { email?: string; password?: string };
export type ErrorLink = { text: string; href: string };
export type SignedOut = "here" | "everywhere";

export type SignInPage = {
  pageTitle: string;
  csrfToken: string;
  email: string;
  errorList: ErrorLink[];
  errors: { email: Text | null; password: Text | null };
  /** after a refused sign-in: what to do if it keeps happening */
  isRefused: boolean;
  notice: string | null;
  /** the back-office page to go on to after signing in */
  returnTo: string | null;
};

/** One message for every refusal, so the page does not say which addresses have accounts. */
export const NOT_RIGHT = "The email address or password is not right";

const NOTICES: Record<SignedOut, string> = {
  here: "You have signed out",
  everywhere: "You have signed out on every device and browser",
};

export function signInPage(options: {
  csrfToken: string;
  email?: string;
  errors?: SignInErrors;
  isRefused?: boolean;
  signedOut?: SignedOut;
  returnTo?: string | null;
}): SignInPage {
  const errors = options.errors ?? {};
  const isRefused = options.isRefused ?? false;
  const emailError = errors.email ?? (isRefused ? NOT_RIGHT : undefined);
  const errorList: ErrorLink[] = [];
  if (emailError !== undefined) errorList.push({ text: emailError, href: "#email" });
  if (errors.password !== undefined) errorList.push({ text: errors.password, href: "#password" });
  return {
    // GOV.UK pattern: a page with errors says so first in its title.
    pageTitle: errorList.length > 0 ? "Error: Sign in" : "Sign in",
    csrfToken: options.csrfToken,
    email: options.email ?? "",
    errorList,
    errors: {
      email: emailError === undefined ? null : { text: emailError },
      password: errors.password === undefined ? null : { text: errors.password },
    },
    isRefused,
    notice: options.signedOut === undefined ? null : NOTICES[options.signedOut],
    returnTo: options.returnTo ?? null,
  };
}
