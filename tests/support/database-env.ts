import { inject } from "vitest";
import { TEST_SECRETS_KEY } from "./credentials";

// Library code reads DATABASE_URL when it first touches the database; in
// integration tests that is the harness's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.SECRETS_KEY = TEST_SECRETS_KEY;
