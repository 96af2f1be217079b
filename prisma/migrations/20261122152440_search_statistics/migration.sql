-- Text search plans depend on how often a word occurs. The default statistics
-- keep too few lexemes, so a rare word is guessed common and searched by
-- scanning calls newest-first. A larger sample tells rare words from common ones.
ALTER TABLE "calls" ALTER COLUMN "search" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search" SET STATISTICS 1000;
