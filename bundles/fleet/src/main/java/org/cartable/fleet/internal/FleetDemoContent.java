package org.cartable.fleet.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo fleet, written through the fleet's own services as the operator: about forty devices across the demo
 * schools (École Jules Ferry's trolley of sixteen tablets in service, its screens, kits and a fresh delivery still in
 * factory mode; older devices at École Marie Curie and Collège Victor Hugo, some due for renewal), and a few tickets.
 */
@Component(service = DemoContent.class)
public final class FleetDemoContent implements DemoContent {

    static final String JULES_FERRY = "0451234A";
    static final String MARIE_CURIE = "0455678B";
    static final String VICTOR_HUGO = "0459999C";
    private static final String SNEE = "Socle numérique dans les écoles élémentaires (État)";
    private static final String COMMUNE = "Budget d'investissement de la commune";

    private final FleetService fleet;
    private final TicketService tickets;
    private final Territory territory;

    @Activate
    public FleetDemoContent(@Reference(name = "fleet") FleetService fleet,
                            @Reference(name = "tickets") TicketService tickets,
                            @Reference(name = "territory") Territory territory) {
        this.fleet = fleet;
        this.tickets = tickets;
        this.territory = territory;
    }

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    @Override
    public void seed(DemoDirectory directory) {
        Caller operator = directory.caller("operator");
        LocalDate today = LocalDate.now(directory.clock().withZone(FleetService.SCHOOL_ZONE));
        String julesFerry = school(JULES_FERRY);
        String marieCurie = school(MARIE_CURIE);
        String victorHugo = school(VICTOR_HUGO);

        LocalDate bought = today.minusMonths(14);
        Device trolley = device(operator, DeviceKind.CHARGING_TROLLEY, julesFerry, "Chariot 16 places", "CH-2041",
                Map.of("capacity", "16"), financial("Mobilier Scolaire SA", bought, "1390.00", 24, 5, SNEE),
                AssignmentType.ROOM, "Salle informatique");
        List<String> trolleyTablets = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            Device tablet = device(operator, DeviceKind.TABLET, julesFerry, "Tablette 10 pouces", "TB-JF-" + (100 + i),
                    Map.of("os", "Android 14", "storageGb", "64"),
                    financial("EduTab France", bought, "329.00", 24, 4, SNEE), AssignmentType.DEVICE, trolley.id());
            trolleyTablets.add(tablet.id());
        }
        fleet.changeState(operator, trolleyTablets, DeviceState.CONFIGURED, "Profil école Jules Ferry");
        fleet.changeState(operator, trolleyTablets, DeviceState.ENROLLED, null);
        fleet.changeState(operator, trolleyTablets, DeviceState.FILTERED, null);
        fleet.changeState(operator, trolleyTablets, DeviceState.IN_SERVICE, null);
        fleet.changeState(operator, List.of(trolley.id()), DeviceState.IN_SERVICE, null);

        Device screen = device(operator, DeviceKind.INTERACTIVE_SCREEN, julesFerry, "Écran interactif 75\"", "EI-5521",
                Map.of("sizeInches", "75", "room", "Salle CM1 A"), financial("Visio Pro", bought, "3890.00", 60, 5,
                        SNEE), AssignmentType.CLASS, directory.classId("CM1 A"));
        Device screen2 = device(operator, DeviceKind.INTERACTIVE_SCREEN, julesFerry, "Écran interactif 65\"",
                "EI-5522", Map.of("sizeInches", "65", "room", "Salle CE2-CM1"),
                financial("Visio Pro", bought, "3290.00", 60, 5, SNEE), AssignmentType.CLASS,
                directory.classId("CE2-CM1"));
        Device visio = device(operator, DeviceKind.VISIO_KIT, julesFerry, "Kit visio classe", "VK-301",
                Map.of("camera", "Caméra 4K", "microphone", "Micro table"), financial("Visio Pro", bought, "890.00",
                        24, 5, COMMUNE), AssignmentType.ROOM, "Salle polyvalente");
        Device robots = device(operator, DeviceKind.ROBOT_KIT, julesFerry, "Kit robots Thymio", "RK-12",
                Map.of("piecesCount", "6", "ageRange", "7-11"), financial("Robots & Co", bought, "780.00", 24, 5,
                        COMMUNE), AssignmentType.SCHOOL, null);
        fleet.changeState(operator, List.of(screen.id(), screen2.id(), visio.id(), robots.id()),
                DeviceState.IN_SERVICE, null);

