-- A contact is its phone: who they are is read from their newest calls (lib/contacts/summary.ts), so that
-- saving a call never updates (and locks) the contact's row while other calls of the customer are being saved.
-- AlterTable
ALTER TABLE "contacts" DROP COLUMN "company",
DROP COLUMN "email",
DROP COLUMN "first_call_at",
DROP COLUMN "last_call_at",
DROP COLUMN "name";
