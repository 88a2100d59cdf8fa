package org.cartable.api.demo;

import java.time.Clock;

import org.cartable.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Lookups into the demo directory (logins and class names as listed in the README). */
@ProviderType
public interface DemoDirectory {

    /** @return the caller of a demo account ("teacher", "pupil", "parent", "a1.pupil3", ...) */
    Caller caller(String login);

    /** @return the id of the current-year demo class with that name ("CM1 A", "CE2-CM1", "CP B", "6e A") */
    String classId(String className);

    /** @return the platform's clock, for dating the content around today */
    Clock clock();
}
