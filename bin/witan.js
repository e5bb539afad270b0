#!/usr/bin/env node
// The `witan` command. Witan runs its TypeScript sources through tsx, so a checkout works
// straight after `npm ci`, with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
