package org.cartable.billing.internal;

import static org.cartable.billing.internal.FakeTerritory.ADMIN;
import static org.cartable.billing.internal.FakeTerritory.COLADMIN;
import static org.cartable.billing.internal.FakeTerritory.DIRECTOR;
import static org.cartable.billing.internal.FakeTerritory.MONTREUIL;
import static org.cartable.billing.internal.FakeTerritory.OPERATOR;
import static org.cartable.billing.internal.FakeTerritory.SAINT_PIERRE;
import static org.cartable.billing.internal.FakeTerritory.VAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.cartable.api.CartableException;
import org.cartable.billing.internal.BillingService.Filter;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BillingServiceTest {

    static final int YEAR = 2026;
    static final Issuer ISSUER = new Issuer("Centrale d'achat de test", "13002526500013", "FR12130025265",
            "2 rue de la République, 45000, Orléans", "FR7630001007941234567890185", "30 jours", 30);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    private final List<TestDatabase> databases = new ArrayList<>();

    BillingService service(FakeTerritory territory) {
        TestDatabase database = new TestDatabase().migrate(BillingService.CHANGELOG);
        databases.add(database);
        return new BillingService(database.jpa("cartable-billing"), territory, ISSUER, Money.of("20.00"), CLOCK,
                Runnable::run);
    }

    @AfterEach
    void close() {
        databases.forEach(TestDatabase::close);
    }

    static Invoice draftOf(BillingService billing, String collectivityId) {
        return billing.invoices(OPERATOR, new Filter(YEAR, DocumentStatus.DRAFT, DocumentKind.INVOICE, collectivityId))
                .stream().findFirst().orElseThrow();
    }

    static BigDecimal perPupil(List<InvoiceLine> lines) {
        return Totals.of(lines).excl();
    }

    // ------------------------------------------------------------------------------------------------ arithmetic

    @Test
    void aPupilCostsBetweenOneAndOneEightyExcludingVat() {
        PriceList prices = PriceList.defaults(YEAR);
        assertEquals(Money.of("1.00"), perPupil(Pricing.lines(prices, true, false, 1)));
        assertEquals(Money.of("1.30"), perPupil(Pricing.lines(prices, true, true, 1)));
        assertEquals(Money.of("1.50"), perPupil(Pricing.lines(prices, false, false, 1)));
        assertEquals(Money.of("1.80"), perPupil(Pricing.lines(prices, false, true, 1)));
    }

    @Test
    void memberWithoutMobileOptionIsBilledOneEuroPerPupilPlusVat() {
        BillingService billing = service(new FakeTerritory());
        billing.startRun(OPERATOR, YEAR);

        Invoice draft = draftOf(billing, MONTREUIL);
        assertEquals(40, draft.pupils());
        assertEquals(3, draft.lines().size(), "membership (free), support, licence");
        assertEquals(Money.ZERO, draft.lines().get(0).amount());
        assertEquals(Money.of("40.00"), draft.totals().excl());
        assertEquals(Money.of("8.00"), draft.totals().vat());
        assertEquals(Money.of("48.00"), draft.totals().incl());
        assertNull(draft.number(), "drafts have no number");
        assertEquals("21450123400017", draft.recipient().siret());
    }

    @Test
    void nonMemberWithMobileOptionIsBilledOneEightyPerPupil() {
        BillingService billing = service(new FakeTerritory());
        billing.saveProfile(OPERATOR, YEAR, SAINT_PIERRE, true, null, null, false, "Mairie, 45600, Saint-Pierre");
        billing.startRun(OPERATOR, YEAR);

        Invoice draft = draftOf(billing, SAINT_PIERRE);
        assertEquals(4, draft.lines().size());
        assertEquals(Money.of("45.00"), draft.totals().excl(), "25 pupils × 1.80");
        assertEquals(Money.of("9.00"), draft.totals().vat());
        assertEquals(Money.of("54.00"), draft.totals().incl());
    }

    @Test
    void linesAndVatAreRoundedHalfUpToTheCent() {
        // 0.90 € at 5 % is 0.045 € of VAT: half up gives 0.05 (half even would give 0.04)
        PriceList prices = new PriceList(YEAR, Money.of("0.00"), Money.of("0.50"), Money.of("0.40"),
                Money.of("0.50"), Money.of("0.30"), Money.of("5.00"), LocalDate.of(YEAR, 10, 1), true);
        Totals totals = Totals.of(Pricing.lines(prices, true, false, 1));
        assertEquals(Money.of("0.90"), totals.excl());
        assertEquals(Money.of("0.05"), totals.vat());
        assertEquals(Money.of("0.95"), totals.incl());
        assertEquals(1, totals.breakdown().size());
    }

    @Test
    void theSavedPriceListAndItsCensusDateAreUsed() {
        FakeTerritory territory = new FakeTerritory();
        BillingService billing = service(territory);
        assertFalse(billing.priceList(OPERATOR, YEAR).saved());
        LocalDate census = LocalDate.of(YEAR, 9, 15);
        billing.savePriceList(OPERATOR, new PriceList(YEAR, Money.of("0.00"), Money.of("0.60"), Money.of("0.55"),
                Money.of("0.50"), Money.of("0.30"), Money.of("0.00"), census, false));
        billing.startRun(OPERATOR, YEAR);

        assertEquals(census, territory.lastCensusDate);
        Invoice draft = draftOf(billing, SAINT_PIERRE);
        assertEquals(Money.of("41.25"), draft.totals().excl(), "25 × (0.60 + 0.55 + 0.50)");
        assertEquals(Money.ZERO, draft.totals().vat(), "a 0 % price list for fees out of the scope of VAT");
    }

    @Test
    void invalidPriceListsAreRefusedAndChangeNothing() {
        BillingService billing = service(new FakeTerritory());
        PriceList good = PriceList.defaults(YEAR);
        for (PriceList bad : List.of(
                new PriceList(YEAR, Money.of("-0.10"), good.membershipNonMember(), good.support(), good.licence(),
                        good.mobile(), good.vatRate(), good.censusDate(), false),
                new PriceList(YEAR, good.membershipMember(), new BigDecimal("0.505"), good.support(), good.licence(),
                        good.mobile(), good.vatRate(), good.censusDate(), false),
                new PriceList(YEAR, good.membershipMember(), good.membershipNonMember(), good.support(),
                        good.licence(), good.mobile(), new BigDecimal("120"), good.censusDate(), false),
                new PriceList(YEAR, good.membershipMember(), good.membershipNonMember(), good.support(),
                        good.licence(), good.mobile(), good.vatRate(), LocalDate.of(YEAR + 1, 10, 1), false))) {
            CartableException refused = assertThrows(CartableException.class,
                    () -> billing.savePriceList(OPERATOR, bad));
            assertEquals(CartableException.Kind.BAD_REQUEST, refused.kind());
        }
        assertFalse(billing.priceList(OPERATOR, YEAR).saved());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> billing.savePriceList(COLADMIN, good)).kind());
    }

    // ------------------------------------------------------------------------------------------------ counts

    @Test
    void adjustmentsChangeTheCountAndRecordReasonAndAuthor() {
        BillingService billing = service(new FakeTerritory());
        PupilCount adjusted = billing.adjust(OPERATOR, YEAR, MONTREUIL, 3, "Trois élèves arrivés après le recensement");

        assertEquals(40, adjusted.enrolled());
        assertEquals(43, adjusted.total());
        assertEquals("Demo operator", adjusted.adjustments().get(0).authorName());
        assertEquals("Trois élèves arrivés après le recensement", adjusted.adjustments().get(0).reason());

        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> billing.adjust(OPERATOR, YEAR, MONTREUIL, 2, "  ")).kind());
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> billing.adjust(OPERATOR, YEAR, MONTREUIL, -50, "trop")).kind());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> billing.adjust(COLADMIN, YEAR, MONTREUIL, 1, "moi")).kind());
        assertEquals(43, billing.counts(OPERATOR, YEAR).stream()
                .filter(c -> c.collectivityId().equals(MONTREUIL)).findFirst().orElseThrow().total());

        billing.startRun(OPERATOR, YEAR);
        assertEquals(43, draftOf(billing, MONTREUIL).pupils());
    }

    // ------------------------------------------------------------------------------------------------ runs

    @Test
    void reRunningReplacesDraftsAndNeverDuplicatesOrTouchesIssuedInvoices() {
        BillingService billing = service(new FakeTerritory());
        RunProgress first = billing.startRun(OPERATOR, YEAR);
        assertEquals(RunProgress.State.DONE, billing.runProgress(OPERATOR, YEAR).state(),
                billing.runProgress(OPERATOR, YEAR).message());
        assertEquals(3, billing.runProgress(OPERATOR, YEAR).done());
        assertEquals(2, billing.runProgress(OPERATOR, YEAR).created(), "the EPCI has no pupil: no invoice");
        assertEquals(100, billing.runProgress(OPERATOR, YEAR).percent());
        assertTrue(first.total() == 3);

        Invoice montreuil = draftOf(billing, MONTREUIL);
        Invoice issued = billing.issue(OPERATOR, montreuil.id());
        billing.adjust(OPERATOR, YEAR, MONTREUIL, 5, "late enrolments");
        billing.adjust(OPERATOR, YEAR, SAINT_PIERRE, 1, "late enrolment");
        billing.startRun(OPERATOR, YEAR);
        billing.startRun(OPERATOR, YEAR);

        List<Invoice> all = billing.invoices(OPERATOR, new Filter(YEAR, null, null, null));
        assertEquals(2, all.size(), "one invoice per collectivity, whatever the number of runs");
        assertEquals(issued, billing.invoice(OPERATOR, issued.id()), "the issued invoice did not change");
        assertEquals(26, draftOf(billing, SAINT_PIERRE).pupils(), "the draft was replaced with the new count");
    }

    // ------------------------------------------------------------------------------------------------ issuing

    @Test
    void issuingNumbersFromAGapFreeSequenceAndAFailedIssueConsumesNoNumber() {
        BillingService billing = service(new FakeTerritory());
        billing.adjust(OPERATOR, YEAR, VAL, 12, "Classes ULIS comptées à part");
        billing.startRun(OPERATOR, YEAR);

        Invoice saintPierre = draftOf(billing, SAINT_PIERRE);
        CartableException noSiret = assertThrows(CartableException.class,
                () -> billing.issue(OPERATOR, saintPierre.id()));
        assertEquals(CartableException.Kind.BAD_REQUEST, noSiret.kind());
        assertTrue(noSiret.getMessage().contains("SIRET"), noSiret.getMessage());
        assertNull(billing.invoice(OPERATOR, saintPierre.id()).number());

        Invoice first = billing.issue(OPERATOR, draftOf(billing, MONTREUIL).id());
        assertEquals("F-2026-000001", first.number());
        assertEquals(LocalDate.of(2026, 11, 29), first.issueDate());
        assertEquals(LocalDate.of(2026, 12, 29), first.dueDate());
        assertEquals(ISSUER.siret(), first.issuer().siret());

        billing.saveProfile(OPERATOR, YEAR, VAL, false, "SERVICE-ECOLES", null, true, null);
        Invoice val = draftOf(billing, VAL);
        CartableException noEngagement = assertThrows(CartableException.class, () -> billing.issue(OPERATOR, val.id()));
        assertEquals(CartableException.Kind.BAD_REQUEST, noEngagement.kind());
        assertTrue(noEngagement.getMessage().contains("engagement"), noEngagement.getMessage());

        billing.saveProfile(OPERATOR, YEAR, VAL, false, "SERVICE-ECOLES", "EJ-2026-0042", true, null);
        Invoice second = billing.issue(OPERATOR, val.id());
        assertEquals("F-2026-000002", second.number(), "the failed issues used no number");
        assertEquals("EJ-2026-0042", second.recipient().engagementNumber());
        assertEquals("SERVICE-ECOLES", second.recipient().serviceCode());
    }

    @Test
    void issuingAYearIssuesEveryDraftAndReportsRefusals() {
        BillingService billing = service(new FakeTerritory());
        billing.adjust(OPERATOR, YEAR, VAL, 12, "ULIS");
        billing.startRun(OPERATOR, YEAR);

        BillingService.IssueReport report = billing.issueAll(OPERATOR, YEAR);
        assertEquals(List.of("F-2026-000001", "F-2026-000002"), report.issued().stream().sorted().toList());
        assertEquals(List.of("Saint-Pierre-des-Bois"), List.copyOf(report.refused().keySet()),
                "no SIRET: refused, the others issued");
        assertEquals(1, billing.invoices(OPERATOR, new Filter(YEAR, DocumentStatus.DRAFT, null, null)).size());
    }

    @Test
    void issuedInvoicesAreImmutable() {
        BillingService billing = service(new FakeTerritory());
        billing.startRun(OPERATOR, YEAR);
        Invoice issued = billing.issue(OPERATOR, draftOf(billing, MONTREUIL).id());

        assertEquals(CartableException.Kind.CONFLICT, assertThrows(CartableException.class,
                () -> billing.issue(OPERATOR, issued.id())).kind());
        billing.savePriceList(OPERATOR, new PriceList(YEAR, Money.of("0.10"), Money.of("0.60"), Money.of("0.60"),
                Money.of("0.60"), Money.of("0.40"), Money.of("20.00"), LocalDate.of(YEAR, 10, 1), false));
        billing.saveProfile(OPERATOR, YEAR, MONTREUIL, true, "X", "Y", true, "Ailleurs");
        billing.startRun(OPERATOR, YEAR);

        Invoice again = billing.invoice(OPERATOR, issued.id());
        assertEquals(issued, again);
        assertEquals(Money.of("40.00"), again.totals().excl());
    }

    @Test
    void concurrentIssuesGetNumbersOneToNWithoutGapOrDuplicate() throws Exception {
        int communes = 24;
        BillingService billing = service(new FakeTerritory(communes));
        billing.startRun(OPERATOR, YEAR);
        List<Invoice> drafts = billing.invoices(OPERATOR,
                new Filter(YEAR, DocumentStatus.DRAFT, DocumentKind.INVOICE, null)).stream()
                .filter(i -> i.recipient().siret() != null)
                .toList();
        assertEquals(communes + 1, drafts.size());

        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        // every draft is issued twice at once: exactly one of the two wins
        for (Invoice draft : drafts) {
            for (int attempt = 0; attempt < 2; attempt++) {
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        return billing.issue(OPERATOR, draft.id()).number();
                    } catch (CartableException lost) {
                        assertEquals(CartableException.Kind.CONFLICT, lost.kind(), lost.getMessage());
                        return null;
                    }
                }));
            }
        }
        start.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<String> result : results) {
            String number = result.get(120, TimeUnit.SECONDS);
            if (number != null) {
                numbers.add(number);
            }
        }
        threads.shutdown();

        Collections.sort(numbers);
        List<String> expected = IntStream.rangeClosed(1, drafts.size())
                .mapToObj(n -> String.format("F-2026-%06d", n)).toList();
        assertEquals(expected, numbers);
        assertEquals(drafts.size(), billing.invoices(OPERATOR,
                new Filter(YEAR, DocumentStatus.ISSUED, null, null)).size());
    }

    // ------------------------------------------------------------------------------------------------ credit notes

    @Test
    void creditNotesReferenceTheOriginalAndHaveTheirOwnSeries() {
        BillingService billing = service(new FakeTerritory());
        billing.startRun(OPERATOR, YEAR);
        Invoice invoice = billing.issue(OPERATOR, draftOf(billing, MONTREUIL).id());

        Invoice partial = billing.creditNote(OPERATOR, invoice.id(), "Classe fermée en octobre", 10);
        assertEquals(DocumentKind.CREDIT_NOTE, partial.kind());
        assertNull(partial.number());
        assertEquals(Money.of("10.00"), partial.totals().excl());
        assertEquals(invoice.number(), partial.originalNumber());
        Invoice issuedPartial = billing.issue(OPERATOR, partial.id());
        assertEquals("A-2026-000001", issuedPartial.number());

        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> billing.creditNote(OPERATOR, invoice.id(), "trop", 31)).kind());
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> billing.creditNote(OPERATOR, invoice.id(), "", null)).kind());

        Invoice rest = billing.issue(OPERATOR, billing.creditNote(OPERATOR, invoice.id(), "Erreur d'effectif", null).id());
        assertEquals("A-2026-000002", rest.number());
        assertEquals(30, rest.pupils());
        assertEquals(CartableException.Kind.CONFLICT, assertThrows(CartableException.class,
                () -> billing.creditNote(OPERATOR, invoice.id(), "encore", null)).kind());

        // fully credited: the next run invoices the collectivity again, with a new number when issued
        billing.startRun(OPERATOR, YEAR);
        Invoice reissued = billing.issue(OPERATOR, draftOf(billing, MONTREUIL).id());
        assertEquals("F-2026-000002", reissued.number());
    }

    // ------------------------------------------------------------------------------------------------ scope

    @Test
    void aCollectivityAdminSeesOnlyTheIssuedDocumentsOfTheirCollectivityAndChangesNothing() {
        FakeTerritory territory = new FakeTerritory();
        BillingService billing = service(territory);
        billing.adjust(OPERATOR, YEAR, VAL, 12, "ULIS");
        billing.startRun(OPERATOR, YEAR);
        assertTrue(billing.invoices(COLADMIN, new Filter(null, null, null, null)).isEmpty(), "drafts are internal");

        Invoice montreuil = billing.issue(OPERATOR, draftOf(billing, MONTREUIL).id());
        Invoice val = billing.issue(OPERATOR, draftOf(billing, VAL).id());

        List<Invoice> seen = billing.invoices(COLADMIN, new Filter(null, null, null, null));
        assertEquals(List.of(montreuil.id()), seen.stream().map(Invoice::id).toList());
        assertEquals(montreuil, billing.invoice(COLADMIN, montreuil.id()));
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> billing.invoice(COLADMIN, val.id())).kind());
        assertEquals(List.of(MONTREUIL), billing.counts(COLADMIN, YEAR).stream()
                .map(PupilCount::collectivityId).toList());
        assertEquals(List.of(MONTREUIL), billing.profiles(COLADMIN, YEAR).stream()
                .map(Profile::collectivityId).toList());
        assertEquals(List.of(MONTREUIL), billing.stats(COLADMIN, YEAR).collectivities().stream()
                .map(CostStats.Row::collectivityId).toList());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> billing.issue(COLADMIN, draftOf(billing, SAINT_PIERRE).id())).kind());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> billing.startRun(COLADMIN, YEAR)).kind());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> billing.invoices(DIRECTOR, new Filter(null, null, null, null))).kind());
        assertEquals(2, billing.invoices(ADMIN, new Filter(YEAR, DocumentStatus.ISSUED, null, null)).size());
    }

    // ------------------------------------------------------------------------------------------------ statistics

    @Test
    void theAverageCostPerPupilIsWeightedByPupils() {
        BillingService billing = service(new FakeTerritory());
        billing.saveProfile(OPERATOR, YEAR, MONTREUIL, true, null, null, false, null);
        billing.startRun(OPERATOR, YEAR);

        CostStats stats = billing.stats(OPERATOR, YEAR);
        // Montreuil: 40 × 1.30 = 52.00; Saint-Pierre: 25 × 1.50 = 37.50; (52 + 37.5) / 65 = 1.3769...
        assertEquals(65, stats.pupils());
        assertEquals(Money.of("89.50"), stats.totalExcl());
        assertEquals(Money.of("1.38"), stats.averagePerPupil());
        assertEquals(2, stats.collectivities().size());

        Invoice issued = billing.issue(OPERATOR, draftOf(billing, MONTREUIL).id());
        billing.issue(OPERATOR, billing.creditNote(OPERATOR, issued.id(), "Fermeture de classe", 20).id());
        CostStats after = billing.stats(OPERATOR, YEAR);
        assertEquals(45, after.pupils(), "20 of Montreuil's pupils were credited");
        assertEquals(Money.of("63.50"), after.totalExcl());
    }
}
