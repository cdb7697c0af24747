// The two schema modules describe one shape (docs/postgres.md): the same tables, and
// for each the same row types, column names, nullability, keys and indexes. Query code
// will use the PostgreSQL tables typed as the SQLite ones; this is what makes that honest.
//
// The type checks run under `tsc --noEmit` (and Vitest's expectTypeOf); the tables are
// found from each module's exports, so a table added to one module only fails here.
import { type Column, getTableName, is, type Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

type TablesOf<Module> = { [K in keyof Module as Module[K] extends Table ? K : never]: Module[K] };
type RowTypes<Module> = {
  [K in keyof TablesOf<Module>]: TablesOf<Module>[K] extends Table
    ? { select: TablesOf<Module>[K]["$inferSelect"]; insert: TablesOf<Module>[K]["$inferInsert"] }
    : never;
};

describe("the SQLite and PostgreSQL schemas", () => {
  it("export the same tables with the same row types", () => {
    expectTypeOf<keyof TablesOf<typeof pg>>().toEqualTypeOf<keyof TablesOf<typeof sqlite>>();
    expectTypeOf<RowTypes<typeof pg>>().toEqualTypeOf<RowTypes<typeof sqlite>>();
    // One table spelled out, so a failure above can be compared with a readable case.
    expectTypeOf<typeof pg.posts.$inferSelect>().toEqualTypeOf<typeof sqlite.posts.$inferSelect>();
    expectTypeOf<typeof pg.posts.$inferInsert>().toEqualTypeOf<typeof sqlite.posts.$inferInsert>();

    expect(tableExports(pg, PgTable)).toEqual(tableExports(sqlite, SQLiteTable));
    expect(tableExports(sqlite, SQLiteTable).length).toBeGreaterThan(20);
  });

  // What the types cannot see: SQL names, defaults, keys, indexes and delete actions.
  it.each(tableExports(sqlite, SQLiteTable))("describe %s alike in SQL", (name) => {
    const lite = sqliteTableConfig((sqlite as unknown as Record<string, SQLiteTable>)[name]!);
    const post = pgTableConfig((pg as unknown as Record<string, PgTable>)[name]!);
    expect(describeTable(post)).toEqual(describeTable(lite));
  });
});

function tableExports(module: object, kind: typeof PgTable | typeof SQLiteTable): string[] {
  return Object.entries(module)
    .filter(([, value]) => is(value, kind))
    .map(([key]) => key)
    .sort();
}

type TableConfig = ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>;

// A dialect-free description of a table (Drizzle counts an identity or autoincrement id
// as having a default on both).
function describeTable(config: TableConfig) {
  const columnNames = (columns: Column[]) => columns.map((column) => column.name);
  return {
    name: config.name,
    columns: config.columns
      .map((column) => ({
        name: column.name,
        notNull: column.notNull,
        primary: column.primary,
        unique: column.isUnique,
        hasDefault: column.hasDefault,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((key) => columnNames(key.columns)),
    uniqueConstraints: config.uniqueConstraints.map((unique) => [unique.name, columnNames(unique.columns)]),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        columns: index.config.columns.map((column) => (column as Column).name),
      }))
      .sort((a, b) => a.name!.localeCompare(b.name!)),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return {
          columns: columnNames(reference.columns),
          table: getTableName(reference.foreignTable),
          foreignColumns: columnNames(reference.foreignColumns),
          onDelete: key.onDelete ?? "no action",
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    checks: config.checks.map((check) => check.name).sort(),
  };
}
