package org.cartable.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.billing.internal.data.AdjustmentEntity;
import org.cartable.billing.internal.data.InvoiceEntity;
import org.cartable.billing.internal.data.PriceListEntity;
import org.cartable.billing.internal.data.ProfileEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The billing rules, in one place for REST and web alike.
 * <p>
 * Who: operators and platform admins read and change everything; a collectivity admin reads the issued documents,
 * counts and profiles of their own collectivities and changes nothing. Everyone else is refused.
 * <p>
 * Numbering: an invoice gets its number when it is issued, in the issuing transaction, from a counter row per
 * series and calendar year ({@code UPDATE ... SET NEXT_VALUE = NEXT_VALUE + 1}): the row lock makes concurrent issues
 * wait for each other, and a failed issue rolls the counter back with everything else, so numbers are gap-free.
 */
@Component(service = BillingService.class)
@Designate(ocd = BillingConfig.class)
public final class BillingService {

    public static final String CHANGELOG = "db/billing/changelog.xml";
    public static final int REASON_MAX = 500;
    public static final int ADJUSTMENT_MAX = 100_000;
    private static final BigDecimal PRICE_MAX = new BigDecimal("100.00");
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final JpaTemplate jpa;
    private final Territory territory;
    private final Issuer issuer;
    private final BigDecimal defaultVatRate;
    private final Clock clock;
    private final Executor runner;
    private final ExecutorService ownRunner;
    private final Map<Integer, RunProgress> runs = new ConcurrentHashMap<>();

