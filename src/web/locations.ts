import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Where the web layer's files are, found from this module rather than the working directory,
// so `witan serve` works wherever it is started from.

const require = createRequire(import.meta.url);

export const VIEWS_DIR = fileURLToPath(new URL("views/", import.meta.url));
export const PUBLIC_DIR = fileURLToPath(new URL("public/", import.meta.url));
export const STYLES_DIR = fileURLToPath(new URL("styles/", import.meta.url));

/** govuk-frontend's dist folder: its Nunjucks templates are found as "govuk/…" from here. */
export const GOVUK_FRONTEND_DIST = join(dirname(require.resolve("govuk-frontend/package.json")), "dist");
export const GOVUK_DIR = join(GOVUK_FRONTEND_DIST, "govuk");
