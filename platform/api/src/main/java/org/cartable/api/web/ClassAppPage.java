package org.cartable.api.web;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;

/**
 * Base of a class app's pages. The constructor refuses (with the shell's access-denied page) anyone who is not a
 * member of the class, or any class where the app is disabled. Actions on the page must still go through the app's
 * services, which check again: a page may stay open after a teacher disables the app.
 */
public abstract class ClassAppPage extends AppBasePage {

    private static final long serialVersionUID = 1L;

    /** Name of the page parameter (and mount path segment) carrying the class id. */
    public static final String CLASS_ID = "classId";

    private final ClassInfo classInfo;
    private final ClassRelation relation;

    protected ClassAppPage(PageParameters parameters) {
        super(parameters);
        String classId = parameters.get(CLASS_ID).toOptionalString();
        try {
            if (classId == null) {
                throw CartableException.notFound("No class given.");
            }
            relation = Services.get(ClassAccess.class).check(caller(), classId, appId());
            classInfo = Services.get(Directory.class).findClass(classId)
                    .orElseThrow(() -> CartableException.notFound("Class not found."));
        } catch (CartableException refused) {
            throw new RestartResponseException(ShellLayout.get().accessDeniedPage(),
                    new PageParameters().add("reason", refused.kind().code()));
        }
    }

    /** @return the id of the app the page belongs to */
    protected abstract String appId();

    /** @return parameters that open a class page for the given class */
    public static PageParameters forClass(String classId) {
        return new PageParameters().add(CLASS_ID, classId);
    }

    public String classId() {
        return classInfo.id();
    }

    public ClassInfo classInfo() {
        return classInfo;
    }

    /** @return how the signed-in person relates to the class, as checked when the page was built */
    public ClassRelation relation() {
        return relation;
    }
}
