// Writes schema/bundle.schema.json from src/domain/bundle-schema.ts (npm run schema).
import { writeFileSync } from "node:fs";
import { bundleSchemaJson } from "../src/domain/bundle-schema.js";

writeFileSync(new URL("../schema/bundle.schema.json", import.meta.url), bundleSchemaJson());
