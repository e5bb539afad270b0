import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import { GOVUK_DIR } from "../locations.js";

// Security headers with a strict Content-Security-Policy: scripts only from our own origin, no
// inline script and no inline style. The one inline script is govuk-frontend's page template's
// (it adds the "js-enabled" and "govuk-frontend-supported" classes before first paint, and sits
// outside any block we could override), so it is allowed by the hash of its exact text, read
// from the installed template: an upgrade that changes the script changes the hash with it.

export function govukTemplateScriptHash(templateFile = join(GOVUK_DIR, "template.njk")): string {
  const template = readFileSync(templateFile, "utf8");
  const script = /<script\b[^>]*>([^<]*)<\/script>/.exec(template)?.[1];
  if (script === undefined) throw new Error(`No inline script found in ${templateFile}`);
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", govukTemplateScriptHash()],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: a council trying Witan on its intranet over plain HTTP
        // would get a page without styles. Deployments behind TLS get HSTS from helmet instead.
      },
    },
  });
}
