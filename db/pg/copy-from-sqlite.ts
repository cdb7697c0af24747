import { getTableColumns, getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { openReader } from "../connection";
import * as pgSchema from "../schema/pg";
import * as sqliteSchema from "../schema/sqlite";
import type { PgDb } from "./connection";

// Moves a site from its SQLite file to a PostgreSQL database (`quire copy-to-postgres`, and
// the bench's `--db postgres`). The two schema modules describe the same tables with the same
// row types (db/schema/shape.test.ts), so a row read through SQLite's table is a valid row
// for PostgreSQL's: Drizzle turns milliseconds into dates, 0/1 into booleans and JSON text
// into values on the way out, and back into PostgreSQL's types on the way in.

const PAGE_ROWS = 500; // rows per read and per insert: PostgreSQL takes at most 65,535 parameters

type Copied = { table: string; rows: number };

/** Tables in an order where every table comes after those its foreign keys point to. */
function tablesInKeyOrder(): PgTable[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const ordered: PgTable[] = [];
  const placed = new Set<PgTable>();
  const place = (table: PgTable) => {
    if (placed.has(table)) return;
    placed.add(table);
    for (const key of getTableConfig(table).foreignKeys) {
      const target = key.reference().foreignTable;
      if (target !== table) place(target);
    }
    ordered.push(table);
  };
  for (const table of tables) place(table);
  return ordered;
}

/** A table's columns that point back into the same table (a reply's parent): filled in a second pass. */
function selfReferences(table: PgTable): { column: string; key: string }[] {
  const columns = getTableColumns(table);
  const keyOf = (name: string) => Object.keys(columns).find((key) => columns[key]!.name === name)!;
  return getTableConfig(table)
    .foreignKeys.map((key) => key.reference())
    .filter((reference) => reference.foreignTable === table)
    .map((reference) => ({ column: reference.columns[0]!.name, key: keyOf(reference.columns[0]!.name) }));
}

/**
 * Copies every row of the SQLite file into `target`, a migrated PostgreSQL database with no
 * rows yet, in one transaction: on any failure nothing is left half-copied. Identity
 * sequences continue after the copied ids.
 */
export async function copySqliteToPg(
  sqliteFile: string,
  target: PgDb,
  onTable: (copied: Copied) => void = () => {},
): Promise<Copied[]> {
  const source = openReader(sqliteFile);
  const copied: Copied[] = [];
  try {
    await target.transaction(async (tx) => {
      for (const table of tablesInKeyOrder()) {
        const name = getTableName(table);
        const from = (Object.values(sqliteSchema) as unknown[]).find(
          (value): value is SQLiteTable => is(value, SQLiteTable) && getTableName(value) === name,
        );
        if (!from) throw new Error(`SQLite's schema has no table ${name}`);
        const selfRefs = selfReferences(table);
        const links: { id: number; values: Record<string, unknown> }[] = [];
        let rows = 0;
        // Keyset pages by rowid: every table has one, and a page never re-reads the ones before.
        for (let after = 0; ;) {
          const page = (await source
            .select({ ...getTableColumns(from), quireRowid: sql<number>`rowid` })
            .from(from)
            .where(sql`rowid > ${after}`)
            .orderBy(sql`rowid`)
            .limit(PAGE_ROWS)) as (Record<string, unknown> & { quireRowid: number })[];
          if (page.length === 0) break;
          after = page[page.length - 1]!.quireRowid;
          const values = page.map(({ quireRowid: _rowid, ...row }) => {
            for (const { key } of selfRefs) {
              if (row[key] != null) links.push({ id: row.id as number, values: { [key]: row[key] } });
              row[key] = null; // its target may come later in the table
            }
            return row;
          });
          await tx.insert(table).values(values as never);
          rows += page.length;
        }
        for (const { id, values } of links)
          await tx
            .update(table)
            .set(values as never)
            .where(sql`id = ${id}`);
        // Identity ids (text ids, such as an import job's, have no sequence).
        if (getTableColumns(table).id?.columnType === "PgInteger" && rows > 0)
          await tx.execute(sql`select setval(pg_get_serial_sequence(${name}, 'id'), (select max(id) from ${table}))`);
        copied.push({ table: name, rows });
        onTable({ table: name, rows });
      }
    });
  } finally {
    source.$client.close();
  }
  return copied;
}
