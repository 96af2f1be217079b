// Known credentials the test harness bootstraps with.
export const TEST_WEBHOOK_SECRET = "whsec_integration_test_secret";
export const TEST_API_KEY = "ck_integration_test_key_0123456789";
export const TEST_ADMIN = { email: "admin@test.local", password: "test-password" };
export const TEST_MANAGER = { email: "manager@test.local", password: "manager-password" };
/** The app's key for vendor tokens at rest (32 bytes, hex); the tests encrypt with it too. */
export const TEST_SECRETS_KEY = "5f".repeat(32);
export const TEST_CRON_SECRET = "cron_integration_test_secret";