    /** Brings the tables up to date before the service is registered, so nothing reads an old schema. */
    @Activate
    public BillingService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-billing)") JpaTemplate jpa,
                          @Reference(name = "territory") Territory territory,
                          @Reference(name = "migrator") SchemaMigrator migrator,
                          BillingConfig config, BundleContext context) {
        this(jpa, territory, issuer(config), vatRate(config.default_vatRate()), Clock.systemUTC(),
                Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "cartable-billing-run");
                    thread.setDaemon(true);
                    return thread;
                }));
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    /** For tests, on a schema migrated by the test; {@code runner} runs billing runs (e.g. {@code Runnable::run}). */
    BillingService(JpaTemplate jpa, Territory territory, Issuer issuer, BigDecimal defaultVatRate, Clock clock,
                   Executor runner) {
        this.jpa = jpa;
        this.territory = territory;
        this.issuer = issuer;
        this.defaultVatRate = defaultVatRate;
        this.clock = clock;
        this.runner = runner;
        this.ownRunner = runner instanceof ExecutorService service ? service : null;
    }

    @Deactivate
    void stop() {
        if (ownRunner != null) {
            ownRunner.shutdownNow();
        }
    }

    static Issuer issuer(BillingConfig config) {
        return new Issuer(config.issuer_name(), config.issuer_siret(), config.issuer_vatNumber(),
                config.issuer_address(), config.issuer_iban(), config.payment_terms(), config.payment_days());
    }

    private static BigDecimal vatRate(String value) {
        try {
            return new BigDecimal(value.trim()).setScale(2, RoundingMode.HALF_UP);
        } catch (RuntimeException e) {
            return Money.of("20.00");
        }
    }

    /** @return the issuer printed on new invoices */
    public Issuer issuer() {
        return issuer;
    }

    /** @return the current school year (2026 for 2026-2027) */
    public int currentYear() {
        return SchoolYear.of(today());
    }

    /** @return whether the caller may change things (operators and platform admins) */
    public static boolean manages(Caller caller) {
        return caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN);
    }

    // ------------------------------------------------------------------------------------------------ price lists

    /** @return the year's price list, or the defaults while none was saved */
    public PriceList priceList(Caller caller, int year) {
        reader(caller);
        checkYear(year);
        return jpa.txExpr(em -> priceList(em, year));
    }

    /** Operators. */
    public PriceList savePriceList(Caller caller, PriceList prices) {
        requireManager(caller);
        checkYear(prices.year());
        price(prices.membershipMember(), "membershipMember");
        price(prices.membershipNonMember(), "membershipNonMember");
        price(prices.support(), "support");
        price(prices.licence(), "licence");
        price(prices.mobile(), "mobile");
        BigDecimal rate = prices.vatRate();
        if (rate == null || rate.signum() < 0 || rate.compareTo(new BigDecimal(100)) > 0 || rate.scale() > 2) {
            throw CartableException.badRequest("'vatRate' must be a percentage between 0 and 100 with at most 2 decimals.");
        }
        if (prices.censusDate() == null || !SchoolYear.contains(prices.year(), prices.censusDate())) {
            throw CartableException.badRequest("'censusDate' must fall within the school year "
                    + SchoolYear.label(prices.year()) + " (1 September to 31 August).");
        }
        return jpa.txExpr(em -> {
            PriceListEntity entity = em.find(PriceListEntity.class, prices.year());
            if (entity == null) {
                entity = new PriceListEntity(prices.year());
                entity.update(normalised(prices), caller.userId(), now());
                em.persist(entity);
            } else {
                entity.update(normalised(prices), caller.userId(), now());
            }
            return entity.toPriceList();
        });
    }

    private static PriceList normalised(PriceList p) {
        return new PriceList(p.year(), Money.round(p.membershipMember()), Money.round(p.membershipNonMember()),
                Money.round(p.support()), Money.round(p.licence()), Money.round(p.mobile()),
                p.vatRate().setScale(2, RoundingMode.UNNECESSARY), p.censusDate(), true);
    }

    private static void price(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(PRICE_MAX) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw CartableException.badRequest("'" + field + "' must be an amount in euros between 0 and 100 with at most 2 decimals.");
        }
    }

    private PriceList priceList(EntityManager em, int year) {
        PriceListEntity saved = em.find(PriceListEntity.class, year);
        if (saved != null) {
            return saved.toPriceList();
        }
        PriceList defaults = PriceList.defaults(year);
        return new PriceList(year, defaults.membershipMember(), defaults.membershipNonMember(), defaults.support(),
                defaults.licence(), defaults.mobile(), defaultVatRate, defaults.censusDate(), false);
    }

    // ------------------------------------------------------------------------------------------------ pupil counts

    /** @return the pupils of each collectivity the caller sees, by name */
    public List<PupilCount> counts(Caller caller, int year) {
        TerritoryScope scope = reader(caller);
        checkYear(year);
        return jpa.txExpr(em -> counts(em, year)).stream()
                .filter(count -> scope.seesCollectivity(count.collectivityId()))
                .toList();
    }

    /** Operators: records a correction of {@code delta} pupils (e.g. pupils not yet in the directory). */
    public PupilCount adjust(Caller caller, int year, String collectivityId, int delta, String reason) {
        requireManager(caller);
        checkYear(year);
        CollectivityInfo collectivity = collectivity(collectivityId);
        if (delta == 0 || Math.abs(delta) > ADJUSTMENT_MAX) {
            throw CartableException.badRequest("'delta' must be a non-zero number of pupils (at most "
                    + ADJUSTMENT_MAX + " either way).");
        }
        String why = text(reason, "reason", REASON_MAX, true);
        return jpa.txExpr(em -> {
            PupilCount before = counts(em, year).stream()
                    .filter(count -> count.collectivityId().equals(collectivity.id()))
                    .findFirst().orElseThrow();
            if (before.total() + delta < 0) {
                throw CartableException.badRequest("The count of " + collectivity.name() + " would fall below zero ("
                        + before.total() + " pupils now).");
            }
            em.persist(new AdjustmentEntity(UUID.randomUUID().toString(), collectivity.id(), year, delta, why,
                    caller.userId(), caller.displayName(), now()));
            em.flush();
            return counts(em, year).stream()
                    .filter(count -> count.collectivityId().equals(collectivity.id()))
                    .findFirst().orElseThrow();
        });
    }

    private List<PupilCount> counts(EntityManager em, int year) {
        PriceList prices = priceList(em, year);
        Map<String, Integer> perSchool = territory.pupilsPerSchool(prices.censusDate());
        Map<String, Integer> enrolled = new HashMap<>();
        for (SchoolInfo school : territory.schools()) {
            enrolled.merge(school.collectivityId(), perSchool.getOrDefault(school.id(), 0), Integer::sum);
        }
        Map<String, List<Adjustment>> adjustments = em.createQuery(
                        "select a from AdjustmentEntity a where a.year = :year order by a.createdAt",
                        AdjustmentEntity.class)
                .setParameter("year", year)
                .getResultList().stream()
                .map(AdjustmentEntity::toAdjustment)
                .collect(Collectors.groupingBy(Adjustment::collectivityId));
        return territory.collectivities().stream()
                .map(c -> {
                    List<Adjustment> own = adjustments.getOrDefault(c.id(), List.of());
                    int base = enrolled.getOrDefault(c.id(), 0);
                    int total = Math.max(0, base + own.stream().mapToInt(Adjustment::delta).sum());
                    return new PupilCount(c.id(), c.name(), c.member(), base, own, total);
                })
                .toList();
    }

    // ------------------------------------------------------------------------------------------------ profiles

    /** @return the billing profile of each collectivity the caller sees, by name */
    public List<Profile> profiles(Caller caller, int year) {
        TerritoryScope scope = reader(caller);
        checkYear(year);
        return jpa.txExpr(em -> territory.collectivities().stream()
                .filter(c -> scope.seesCollectivity(c.id()))
                .map(c -> profile(em, c, year))
                .toList());
    }

    /** Operators. Blank texts are stored as absent. */
    public Profile saveProfile(Caller caller, int year, String collectivityId, boolean mobileOption,
                               String serviceCode, String engagementNumber, boolean routingRequired, String address) {
        requireManager(caller);
        checkYear(year);
        CollectivityInfo collectivity = collectivity(collectivityId);
        String code = text(serviceCode, "serviceCode", 100, false);
        String engagement = text(engagementNumber, "engagementNumber", 50, false);
        String where = text(address, "address", 500, false);
        return jpa.txExpr(em -> {
            ProfileEntity entity = em.find(ProfileEntity.class, new ProfileEntity.Key(collectivity.id(), year));
            if (entity == null) {
                entity = new ProfileEntity(collectivity.id(), year);
                entity.update(mobileOption, code, engagement, routingRequired, where, now());
                em.persist(entity);
            } else {
                entity.update(mobileOption, code, engagement, routingRequired, where, now());
            }
            return profile(em, collectivity, year);
        });
    }

    private Profile profile(EntityManager em, CollectivityInfo c, int year) {
        ProfileEntity saved = em.find(ProfileEntity.class, new ProfileEntity.Key(c.id(), year));
        if (saved == null) {
            return new Profile(c.id(), c.name(), c.member(), c.siret(), year, false, null, null, false, null);
        }
        return new Profile(c.id(), c.name(), c.member(), c.siret(), year, saved.mobileOption(), saved.serviceCode(),
                saved.engagementNumber(), saved.routingRequired(), saved.address());
    }

    // ------------------------------------------------------------------------------------------------ billing run

    /**
     * Operators: starts the billing run of a school year in the background. For every collectivity it creates or
     * replaces the draft invoice; collectivities already invoiced (an issued invoice not fully credited) are left
     * alone, so a run can be repeated without duplicating anything.
     *
     * @throws CartableException CONFLICT while a run of that year is going on
     */
    public RunProgress startRun(Caller caller, int year) {
        requireManager(caller);
        checkYear(year);
        int total = territory.collectivities().size();
        RunProgress started = new RunProgress(year, RunProgress.State.RUNNING, 0, total, 0, 0, null);
        RunProgress previous = runs.compute(year, (key, current) ->
                current != null && current.state() == RunProgress.State.RUNNING ? current : started);
        if (previous != started) {
            throw CartableException.conflict("The billing run of " + SchoolYear.label(year) + " is still going on.");
        }
        try {
            runner.execute(() -> run(year, total));
        } catch (RejectedExecutionException stopping) {
            runs.put(year, new RunProgress(year, RunProgress.State.FAILED, 0, total, 0, 0, "The app is stopping."));
        }
        return runs.get(year);
    }

    /** @return where the year's last run stands */
    public RunProgress runProgress(Caller caller, int year) {
        reader(caller);
        return runs.getOrDefault(year, RunProgress.none(year));
    }

    private void run(int year, int total) {
        int done = 0;
        int created = 0;
        int skipped = 0;
        try {
            PriceList prices = jpa.txExpr(em -> priceList(em, year));
            List<PupilCount> counts = jpa.txExpr(em -> counts(em, year));
            for (PupilCount count : counts) {
                boolean drafted = jpa.txExpr(em -> draft(em, prices, count));
                done++;
                if (drafted) {
                    created++;
                } else {
                    skipped++;
                }
                runs.put(year, new RunProgress(year, RunProgress.State.RUNNING, done, total, created, skipped, null));
            }
            runs.put(year, new RunProgress(year, RunProgress.State.DONE, done, total, created, skipped, null));
        } catch (RuntimeException failure) {
            runs.put(year, new RunProgress(year, RunProgress.State.FAILED, done, total, created, skipped,
                    String.valueOf(failure.getMessage())));
        }
    }

    /** @return whether a draft now stands for the collectivity */
    private boolean draft(EntityManager em, PriceList prices, PupilCount count) {
        List<InvoiceEntity> invoices = documents(em, prices.year(), count.collectivityId(), DocumentKind.INVOICE);
        List<InvoiceEntity> drafts = invoices.stream().filter(i -> i.status() == DocumentStatus.DRAFT).toList();
        boolean invoiced = invoices.stream()
                .anyMatch(i -> i.status() == DocumentStatus.ISSUED && creditedPupils(em, i.id(), true) < i.pupils());
        if (invoiced || count.total() == 0) {
            drafts.forEach(em::remove);
            return false;
        }
        CollectivityInfo collectivity = collectivity(count.collectivityId());
        Profile profile = profile(em, collectivity, prices.year());
        InvoiceEntity draft = drafts.isEmpty() ? null : drafts.get(0);
        drafts.stream().skip(1).forEach(em::remove);
        boolean fresh = draft == null;
        if (fresh) {
            draft = new InvoiceEntity(UUID.randomUUID().toString(), DocumentKind.INVOICE, prices.year(),
                    collectivity.id(), null, null, null, now());
        }
        List<InvoiceLine> lines = Pricing.lines(prices, collectivity.member(), profile.mobileOption(), count.total());
        draft.content(count.total(), lines, Totals.of(lines));
        draft.recipient(recipient(profile));
        draft.issuer(issuer);
        if (fresh) {
            em.persist(draft);
        }
        return true;
    }

    private static Recipient recipient(Profile profile) {
        return new Recipient(profile.name(), profile.siret(), profile.address(), profile.serviceCode(),
                profile.engagementNumber());
    }

    // ------------------------------------------------------------------------------------------------ invoices

    /** Which documents to list; null fields do not filter. */
    public record Filter(Integer year, DocumentStatus status, DocumentKind kind, String collectivityId) {
    }

    /**
     * @return the documents the caller sees, newest school year first, then by collectivity and number; a
     *         collectivity admin sees only the issued documents of their collectivities
     */
    public List<Invoice> invoices(Caller caller, Filter filter) {
        TerritoryScope scope = reader(caller);
        boolean manager = manages(caller);
        Map<String, String> names = territory.collectivities().stream()
                .collect(Collectors.toMap(CollectivityInfo::id, CollectivityInfo::name));
        return jpa.txExpr(em -> em.createQuery("select i from InvoiceEntity i", InvoiceEntity.class)
                .getResultList().stream()
                .filter(i -> scope.seesCollectivity(i.collectivityId()))
                .filter(i -> manager || i.status() == DocumentStatus.ISSUED)
                .filter(i -> filter.year() == null || i.year() == filter.year())
                .filter(i -> filter.status() == null || i.status() == filter.status())
                .filter(i -> filter.kind() == null || i.kind() == filter.kind())
                .filter(i -> filter.collectivityId() == null || i.collectivityId().equals(filter.collectivityId()))
                .map(InvoiceEntity::toInvoice)
                .sorted(Comparator.comparing(Invoice::year).reversed()
                        .thenComparing(i -> names.getOrDefault(i.collectivityId(), i.collectivityId()))
                        .thenComparing(Invoice::kind)
                        .thenComparing(i -> i.number() == null ? "" : i.number()))
                .toList());
    }

    /** @return one document; NOT_FOUND if the caller may not see it */
    public Invoice invoice(Caller caller, String invoiceId) {
        TerritoryScope scope = reader(caller);
        return jpa.txExpr(em -> visible(em, caller, scope, invoiceId).toInvoice());
    }

    /**
     * Operators: issues a draft. Refreshes the recipient's routing data and the issuer, checks what French
     * public-sector invoices require, allocates the next number of the series and year, all in one transaction.
     *
     * @throws CartableException BAD_REQUEST when a mandatory item is missing (nothing changes, no number is used),
     *                           CONFLICT when the document is already issued
     */
    public Invoice issue(Caller caller, String invoiceId) {
        requireManager(caller);
        TerritoryScope scope = reader(caller);
        prepareCounters(today().getYear());
        try {
            return jpa.txExpr(em -> {
                InvoiceEntity document = visible(em, caller, scope, invoiceId);
                if (document.status() != DocumentStatus.DRAFT) {
                    throw CartableException.conflict("Document " + document.number() + " is already issued.");
                }
                if (document.kind() == DocumentKind.INVOICE) {
                    Profile profile = profile(em, collectivity(document.collectivityId()), document.year());
                    document.recipient(recipient(profile));
                    document.issuer(issuer);
                    requireRouting(profile);
                } else {
                    InvoiceEntity original = em.find(InvoiceEntity.class, document.originalId());
                    int credited = creditedPupils(em, original.id(), true);
                    if (credited + document.pupils() > original.pupils()) {
                        throw CartableException.conflict("Invoice " + original.number() + " has only "
                                + (original.pupils() - credited) + " pupils left to credit.");
                    }
                }
                Invoice current = document.toInvoice();
                requireIssuable(current);
                LocalDate today = today();
                String number = nextNumber(em, document.kind(), today.getYear());
                document.issue(number, today, today.plusDays(issuer.paymentDays()), caller.userId(), now());
                return document.toInvoice();
            });
        } catch (CartableException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            if (lostRace(failed)) {
                throw CartableException.conflict("The document was issued or changed meanwhile; reload it.");
            }
            throw failed;
        }
    }

    /** What issuing a whole year did. */
    public record IssueReport(List<String> issued, Map<String, String> refused) {
    }

    /** Operators: issues every draft invoice of the year, each on its own; refusals are reported, not thrown. */
    public IssueReport issueAll(Caller caller, int year) {
        requireManager(caller);
        checkYear(year);
        List<Invoice> drafts = invoices(caller, new Filter(year, DocumentStatus.DRAFT, DocumentKind.INVOICE, null));
        List<String> issued = new ArrayList<>();
        Map<String, String> refused = new HashMap<>();
        for (Invoice draft : drafts) {
            try {
                issued.add(issue(caller, draft.id()).number());
            } catch (CartableException refusal) {
                refused.put(draft.recipient().name(), refusal.getMessage());
            }
        }
        return new IssueReport(issued, refused);
    }

    /**
     * Operators: a draft credit note correcting an issued invoice, for all its remaining pupils or {@code pupils} of
     * them. It is issued like an invoice, in its own series.
     */
    public Invoice creditNote(Caller caller, String invoiceId, String reason, Integer pupils) {
        requireManager(caller);
        TerritoryScope scope = reader(caller);
        String why = text(reason, "reason", REASON_MAX, true);
        return jpa.txExpr(em -> {
            InvoiceEntity original = visible(em, caller, scope, invoiceId);
            if (original.kind() != DocumentKind.INVOICE || original.status() != DocumentStatus.ISSUED) {
                throw CartableException.conflict("Only an issued invoice can be credited.");
            }
            int left = original.pupils() - creditedPupils(em, original.id(), false);
            int quantity = pupils == null ? left : pupils;
            if (left <= 0) {
                throw CartableException.conflict("Invoice " + original.number() + " is already fully credited.");
            }
            if (quantity < 1 || quantity > left) {
                throw CartableException.badRequest("'pupils' must be between 1 and " + left + ".");
            }
            Invoice source = original.toInvoice();
            InvoiceEntity credit = new InvoiceEntity(UUID.randomUUID().toString(), DocumentKind.CREDIT_NOTE,
                    original.year(), original.collectivityId(), original.id(), original.number(), why, now());
            List<InvoiceLine> lines = Pricing.credit(source.lines(), quantity);
            credit.content(quantity, lines, Totals.of(lines));
            credit.recipient(source.recipient());
            credit.issuer(source.issuer());
            em.persist(credit);
            return credit.toInvoice();
        });
    }

    /** Another issue of the same draft committed first (optimistic lock on VERSION). */
    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.persistence.OptimisticLockException
                    || t.getClass().getName().contains("StaleObjectState")
                    || t.getClass().getName().contains("StaleState")) {
                return true;
            }
        }
        return false;
    }

    private static void requireRouting(Profile profile) {
        if (profile.routingRequired() && (profile.serviceCode() == null || profile.engagementNumber() == null)) {
            throw CartableException.badRequest(profile.name()
                    + " requires a service code and an engagement number on its invoices: fill them in its billing profile first.");
        }
    }

    private static void requireIssuable(Invoice invoice) {
        if (invoice.recipient().siret() == null || !invoice.recipient().siret().matches("\\d{14}")) {
            throw CartableException.badRequest(invoice.recipient().name()
                    + " has no SIRET in the directory; public-sector invoices need it.");
        }
        if (invoice.pupils() <= 0 || invoice.lines().isEmpty()) {
            throw CartableException.badRequest("The document has no pupil to bill.");
        }
        Issuer from = invoice.issuer();
        if (from.name() == null || from.siret() == null || !from.siret().matches("\\d{14}")) {
            throw CartableException.badRequest("The issuer's name and SIRET are not configured (etc/org.cartable.billing.cfg).");
        }
    }

    /* Inside the issuing transaction: the UPDATE holds the counter row's lock until commit or rollback. */
    private String nextNumber(EntityManager em, DocumentKind kind, int year) {
        int updated = em.createNativeQuery("UPDATE BILLING_SEQUENCE SET NEXT_VALUE = NEXT_VALUE + 1"
                        + " WHERE SERIES = ? AND SEQ_YEAR = ?")
                .setParameter(1, kind.series()).setParameter(2, year)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No counter for series " + kind.series() + " and year " + year);
        }
        Number next = (Number) em.createNativeQuery("SELECT NEXT_VALUE FROM BILLING_SEQUENCE"
                        + " WHERE SERIES = ? AND SEQ_YEAR = ?")
                .setParameter(1, kind.series()).setParameter(2, year)
                .getSingleResult();
        return String.format("%s-%d-%06d", kind.series(), year, next.intValue() - 1);
    }

    private void ensureCounter(DocumentKind kind, int year) {
        try {
            jpa.tx(TransactionType.RequiresNew, em -> em.createNativeQuery(
                            "INSERT INTO BILLING_SEQUENCE (SERIES, SEQ_YEAR, NEXT_VALUE) VALUES (?, ?, 1)")
                    .setParameter(1, kind.series()).setParameter(2, year)
                    .executeUpdate());
        } catch (RuntimeException alreadyThere) {
            // another issue created it first: what we need
        }
    }

    /*
     * The counter rows are created beforehand, each in a transaction of its own, so that concurrent first issues of a
     * year do not both insert one inside their issuing transactions.
     */
    private void prepareCounters(int year) {
        for (DocumentKind kind : DocumentKind.values()) {
            boolean present = jpa.txExpr(em -> ((Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM BILLING_SEQUENCE WHERE SERIES = ? AND SEQ_YEAR = ?")
                    .setParameter(1, kind.series()).setParameter(2, year)
                    .getSingleResult()).intValue() > 0);
            if (!present) {
                ensureCounter(kind, year);
            }
        }
    }

    /** @return pupils credited by the invoice's credit notes (issued only, or drafts too) */
    private static int creditedPupils(EntityManager em, String invoiceId, boolean issuedOnly) {
        return em.createQuery("select i from InvoiceEntity i where i.originalId = :id", InvoiceEntity.class)
                .setParameter("id", invoiceId)
                .getResultList().stream()
                .filter(i -> !issuedOnly || i.status() == DocumentStatus.ISSUED)
                .mapToInt(InvoiceEntity::pupils)
                .sum();
    }

    private static List<InvoiceEntity> documents(EntityManager em, int year, String collectivityId,
                                                 DocumentKind kind) {
        return em.createQuery("select i from InvoiceEntity i where i.year = :year and i.collectivityId = :c"
                        + " and i.kind = :kind", InvoiceEntity.class)
                .setParameter("year", year)
                .setParameter("c", collectivityId)
                .setParameter("kind", kind)
                .getResultList();
    }

    private InvoiceEntity visible(EntityManager em, Caller caller, TerritoryScope scope, String invoiceId) {
        InvoiceEntity document = invoiceId == null ? null : em.find(InvoiceEntity.class, invoiceId);
        if (document == null || !scope.seesCollectivity(document.collectivityId())
                || (!manages(caller) && document.status() != DocumentStatus.ISSUED)) {
            throw CartableException.notFound("No such invoice.");
        }
        return document;
    }

    // ------------------------------------------------------------------------------------------------ statistics

    /** @return the year's cost per pupil, per collectivity the caller sees and weighted on average */
    public CostStats stats(Caller caller, int year) {
        TerritoryScope scope = reader(caller);
        checkYear(year);
        boolean manager = manages(caller);
        return jpa.txExpr(em -> {
            List<InvoiceEntity> all = em.createQuery("select i from InvoiceEntity i where i.year = :year",
                    InvoiceEntity.class).setParameter("year", year).getResultList();
            List<CostStats.Row> rows = new ArrayList<>();
            for (CollectivityInfo c : territory.collectivities()) {
                if (!scope.seesCollectivity(c.id())) {
                    continue;
                }
                List<InvoiceEntity> own = all.stream().filter(i -> i.collectivityId().equals(c.id())).toList();
                List<InvoiceEntity> issued = own.stream().filter(i -> i.status() == DocumentStatus.ISSUED).toList();
                boolean hasIssuedInvoice = issued.stream().anyMatch(i -> i.kind() == DocumentKind.INVOICE);
                List<InvoiceEntity> counted = hasIssuedInvoice ? issued
                        : manager ? own.stream().filter(i -> i.kind() == DocumentKind.INVOICE).toList() : List.of();
                int pupils = 0;
                BigDecimal amount = Money.ZERO;
                for (InvoiceEntity i : counted) {
                    int sign = i.kind() == DocumentKind.CREDIT_NOTE ? -1 : 1;
                    pupils += sign * i.pupils();
                    amount = sign > 0 ? amount.add(i.totalExcl()) : amount.subtract(i.totalExcl());
                }
                if (pupils > 0) {
                    rows.add(new CostStats.Row(c.id(), c.name(), pupils, amount, perPupil(amount, pupils),
                            hasIssuedInvoice));
                }
            }
            int pupils = rows.stream().mapToInt(CostStats.Row::pupils).sum();
            BigDecimal total = rows.stream().map(CostStats.Row::totalExcl).reduce(Money.ZERO, BigDecimal::add);
            return new CostStats(year, rows, pupils, total, pupils == 0 ? null : perPupil(total, pupils));
        });
    }

    private static BigDecimal perPupil(BigDecimal amount, int pupils) {
        return amount.divide(BigDecimal.valueOf(pupils), 2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** @return what the caller sees; FORBIDDEN for anyone but operators, admins and collectivity admins */
    private TerritoryScope reader(Caller caller) {
        if (manages(caller)) {
            return new TerritoryScope(true, Set.of(), Set.of());
        }
        if (caller.has(Role.COLLECTIVITY_ADMIN)) {
            return territory.scopeOf(caller);
        }
        throw CartableException.forbidden("Billing is for the purchasing body's operators and collectivity admins.");
    }

    private static void requireManager(Caller caller) {
        if (!manages(caller)) {
            throw CartableException.forbidden("Only the purchasing body's operators change billing data.");
        }
    }

    private CollectivityInfo collectivity(String collectivityId) {
        return territory.collectivity(Objects.requireNonNullElse(collectivityId, ""))
                .orElseThrow(() -> CartableException.notFound("No such collectivity."));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw CartableException.badRequest("A school year is named by its first year, e.g. 2026 for 2026-2027.");
        }
    }

    private static String text(String value, String field, int max, boolean required) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                throw CartableException.badRequest("'" + field + "' is required.");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw CartableException.badRequest("'" + field + "' is longer than " + max + " characters.");
        }
        return trimmed;
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(FRANCE));
    }
}
