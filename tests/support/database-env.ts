import { inject } from "vitest";
import { TEST_SECRETS_KEY } from "./credentials";

// Library code reads DATABASE_URL when it first touches the database; in
// integration tests that is the harness's database (and its recording archive).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.SECRETS_KEY = TEST_SECRETS_KEY;
// The app's archive, for library code a test runs itself (the demo seed).
process.env.RECORDINGS_DIR = inject("recordingsDir");
// A test that queues a job starts pg-boss here, which writes every queue's
// options to the database: they must be the app's (retries after 1, 2, 4… s).
process.env.JOB_RETRY_BASE_SECONDS = "1";
