package org.cartable.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.FormerUser;
import org.cartable.testing.RecordingSink;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export and erase on the real schema: a teacher's ticket with a photo, a laptop lent to her, a technician's note. */
class FleetPersonalDataTest {

    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

    private final TestDatabase db = new TestDatabase().migrate(FleetService.CHANGELOG);
    private final JpaTemplate jpa = db.jpa(FleetService.UNIT);
    private final FleetPersonalData privacy = new FleetPersonalData(jpa);

    @AfterEach
    void close() {
        db.close();
    }

    private void seed() {
        jpa.tx(em -> {
            device(em, "d1", "ECOLE-0001", "SCHOOL", null);
            device(em, "d2", "ECOLE-0002", "PERSON", "marie");
            device(em, "d3", "ECOLE-0003", "PERSON", "paul");
            ticket(em, "t1", "marie", "L'écran est cassé", true);
            ticket(em, "t2", "paul", "Plus de batterie", false);
            em.createNativeQuery("insert into FLEET_TICKET_PHOTO (TICKET_ID, CONTENT_TYPE, DATA) values ('t1',"
                    + " 'image/jpeg', ?1)").setParameter(1, PHOTO).executeUpdate();
            em.createNativeQuery("insert into FLEET_TICKET_NOTE (ID, TICKET_ID, AUTHOR_ID, WRITTEN_AT, TEXT, MINUTES)"
                    + " values ('n1', 't1', 'tech', CURRENT_TIMESTAMP, 'Écran commandé', 15)").executeUpdate();
        });
    }

    private static void device(EntityManager em, String id, String tag, String type, String to) {
        em.createNativeQuery("insert into FLEET_DEVICE (ID, TAG, KIND, SCHOOL_ID, MODEL, STATE, ASSIGNMENT_TYPE,"
                + " ASSIGNED_TO, CREATED_AT, UPDATED_AT, VERSION) values (?1, ?2, 'LAPTOP', 's1', 'Portable 14',"
                + " 'IN_SERVICE', ?3, ?4, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)").setParameter(1, id)
                .setParameter(2, tag).setParameter(3, type).setParameter(4, to == null ? "" : to).executeUpdate();
        // A null parameter is typed VARBINARY by Hibernate, which Derby refuses for a text column.
        em.createNativeQuery("update FLEET_DEVICE set ASSIGNED_TO = null where ASSIGNED_TO = ''").executeUpdate();
    }

    private static void ticket(EntityManager em, String id, String by, String problem, boolean photo) {
        em.createNativeQuery("insert into FLEET_TICKET (ID, DEVICE_ID, SCHOOL_ID, OPENED_BY, PROBLEM, STATUS,"
                + " TECHNICIAN_ID, OPENED_AT, MINUTES_SPENT, HAS_PHOTO, VERSION) values (?1, 'd1', 's1', ?2, ?3,"
                + " 'OPEN', 'tech', CURRENT_TIMESTAMP, 0, ?4, 0)").setParameter(1, id).setParameter(2, by)
                .setParameter(3, problem).setParameter(4, photo).executeUpdate();
    }

    @Test
    void exportsHerTicketsWithThePhotoAndHerLaptop() throws Exception {
        seed();
        RecordingSink marie = new RecordingSink();
        privacy.export("marie", marie);
        assertEquals("L'écran est cassé", marie.rows("tickets-opened").get(0).get("problem"));
        assertEquals(1, marie.rows("tickets-opened").size());
        assertEquals("ECOLE-0002", marie.rows("devices-assigned").get(0).get("tag"));
        assertArrayEquals(PHOTO, marie.files.get("ticket-t1.jpg"));

        RecordingSink tech = new RecordingSink();
        privacy.export("tech", tech);
        assertEquals(2, tech.rows("tickets-handled").size());
        assertEquals("Écran commandé", tech.rows("ticket-notes").get(0).get("text"));
    }

    @Test
    void eraseDropsHerPhotoAndLaptopAndKeepsTheTicketAsAFormerUsers() {
        seed();
        privacy.erase("marie");
        privacy.erase("marie");
        assertEquals(List.of(FormerUser.ID, "paul"), column("select OPENED_BY from FLEET_TICKET order by ID"));
        assertEquals(List.of(), column("select TICKET_ID from FLEET_TICKET_PHOTO"));
        assertEquals(List.of("SCHOOL", "SCHOOL", "PERSON"),
                column("select ASSIGNMENT_TYPE from FLEET_DEVICE order by ID"), "her laptop is back to the school");
        assertEquals(List.of("paul"), column("select ASSIGNED_TO from FLEET_DEVICE where ASSIGNED_TO is not null"));

        privacy.erase("tech");
        assertEquals(List.of(FormerUser.ID), column("select AUTHOR_ID from FLEET_TICKET_NOTE"));
        assertTrue(column("select TECHNICIAN_ID from FLEET_TICKET").stream().allMatch(FormerUser.ID::equals));
    }

    @SuppressWarnings("unchecked")
    private List<Object> column(String sql) {
        return jpa.txExpr(em -> (List<Object>) em.createNativeQuery(sql).getResultList());
    }
}
