-- The raw body and the transcript (its turns and search vectors) are the
-- large values of every call, compressed when stored. Postgres compresses
-- with pglz unless told otherwise; LZ4 takes a fraction of its CPU (bench:ingest:
-- pglz was a tenth of the database's work per webhook). Only where the server
-- was built with LZ4 (Debian and most packaged servers are; the embedded one
-- is not): elsewhere the columns keep pglz. Values stored before keep their
-- compression until written again; both read the same. A dump of such a
-- database restores into a server without LZ4 (the embedded one) with
-- pg_dump --no-toast-compression.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "raw_events" ALTER COLUMN "body" SET COMPRESSION lz4;
    ALTER TABLE "transcripts"
      ALTER COLUMN "turns" SET COMPRESSION lz4,
      ALTER COLUMN "search_customer" SET COMPRESSION lz4,
      ALTER COLUMN "search_agent" SET COMPRESSION lz4,
      ALTER COLUMN "search_other" SET COMPRESSION lz4;
  END IF;
END $$;
