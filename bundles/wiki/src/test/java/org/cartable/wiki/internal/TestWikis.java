package org.cartable.wiki.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.api.notify.Notifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TickingClock;

/** Builds the service for tests of other packages (its test constructor is package-private). */
public final class TestWikis {

    private TestWikis() {
    }

    public static WikiService service(JpaTemplate jpa, ClassAccess access, Directory directory,
                                      Notifications notifications) {
        return new WikiService(jpa, access, directory, new ScriptStripper(), new TickingClock(),
                notifications);
    }
}
