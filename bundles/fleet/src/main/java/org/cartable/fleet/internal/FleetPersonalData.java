package org.cartable.fleet.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.ExportRows;
import org.cartable.api.privacy.FormerUser;
import org.cartable.api.privacy.PersonalData;
import org.cartable.api.privacy.PersonalDataSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The device fleet's part of personal-data rights. Export: the tickets the person opened (with their photos, under
 * {@code files/}), the tickets they handled as technician, their notes and state changes, the devices assigned to them.
 * Erase: the photos of the tickets they opened are deleted (a photo may show a classroom or a person; the written
 * problem is enough for the history); tickets, notes and state changes stay in the school's fleet history,
 * attributed to the former user; devices assigned to them go back to their school.
 */
@Component(service = PersonalData.class)
public final class FleetPersonalData implements PersonalData {

    private final JpaTemplate jpa;

    /** The service reference orders activation after the app's migrations. */
    @Activate
    public FleetPersonalData(@Reference(target = "(osgi.unit.name=cartable-fleet)") JpaTemplate jpa,
            @Reference FleetService service) {
        this.jpa = jpa;
    }

    /** For tests, on a schema migrated by the test. */
    FleetPersonalData(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    @Override
    public void export(String personId, PersonalDataSink sink) throws IOException {
        ExportRows.writeUnlessEmpty(sink, "tickets-opened", jpa.txExpr(em -> rows(em, "select t.ID, d.TAG, t.PROBLEM, t.STATUS, t.OPENED_AT, t.SOLVED_AT, t.CLOSED_AT, t.SATISFACTION, t.HAS_PHOTO from FLEET_TICKET t join FLEET_DEVICE d on d.ID = t.DEVICE_ID where t.OPENED_BY = ?1 order by t.OPENED_AT", personId,
                "id", "device", "problem", "status", "openedAt", "solvedAt", "closedAt", "satisfaction", "hasPhoto")));
        ExportRows.writeUnlessEmpty(sink, "tickets-handled", jpa.txExpr(em -> rows(em, "select t.ID, d.TAG, t.STATUS, t.OPENED_AT, t.CLOSED_AT, t.MINUTES_SPENT from FLEET_TICKET t join FLEET_DEVICE d on d.ID = t.DEVICE_ID where t.TECHNICIAN_ID = ?1 order by t.OPENED_AT", personId,
                "id", "device", "status", "openedAt", "closedAt", "minutesSpent")));
        ExportRows.writeUnlessEmpty(sink, "ticket-notes", jpa.txExpr(em -> rows(em, "select TICKET_ID, WRITTEN_AT, ACTION, TEXT, MINUTES from FLEET_TICKET_NOTE where AUTHOR_ID = ?1 order by WRITTEN_AT", personId,
                "ticketId", "writtenAt", "action", "text", "minutes")));
        ExportRows.writeUnlessEmpty(sink, "state-changes", jpa.txExpr(em -> rows(em, "select d.TAG, s.FROM_STATE, s.TO_STATE, s.CHANGED_AT, s.NOTE from FLEET_STATE_CHANGE s join FLEET_DEVICE d on d.ID = s.DEVICE_ID where s.AUTHOR_ID = ?1 order by s.CHANGED_AT", personId,
                "device", "from", "to", "changedAt", "note")));
        ExportRows.writeUnlessEmpty(sink, "devices-assigned", jpa.txExpr(em -> rows(em, "select TAG, KIND, MODEL, SERIAL, STATE from FLEET_DEVICE where ASSIGNMENT_TYPE = 'PERSON' and ASSIGNED_TO = ?1 order by TAG", personId,
                "tag", "kind", "model", "serial", "state")));
        List<Object[]> photos = jpa.txExpr(em -> {
            List<Object[]> found = new ArrayList<>();
            for (Object row : em.createNativeQuery("select p.TICKET_ID, p.CONTENT_TYPE, p.DATA from FLEET_TICKET_PHOTO p"
                    + " join FLEET_TICKET t on t.ID = p.TICKET_ID where t.OPENED_BY = ?1").setParameter(1, personId)
                    .getResultList()) {
                Object[] values = (Object[]) row;
                found.add(new Object[] {values[0], values[1], bytes(values[2])});
            }
            return found;
        });
        for (Object[] photo : photos) {
            String type = String.valueOf(photo[1]);
            String extension = type.endsWith("png") ? ".png" : type.endsWith("webp") ? ".webp" : ".jpg";
            sink.file("ticket-" + photo[0] + extension, new java.io.ByteArrayInputStream((byte[]) photo[2]));
        }
    }

    @Override
    public void erase(String personId) {
        jpa.tx(em -> {
            em.createNativeQuery("delete from FLEET_TICKET_PHOTO where TICKET_ID in (select ID from FLEET_TICKET where OPENED_BY = ?1)")
                    .setParameter(1, personId).executeUpdate();
            em.createNativeQuery("update FLEET_TICKET set HAS_PHOTO = false, OPENED_BY = ?1 where OPENED_BY = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update FLEET_TICKET set TECHNICIAN_ID = ?1 where TECHNICIAN_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update FLEET_TICKET_NOTE set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update FLEET_STATE_CHANGE set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update FLEET_DEVICE set ASSIGNMENT_TYPE = 'SCHOOL', ASSIGNED_TO = null where ASSIGNMENT_TYPE = 'PERSON' and ASSIGNED_TO = ?1")
                    .setParameter(1, personId).executeUpdate();
        });
    }


    /** @return the rows of a native query whose parameters are all the person's id, as named columns */
    static List<Map<String, Object>> rows(EntityManager em, String sql, String personId, String... names) {
        javax.persistence.Query query = em.createNativeQuery(sql);
        for (int i = 1; sql.contains("?" + i); i++) {
            query.setParameter(i, personId);
        }
        return ExportRows.named(query.getResultList(), names);
    }

    private static byte[] bytes(Object value) {
        try {
            if (value instanceof java.sql.Blob blob) {
                return blob.getBytes(1, (int) blob.length());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read a photo", e);
        }
        return (byte[]) value;
    }

}
