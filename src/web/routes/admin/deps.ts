import type { Config } from "../../../config.js";
import type { Db } from "../../../db/connect.js";
import type { Engine } from "../../../db/engine.js";

/** What the sign-in and back-office routes are built from. */
export type BackOfficeDeps = { db: Db; engine: Engine; config: Config; now: () => Date };
