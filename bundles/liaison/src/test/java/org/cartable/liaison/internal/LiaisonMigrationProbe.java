package org.cartable.liaison.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (its name keeps it out of the build's test run): how long the listing-ranges changeset
 * takes to fill the recipient rows of a year of words, on an in-memory Derby (a disk is slower). Run it with
 * {@code mvn -B -o -q test -pl bundles/liaison -Dtest=LiaisonMigrationProbe -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwords=20000} (25 pupils a word).
 */
class LiaisonMigrationProbe {

    @Test
    void fillTheRecipientRowsOfAYearOfWords() {
        int words = Integer.getInteger("words", 20_000);
        int pupils = 25;
        Timestamp at = Timestamp.from(Instant.parse("2026-09-10T08:00:00Z"));
        try (TestDatabase db = new TestDatabase().migrateFirst(LiaisonService.CHANGELOG, 5)) {
            db.insertRows("insert into LIAISON_WORD (ID, CLASS_ID, AUTHOR_ID, TITLE, BODY, CATEGORY, WHOLE_CLASS,"
                            + " ACK_REQUIRED, REPLIES_ALLOWED, CREATED_AT) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    words, i -> new Object[] {"w-" + i, "class-" + i / 36, "t", "Mot", "<p>x</p>", "INFO", true,
                            true, false, at});
            db.insertRows("insert into LIAISON_RECIPIENT (WORD_ID, PUPIL_ID) values (?, ?)", words * pupils,
                    i -> new Object[] {"w-" + i / pupils, "p-" + i / pupils / 36 + "-" + i % pupils});
            long start = System.nanoTime();
            db.migrate(LiaisonService.CHANGELOG);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[LiaisonMigrationProbe] " + words + " words, " + words * pupils
                    + " recipient rows filled and indexed in " + millis + " ms = "
                    + (long) words * pupils * 1000 / Math.max(1, millis) + " rows/s");
        }
    }
}
