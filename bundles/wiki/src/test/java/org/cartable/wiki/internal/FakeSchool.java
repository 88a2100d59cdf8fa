package org.cartable.wiki.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.HtmlSanitizer;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;

/**
 * Small stand-ins for the platform's services: a fixed membership table, a name list, a sanitiser that removes
 * scripts, and a clock that ticks one second per reading so that "newest first" is deterministic.
 */
public final class FakeSchool implements ClassAccess, Directory {

    private final Map<String, Map<String, ClassRelation>> relations = new HashMap<>();
    private final Map<String, PersonSummary> people = new HashMap<>();
    private final Set<String> wikiEnabled = new HashSet<>();
    private final Map<String, List<PersonSummary>> teachers = new HashMap<>();

    public Caller person(String id, String name, Role role) {
        people.put(id, new PersonSummary(id, name));
        return new Caller(id, id, name, Set.of(role));
    }

    public void relate(Caller caller, ClassRelation relation) {
        relations.computeIfAbsent(relation.classId(), key -> new HashMap<>()).put(caller.userId(), relation);
        if (relation.teacher()) {
            teachers.computeIfAbsent(relation.classId(), key -> new java.util.ArrayList<>())
                    .add(new PersonSummary(caller.userId(), caller.displayName()));
        }
    }

    public void enableWiki(String classId, boolean enabled) {
        if (enabled) {
            wikiEnabled.add(classId);
        } else {
            wikiEnabled.remove(classId);
        }
    }

    @Override
    public ClassRelation check(Caller caller, String classId, String appId) {
        ClassRelation relation = relation(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound("Class not found.");
        }
        if (!WikiApp.ID.equals(appId) || !wikiEnabled.contains(classId)) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        return relations.getOrDefault(classId, Map.of()).getOrDefault(caller.userId(), ClassRelation.none(classId));
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public Optional<ClassInfo> findClass(String classId) {
        return relations.containsKey(classId)
                ? Optional.of(new ClassInfo(classId, classId, "school", "École", "2026-2027", List.of()))
                : Optional.empty();
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return List.of();
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return List.copyOf(teachers.getOrDefault(classId, List.of()));
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        return List.of();
    }

    @Override
    public List<ChildInfo> childrenOf(String parentId) {
        return List.of();
    }

    @Override
    public List<ClassInfo> classesOf(Caller caller) {
        return List.of();
    }

    /** Removes script elements, enough to see that the service stores what the sanitiser returns. */
    public static final class ScriptStripper implements HtmlSanitizer {
        private static final Pattern SCRIPT = Pattern.compile("(?is)<script.*?</script>");

        @Override
        public String sanitize(String html) {
            return html == null ? "" : SCRIPT.matcher(html).replaceAll("");
        }
    }

    public static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
