package org.cartable.blog.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TickingClock;

/** Builds the service for tests of other packages (its test constructor is package-private). */
public final class TestBlogs {

    private TestBlogs() {
    }

    public static BlogService service(JpaTemplate jpa, ClassAccess access, Directory directory) {
        return new BlogService(jpa, access, directory, new ScriptStripper(), new TickingClock());
    }
}
