package org.cartable.notebook.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.notify.Notice;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The notebook's rules on the real changelog and persistence unit (in-memory Derby) and real files on disk. */
class NotebookServiceTest {

    private static TestDatabase db;
    private static JpaTemplate jpa;

    @TempDir
    Path files;

    private final String classA = "class-a-" + UUID.randomUUID();
    private final String classB = "class-b-" + UUID.randomUUID();

    private final FakeSchool school = new FakeSchool(NotebookApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller lea = school.person("lea", "Léa Petit", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo Roux", Role.PUPIL);
    private final Caller leaParent = school.person("lea-parent", "Claire Petit", Role.PARENT);
    private final Caller hugoParent = school.person("hugo-parent", "Paul Roux", Role.PARENT);
    private final Caller otherTeacher = school.person("other-teacher", "M. Noir", Role.TEACHER);
    private final TickingClock clock = TestNotebooks.clock();
    private final RecordingNotifications feed = new RecordingNotifications();

    private NotebookService notebooks;

    @BeforeAll
    static void openDatabase() {
        db = new TestDatabase().migrate(NotebookService.CHANGELOG);
        jpa = db.jpa("cartable-notebook");
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        school.relate(teacher, new ClassRelation(classA, true, false, false, List.of()));
        school.relate(lea, new ClassRelation(classA, false, false, true, List.of()));
        school.relate(hugo, new ClassRelation(classA, false, false, true, List.of()));
        school.relate(leaParent, new ClassRelation(classA, false, false, false, List.of("lea")));
        school.relate(hugoParent, new ClassRelation(classA, false, false, false, List.of("hugo")));
        school.relate(otherTeacher, new ClassRelation(classB, true, false, false, List.of()));
        school.enable(classA, true);
        school.enable(classB, true);
        notebooks = TestNotebooks.service(jpa, school, school, files, new MediaLimits(4096, 8192, 16384), clock,
                feed);
    }

    // ------------------------------------------------------------------------------------------ visibility

    @Test
    void aPrivateNotebookIsSeenByItsOwnerTheStaffAndTheOwnersParentsOnly() {
        Notebook mine = notebooks.create(lea, classA, "  Mon   cahier ", "#B3261E");
        assertEquals("Mon cahier", mine.title());
        assertEquals("#b3261e", mine.coverColor());
        assertEquals(Sharing.PRIVATE, mine.sharing());
        assertEquals(1, mine.pageCount(), "a notebook starts with one page");
        assertEquals(36, mine.id().length());

        assertEquals(List.of(mine.id()), ids(notebooks.overview(lea, classA).mine()));
        assertEquals(List.of(mine.id()), ids(notebooks.overview(teacher, classA).others()));
        assertEquals(List.of(mine.id()), ids(notebooks.overview(leaParent, classA).others()));
        assertEquals(List.of(), ids(notebooks.overview(hugo, classA).others()));
        assertEquals(List.of(), ids(notebooks.overview(hugoParent, classA).others()));

        assertTrue(notebooks.notebook(teacher, classA, mine.id()).notebook().mayManage());
        NotebookDetail seenByParent = notebooks.notebook(leaParent, classA, mine.id());
        assertFalse(seenByParent.notebook().mayEdit());
        assertNotFound(() -> notebooks.notebook(hugo, classA, mine.id()));
        assertNotFound(() -> notebooks.notebook(hugoParent, classA, mine.id()));
        // another class's teacher: the platform's check refuses the class itself; with their own class, not found
        assertNotFound(() -> notebooks.notebook(otherTeacher, classA, mine.id()));
        assertNotFound(() -> notebooks.notebook(otherTeacher, classB, mine.id()));
    }

    @Test
    void parentsNeverWriteAndOnlyStaffAndPupilsCreate() {
        assertForbidden(() -> notebooks.create(leaParent, classA, "Cahier", null));
        assertFalse(notebooks.overview(leaParent, classA).mayCreate());
        Notebook shared = notebooks.create(teacher, classA, "Classe", null);
        notebooks.share(teacher, classA, shared.id(), Sharing.CONTRIBUTE);
        assertForbidden(() -> notebooks.addPage(leaParent, classA, shared.id(), null));
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.create(lea, classA, " ", null)).kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.create(lea, classA, "x", "red")).kind());
    }

    @Test
    void sharingReadLetsTheClassReadWhileContributeLetsPupilsWrite() {
        Notebook notebook = notebooks.create(lea, classA, "Nos animaux", null);
        String page = firstPage(lea, notebook);

        Notebook shared = notebooks.share(lea, classA, notebook.id(), Sharing.READ);
        assertEquals(Sharing.READ, shared.sharing());
        assertEquals(List.of(notebook.id()), ids(notebooks.overview(hugo, classA).others()));
        assertEquals(List.of(notebook.id()), ids(notebooks.overview(hugoParent, classA).others()));
        assertFalse(notebooks.notebook(hugo, classA, notebook.id()).notebook().mayEdit());
        assertForbidden(() -> notebooks.addBox(hugo, classA, notebook.id(), page, text("Coucou")));
        assertForbidden(() -> notebooks.addPage(hugo, classA, notebook.id(), null));
        assertForbidden(() -> notebooks.lock(hugo, classA, notebook.id(), page));
        assertForbidden(() -> notebooks.share(hugo, classA, notebook.id(), Sharing.PRIVATE));
        assertForbidden(() -> notebooks.deleteNotebook(hugo, classA, notebook.id()));

        notebooks.share(lea, classA, notebook.id(), Sharing.CONTRIBUTE);
        assertTrue(notebooks.notebook(hugo, classA, notebook.id()).notebook().mayEdit());
        Box box = notebooks.addBox(hugo, classA, notebook.id(), page, text("<p>Un <b>chat</b></p><script>x()</script>"));
        assertEquals("<p>Un <b>chat</b></p>", box.content());
        assertForbidden(() -> notebooks.addBox(hugoParent, classA, notebook.id(), page, text("Non")));
        // contributors write, the owner and the staff manage
        assertForbidden(() -> notebooks.share(hugo, classA, notebook.id(), Sharing.PRIVATE));
        notebooks.share(teacher, classA, notebook.id(), Sharing.PRIVATE);
        assertNotFound(() -> notebooks.notebook(hugo, classA, notebook.id()));
    }

    @Test
    void sharingAPrivateNotebookTellsTheClassOnce() {
        Notebook notebook = notebooks.create(lea, classA, "Nos animaux", null);
        notebooks.share(lea, classA, notebook.id(), Sharing.READ);
        notebooks.share(lea, classA, notebook.id(), Sharing.CONTRIBUTE);
        assertEquals(1, feed.published().size(), "only the move out of PRIVATE is news");
        Notice notice = feed.published().get(0);
        assertEquals(NotebookApp.ID, notice.appId());
        assertEquals(NotebookService.NOTICE_SHARED, notice.type());
        assertEquals(classA, notice.classId());
        assertEquals("lea", notice.actorId());
        assertTrue(notice.audience().persons().contains("teacher"));
        assertTrue(notice.audience().pupilsAndParents().containsAll(List.of("lea", "hugo")));
        assertEquals("Léa Petit partage le cahier « Nos animaux » avec la classe.", notice.text().in(Locale.FRENCH));
        assertEquals("Léa Petit shares the notebook \"Nos animaux\" with the class.",
                notice.text().in(Locale.ENGLISH));
        assertEquals("notebook/" + classA + "/view/" + notebook.id(), notice.link());

        // without a notification service (optional reference), sharing still works
        notebooks.setNotifications(null);
        notebooks.share(lea, classA, notebook.id(), Sharing.PRIVATE);
        assertEquals(Sharing.READ, notebooks.share(lea, classA, notebook.id(), Sharing.READ).sharing());
    }

    // ------------------------------------------------------------------------------------------ locks

    @Test
    void aPageBeingEditedIsLockedForOthersWhoStillReadIt() {
        Notebook notebook = contributed();
        String page = firstPage(lea, notebook);
        notebooks.addBox(lea, classA, notebook.id(), page, text("Léa écrit"));

        CartableException conflict = refusal(() -> notebooks.addBox(hugo, classA, notebook.id(), page, text("Moi")));
        assertEquals(Kind.CONFLICT, conflict.kind());
        assertTrue(conflict.getMessage().contains("Léa Petit"), conflict.getMessage());
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.lock(hugo, classA, notebook.id(), page)).kind());
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.savePage(hugo, classA, notebook.id(), page, "T")).kind());
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.deletePage(hugo, classA, notebook.id(), page)).kind());

        Page seen = notebooks.page(hugo, classA, notebook.id(), page);
        assertEquals(1, seen.boxes().size(), "others read the page meanwhile");
        assertEquals("Léa Petit", seen.lock().holderName());
        assertFalse(seen.lock().mine());
        assertTrue(notebooks.page(lea, classA, notebook.id(), page).lock().mine());

        // the lock is released on save
        notebooks.savePage(lea, classA, notebook.id(), page, "Page de Léa");
        assertNull(notebooks.page(hugo, classA, notebook.id(), page).lock());
        PageLock hugos = notebooks.lock(hugo, classA, notebook.id(), page);
        assertTrue(hugos.mine());

        // ... and on leaving
        notebooks.unlock(hugo, classA, notebook.id(), page);
        notebooks.lock(lea, classA, notebook.id(), page);
    }

    @Test
    void aLockExpiresAfterTenMinutesWithoutActivityAndActivityExtendsIt() {
        Notebook notebook = contributed();
        String page = firstPage(lea, notebook);
        notebooks.lock(lea, classA, notebook.id(), page);

        clock.advance(Duration.ofMinutes(9));
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.lock(hugo, classA, notebook.id(), page)).kind());
        // Léa goes on: ten more minutes from now
        notebooks.addBox(lea, classA, notebook.id(), page, text("Encore"));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.lock(hugo, classA, notebook.id(), page)).kind());

        clock.advance(Duration.ofMinutes(2));
        assertNull(notebooks.page(hugo, classA, notebook.id(), page).lock(), "expired: nobody holds it");
        assertTrue(notebooks.lock(hugo, classA, notebook.id(), page).mine());
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.addBox(lea, classA, notebook.id(), page, text("Et moi")))
                .kind());
    }

    @Test
    void theOwnerAndTheStaffBreakAStaleLockOthersCannot() {
        Notebook notebook = contributed();
        String page = firstPage(lea, notebook);
        notebooks.lock(hugo, classA, notebook.id(), page);

        Caller zoe = school.person("zoe", "Zoé Blanc", Role.PUPIL);
        school.relate(zoe, new ClassRelation(classA, false, false, true, List.of()));
        assertForbidden(() -> notebooks.unlock(zoe, classA, notebook.id(), page));
        notebooks.unlock(teacher, classA, notebook.id(), page);
        notebooks.lock(lea, classA, notebook.id(), page);
        notebooks.unlock(lea, classA, notebook.id(), page);
        // releasing a free page changes nothing
        notebooks.unlock(hugo, classA, notebook.id(), page);
    }

    // ------------------------------------------------------------------------------------------ pages

    @Test
    void pagesAreReorderedDuplicatedAndDeleted() {
        Notebook notebook = notebooks.create(lea, classA, "Cahier", null);
        String first = firstPage(lea, notebook);
        String second = notebooks.addPage(lea, classA, notebook.id(), "Deux").id();
        String third = notebooks.addPage(lea, classA, notebook.id(), "Trois").id();
        notebooks.addBox(lea, classA, notebook.id(), second, text("Dans la deux"));

        List<Page> reordered = notebooks.reorderPages(lea, classA, notebook.id(), List.of(third, first, second));
        assertEquals(List.of(third, first, second), reordered.stream().map(Page::id).toList());
        assertEquals(List.of(third, first, second), pageIds(lea, notebook));
        assertEquals(List.of(0, 1, 2), notebooks.notebook(lea, classA, notebook.id()).pages().stream()
                .map(Page::position).toList());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.reorderPages(lea, classA, notebook.id(),
                List.of(third, first))).kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.reorderPages(lea, classA, notebook.id(),
                List.of(third, first, first))).kind());

        notebooks.movePage(lea, classA, notebook.id(), second, -1);
        assertEquals(List.of(third, second, first), pageIds(lea, notebook));

        Page copy = notebooks.duplicatePage(lea, classA, notebook.id(), second);
        assertEquals(List.of(third, second, copy.id(), first), pageIds(lea, notebook));
        assertEquals("Deux", copy.title());
        assertEquals(List.of("Dans la deux"), copy.boxes().stream().map(Box::content).toList());
        assertNotEquals(notebooks.page(lea, classA, notebook.id(), second).boxes().get(0).id(),
                copy.boxes().get(0).id());

        notebooks.deletePage(lea, classA, notebook.id(), second);
        assertEquals(List.of(third, copy.id(), first), pageIds(lea, notebook));
        assertEquals(List.of(0, 1, 2), notebooks.notebook(lea, classA, notebook.id()).pages().stream()
                .map(Page::position).toList());
        notebooks.deletePage(lea, classA, notebook.id(), third);
        notebooks.deletePage(lea, classA, notebook.id(), copy.id());
        assertEquals(Kind.CONFLICT, refusal(() -> notebooks.deletePage(lea, classA, notebook.id(), first)).kind(),
                "a notebook keeps one page");
    }

    @Test
    void boxesStayOnThePageAndKeepTheirKind() {
        Notebook notebook = notebooks.create(lea, classA, "Cahier", null);
        String page = firstPage(lea, notebook);
        assertEquals(Kind.BAD_REQUEST, refusal(() -> Geometry.valid(60, 0, 50, 10, null)).kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> Geometry.valid(-1, 0, 50, 10, null)).kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> Geometry.valid(0, 0, 50, 10, 5000)).kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> Geometry.valid(Double.NaN, 0, 50, 10, 1)).kind());

        Box first = notebooks.addBox(lea, classA, notebook.id(), page, text("Un"));
        Box second = notebooks.addBox(lea, classA, notebook.id(), page, text("Deux"));
        assertEquals(0, first.geometry().z());
        assertEquals(1, second.geometry().z(), "a new box goes on top");

        Box moved = notebooks.placeBox(lea, classA, notebook.id(), page, first.id(),
                Geometry.valid(50.123, 10, 40, 20, 7));
        assertEquals(50.12, moved.geometry().x());
        assertEquals(7, moved.geometry().z());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.updateBox(lea, classA, notebook.id(), page, first.id(),
                new BoxInput(BoxKind.IMAGE, Geometry.valid(0, 0, 10, 10, 0), null, null, null))).kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.addBox(lea, classA, notebook.id(), page,
                new BoxInput(BoxKind.TEXT, Geometry.valid(0, 0, 10, 10, 0), "<script>x()</script>", null, null)))
                .kind());

        Box video = notebooks.addBox(lea, classA, notebook.id(), page, new BoxInput(BoxKind.EMBED,
                Geometry.valid(0, 50, 50, 40, null), "Une chanson", null, "https://youtu.be/dQw4w9WgXcQ?t=3"));
        assertEquals(Embed.Provider.YOUTUBE, video.embed().provider());
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", video.embed().playerUrl());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.addBox(lea, classA, notebook.id(), page,
                new BoxInput(BoxKind.EMBED, Geometry.valid(0, 0, 10, 10, 0), null, null,
                        "https://evil.example/embed/x"))).kind());
        notebooks.deleteBox(lea, classA, notebook.id(), page, second.id());
        assertEquals(2, notebooks.page(lea, classA, notebook.id(), page).boxes().size());
        assertNotFound(() -> notebooks.deleteBox(lea, classA, notebook.id(), page, second.id()));
    }

    // ------------------------------------------------------------------------------------------ files

    @Test
    void mediaAreCheckedByContentAndStoredUnderRandomNames() throws IOException {
        Notebook notebook = notebooks.create(lea, classA, "Cahier", null);
        MediaInfo image = upload(lea, notebook, Samples.png(), "../../etc/passwd.png");
        assertEquals("image/png", image.contentType());
        assertEquals(BoxKind.IMAGE, image.kind());
        assertEquals("passwd.png", image.name(), "only the last segment of the name, as a label");
        Path stored = files.resolve(notebook.id()).resolve(image.id());
        assertArrayEquals(Samples.png(), Files.readAllBytes(stored));
        assertEquals(stored, notebooks.media(teacher, classA, notebook.id(), image.id()).path());

        CartableException html = refusal(() -> upload(lea, notebook, Samples.html(), "cat.png"));
        assertEquals(Kind.UNSUPPORTED_MEDIA_TYPE, html.kind());
        CartableException tooBig = refusal(() -> upload(lea, notebook, Samples.wav(8193), "long.wav"));
        assertEquals(Kind.PAYLOAD_TOO_LARGE, tooBig.kind(), "over the audio limit of this test");
        assertEquals(BoxKind.AUDIO, upload(lea, notebook, Samples.wav(8192), "ok.wav").kind());
        assertEquals(Kind.BAD_REQUEST, refusal(() -> upload(lea, notebook, new byte[0], "empty")).kind());
        try (Stream<Path> left = Files.list(files.resolve(notebook.id()))) {
            assertEquals(2, left.count(), "refused uploads leave nothing, not even a temporary file");
        }

        // the box must get a file of its notebook and of its kind
        String page = firstPage(lea, notebook);
        assertEquals(Kind.BAD_REQUEST, refusal(() -> notebooks.addBox(lea, classA, notebook.id(), page,
                new BoxInput(BoxKind.AUDIO, Geometry.valid(0, 0, 10, 10, null), null, image.id(), null))).kind());
        Notebook other = notebooks.create(lea, classA, "Autre", null);
        assertNotFound(() -> notebooks.addBox(lea, classA, other.id(), firstPage(lea, other),
                new BoxInput(BoxKind.IMAGE, Geometry.valid(0, 0, 10, 10, null), null, image.id(), null)));
    }

    @Test
    void outsidersAndReadersCannotUploadOrRead() {
        Notebook notebook = notebooks.create(lea, classA, "Cahier", null);
        MediaInfo image = upload(lea, notebook, Samples.png(), "a.png");
        assertNotFound(() -> notebooks.media(hugo, classA, notebook.id(), image.id()));
        assertNotFound(() -> notebooks.media(otherTeacher, classB, notebook.id(), image.id()));
        assertNotFound(() -> upload(hugo, notebook, Samples.png(), "b.png"));
        notebooks.share(lea, classA, notebook.id(), Sharing.READ);
        assertNotNull(notebooks.media(hugo, classA, notebook.id(), image.id()));
        assertForbidden(() -> upload(hugo, notebook, Samples.png(), "b.png"));
        assertNotFound(() -> notebooks.media(lea, classA, notebook.id(), "../" + image.id()));
        assertEquals(1, notebooks.notebook(lea, classA, notebook.id()).media().size());
    }

    @Test
    void duplicatingANotebookCopiesItsFilesAndDeletingOneRemovesOnlyItsOwn() {
        Notebook original = notebooks.create(lea, classA, "Mon album", null);
        String page = firstPage(lea, original);
        MediaInfo image = upload(lea, original, Samples.png(), "photo.png");
        notebooks.addBox(lea, classA, original.id(), page, new BoxInput(BoxKind.IMAGE,
                Geometry.valid(0, 0, 50, 50, null), "Mon chat", image.id(), null));
        notebooks.describe(lea, classA, original.id(), "Mon album", "#123456", image.id());
        notebooks.addPage(lea, classA, original.id(), "Deux");
        notebooks.share(lea, classA, original.id(), Sharing.READ);

        Notebook copy = notebooks.duplicateNotebook(hugo, classA, original.id(), Locale.FRENCH);
        assertEquals("Mon album (copie)", copy.title());
        assertEquals("hugo", copy.ownerId());
        assertEquals(Sharing.PRIVATE, copy.sharing());
        NotebookDetail copied = notebooks.notebook(hugo, classA, copy.id());
        assertEquals(2, copied.pages().size());
        MediaInfo copiedImage = copied.media().get(0);
        assertNotEquals(image.id(), copiedImage.id());
        assertEquals(copiedImage.id(), copied.notebook().coverMediaId());
        assertEquals(copiedImage.id(), copied.pages().get(0).boxes().get(0).media().id());
        assertTrue(Files.isRegularFile(files.resolve(copy.id()).resolve(copiedImage.id())));
        assertForbidden(() -> notebooks.duplicateNotebook(leaParent, classA, original.id(), Locale.FRENCH));

        notebooks.deleteNotebook(lea, classA, original.id());
        assertFalse(Files.exists(files.resolve(original.id())), "the notebook's files go with it");
        assertNotFound(() -> notebooks.notebook(lea, classA, original.id()));
        assertTrue(Files.isRegularFile(files.resolve(copy.id()).resolve(copiedImage.id())), "the copy keeps its own");
    }

    @Test
    void aFileGoesWhenTheLastBoxShowingItGoes() {
        Notebook notebook = notebooks.create(lea, classA, "Cahier", null);
        String page = firstPage(lea, notebook);
        MediaInfo sound = upload(lea, notebook, Samples.mp3(100), "chant.mp3");
        assertEquals("audio/mpeg", sound.contentType());
        Box box = notebooks.addBox(lea, classA, notebook.id(), page, new BoxInput(BoxKind.AUDIO,
                Geometry.valid(0, 0, 50, 20, null), null, sound.id(), null));
        Page copy = notebooks.duplicatePage(lea, classA, notebook.id(), page);
        Path file = files.resolve(notebook.id()).resolve(sound.id());

        notebooks.deleteBox(lea, classA, notebook.id(), page, box.id());
        assertTrue(Files.exists(file), "the duplicated page still shows it");
        notebooks.deletePage(lea, classA, notebook.id(), copy.id());
        assertFalse(Files.exists(file));
        assertEquals(List.of(), notebooks.notebook(lea, classA, notebook.id()).media());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Notebook contributed() {
        Notebook notebook = notebooks.create(teacher, classA, "Cahier de la classe", null);
        notebooks.share(teacher, classA, notebook.id(), Sharing.CONTRIBUTE);
        return notebook;
    }

    private MediaInfo upload(Caller caller, Notebook notebook, byte[] content, String name) {
        return notebooks.uploadMedia(caller, classA, notebook.id(), new ByteArrayInputStream(content), name);
    }

    private String firstPage(Caller caller, Notebook notebook) {
        return notebooks.notebook(caller, classA, notebook.id()).pages().get(0).id();
    }

    private List<String> pageIds(Caller caller, Notebook notebook) {
        return notebooks.notebook(caller, classA, notebook.id()).pages().stream().map(Page::id).toList();
    }

    private static BoxInput text(String html) {
        return new BoxInput(BoxKind.TEXT, Geometry.valid(5, 5, 40, 20, null), html, null, null);
    }

    private static List<String> ids(List<Notebook> notebooks) {
        return notebooks.stream().map(Notebook::id).toList();
    }

    static CartableException refusal(Executable call) {
        return assertThrows(CartableException.class, call);
    }

    static void assertNotFound(Executable call) {
        assertEquals(Kind.NOT_FOUND, refusal(call).kind());
    }

    static void assertForbidden(Executable call) {
        assertEquals(Kind.FORBIDDEN, refusal(call).kind());
    }
}
