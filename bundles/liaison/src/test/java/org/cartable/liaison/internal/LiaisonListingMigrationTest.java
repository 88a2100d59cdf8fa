package org.cartable.liaison.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a notebook written by the previous version: its recipient rows get their word's class and date, and the
 * families' lists read from them show the same words as before.
 */
class LiaisonListingMigrationTest {

    /** The changesets of the version before the listing ranges. */
    private static final int PREVIOUS_VERSION = 5;

    private final TestDatabase db = new TestDatabase().migrateFirst(LiaisonService.CHANGELOG, PREVIOUS_VERSION);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recipientRowsOfTheOldSchemaGetTheirWordsClassAndDate() {
        Timestamp september = Timestamp.from(Instant.parse("2026-09-10T08:00:00Z"));
        Timestamp october = Timestamp.from(Instant.parse("2026-10-01T16:30:00Z"));
        db.insertRows("insert into LIAISON_WORD (ID, CLASS_ID, AUTHOR_ID, TITLE, BODY, CATEGORY, WHOLE_CLASS,"
                        + " ACK_REQUIRED, REPLIES_ALLOWED, CREATED_AT) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 3,
                i -> new Object[] {"w-" + i, i < 2 ? "cm1" : "cp", "teacher", "Mot " + i, "<p>x</p>", "INFO",
                        true, true, false, i == 1 ? october : september});
        // Léa was in both classes' words (she changed class), Nathan only in the CM1's first one.
        db.insertRows("insert into LIAISON_RECIPIENT (WORD_ID, PUPIL_ID) values (?, ?)", 4,
                i -> new Object[] {List.of("w-0", "w-1", "w-2", "w-0").get(i), i < 3 ? "lea" : "nathan"});

        db.migrate(LiaisonService.CHANGELOG);

        FakeSchool school = new FakeSchool(LiaisonApp.ID);
        Caller lea = school.person("lea", "Léa Martin", Role.PUPIL);
        Caller nathan = school.person("nathan", "Nathan Petit", Role.PUPIL);
        Caller sophie = school.person("sophie", "Sophie Martin", Role.PARENT);
        school.enrol(lea, "cm1").enrol(nathan, "cm1").parent(sophie, lea).enable("cm1");
        LiaisonService liaison = LiaisonService.create(db.jpa("cartable-liaison"), school, school,
                new ScriptStripper(), LiaisonNotices.create(new RecordingNotifications()), new TickingClock());

        assertEquals(List.of("Mot 1", "Mot 0"), titles(liaison.notebook(sophie, "cm1", "lea")),
                "the CM1's words to Léa, newest first; not the CP's");
        assertEquals(List.of("Mot 0"), titles(liaison.notebook(nathan, "cm1", null)));
        assertEquals(2, liaison.notebook(sophie, "cm1", "lea").unread());
    }

    private static List<String> titles(Notebook notebook) {
        return notebook.words().stream().map(Word::title).toList();
    }
}
