import { inject } from "vitest";

// Library code reads DATABASE_URL when it first touches the database; in
// integration tests that is the harness's database.
process.env.DATABASE_URL = inject("databaseUrl");
