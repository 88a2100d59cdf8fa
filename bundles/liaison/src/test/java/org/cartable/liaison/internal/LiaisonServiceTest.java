package org.cartable.liaison.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.Role;
import org.cartable.api.notify.Notice;
import org.cartable.liaison.internal.FollowUp.PupilStatus;
import org.cartable.liaison.internal.LiaisonService.Confirmed;
import org.cartable.liaison.internal.Notebook.View;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The notebook's rules on the real schema and mapping (in-memory Derby), the platform's services faked. */
class LiaisonServiceTest {

    private static final String A = "class-a";
    private static final String B = "class-b";

    private final FakeSchool school = new FakeSchool(LiaisonApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller teacherB = school.person("teacher-b", "M. Durand", Role.TEACHER);
    private final Caller lea = school.person("lea", "Léa Petit", Role.PUPIL);
    private final Caller nathan = school.person("nathan", "Nathan Benali", Role.PUPIL);
    private final Caller tom = school.person("tom", "Tom Roux", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo Petit", Role.PUPIL);
    private final Caller sophie = school.person("sophie", "Sophie Petit", Role.PARENT);
    private final Caller marc = school.person("marc", "Marc Petit", Role.PARENT);
    private final Caller karim = school.person("karim", "Karim Benali", Role.PARENT);

    private final RecordingNotifications feed = new RecordingNotifications();
    private final TickingClock clock = new TickingClock();
    private TestDatabase db;
    private LiaisonService liaison;

    @BeforeEach
    void setUp() {
        school.teach(teacher, A).enrol(lea, A).enrol(nathan, A).enrol(tom, A).enable(A);
        school.teach(teacherB, B).enrol(hugo, B).enable(B);
        // Léa has two parents; Sophie is also Hugo's mother, in another class; Tom's family has no account.
        school.parent(sophie, lea).parent(marc, lea).parent(sophie, hugo).parent(karim, nathan);
        db = new TestDatabase().migrate(LiaisonService.CHANGELOG);
        liaison = LiaisonService.create(db.jpa("cartable-liaison"), school, school, new ScriptStripper(),
                LiaisonNotices.create(feed), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Word write(String title, Set<String> pupils) {
        return liaison.write(teacher, A, new NewWord(title, "<p>Texte</p><script>x()</script>", Category.SORTIE,
                pupils, true, true));
    }

    @Test
    void aLongNotebookListsAPageOfWordsAParentsUnreadOnesFirst() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            newestFirst.add(0, write("Mot " + i, null).id());
        }
        // Sophie has seen every word but the three oldest: those are still waiting for her "Vu".
        newestFirst.subList(0, 22).forEach(id -> liaison.confirm(sophie, A, id, "lea"));

        Notebook staff = liaison.notebook(teacher, A, null);
        assertEquals(newestFirst.subList(0, LiaisonService.PAGE), staff.words().stream().map(Word::id).toList());
        assertEquals(5, staff.older());

        Notebook parent = liaison.notebook(sophie, A, "lea");
        List<String> expected = new ArrayList<>(newestFirst.subList(22, 25));
        expected.addAll(newestFirst.subList(0, LiaisonService.PAGE - 3));
        assertEquals(expected, parent.words().stream().map(Word::id).toList(), "unread on top, then the newest");
        assertEquals(3, parent.unread());
        assertEquals(5, parent.older());

        Notebook everything = liaison.notebook(sophie, A, "lea", 40);
        assertEquals(25, everything.words().size());
        assertEquals(0, everything.older());
        Notebook one = liaison.notebook(marc, A, "lea", 1);
        assertEquals(List.of(newestFirst.get(22)), one.words().stream().map(Word::id).toList(),
                "Léa's other parent: the newest of the same unread words (seen is per child)");
        assertEquals(3, one.unread(), "every unread word counts, listed or not");
        assertEquals(24, one.older());

        assertRefused(Kind.BAD_REQUEST, () -> liaison.notebook(teacher, A, null, 0));
        assertRefused(Kind.BAD_REQUEST, () -> liaison.notebook(teacher, A, null, LiaisonService.SHOWN_MAX + 1));
    }

    @Test
    void aWordToTheClassReachesEveryParentAndIsReadByPupils() {
        Word word = write("Sortie au musée", null);
        assertEquals("<p>Texte</p>", word.body(), "sanitised");
        assertEquals(new Word.Counts(0, 3), word.counts());
        assertTrue(word.wholeClass());

        Notice notice = feed.published().get(0);
        assertEquals(LiaisonApp.NOTICE_WORD, notice.type());
        assertEquals(A, notice.classId());
        assertEquals("teacher", notice.actorId());
        assertEquals(Set.of("lea", "nathan", "tom"), notice.audience().parentsOnly());
        assertTrue(notice.audience().persons().isEmpty() && notice.audience().pupilsAndParents().isEmpty());
        assertEquals("liaison/" + A + "/word/" + word.id(), notice.link());
        assertTrue(notice.text().in(java.util.Locale.FRENCH).contains("Sortie au musée"));

        Notebook forLea = liaison.notebook(sophie, A, "lea");
        assertEquals(View.PARENT, forLea.view());
        assertEquals(1, forLea.unread());
        assertFalse(forLea.words().get(0).child().read());
        assertNull(forLea.words().get(0).counts(), "families do not see the class's counters");
        assertEquals(1, liaison.notebook(karim, A, null).words().size(), "one child in the class: no ?child needed");
        assertEquals(View.PUPIL, liaison.notebook(lea, A, null).view());
        assertEquals(word.id(), liaison.word(nathan, A, word.id(), null).id());
    }

    @Test
    void acknowledgementsAreAuditedOnceAndRefusalsNot() {
        java.util.List<org.cartable.api.audit.AuditEvent> audited = new java.util.ArrayList<>();
        liaison.withAuditLog(audited::add);
        Word word = write("Sortie au musée", null);
        liaison.confirm(sophie, A, word.id(), "lea");
        liaison.confirm(sophie, A, word.id(), "lea"); // idempotent: nothing new to record
        assertThrows(RuntimeException.class, () -> liaison.confirm(karim, A, word.id(), "lea"));
        assertEquals(1, audited.size(), audited::toString);
        assertEquals(org.cartable.api.audit.AuditTypes.LIAISON_ACKNOWLEDGEMENT, audited.get(0).type());
        assertEquals("sophie", audited.get(0).actorId());
        assertEquals(A + "/" + word.id(), audited.get(0).target());
        assertEquals("child lea", audited.get(0).detail());
    }

    @Test
    void aWordToChosenPupilsIsInvisibleToTheOthers() {
        Word word = write("Rendez-vous", Set.of("lea"));
        assertEquals(Set.of("lea"), feed.published().get(0).audience().parentsOnly());
        assertEquals(new Word.Counts(0, 1), word.counts());

        assertEquals(1, liaison.notebook(marc, A, "lea").words().size());
        assertTrue(liaison.notebook(karim, A, "nathan").words().isEmpty());
        assertTrue(liaison.notebook(nathan, A, null).words().isEmpty());
        assertRefused(Kind.NOT_FOUND, () -> liaison.word(karim, A, word.id(), "nathan"));
        assertRefused(Kind.NOT_FOUND, () -> liaison.word(nathan, A, word.id(), null));
        assertRefused(Kind.NOT_FOUND, () -> liaison.confirm(karim, A, word.id(), "nathan"));
        assertRefused(Kind.NOT_FOUND, () -> liaison.reply(karim, A, word.id(), "nathan", "Bonjour"));
    }

    @Test
    void choosingPupilsOfAnotherClassOrNoneIsABadRequest() {
        assertRefused(Kind.BAD_REQUEST, () -> write("Mot", Set.of("hugo")));
        assertRefused(Kind.BAD_REQUEST, () -> write("Mot", Set.of()));
        assertRefused(Kind.BAD_REQUEST, () -> write(" ", null));
        assertRefused(Kind.BAD_REQUEST, () -> liaison.write(teacher, A,
                new NewWord("Mot", "<script>x()</script>", Category.INFO, null, true, false)));
        assertTrue(feed.published().isEmpty(), "nothing stored, nothing sent");
        assertTrue(liaison.notebook(teacher, A, null).words().isEmpty());
    }

    @Test
    void onlyTheStaffWriteAndOutsidersSeeNothing() {
        Word word = write("Mot", null);
        assertRefused(Kind.FORBIDDEN, () -> liaison.write(sophie, A, new NewWord("Mot", "x", null, null, true, false)));
        assertRefused(Kind.FORBIDDEN, () -> liaison.write(lea, A, new NewWord("Mot", "x", null, null, true, false)));
        assertRefused(Kind.FORBIDDEN, () -> liaison.followUp(sophie, A, word.id()));
        assertRefused(Kind.FORBIDDEN, () -> liaison.remind(karim, A, word.id()));
        assertRefused(Kind.NOT_FOUND, () -> liaison.notebook(teacherB, A, null));
        assertRefused(Kind.NOT_FOUND, () -> liaison.word(hugo, A, word.id(), null));
        // Sophie's other child is in B: not a child of this class, and B's words are B's
        assertRefused(Kind.NOT_FOUND, () -> liaison.notebook(sophie, A, "hugo"));
        assertRefused(Kind.NOT_FOUND, () -> liaison.confirm(sophie, A, word.id(), "hugo"));
        assertRefused(Kind.NOT_FOUND, () -> liaison.word(sophie, B, word.id(), "hugo"));
        assertRefused(Kind.FORBIDDEN, () -> liaison.confirm(teacher, A, word.id(), null));
    }

    @Test
    void aParentOfChildrenInTwoSchoolsGetsEachChildsWords() {
        liaison.write(teacherB, B, new NewWord("Piscine", "<p>Bonnet</p>", Category.PISCINE, null, true, false));
        Notebook forHugo = liaison.notebook(sophie, B, null);
        assertEquals("hugo", forHugo.child().id());
        assertEquals(1, forHugo.unread());
        assertTrue(liaison.notebook(sophie, A, "lea").words().isEmpty());
    }

    @Test
    void confirmingIsPerChildIdempotentAndKeepsTheFirstTime() {
        Word word = write("Sortie", null);
        Confirmed first = liaison.confirm(sophie, A, word.id(), "lea");
        assertTrue(first.created());
        clock.advance(Duration.ofMinutes(5));
        Confirmed again = liaison.confirm(sophie, A, word.id(), "lea");
        assertFalse(again.created());
        assertEquals(first.confirmation(), again.confirmation(), "the first confirmation, unchanged");

        Notebook forLea = liaison.notebook(marc, A, "lea");
        assertEquals(0, forLea.unread(), "one parent's confirmation marks the word read for the child");
        assertFalse(forLea.words().get(0).child().confirmedByMe());
        Confirmed second = liaison.confirm(marc, A, word.id(), "lea");
        assertTrue(second.created(), "a second parent may confirm too");

        Word seen = liaison.word(teacher, A, word.id(), null);
        assertEquals(new Word.Counts(1, 3), seen.counts(), "x / total counts pupils, not parents");
        PupilStatus leaStatus = status(liaison.followUp(teacher, A, word.id()), "lea");
        assertEquals(List.of("sophie", "marc"), leaStatus.confirmations().stream().map(Confirmation::parentId).toList());
        assertEquals(first.confirmation().confirmedAt(), leaStatus.confirmations().get(0).confirmedAt());
        assertEquals("Sophie Petit", leaStatus.confirmations().get(0).parentName());
    }

    @Test
    void twoParentsConfirmingAtOnceAreBothStored() throws Exception {
        Word word = write("Sortie", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Confirmed> bySophie = () -> {
                start.await();
                return liaison.confirm(sophie, A, word.id(), "lea");
            };
            Callable<Confirmed> byMarc = () -> {
                start.await();
                return liaison.confirm(marc, A, word.id(), "lea");
            };
            List<Future<Confirmed>> results = List.of(pool.submit(bySophie), pool.submit(byMarc),
                    pool.submit(bySophie), pool.submit(byMarc));
            start.countDown();
            for (Future<Confirmed> result : results) {
                assertNotNull(result.get(30, TimeUnit.SECONDS).confirmation());
            }
        } finally {
            pool.shutdownNow();
        }
        PupilStatus leaStatus = status(liaison.followUp(teacher, A, word.id()), "lea");
        assertEquals(Set.of("sophie", "marc"),
                Set.copyOf(leaStatus.confirmations().stream().map(Confirmation::parentId).toList()));
        assertEquals(2, leaStatus.confirmations().size(), "one each, however many clicks");
    }

    @Test
    void aCorrectionKeepsConfirmationsAndNotifiesNobody() {
        Word word = write("Sortie le 12", null);
        liaison.confirm(sophie, A, word.id(), "lea");
        int sent = feed.published().size();

        Word corrected = liaison.correct(teacher, A, word.id(), "Sortie le 13", "<p>Le 13, pas le 12.</p>", null);
        assertEquals("Sortie le 13", corrected.title());
        assertEquals(Category.SORTIE, corrected.category(), "kept when not given");
        assertNotNull(corrected.editedAt());
        assertEquals(sent, feed.published().size(), "a correction sends nothing");
        assertEquals(new Word.Counts(1, 3), corrected.counts());
        Word forParent = liaison.word(sophie, A, word.id(), "lea");
        assertEquals(corrected.editedAt(), forParent.editedAt());
        assertTrue(forParent.child().read());
        assertRefused(Kind.FORBIDDEN, () -> liaison.correct(sophie, A, word.id(), "x", "y", null));
    }

    @Test
    void aWordFamiliesConfirmedCannotBeDeleted() {
        Word kept = write("Sortie", null);
        liaison.confirm(karim, A, kept.id(), "nathan");
        assertRefused(Kind.CONFLICT, () -> liaison.delete(teacher, A, kept.id()));
        assertEquals(1, liaison.followUp(teacher, A, kept.id()).pupils().stream()
                .filter(PupilStatus::confirmed).count());

        Word unanswered = write("Brouillon envoyé par erreur", null);
        liaison.delete(teacher, A, unanswered.id());
        assertRefused(Kind.NOT_FOUND, () -> liaison.word(teacher, A, unanswered.id(), null));
    }

    @Test
    void aReminderGoesToTheParentsOfPupilsNobodyConfirmedForOncePerHour() {
        Word word = write("Sortie", null);
        liaison.confirm(sophie, A, word.id(), "lea");
        feed.clear();

        Reminder reminder = liaison.remind(teacher, A, word.id());
        assertEquals(2, reminder.pupils());
        Notice notice = feed.published().get(0);
        assertEquals(LiaisonApp.NOTICE_REMINDER, notice.type());
        assertEquals(Set.of("nathan", "tom"), notice.audience().parentsOnly());
        assertEquals("teacher", notice.actorId());
        assertEquals(reminder.sentAt(), liaison.word(teacher, A, word.id(), null).lastReminderAt());

        CartableException tooSoon = assertThrows(CartableException.class, () -> liaison.remind(teacher, A, word.id()));
        assertEquals(Kind.TOO_MANY_REQUESTS, tooSoon.kind());
        assertTrue(tooSoon.retryAfter().orElseThrow().compareTo(Duration.ofHours(1)) <= 0);
        assertEquals(1, feed.published().size());

        clock.advance(Duration.ofMinutes(61));
        liaison.confirm(karim, A, word.id(), "nathan");
        assertEquals(Set.of("tom"), notice(liaison.remind(teacher, A, word.id())).audience().parentsOnly());
    }

    private Notice notice(Reminder reminder) {
        assertEquals(1, reminder.pupils());
        return feed.published().get(feed.published().size() - 1);
    }

    @Test
    void noReminderWhenNothingIsPending() {
        Word noAck = liaison.write(teacher, A, new NewWord("Info", "<p>x</p>", Category.INFO, null, false, false));
        assertRefused(Kind.CONFLICT, () -> liaison.remind(teacher, A, noAck.id()));
        Word toLea = write("Pour Léa", Set.of("lea"));
        liaison.confirm(marc, A, toLea.id(), "lea");
        assertRefused(Kind.CONFLICT, () -> liaison.remind(teacher, A, toLea.id()));
    }

    @Test
    void eachParentRepliesOnceAndEditsTheirReplyWhenRepliesAreAllowed() {
        Word word = write("Qui accompagne ?", null);
        feed.clear();
        Reply first = liaison.reply(sophie, A, word.id(), "lea", "Je peux accompagner.");
        Reply edited = liaison.reply(sophie, A, word.id(), "lea", "Je peux accompagner le matin.");
        assertEquals(first.id(), edited.id(), "one reply per parent, edited");
        assertEquals("Je peux accompagner le matin.", edited.body());
        liaison.reply(marc, A, word.id(), "lea", "Moi l'après-midi.");

        Notice notice = feed.published().get(0);
        assertEquals(LiaisonApp.NOTICE_REPLY, notice.type());
        assertEquals(Set.of("teacher"), notice.audience().persons());
        assertEquals("sophie", notice.actorId());

        assertEquals(edited.body(), liaison.word(sophie, A, word.id(), "lea").child().myReply().body());
        assertEquals(2, status(liaison.followUp(teacher, A, word.id()), "lea").replies().size());
        assertRefused(Kind.BAD_REQUEST, () -> liaison.reply(karim, A, word.id(), "nathan", "  "));
        assertRefused(Kind.FORBIDDEN, () -> liaison.reply(lea, A, word.id(), null, "Moi"));

        Word closed = liaison.write(teacher, A, new NewWord("Info", "<p>x</p>", Category.INFO, null, true, false));
        assertRefused(Kind.FORBIDDEN, () -> liaison.reply(sophie, A, closed.id(), "lea", "Bonjour"));
    }

    @Test
    void aParentSeesUnreadWordsFirstAndTheFollowUpListsSlipsToPrint() {
        Word older = write("Ancien", null);
        Word newer = write("Récent", null);
        liaison.confirm(sophie, A, newer.id(), "lea");
        Notebook forLea = liaison.notebook(sophie, A, "lea");
        assertEquals(List.of(older.id(), newer.id()), forLea.words().stream().map(Word::id).toList());
        assertEquals(1, forLea.unread());
        assertEquals(List.of(newer.id(), older.id()),
                liaison.notebook(teacher, A, null).words().stream().map(Word::id).toList(), "staff: newest first");

        FollowUp followUp = liaison.followUp(teacher, A, newer.id());
        assertEquals(List.of("nathan", "tom"),
                followUp.pupils().stream().filter(PupilStatus::needsSlip).map(PupilStatus::pupilId).toList());
        assertFalse(status(followUp, "tom").hasParentAccount());
    }

    @Test
    void withoutTheNotificationServiceTheNotebookStillWorks() {
        LiaisonService alone = LiaisonService.create(db.jpa("cartable-liaison"), school, school,
                new ScriptStripper(), LiaisonNotices.create(null), clock);
        Word word = alone.write(teacher, A, new NewWord("Mot", "<p>x</p>", Category.INFO, null, true, false));
        assertEquals(-1, alone.remind(teacher, A, word.id()).delivered());
        assertTrue(feed.published().isEmpty());
    }

    @Test
    void aParentWithTwoChildrenInTheClassSaysWhichOne() {
        Caller both = school.person("both", "Parent de deux", Role.PARENT);
        school.parent(both, lea).parent(both, nathan);
        write("Mot", null);
        assertRefused(Kind.BAD_REQUEST, () -> liaison.notebook(both, A, null));
        assertEquals("nathan", liaison.notebook(both, A, "nathan").child().id());
    }

    private static PupilStatus status(FollowUp followUp, String pupilId) {
        return followUp.pupils().stream().filter(p -> p.pupilId().equals(pupilId)).findFirst().orElseThrow();
    }

    private static void assertRefused(Kind kind, Executable call) {
        CartableException refused = assertThrows(CartableException.class, call);
        assertEquals(kind, refused.kind(), refused::getMessage);
    }
}
