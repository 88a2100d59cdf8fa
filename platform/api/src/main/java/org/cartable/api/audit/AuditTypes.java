package org.cartable.api.audit;

/** The event types the platform records, and those other parts are expected to record with the same names. */
public final class AuditTypes {

    public static final String LOGIN_SUCCESS = "login.success";
    /** Unknown login, wrong password or blocked account (the detail says which; the client was not told). */
    public static final String LOGIN_FAILURE = "login.failure";
    /** Refused before checking the password: too many failures for the login or the address. */
    public static final String LOGIN_THROTTLED = "login.throttled";
    public static final String LOGOUT = "logout";
    public static final String ROLE_CHANGE = "role.change";
    /** A class-scoped app enabled or disabled for a class; target {@code classId/appId}, detail enabled|disabled. */
    public static final String ACTIVATION_CHANGE = "app.activation";
    public static final String APP_INSTALL = "app.install";
    public static final String APP_UNINSTALL = "app.uninstall";
    public static final String DIRECTORY_IMPORT = "directory.import";
    /** A person's data downloaded (personal-data rights); target the person whose data it is. */
    public static final String DATA_EXPORT = "data.export";
    /** A pre-deleted account purged; target the person id, detail what was removed. */
    public static final String PURGE = "account.purge";
    public static final String LIAISON_ACKNOWLEDGEMENT = "liaison.acknowledgement";

    private AuditTypes() {
    }
}
