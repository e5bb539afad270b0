import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { WitanError } from "../errors.js";
import type { Bundle } from "./bundle.js";
import { bundleSchema } from "./bundle-schema.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv, ["date"]);
const validate = ajv.compile<Bundle>(bundleSchema);

/** Checks a parsed JSON value against the bundle schema; the error lists every problem with its path. */
export function parseBundle(value: unknown): Bundle {
  if (validate(value)) return value;
  const details = (validate.errors ?? [])
    .slice(0, 20)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim());
  throw new WitanError(
    "BUNDLE_INVALID",
    `The bundle does not match the bundle schema: ${details[0] ?? ""}`,
    details,
  );
}
