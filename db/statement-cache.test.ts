import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { reusingStatements } from "./statement-cache";

function connection() {
  const sqlite = new Database(":memory:");
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b'), ('c');");
  return { sqlite, client: reusingStatements(sqlite) };
}

test("the same SQL gets the same statement back, in object mode whatever the last caller left", () => {
  const { client } = connection();
  const first = client.prepare("SELECT id, name FROM t ORDER BY id");
  expect(first.raw().all()).toEqual([
    [1, "a"],
    [2, "b"],
    [3, "c"],
  ]);
  const again = client.prepare("SELECT id, name FROM t ORDER BY id");
  expect(again).toBe(first);
  expect(again.get()).toEqual({ id: 1, name: "a" });
});

test("a statement still being iterated is not handed out: the caller gets its own", () => {
  const { client } = connection();
  const sql = "SELECT name FROM t ORDER BY id";
  const names: string[] = [];
  for (const row of client.prepare(sql).iterate() as IterableIterator<{ name: string }>) {
    const inner = client.prepare(sql).all() as { name: string }[];
    names.push(`${row.name}:${inner.length}`);
  }
  expect(names).toEqual(["a:3", "b:3", "c:3"]);
});

test("writes and transactions go to the real connection", () => {
  const { sqlite, client } = connection();
  client.transaction(() => client.prepare("INSERT INTO t (name) VALUES (?)").run("d"))();
  expect(sqlite.prepare("SELECT count(*) FROM t").pluck().get()).toBe(4);
});
