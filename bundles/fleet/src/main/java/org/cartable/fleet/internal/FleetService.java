package org.cartable.fleet.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ClassInfo;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.api.ToolAccess;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.fleet.internal.DeviceDetail.StateChange;
import org.cartable.fleet.internal.Reports.CollectivityFleet;
import org.cartable.fleet.internal.Reports.DueDevice;
import org.cartable.fleet.internal.Reports.InventoryReport;
import org.cartable.fleet.internal.Reports.RenewalLine;
import org.cartable.fleet.internal.Reports.RenewalPlan;
import org.cartable.fleet.internal.Reports.RenewalReason;
import org.cartable.fleet.internal.data.DeviceEntity;
import org.cartable.fleet.internal.data.StateChangeEntity;
import org.cartable.fleet.internal.data.TagCounterEntity;
import org.cartable.fleet.internal.data.TicketEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The fleet's rules for devices, in one place for REST and web alike: scope (see {@link Viewer}), the state machine
 * ({@link DeviceState}), kind attributes ({@link DeviceKind}), asset tags, inventory checks, renewal planning and
 * statistics. Tickets live in {@link TicketService}; imports and exports in {@link DeliveryImport} and
 * {@link GlpiExport}, which use this service.
 * <p>
 * Refusals: a device outside the caller's schools is NOT_FOUND, exactly like an unknown id; a visible one the caller
 * may not change is FORBIDDEN; invalid input is BAD_REQUEST; a transition the state machine refuses is CONFLICT.
 */
@Component(service = FleetService.class, configurationPid = FleetConfig.PID)
@Designate(ocd = FleetConfig.class)
public final class FleetService {