        List<String> laptops = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            laptops.add(device(operator, DeviceKind.LAPTOP, julesFerry, "Portable 14\"", "LP-JF-" + i,
                    Map.of("os", "Windows 11", "ramGb", "8", "storageGb", "256"),
                    financial("InfoDirect", today.minusYears(3), "689.00", 36, 4, COMMUNE),
                    i == 1 ? AssignmentType.PERSON : AssignmentType.SCHOOL,
                    i == 1 ? directory.caller("director").userId() : null).id());
        }
        List<String> usedLaptops = laptops.subList(0, 3);
        fleet.changeState(operator, usedLaptops, DeviceState.CONFIGURED, null);
        fleet.changeState(operator, usedLaptops, DeviceState.ENROLLED, null);
        fleet.changeState(operator, usedLaptops, DeviceState.FILTERED, null);
        fleet.changeState(operator, usedLaptops, DeviceState.IN_SERVICE, null);
        fleet.changeState(operator, List.of(laptops.get(2)), DeviceState.IN_REPAIR, "Clavier hors service");

        // this week's delivery, still in factory mode: the bulk action of the demo
        for (int i = 1; i <= 6; i++) {
            device(operator, DeviceKind.TABLET, julesFerry, "Tablette 10 pouces", "TB-JF-2" + i,
                    Map.of("os", "Android 15", "storageGb", "128"),
                    financial("EduTab France", today.minusDays(3), "349.00", 24, 4, SNEE), null, null);
        }

        List<String> curie = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            curie.add(device(operator, DeviceKind.TABLET, marieCurie, "Tablette 9 pouces", "TB-MC-" + i,
                    Map.of("os", "iPadOS 17", "storageGb", "32"), financial("EduTab France", today.minusYears(6),
                            "379.00", 12, 4, SNEE), null, null).id());
        }
        Device oldLaptop = device(operator, DeviceKind.LAPTOP, marieCurie, "Portable 15\"", "LP-MC-1",
                Map.of("os", "Windows 10"), financial("InfoDirect", today.minusYears(7), "749.00", 24, 4, COMMUNE),
                AssignmentType.PERSON, directory.caller("teacher2").userId());
        Device curieScreen = device(operator, DeviceKind.INTERACTIVE_SCREEN, marieCurie, "Vidéoprojecteur interactif",
                "EI-1201", Map.of("sizeInches", "80"), financial("Visio Pro", today.minusYears(5).minusMonths(2),
                        "2490.00", 36, 5, COMMUNE), AssignmentType.CLASS, directory.classId("CP B"));
        List<String> curieAll = new ArrayList<>(curie);
        curieAll.add(oldLaptop.id());
        curieAll.add(curieScreen.id());
        fleet.changeState(operator, curieAll, DeviceState.CONFIGURED, null);
        fleet.changeState(operator, List.of(curieScreen.id()), DeviceState.IN_SERVICE, null);
        List<String> curieManaged = curieAll.subList(0, 5);
        fleet.changeState(operator, curieManaged, DeviceState.ENROLLED, null);
        fleet.changeState(operator, curieManaged, DeviceState.FILTERED, null);
        fleet.changeState(operator, curieManaged, DeviceState.IN_SERVICE, null);
        fleet.changeState(operator, List.of(curie.get(3)), DeviceState.LOST, "Non retrouvée après la sortie");

        if (victorHugo != null) {
            List<String> hugo = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                hugo.add(device(operator, DeviceKind.LAPTOP, victorHugo, "Portable 14\"", "LP-VH-" + i,
                        Map.of("os", "Ubuntu 24.04", "ramGb", "16"), financial("InfoDirect", today.minusYears(2),
                                "820.00", 36, 4, "Département"), null, null).id());
            }
            hugo.add(device(operator, DeviceKind.INTERACTIVE_SCREEN, victorHugo, "Écran interactif 86\"", "EI-9001",
                    Map.of("sizeInches", "86"), financial("Visio Pro", today.minusYears(2), "4590.00", 60, 5,
                            "Département"), AssignmentType.ROOM, "Salle 104").id());
            fleet.changeState(operator, hugo, DeviceState.CONFIGURED, null);
        }

        Caller teacher = directory.caller("teacher");
        Ticket touch = tickets.open(teacher, trolleyTablets.get(4), "L'écran ne répond plus au toucher en bas à "
                + "droite.", null);
        tickets.assign(operator, touch.id(), null);
        tickets.open(directory.caller("director"), screen2.id(), "Pas de son quand on branche l'ordinateur.", null);
        Ticket keyboard = tickets.open(teacher, laptops.get(2), "Plusieurs touches du clavier ne marchent plus.",
                null);
        tickets.assign(operator, keyboard.id(), null);
        tickets.waitFor(operator, keyboard.id(), "Clavier de remplacement commandé.");
        Ticket curieTicket = tickets.open(directory.caller("teacher2"), oldLaptop.id(), "Très lent au démarrage.",
                null);
        tickets.assign(operator, curieTicket.id(), null);
        tickets.solve(operator, curieTicket.id(), "Disque remplacé par un SSD.", 50);
        tickets.close(directory.caller("teacher2"), curieTicket.id(), 5, "Merci, c'est beaucoup mieux !");
    }

    private String school(String uai) {
        return territory.schools().stream().filter(s -> s.uai().equals(uai)).map(SchoolInfo::id).findFirst()
                .orElse(null);
    }

    private Device device(Caller operator, DeviceKind kind, String schoolId, String model, String serial,
                          Map<String, String> attributes, Financial financial, AssignmentType type, String to) {
        return fleet.create(operator, new DeviceInput(kind, schoolId, model, serial, attributes, financial, type, to,
                financial.purchaseDate()));
    }

    private static Financial financial(String supplier, LocalDate bought, String value, int warrantyMonths,
                                       int years, String funding) {
        String order = "BC-" + bought.getYear() + "-" + (bought.getMonthValue() * 37 % 900 + 100);
        return new Financial(supplier, order, "BL-" + order.substring(3), "FA-" + order.substring(3), null, funding,
                bought, null, new BigDecimal(value), warrantyMonths, years);
    }
}
