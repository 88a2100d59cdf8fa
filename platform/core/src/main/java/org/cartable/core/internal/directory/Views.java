package org.cartable.core.internal.directory;

import java.util.List;

import org.cartable.api.ClassInfo;
import org.cartable.api.PersonSummary;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.SchoolClass;

/** Entity to DTO conversions: entities never leave core. */
public final class Views {

    private Views() {
    }

    public static ClassInfo classInfo(SchoolClass c) {
        return new ClassInfo(c.getId(), c.getName(), c.getSchool().getId(), c.getSchool().getName(),
                c.getSchoolYear(), c.getGrades().stream().sorted().toList());
    }

    public static PersonSummary summary(Person p) {
        return new PersonSummary(p.getId(), p.displayName());
    }

    public static List<PersonSummary> summaries(List<Person> people) {
        return people.stream().map(Views::summary).toList();
    }
}
