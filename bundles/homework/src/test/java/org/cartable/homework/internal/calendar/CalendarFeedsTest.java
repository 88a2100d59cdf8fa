package org.cartable.homework.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.Role;
import org.cartable.homework.internal.EntryInput;
import org.cartable.homework.internal.FeedStatus;
import org.cartable.homework.internal.Frequency;
import org.cartable.homework.internal.HomeworkApp;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.Subject;
import org.cartable.homework.internal.TestHomework;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * Feed addresses (made, replaced, revoked, hashed, still valid only while their owner belongs to the class) and the
 * feed itself, read back by ical4j with its RFC 5545 validation on, and served by the servlet.
 */
class CalendarFeedsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    private static TestDatabase db;
    private static JpaTemplate jpa;

    private final String classA = "a-" + UUID.randomUUID();
    private final String classB = "b-" + UUID.randomUUID();
    private final FakeSchool school = new FakeSchool(HomeworkApp.ID);
    private final Caller teacher = school.person("teacher", "Marie Dupont", Role.TEACHER);
    private final Caller lea = school.person("lea", "Léa Martin", Role.PUPIL);
    private final Caller sophie = school.person("sophie", "Sophie Martin", Role.PARENT);
    private final Caller karim = school.person("karim", "Karim Petit", Role.PARENT);
    private final Caller teacher2 = school.person("teacher2", "Thomas Leroy", Role.TEACHER);

    private HomeworkService homework;
    private CalendarFeeds feeds;

    @BeforeAll
    static void openDatabase() {
        db = new TestDatabase().migrate(HomeworkService.CHANGELOG);
        jpa = db.jpa("cartable-homework");
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        school.teach(teacher, classA);
        school.enrol(lea, classA);
        school.parent(sophie, classA, "lea");
        school.parent(karim, classA, "nathan");
        school.teach(teacher2, classB);
        school.enable(classA, true);
        school.enable(classB, true);
        homework = TestHomework.service(jpa, school, new RecordingNotifications());
        feeds = CalendarFeeds.create(jpa, school, school, school, homework);
    }

    @Test
    void aParentsFeedIsAValidCalendarWithEntriesAndDueWork() throws Exception {
        homework.create(teacher, classA, EntryInput.once(MONDAY, Subject.MATHS, "Exercices 3, 4 et 5; page 42",
                "<p>Les <b>fractions</b> : colorier \\ comparer.</p><p>" + "Très long texte accentué éèà ".repeat(12)
                        + "</p><img src=\"data:image/png;base64,AAAA\">", MONDAY.plusDays(2)));
        homework.create(teacher, classA, new EntryInput(MONDAY, Subject.FRENCH, "Dictée", "", MONDAY.plusDays(3),
                Frequency.WEEKLY, MONDAY.plusWeeks(2)));
        homework.create(teacher, classA, EntryInput.once(MONDAY.plusDays(1), Subject.HISTORY, "Les châteaux", "",
                null));

        FeedStatus made = feeds.renew(sophie, classA, null);
        assertTrue(made.token().length() >= 27, "160 random bits in base64url");
        String ics = ICalendarWriter.write(feeds.calendar(made.token()).orElseThrow(), Locale.FRENCH,
                Instant.parse("2026-12-02T08:00:00Z"));

        // RFC 5545 shape: CRLF everywhere, no line over 75 octets
        assertFalse(ics.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "too long: " + line);
        }
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20261130\r\n"), ics);

        Calendar calendar = parseStrictly(ics);
        assertEquals("2.0", calendar.getVersion().getValue());
        assertEquals(ICalendarWriter.PRODID, calendar.getProductId().getValue());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        // maths + its due day, 3 dictations + their due days, the castles
        assertEquals(9, events.size());
        VEvent maths = events.stream().filter(e -> e.getSummary().getValue().startsWith("Mathématiques"))
                .findFirst().orElseThrow();
        assertEquals("Mathématiques : Exercices 3, 4 et 5; page 42", maths.getSummary().getValue(),
                "commas and semicolons survive their escaping");
        assertTrue(maths.getDescription().getValue().startsWith("Les fractions : colorier \\ comparer.\n"),
                maths.getDescription().getValue());
        assertTrue(maths.getDescription().getValue().contains("Très long texte accentué éèà Très"),
                "folded lines are unfolded by the reader");
        assertTrue(maths.getDescription().getValue().endsWith("À faire pour le mercredi 2 décembre."),
                maths.getDescription().getValue());
        assertTrue(maths.getUid().getValue().endsWith("@homework.cartable"));
        assertTrue(events.stream().anyMatch(e -> e.getSummary().getValue()
                .equals("À faire pour aujourd’hui – Mathématiques : Exercices 3, 4 et 5; page 42")));
        assertEquals(events.size(), events.stream().map(e -> e.getUid().getValue()).distinct().count(),
                "UIDs are unique");
        // ical4j 3 does not insist on these RFC 5545 requirements: check them here
        assertTrue(events.stream().allMatch(e -> e.getDateStamp() != null && e.getDateStamp().isUtc()));
        assertTrue(events.stream().allMatch(e -> "DATE".equals(e.getStartDate().getParameter("VALUE").getValue())));

        String english = ICalendarWriter.write(feeds.calendar(made.token()).orElseThrow(), Locale.ENGLISH,
                Instant.parse("2026-12-02T08:00:00Z"));
        assertTrue(parseStrictly(english).getComponents(Component.VEVENT).stream()
                .anyMatch(e -> ((VEvent) e).getSummary().getValue().equals("Due today – Maths: Exercices 3, 4 et 5; page 42")));
    }

    @Test
    void theStrictParserDoesRefuseAnInvalidCalendar() {
        // the checks above mean something only if the parser's validation bites
        String noVersion = "BEGIN:VCALENDAR\r\nPRODID:-//x//y//FR\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
                + "DTSTAMP:20261202T080000Z\r\nDTSTART;VALUE=DATE:20261130\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        assertThrows(Exception.class, () -> parseStrictly(noVersion));
        String unescaped = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//FR\r\nBEGIN:VEVENT\r\n"
                + "UID:1@x\r\nDTSTAMP:20261202T080000Z\r\nDTSTART;VALUE=DATE:2026-11-30\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        assertThrows(Exception.class, () -> parseStrictly(unescaped));
    }

    @Test
    void addressesAreReplacedRevokedAndStoredHashed() throws Exception {
        assertFalse(feeds.status(teacher, classA, null).exists());
        FeedStatus first = feeds.renew(teacher, classA, null);
        assertTrue(feeds.status(teacher, classA, null).exists());
        assertNull(feeds.status(teacher, classA, null).token(), "the token is shown once only");
        assertTrue(feeds.calendar(first.token()).isPresent());
        assertFalse(storedValues().contains(first.token()), "only the hash is stored");
        assertTrue(storedValues().contains(CalendarFeeds.hash(first.token())));

        FeedStatus second = feeds.renew(teacher, classA, null);
        assertNotEquals(first.token(), second.token());
        assertTrue(feeds.calendar(first.token()).isEmpty(), "a new address replaces the old one");
        assertTrue(feeds.calendar(second.token()).isPresent());

        // a parent's and a pupil's feeds are their own
        FeedStatus leaFeed = feeds.renew(lea, classA, null);
        FeedStatus sophieFeed = feeds.renew(sophie, classA, "lea");
        assertTrue(feeds.calendar(second.token()).isPresent());
        assertEquals("Léa Martin", feeds.calendar(sophieFeed.token()).orElseThrow().childName());
        assertNull(feeds.calendar(leaFeed.token()).orElseThrow().childName());

        feeds.revoke(teacher, classA, null);
        assertTrue(feeds.calendar(second.token()).isEmpty());
        assertTrue(feeds.calendar(leaFeed.token()).isPresent(), "revoking one feed leaves the others");
        assertTrue(feeds.calendar("not-a-token").isEmpty());
        assertTrue(feeds.calendar(null).isEmpty());
        assertTrue(feeds.calendar("A".repeat(27)).isEmpty());
    }

    @Test
    void onlyMembersGetAnAddressAndOnlyForTheirOwnChild() {
        assertRefused(Kind.NOT_FOUND, () -> feeds.renew(teacher2, classA, null));
        assertRefused(Kind.NOT_FOUND, () -> feeds.renew(karim, classA, "lea"));
        assertRefused(Kind.NOT_FOUND, () -> feeds.renew(lea, classA, "nathan"));
        school.enable(classA, false);
        assertRefused(Kind.FORBIDDEN, () -> feeds.renew(teacher, classA, null));
    }

    @Test
    void aFeedStopsWhenItsOwnerLeavesTheClassOrTheAppIsDisabled() {
        FeedStatus parentFeed = feeds.renew(sophie, classA, "lea");
        FeedStatus teacherFeed = feeds.renew(teacher, classA, null);
        school.enable(classA, false);
        assertTrue(feeds.calendar(teacherFeed.token()).isEmpty());
        school.enable(classA, true);
        assertTrue(feeds.calendar(teacherFeed.token()).isPresent());
        // Léa's parent is no longer linked to her in this class
        school.parent(sophie, classA);
        assertTrue(feeds.calendar(parentFeed.token()).isEmpty());
        school.relate(teacher, org.cartable.api.ClassRelation.none(classA));
        assertTrue(feeds.calendar(teacherFeed.token()).isEmpty());
    }

    @Test
    void theServletAnswersTheFeedOrABare404() throws Exception {
        homework.create(teacher, classA, EntryInput.once(MONDAY, Subject.MATHS, "Exercices", "", MONDAY.plusDays(2)));
        FeedStatus made = feeds.renew(sophie, classA, null);
        CalendarServlet servlet = new CalendarServlet(feeds);

        Answer ok = get(servlet, "/" + made.token() + ".ics");
        assertEquals(200, ok.status);
        assertEquals("text/calendar; charset=utf-8", ok.contentType);
        assertEquals(2, parseStrictly(ok.body()).getComponents(Component.VEVENT).size());
        assertEquals("private, no-store", ok.headers.get("Cache-Control"));

        for (String path : List.of("/" + made.token(), "/" + made.token() + ".ics/x", "/nope.ics", "/",
                "/" + "B".repeat(27) + ".ics")) {
            Answer refused = get(servlet, path);
            assertEquals(404, refused.status, path);
            assertEquals(0, refused.bytes.size(), path);
        }
        feeds.revoke(sophie, classA, null);
        assertEquals(404, get(servlet, "/" + made.token() + ".ics").status);
    }

    private static Calendar parseStrictly(String ics) throws Exception {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate(true);
        return calendar;
    }

    private String storedValues() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("select * from HOMEWORK_FEED")) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    all.append(rows.getString(i)).append('|');
                }
            }
        }
        return all.toString();
    }

    private static void assertRefused(Kind kind, org.junit.jupiter.api.function.Executable call) {
        CartableException refused = assertThrows(CartableException.class, call);
        assertEquals(kind, refused.kind(), refused::getMessage);
    }

    /** What the servlet answered. */
    private static final class Answer {
        int status;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /* Just enough of the servlet API for a GET; any other call fails the test. */
    private static Answer get(CalendarServlet servlet, String pathInfo) throws Exception {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                CalendarFeedsTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getParameter" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                CalendarFeedsTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentLength" -> { }
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "getWriter" -> {
                            return new PrintWriter(out);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        servlet.doGet(request, response);
        return answer;
    }

    static {
        // ical4j looks for its configuration and time zone data on the class path; none is needed for dates
        System.setProperty("net.fortuna.ical4j.timezone.cache.impl", "net.fortuna.ical4j.util.MapTimeZoneCache");
    }
}
