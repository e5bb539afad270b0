// govuk-frontend's components are started from this file, not from an inline script, so the
// Content-Security-Policy can refuse inline scripts. initAll does nothing in browsers that
// govuk-frontend does not support: the pages work without JavaScript.
import { initAll } from "./govuk/govuk-frontend.min.js";

initAll();