    public static final String CHANGELOG = "db/fleet/changelog.xml";
    public static final String UNIT = "cartable-fleet";
    /** The platform serves French schools: days are theirs. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");
    static final int NOTE_MAX = 500;
    static final int TEXT_MAX = 200;
    static final int CODE_MAX = 100;
    static final int BULK_MAX = 1000;

    private final JpaTemplate jpa;
    private final Territory territory;
    private final Directory directory;
    private final ToolAccess toolAccess;
    private final FleetSettings settings;
    private final Clock clock;

    @Activate
    public FleetService(@Reference(name = "jpa", target = "(osgi.unit.name=" + UNIT + ")") JpaTemplate jpa,
                        @Reference(name = "territory") Territory territory,
                        @Reference(name = "directory") Directory directory,
                        @Reference(name = "toolAccess") ToolAccess toolAccess,
                        @Reference(name = "migrator") SchemaMigrator migrator,
                        FleetConfig config, BundleContext context) {
        this(jpa, territory, directory, toolAccess, FleetSettings.of(config), Clock.systemUTC());
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    /** For tests, on a schema migrated by the test and with a controlled clock. */
    FleetService(JpaTemplate jpa, Territory territory, Directory directory, ToolAccess toolAccess,
                 FleetSettings settings, Clock clock) {
        this.jpa = jpa;
        this.territory = territory;
        this.directory = directory;
        this.toolAccess = toolAccess;
        this.settings = settings;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------- scope

    /**
     * @return what the caller sees
     * @throws CartableException FORBIDDEN (from the platform) when the caller holds none of the app's roles
     */
    public Viewer viewer(Caller caller) {
        toolAccess.check(caller, FleetApp.ID);
        TerritoryScope scope = territory.scopeOf(caller);
        Set<String> schools = new HashSet<>(scope.schools());
        for (String collectivityId : scope.collectivities()) {
            territory.schools().stream().filter(s -> collectivityId.equals(s.collectivityId()))
                    .forEach(s -> schools.add(s.id()));
        }
        if (caller.has(Role.TEACHER)) {
            directory.classesOf(caller).stream().map(ClassInfo::schoolId).forEach(schools::add);
        }
        return new Viewer(caller, scope.everything(), schools);
    }

    /** @return the schools the caller sees, by name */
    public List<SchoolInfo> schools(Caller caller) {
        Viewer viewer = viewer(caller);
        return territory.schools().stream().filter(s -> viewer.sees(s.id()))
                .sorted(Comparator.comparing(SchoolInfo::name)).toList();
    }

    /** @return the collectivities with at least one school the caller sees */
    public List<CollectivityInfo> collectivities(Caller caller) {
        Set<String> ids = new HashSet<>();
        schools(caller).forEach(s -> ids.add(s.collectivityId()));
        return territory.collectivities().stream().filter(c -> ids.contains(c.id()))
                .sorted(Comparator.comparing(CollectivityInfo::name)).toList();
    }

    public FleetSettings settings() {
        return settings;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SCHOOL_ZONE));
    }

    Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** @return the devices of the caller's schools matching the filter, by school then tag */
    public List<Device> devices(Caller caller, DeviceFilter filter) {
        Viewer viewer = viewer(caller);
        DeviceFilter f = filter == null ? DeviceFilter.all() : filter;
        return jpa.txExpr(em -> {
            Views views = new Views(em, viewer);
            return visibleDevices(em, viewer, f).stream().map(views::device).filter(f::matchesText)
                    .sorted(Comparator.comparing(Device::schoolName).thenComparing(Device::tag)).toList();
        });
    }

    /** @return the device with its history, contents and tickets; NOT_FOUND outside the caller's schools */
    public DeviceDetail device(Caller caller, String deviceId) {
        Viewer viewer = viewer(caller);
        return jpa.txExpr(em -> {
            DeviceEntity entity = visible(em, viewer, deviceId);
            Views views = new Views(em, viewer);
            List<StateChange> history = em.createQuery("select c from StateChangeEntity c where c.deviceId = :id"
                            + " order by c.at, c.id", StateChangeEntity.class)
                    .setParameter("id", deviceId).getResultList().stream()
                    .map(c -> new StateChange(c.from(), c.to(), c.at(), c.authorId(), views.personName(c.authorId()),
                            c.note()))
                    .toList();
            List<Device> contents = contents(em, deviceId).stream().map(views::device)
                    .sorted(Comparator.comparing(Device::tag)).toList();
            List<TicketEntity> tickets = em.createQuery("select t from TicketEntity t where t.deviceId = :id"
                    + " order by t.openedAt desc", TicketEntity.class).setParameter("id", deviceId).getResultList();
            TicketViews ticketViews = new TicketViews(views, settings, today());
            return new DeviceDetail(views.device(entity), history, contents,
                    tickets.stream().map(ticketViews::ticket).toList(), viewer.manager());
        });
    }

    /** @return the device carrying that tag, if the caller sees it */
    public Optional<Device> byTag(Caller caller, String tag) {
        Viewer viewer = viewer(caller);
        return jpa.txExpr(em -> findByTag(em, tag).filter(d -> viewer.sees(d.schoolId()))
                .map(d -> new Views(em, viewer).device(d)));
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** Managers only. The device starts delivered in factory mode, with a new asset tag. */
    public Device create(Caller caller, DeviceInput input) {
        Viewer viewer = viewer(caller);
        requireManager(viewer);
        if (input == null || input.kind() == null || input.schoolId() == null) {
            throw CartableException.badRequest("'kind' and 'schoolId' are required.");
        }
        Described described = describe(input.kind(), input);
        return jpa.txExpr(em -> {
            SchoolInfo school = visibleSchool(viewer, input.schoolId());
            DeviceEntity device = newDevice(em, viewer, input.kind(), school,
                    input.deliveredOn() == null ? today() : input.deliveredOn(), described);
            if (input.assignmentType() != null) {
                assign(em, device, school.id(), input.assignmentType(), input.assignedTo());
            }
            return new Views(em, viewer).device(device);
        });
    }

    /** Managers only: model, serial, attributes, financial record, school and assignment. */
    public Device update(Caller caller, String deviceId, DeviceInput input) {
        Viewer viewer = viewer(caller);
        if (input == null) {
            throw CartableException.badRequest("Send the device's fields.");
        }
        return jpa.txExpr(em -> {
            DeviceEntity device = visible(em, viewer, deviceId);
            requireManager(viewer);
            if (input.kind() != null && input.kind() != device.kind()) {
                throw CartableException.badRequest("The kind of a device cannot change.");
            }
            Described described = describe(device.kind(), input);
            device.describe(described.model(), described.serial(), described.attributes(), now());
            device.record(described.financial(), now());
            String schoolId = input.schoolId() == null ? device.schoolId()
                    : visibleSchool(viewer, input.schoolId()).id();
            AssignmentType type = input.assignmentType() == null ? AssignmentType.SCHOOL : input.assignmentType();
            if (!schoolId.equals(device.schoolId()) && !contents(em, deviceId).isEmpty()) {
                throw CartableException.conflict("Take the devices out of " + device.tag() + " before moving it.");
            }
            assign(em, device, schoolId, type, input.assignedTo());
            return new Views(em, viewer).device(device);
        });
    }

    /**
     * Managers only. All devices make the transition or none does: the refusal names every device that cannot.
     *
     * @return the devices in their new state, in the order given
     */
    public List<Device> changeState(Caller caller, List<String> deviceIds, DeviceState target, String note) {
        Viewer viewer = viewer(caller);
        requireManager(viewer);
        if (target == null) {
            throw CartableException.badRequest("'state' must be one of " + List.of(DeviceState.values()) + ".");
        }
        if (deviceIds == null || deviceIds.isEmpty()) {
            throw CartableException.badRequest("Select at least one device.");
        }
        if (deviceIds.size() > BULK_MAX) {
            throw CartableException.badRequest("At most " + BULK_MAX + " devices at once.");
        }
        String cleanNote = optional(note, NOTE_MAX, "note");
        List<String> ids = List.copyOf(new LinkedHashSet<>(deviceIds));
        return jpa.txExpr(em -> {
            List<DeviceEntity> devices = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String id : ids) {
                DeviceEntity device = id == null ? null : em.find(DeviceEntity.class, id);
                if (device == null || !viewer.sees(device.schoolId())) {
                    unknown.add(String.valueOf(id));
                } else {
                    devices.add(device);
                }
            }
            if (!unknown.isEmpty()) {
                throw CartableException.notFound("Unknown devices: " + String.join(", ", unknown) + ".");
            }
            List<String> refused = devices.stream().filter(d -> !d.state().canGo(d.kind(), target))
                    .map(d -> d.tag() + " (" + d.state() + ")").toList();
            if (!refused.isEmpty()) {
                throw CartableException.conflict("Nothing changed: " + refused.size() + " of " + devices.size()
                        + " devices cannot go to " + target + ": " + String.join(", ", refused) + ".");
            }
            Instant now = now();
            LocalDate today = today();
            for (DeviceEntity device : devices) {
                em.persist(new StateChangeEntity(UUID.randomUUID().toString(), device.id(), device.state(), target,
                        now, viewer.id(), cleanNote));
                device.moveTo(target, today, now);
            }
            Views views = new Views(em, viewer);
            return devices.stream().map(views::device).toList();
        });
    }

    // ------------------------------------------------------------------------------------------------- inventory

    /**
     * Dates the last inventory of each scanned device the caller sees, and reports the tags it does not know and the
     * active devices of the checked schools that were not scanned. The checked schools are {@code schoolId} when
     * given, else those of the scanned devices. Managers, collectivity admins and directors.
     */
    public InventoryReport inventory(Caller caller, String schoolId, List<String> scannedTags) {
        Viewer viewer = viewer(caller);
        if (!viewer.inventories()) {
            throw CartableException.forbidden("Inventory checks are for operators, collectivity admins and "
                    + "directors.");
        }
        if (scannedTags == null || scannedTags.size() > 5 * BULK_MAX) {
            throw CartableException.badRequest("Send between 0 and " + 5 * BULK_MAX + " tags.");
        }
        if (schoolId != null) {
            visibleSchool(viewer, schoolId);
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        scannedTags.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().toUpperCase(Locale.ROOT)).forEach(tags::add);
        LocalDate today = today();
        return jpa.txExpr(em -> {
            Views views = new Views(em, viewer);
            List<DeviceEntity> seen = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String tag : tags) {
                Optional<DeviceEntity> device = findByTag(em, tag).filter(d -> viewer.sees(d.schoolId()))
                        .filter(d -> schoolId == null || schoolId.equals(d.schoolId()));
                if (device.isPresent()) {
                    device.get().inventoried(today);
                    seen.add(device.get());
                } else {
                    unknown.add(tag);
                }
            }
            Set<String> schools = new LinkedHashSet<>();
            if (schoolId != null) {
                schools.add(schoolId);
            } else {
                seen.forEach(d -> schools.add(d.schoolId()));
            }
            Set<String> seenIds = new HashSet<>();
            seen.forEach(d -> seenIds.add(d.id()));
            List<Device> missing = schools.isEmpty() ? List.of() : em.createQuery(
                            "select d from DeviceEntity d where d.schoolId in :schools", DeviceEntity.class)
                    .setParameter("schools", schools).getResultList().stream()
                    .filter(d -> d.state().active() && !seenIds.contains(d.id()))
                    .map(views::device).sorted(Comparator.comparing(Device::tag)).toList();
            return new InventoryReport(today, List.copyOf(schools), seen.stream().map(views::device).toList(),
                    unknown, missing);
        });
    }

    // ------------------------------------------------------------------------------------------------- renewal

    /**
     * Devices due for renewal on a day: active ones older than {@code maxAgeYears} (from start of use, else purchase,
     * else delivery) or out of warranty, per school and collectivity, with the estimated budget (replacement price
     * per kind).
     *
     * @param maxAgeYears null for the configured age
     */
    public RenewalPlan renewal(Caller caller, LocalDate asOf, Integer maxAgeYears) {
        Viewer viewer = viewer(caller);
        if (!viewer.inventories()) {
            throw CartableException.forbidden("Renewal planning is for the schools' and collectivities' managers.");
        }
        int maxAge = maxAgeYears == null ? settings.maxAgeYears() : maxAgeYears;
        if (maxAge < 1 || maxAge > 50) {
            throw CartableException.badRequest("'maxAgeYears' must be between 1 and 50.");
        }
        LocalDate day = asOf == null ? today() : asOf;
        return jpa.txExpr(em -> {
            Views views = new Views(em, viewer);
            List<DueDevice> due = new ArrayList<>();
            for (DeviceEntity entity : visibleDevices(em, viewer, DeviceFilter.all())) {
                if (!entity.state().active()) {
                    continue;
                }
                List<RenewalReason> reasons = new ArrayList<>();
                Financial financial = entity.financial();
                LocalDate since = financial.depreciationStart() != null ? financial.depreciationStart()
                        : entity.deliveredOn();
                if (since != null && !since.plusYears(maxAge).isAfter(day)) {
                    reasons.add(RenewalReason.AGE);
                }
                if (financial.warrantyExpiry() != null && financial.warrantyExpiry().isBefore(day)) {
                    reasons.add(RenewalReason.WARRANTY);
                }
                if (!reasons.isEmpty()) {
                    due.add(new DueDevice(views.device(entity), reasons, settings.price(entity.kind())));
                }
            }
            due.sort(Comparator.comparing((DueDevice d) -> d.device().schoolName())
                    .thenComparing(d -> d.device().tag()));
            List<RenewalLine> schools = lines(due, d -> d.device().schoolId(), this::schoolName);
            List<RenewalLine> collectivities = lines(due, d -> collectivityOf(d.device().schoolId()),
                    this::collectivityName);
            BigDecimal budget = due.stream().map(DueDevice::replacementPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new RenewalPlan(day, maxAge, schools, collectivities, due, budget);
        });
    }

    private static List<RenewalLine> lines(List<DueDevice> due, Function<DueDevice, String> key,
                                           Function<String, String> name) {
        Map<String, List<DueDevice>> groups = new TreeMap<>();
        due.forEach(d -> groups.computeIfAbsent(key.apply(d), k -> new ArrayList<>()).add(d));
        List<RenewalLine> lines = new ArrayList<>();
        groups.forEach((id, devices) -> {
            Map<DeviceKind, Integer> byKind = new EnumMap<>(DeviceKind.class);
            devices.forEach(d -> byKind.merge(d.device().kind(), 1, Integer::sum));
            lines.add(new RenewalLine(id, name.apply(id), byKind, devices.size(),
                    devices.stream().map(DueDevice::replacementPrice).reduce(BigDecimal.ZERO, BigDecimal::add)));
        });
        lines.sort(Comparator.comparing(RenewalLine::name));
        return lines;
    }

    // ------------------------------------------------------------------------------------------------- statistics

    /** @return device counts by state and kind for each collectivity the caller sees a school of */
    public List<CollectivityFleet> fleetByCollectivity(Caller caller) {
        Viewer viewer = viewer(caller);
        return jpa.txExpr(em -> {
            Map<String, Map<DeviceState, Integer>> states = new TreeMap<>();
            Map<String, Map<DeviceKind, Integer>> kinds = new TreeMap<>();
            for (DeviceEntity device : visibleDevices(em, viewer, DeviceFilter.all())) {
                String collectivity = collectivityOf(device.schoolId());
                states.computeIfAbsent(collectivity, k -> new EnumMap<>(DeviceState.class))
                        .merge(device.state(), 1, Integer::sum);
                kinds.computeIfAbsent(collectivity, k -> new EnumMap<>(DeviceKind.class))
                        .merge(device.kind(), 1, Integer::sum);
            }
            return states.keySet().stream()
                    .map(id -> new CollectivityFleet(id, collectivityName(id), states.get(id), kinds.get(id)))
                    .sorted(Comparator.comparing(CollectivityFleet::name)).toList();
        });
    }

    // ------------------------------------------------------------------------------------------------- for imports

    /** What {@link DeliveryImport} creates: one device per valid line, all in one transaction. */
    List<Device> createAll(Viewer viewer, List<ImportedDevice> lines) {
        requireManager(viewer);
        return jpa.txExpr(em -> {
            Views views = new Views(em, viewer);
            List<Device> created = new ArrayList<>();
            for (ImportedDevice line : lines) {
                SchoolInfo school = visibleSchool(viewer, line.schoolId());
                created.add(views.device(newDevice(em, viewer, line.kind(), school, line.deliveredOn(),
                        new Described(line.model(), line.serial(), Map.of(), line.financial()))));
            }
            return created;
        });
    }

    /** A valid import line. */
    record ImportedDevice(DeviceKind kind, String schoolId, String model, String serial, Financial financial,
                          LocalDate deliveredOn) {
    }

    /** @return the tags of the devices of that kind already carrying one of these serials */
    Map<String, String> existingSerials(DeviceKind kind, Set<String> serials) {
        if (serials.isEmpty()) {
            return Map.of();
        }
        return jpa.txExpr(em -> {
            Map<String, String> found = new HashMap<>();
            em.createQuery("select d from DeviceEntity d where d.kind = :kind and d.serial in :serials",
                            DeviceEntity.class)
                    .setParameter("kind", kind).setParameter("serials", serials).getResultList()
                    .forEach(d -> found.put(d.serial(), d.tag()));
            return found;
        });
    }

    Optional<SchoolInfo> schoolByUai(String uai) {
        return territory.schools().stream().filter(s -> s.uai().equalsIgnoreCase(uai)).findFirst();
    }

    String schoolName(String schoolId) {
        return territory.school(schoolId).map(SchoolInfo::name).orElse(schoolId);
    }

    String collectivityOf(String schoolId) {
        return territory.school(schoolId).map(SchoolInfo::collectivityId).orElse("");
    }

    String collectivityName(String collectivityId) {
        return territory.collectivity(collectivityId).map(CollectivityInfo::name).orElse(collectivityId);
    }

    // ------------------------------------------------------------------------------------------------- internals

    <T> T inTransaction(Function<EntityManager, T> work) {
        return jpa.txExpr(work::apply);
    }

    Views views(EntityManager em, Viewer viewer) {
        return new Views(em, viewer);
    }

    private DeviceEntity newDevice(EntityManager em, Viewer viewer, DeviceKind kind, SchoolInfo school,
                                   LocalDate deliveredOn, Described described) {
        Instant now = now();
        DeviceEntity device = new DeviceEntity(UUID.randomUUID().toString(), nextTag(em, school.uai()), kind,
                school.id(), deliveredOn, now);
        device.describe(described.model(), described.serial(), described.attributes(), now);
        device.record(described.financial(), now);
        em.persist(device);
        em.persist(new StateChangeEntity(UUID.randomUUID().toString(), device.id(), null, DeviceState.FACTORY, now,
                viewer.id(), null));
        return device;
    }

    /** @return a new tag "CART-&lt;UAI&gt;-000123", numbered per school under a row lock */
    private static String nextTag(EntityManager em, String uai) {
        String key = uai.toUpperCase(Locale.ROOT);
        TagCounterEntity counter = em.find(TagCounterEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new TagCounterEntity(key);
            em.persist(counter);
            // the next tag of the same transaction locks this row: it must exist in the database by then
            em.flush();
        }
        return String.format("CART-%s-%06d", key, counter.take());
    }

    private record Described(String model, String serial, Map<String, String> attributes, Financial financial) {
    }

    private static Described describe(DeviceKind kind, DeviceInput input) {
        Financial f = input.financial() == null ? Financial.empty() : input.financial();
        if (f.value() != null && (f.value().signum() < 0 || f.value().compareTo(new BigDecimal("10000000")) >= 0)) {
            throw CartableException.badRequest("'value' must be between 0 and 9 999 999.99.");
        }
        if (f.value() != null && f.value().scale() > 2) {
            throw CartableException.badRequest("'value' has at most two decimals.");
        }
        range(f.warrantyMonths(), 0, 240, "warrantyMonths");
        range(f.depreciationYears(), 1, 50, "depreciationYears");
        if (f.purchaseDate() != null && f.startOfUseDate() != null && f.startOfUseDate().isBefore(f.purchaseDate())) {
            throw CartableException.badRequest("'startOfUseDate' cannot come before 'purchaseDate'.");
        }
        Financial clean = new Financial(optional(f.supplier(), TEXT_MAX, "supplier"),
                optional(f.orderNumber(), CODE_MAX, "orderNumber"),
                optional(f.deliveryNumber(), CODE_MAX, "deliveryNumber"),
                optional(f.invoiceNumber(), CODE_MAX, "invoiceNumber"),
                optional(f.assetNumber(), CODE_MAX, "assetNumber"), optional(f.funding(), TEXT_MAX, "funding"),
                f.purchaseDate(), f.startOfUseDate(), f.value(), f.warrantyMonths(), f.depreciationYears());
        return new Described(optional(input.model(), TEXT_MAX, "model"), optional(input.serial(), CODE_MAX, "serial"),
                kind.validate(input.attributes()), clean);
    }

    private static void range(Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            throw CartableException.badRequest("'" + field + "' must be between " + min + " and " + max + ".");
        }
    }

    /** @return the trimmed text, null when blank */
    static String optional(String text, int max, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw CartableException.badRequest("'" + field + "' is longer than " + max + " characters.");
        }
        return clean;
    }

    private void assign(EntityManager em, DeviceEntity device, String schoolId, AssignmentType type, String to) {
        String target = to == null || to.isBlank() ? null : to.strip();
        if (type != AssignmentType.SCHOOL && target == null) {
            throw CartableException.badRequest("'assignedTo' is required for an assignment to a " + type + ".");
        }
        switch (type) {
            case SCHOOL -> target = null;
            case CLASS -> {
                Optional<ClassInfo> schoolClass = directory.findClass(target);
                if (schoolClass.isEmpty() || !schoolClass.get().schoolId().equals(schoolId)) {
                    throw CartableException.badRequest("No such class in the device's school.");
                }
            }
            case ROOM -> target = optional(target, CODE_MAX, "assignedTo");
            case PERSON -> {
                if (directory.person(target).isEmpty()) {
                    throw CartableException.badRequest("No such person.");
                }
            }
            case DEVICE -> checkContainer(em, device, schoolId, target);
        }
        device.assign(schoolId, type, target, now());
    }

    private void checkContainer(EntityManager em, DeviceEntity device, String schoolId, String containerId) {
        DeviceEntity container = em.find(DeviceEntity.class, containerId);
        if (container == null || !container.schoolId().equals(schoolId)) {
            throw CartableException.badRequest("No such device in the same school to put " + device.tag() + " in.");
        }
        if (!container.kind().contains().contains(device.kind())) {
            throw CartableException.badRequest("A " + container.kind() + " cannot hold a " + device.kind() + ".");
        }
        for (DeviceEntity up = container; up != null;
             up = up.assignmentType() == AssignmentType.DEVICE ? em.find(DeviceEntity.class, up.assignedTo()) : null) {
            if (up.id().equals(device.id())) {
                throw CartableException.badRequest(device.tag() + " cannot be put inside itself.");
            }
        }
        int capacity = container.kind().capacity(container.attributes());
        boolean already = device.assignmentType() == AssignmentType.DEVICE && containerId.equals(device.assignedTo());
        if (capacity >= 0 && !already && contents(em, containerId).size() >= capacity) {
            throw CartableException.conflict(container.tag() + " is full (" + capacity + ").");
        }
    }

    private static List<DeviceEntity> contents(EntityManager em, String deviceId) {
        return em.createQuery("select d from DeviceEntity d where d.assignmentType = :device and d.assignedTo = :id",
                        DeviceEntity.class)
                .setParameter("device", AssignmentType.DEVICE).setParameter("id", deviceId).getResultList();
    }

    private List<DeviceEntity> visibleDevices(EntityManager em, Viewer viewer, DeviceFilter f) {
        if (viewer.seesNothing()) {
            return List.of();
        }
        Set<String> schools = new HashSet<>();
        if (f.schoolId() != null) {
            if (!viewer.sees(f.schoolId())) {
                return List.of();
            }
            schools.add(f.schoolId());
        } else if (f.collectivityId() != null) {
            territory.schools().stream().filter(s -> f.collectivityId().equals(s.collectivityId()))
                    .filter(s -> viewer.sees(s.id())).forEach(s -> schools.add(s.id()));
            if (schools.isEmpty()) {
                return List.of();
            }
        } else if (!viewer.everything()) {
            schools.addAll(viewer.schools());
        }
        StringBuilder jpql = new StringBuilder("select d from DeviceEntity d where 1 = 1");
        if (!schools.isEmpty()) {
            jpql.append(" and d.schoolId in :schools");
        }
        if (f.state() != null) {
            jpql.append(" and d.state = :state");
        }
        if (f.kind() != null) {
            jpql.append(" and d.kind = :kind");
        }
        TypedQuery<DeviceEntity> query = em.createQuery(jpql.toString(), DeviceEntity.class);
        if (!schools.isEmpty()) {
            query.setParameter("schools", schools);
        }
        if (f.state() != null) {
            query.setParameter("state", f.state());
        }
        if (f.kind() != null) {
            query.setParameter("kind", f.kind());
        }
        return query.getResultList();
    }

    static DeviceEntity visible(EntityManager em, Viewer viewer, String deviceId) {
        DeviceEntity device = deviceId == null ? null : em.find(DeviceEntity.class, deviceId);
        if (device == null || !viewer.sees(device.schoolId())) {
            throw CartableException.notFound("Device not found.");
        }
        return device;
    }

    private SchoolInfo visibleSchool(Viewer viewer, String schoolId) {
        return territory.school(schoolId).filter(s -> viewer.sees(s.id()))
                .orElseThrow(() -> CartableException.notFound("School not found."));
    }

    private static Optional<DeviceEntity> findByTag(EntityManager em, String tag) {
        return em.createQuery("select d from DeviceEntity d where d.tag = :tag", DeviceEntity.class)
                .setParameter("tag", tag.strip().toUpperCase(Locale.ROOT)).getResultList().stream().findFirst();
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.manager()) {
            throw CartableException.forbidden("Only the operator's staff manage devices.");
        }
    }

    /** Builds the caller's view of entities, with names looked up once per call. */
    final class Views {

        private final EntityManager em;
        private final Viewer viewer;
        private final LocalDate today = today();
        private final Map<String, String> names = new HashMap<>();

        Views(EntityManager em, Viewer viewer) {
            this.em = em;
            this.viewer = viewer;
        }

        Viewer viewer() {
            return viewer;
        }

        EntityManager entityManager() {
            return em;
        }

        Device device(DeviceEntity d) {
            Financial financial = d.financial();
            return new Device(d.id(), d.tag(), d.kind(), d.schoolId(), school(d.schoolId()), d.model(), d.serial(),
                    d.state(), viewer.manager() ? d.state().next(d.kind()) : Set.of(), d.assignmentType(),
                    d.assignedTo(), assignedLabel(d), d.attributes(), financial, financial.warrantyExpiry(),
                    financial.netBookValue(today), new Device.Milestones(d.deliveredOn(), d.configuredOn(),
                    d.enrolledOn(), d.filteringOn(), d.inServiceSince(), d.repairSince(), d.lostOn(),
                    d.decommissionedOn(), d.lastInventoryOn()));
        }

        String school(String schoolId) {
            return names.computeIfAbsent("school:" + schoolId, k -> schoolName(schoolId));
        }

        String personName(String personId) {
            if (personId == null) {
                return null;
            }
            return names.computeIfAbsent("person:" + personId,
                    k -> directory.person(personId).map(PersonSummary::displayName).orElse("—"));
        }

        private String assignedLabel(DeviceEntity d) {
            String to = d.assignedTo();
            return switch (d.assignmentType()) {
                case SCHOOL -> school(d.schoolId());
                case ROOM -> to;
                case CLASS -> names.computeIfAbsent("class:" + to,
                        k -> directory.findClass(to).map(ClassInfo::name).orElse("—"));
                case PERSON -> personName(to);
                case DEVICE -> names.computeIfAbsent("device:" + to, k -> {
                    DeviceEntity container = em.find(DeviceEntity.class, to);
                    return container == null ? "—" : container.tag();
                });
            };
        }
    }
}
