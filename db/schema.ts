// The SQLite schema, where the app and its tests import it from (db/schema/ holds one module per dialect).
export * from "./schema/sqlite";
