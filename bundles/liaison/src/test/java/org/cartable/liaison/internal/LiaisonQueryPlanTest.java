package org.cartable.liaison.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.testing.QueryPlans;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TickingClock;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The reads of the load scenarios (a parent's list with {@code ?child=}, the teacher's list and acknowledgements
 * view) stay index lookups among a department's words, and run as many statements for 4 words as for 16.
 */
@TestInstance(Lifecycle.PER_CLASS)
class LiaisonQueryPlanTest {

    private static final String A = "class-a";
    private static final String SMALL = "class-small";
    private static final int PUPILS = 20;
    private static final int OTHER_CLASSES = 150;
    private static final int OTHER_WORDS = 8;
    private static final String[] GROWING = {"LIAISON_WORD", "LIAISON_RECIPIENT", "LIAISON_CONFIRMATION",
            "LIAISON_REPLY"};

    private final FakeSchool school = new FakeSchool(LiaisonApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller teacherSmall = school.person("teacher-small", "M. Petit", Role.TEACHER);
    private final List<Caller> pupils = new ArrayList<>();
    private final List<Caller> parents = new ArrayList<>();
    private TestDatabase db;
    private LiaisonService liaison;
    private String followedWord;

    @BeforeAll
    void seed() {
        school.teach(teacher, A).enable(A).teach(teacherSmall, SMALL).enable(SMALL);
        for (int i = 0; i < PUPILS; i++) {
            Caller pupil = school.person("pupil-" + i, "Élève " + i, Role.PUPIL);
            Caller parent = school.person("parent-" + i, "Parent " + i, Role.PARENT);
            school.enrol(pupil, i < PUPILS / 2 ? A : SMALL).parent(parent, pupil);
            pupils.add(pupil);
            parents.add(parent);
        }
        db = new TestDatabase().migrate(LiaisonService.CHANGELOG);
        liaison = LiaisonService.create(db.jpa("cartable-liaison"), school, school, new ScriptStripper(),
                LiaisonNotices.create(new RecordingNotifications()), new TickingClock());
        seedOtherClasses();
        // the same families, 16 words in one class and 4 in the other: what grows is the number of words listed
        for (int w = 0; w < 16; w++) {
            followedWord = writeAndConfirm(teacher, A, 0, "Mot " + w);
        }
        for (int w = 0; w < 4; w++) {
            writeAndConfirm(teacherSmall, SMALL, PUPILS / 2, "Petit mot " + w);
        }
        db.withoutStatistics();
    }

    @AfterAll
    void close() {
        db.close();
    }

    private String writeAndConfirm(Caller author, String classId, int firstPupil, String title) {
        Word word = liaison.write(author, classId, new NewWord(title, "<p>Texte</p>", Category.INFO, null, true,
                true));
        for (int i = firstPupil; i < firstPupil + PUPILS / 2 - 1; i++) {
            liaison.confirm(parents.get(i), classId, word.id(), pupils.get(i).userId());
        }
        liaison.reply(parents.get(firstPupil), classId, word.id(), pupils.get(firstPupil).userId(), "Merci");
        return word.id();
    }

    /** The rest of the department: 1 200 words, each to 25 pupils, all confirmed. */
    private void seedOtherClasses() {
        Timestamp at = Timestamp.from(Instant.parse("2026-09-10T08:00:00Z"));
        int words = OTHER_CLASSES * OTHER_WORDS;
        db.insertRows("insert into LIAISON_WORD (ID, CLASS_ID, AUTHOR_ID, TITLE, BODY, CATEGORY, WHOLE_CLASS,"
                        + " ACK_REQUIRED, REPLIES_ALLOWED, CREATED_AT) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", words,
                i -> new Object[] {"w-" + i, "other-" + i / OTHER_WORDS, "t-" + i / OTHER_WORDS, "Mot", "<p>x</p>",
                        "INFO", true, true, false, at});
        db.insertRows("insert into LIAISON_RECIPIENT (WORD_ID, PUPIL_ID, CLASS_ID, WORD_CREATED_AT)"
                        + " values (?, ?, ?, ?)", words * 25,
                i -> new Object[] {"w-" + i / 25, "o-" + i / 25 / OTHER_WORDS + "-" + i % 25,
                        "other-" + i / 25 / OTHER_WORDS, at});
        db.insertRows("insert into LIAISON_CONFIRMATION (ID, WORD_ID, PUPIL_ID, PARENT_ID, CONFIRMED_AT)"
                        + " values (?, ?, ?, ?, ?)", words * 25,
                i -> new Object[] {"c-" + i, "w-" + i / 25, "o-" + i / 25 / OTHER_WORDS + "-" + i % 25,
                        "op-" + i / 25 / OTHER_WORDS + "-" + i % 25, at});
    }

    private QueryPlans plans() {
        return db.queryPlans();
    }

    @Test
    void aParentsListIsIndexLookupsWhateverTheNumberOfWords() {
        QueryPlans.Captured<Notebook> many = plans().capture(
                () -> liaison.notebook(parents.get(0), A, pupils.get(0).userId()));
        QueryPlans.Captured<Notebook> few = plans().capture(
                () -> liaison.notebook(parents.get(PUPILS / 2), SMALL, pupils.get(PUPILS / 2).userId()));
        assertEquals(16, many.result().words().size());
        assertEquals(4, few.result().words().size());
        print("parent list 16 words", many.report());
        many.report().assertNoFullScanOf(GROWING);
        few.report().assertNoFullScanOf(GROWING);
        assertEquals(few.report().statementCount(), many.report().statementCount(),
                "statements for 4 words vs 16:\n" + few.report() + "\n" + many.report());
        // the child's confirmations and replies only (one a word at most), not those of the whole class
        many.report().assertRowsVisitedAtMost("LIAISON_CONFIRMATION", 2 * 16)
                .assertRowsVisitedAtMost("LIAISON_REPLY", 2 * 16)
                // which words and when: the child's range of the recipient index (one row past its end), nothing
                // of LIAISON_WORD; then the listed words' rows by key (Derby counts key and row: 2 a word)
                .assertRowsVisitedAtMost("LIAISON_RECIPIENT", 16 + 1)
                .assertRowsVisitedAtMost("LIAISON_WORD", 2 * 16);
    }

    @Test
    void theTeachersListIsIndexLookupsWhateverTheNumberOfWords() {
        QueryPlans.Captured<Notebook> many = plans().capture(() -> liaison.notebook(teacher, A, null));
        QueryPlans.Captured<Notebook> few = plans().capture(() -> liaison.notebook(teacherSmall, SMALL, null));
        assertEquals(16, many.result().words().size());
        assertEquals(PUPILS / 2 - 1, many.result().words().get(0).counts().confirmed());
        print("teacher list 16 words", many.report());
        many.report().assertNoFullScanOf(GROWING);
        few.report().assertNoFullScanOf(GROWING);
        assertEquals(few.report().statementCount(), many.report().statementCount(),
                "statements for 4 words vs 16:\n" + few.report() + "\n" + many.report());
    }

    @Test
    void theAcknowledgementsViewIsIndexLookups() {
        QueryPlans.Captured<FollowUp> followUp = plans().capture(() -> liaison.followUp(teacher, A, followedWord));
        assertEquals(PUPILS / 2, followUp.result().pupils().size());
        print("follow-up", followUp.report());
        followUp.report().assertNoFullScanOf(GROWING);
    }

    private static void print(String what, QueryPlans.Report report) {
        System.out.println("[LiaisonQueryPlanTest] " + what + ": " + report.statementCount() + " statements, whole reads "
                + report.fullScans() + ", rows visited " + report.rowsVisited());
    }
}
