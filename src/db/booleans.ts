import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";

// SQLite has no boolean type and better-sqlite3 refuses to bind JavaScript booleans, so on
// SQLite booleans are written as 0/1 and read back as booleans for every column or alias
// named is_* or has_*. PostgreSQL needs none of this. Callers only ever see booleans.

const isFlagName = (name: string) => name.startsWith("is_") || name.startsWith("has_");

class BooleanToInteger extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    if (typeof node.value !== "boolean") return super.transformValue(node);
    const value = node.value ? 1 : 0;
    return node.immediate ? ValueNode.createImmediate(value) : ValueNode.create(value);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return PrimitiveValueListNode.create(
      node.values.map((value) => (typeof value === "boolean" ? (value ? 1 : 0) : value)),
    );
  }
}

export class SqliteBooleans implements KyselyPlugin {
  readonly #transformer = new BooleanToInteger();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return { ...args.result, rows: args.result.rows.map(readFlags) };
  }
}

function readFlags(row: UnknownRow): UnknownRow {
  const out: UnknownRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = isFlagName(key) && (value === 0 || value === 1) ? value === 1 : value;
  }
  return out;
}
