package org.cartable.core.internal.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.cartable.api.privacy.FormerUser;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.ContactDetails;
import org.cartable.core.internal.model.DirectorAssignment;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.ExternalId;
import org.cartable.core.internal.model.FeedItem;
import org.cartable.core.internal.model.NotificationPreference;
import org.cartable.core.internal.model.ParentLink;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.TeacherAssignment;

/** What the platform itself holds about a person: the {@code platform/} folder of their export, and its purge. */
public final class PlatformData {

    private PlatformData() {
    }

    /** @return file name (without .json) → value, read in one transaction */
    static Map<String, Object> export(EntityManager em, Person person) {
        String id = person.getId();
        Map<String, Object> files = new LinkedHashMap<>();

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("login", person.getLogin());
        profile.put("firstName", person.getFirstName());
        profile.put("lastName", person.getLastName());
        profile.put("status", person.getStatus());
        profile.put("roles", person.getRoles().stream().map(Enum::name).sorted().toList());
        profile.put("createdAt", person.getCreatedAt());
        profile.put("lastSignInAt", person.getLastSignInAt());
        profile.put("email", person.getEmail());
        profile.put("language", person.getLanguage());
        profile.put("quietHours", person.getQuietFrom() == null ? null
                : Map.of("from", person.getQuietFrom(), "to", person.getQuietTo()));
        ContactDetails contact = em.find(ContactDetails.class, id);
        profile.put("contactFromDirectory", contact == null ? null
                : mapOf("email", contact.getEmail(), "phone", contact.getPhone()));
        profile.put("directoryIds", em.createQuery("select x from ExternalId x where x.personId = :id",
                        ExternalId.class).setParameter("id", id).getResultList().stream()
                .map(x -> Map.of("source", x.getSource(), "id", x.getExternalId())).toList());
        profile.put("openSessions", em.createQuery("select t.createdAt, t.expiresAt from AccessToken t"
                        + " where t.personId = :id order by t.createdAt", Object[].class)
                .setParameter("id", id).getResultList().stream()
                .map(row -> Map.of("createdAt", row[0], "expiresAt", row[1])).toList());
        files.put("profile", profile);

        Map<String, Object> classes = new LinkedHashMap<>();
        classes.put("enrolments", em.createQuery("select e from Enrolment e where e.pupil = :p order by e.start",
                Enrolment.class).setParameter("p", person).getResultList().stream().map(e -> mapOf(
                "class", e.getSchoolClass().getName(), "school", e.getSchoolClass().getSchool().getName(),
                "schoolYear", e.getSchoolYear(), "start", e.getStart(), "end", e.getEnd())).toList());
        classes.put("teaches", em.createQuery("select t from TeacherAssignment t where t.teacher = :p",
                TeacherAssignment.class).setParameter("p", person).getResultList().stream().map(t -> mapOf(
                "class", t.getSchoolClass().getName(), "school", t.getSchoolClass().getSchool().getName(),
                "schoolYear", t.getSchoolClass().getSchoolYear())).toList());
        classes.put("directs", em.createQuery("select d from DirectorAssignment d where d.director = :p",
                        DirectorAssignment.class).setParameter("p", person).getResultList().stream()
                .map(d -> d.getSchool().getName()).toList());
        files.put("classes", classes);

        Map<String, Object> family = new LinkedHashMap<>();
        family.put("children", em.createQuery("select l from ParentLink l where l.parent = :p", ParentLink.class)
                .setParameter("p", person).getResultList().stream().map(l -> mapOf(
                        "name", l.getChild().displayName(), "relationship", l.getRelationship())).toList());
        family.put("parents", em.createQuery("select l from ParentLink l where l.child = :p", ParentLink.class)
                .setParameter("p", person).getResultList().stream().map(l -> mapOf(
                        "name", l.getParent().displayName(), "relationship", l.getRelationship())).toList());
        files.put("family", family);

        files.put("notification-preferences", em.createQuery(
                        "select n from NotificationPreference n where n.personId = :id order by n.appId, n.type",
                        NotificationPreference.class).setParameter("id", id).getResultList().stream()
                .map(n -> mapOf("app", n.getAppId(), "type", n.getType(), "email", n.getEmail())).toList());

        List<FeedItem> feed = em.createQuery("select f from FeedItem f where f.recipientId = :id"
                + " order by f.createdAt", FeedItem.class).setParameter("id", id).getResultList();
        files.put("feed", feed.stream().map(f -> mapOf("app", f.getAppId(), "type", f.getType(),
                "textFr", f.text("fr"), "textEn", f.text("en"), "link", f.getLink(),
                "createdAt", f.getCreatedAt(), "readAt", f.getReadAt())).toList());
        return files;
    }

    /**
     * Removes the account and everything the platform holds about it. Feed items that were about the person as a
     * child of their recipient stay with the parent, who received them; the person's id is cut from them.
     */
    public static void purge(EntityManager em, Person person) {
        String personId = person.getId();
        // The bulk deletes of links and assignments below bypass the entities' listeners.
        Changes.DIRECTORY.changed();
        em.createQuery("delete from AccessToken t where t.personId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("delete from ExternalId x where x.personId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("delete from ContactDetails c where c.personId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("delete from OutboxMail m where m.personId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("delete from OutboxMail m where m.feedItemId in"
                        + " (select f.id from FeedItem f where f.recipientId = :id)").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("delete from FeedItem f where f.recipientId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("update FeedItem f set f.childId = null where f.childId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("update ClassAppActivation a set a.changedBy = :former where a.changedBy = :id")
                .setParameter("former", FormerUser.ID).setParameter("id", personId).executeUpdate();
        em.createQuery("delete from NotificationPreference n where n.personId = :id").setParameter("id", personId)
                .executeUpdate();
        em.createQuery("delete from ParentLink l where l.parent = :p or l.child = :p").setParameter("p", person)
                .executeUpdate();
        em.createQuery("delete from Enrolment e where e.pupil = :p").setParameter("p", person).executeUpdate();
        em.createQuery("delete from TeacherAssignment a where a.teacher = :p").setParameter("p", person)
                .executeUpdate();
        em.createQuery("delete from DirectorAssignment a where a.director = :p").setParameter("p", person)
                .executeUpdate();
        em.createQuery("delete from CollectivityAdmin a where a.person = :p").setParameter("p", person)
                .executeUpdate();
        em.createNativeQuery("delete from CORE_TEACHER_GROUP_MEMBER where TEACHER_ID = ?1")
                .setParameter(1, personId).executeUpdate();
        em.createQuery("delete from PreDeletion d where d.personId = :id").setParameter("id", personId)
                .executeUpdate();
        em.remove(person);
    }

    /** Map.of refuses nulls; exports have many. */
    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
