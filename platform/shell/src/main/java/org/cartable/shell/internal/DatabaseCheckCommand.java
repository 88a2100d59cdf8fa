package org.cartable.shell.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cartable:db-check}: Derby's consistency check of every table and index (after a crash, before a backup). */
@Service
@Command(scope = "cartable", name = "db-check",
        description = "Checks every table and index of the Cartable database (embedded Derby) for consistency")
public class DatabaseCheckCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=cartable)")
    DataSource dataSource;

    @Override
    public Object execute() throws Exception {
        DatabaseBackup.Check check = new DatabaseBackup(dataSource, Clock.systemUTC()).check();
        System.out.println("tables=" + check.tables() + " inconsistent=" + check.inconsistent().size());
        for (String table : check.inconsistent()) {
            System.out.println("INCONSISTENT " + table);
        }
        if (!check.inconsistent().isEmpty()) {
            throw new IllegalStateException(check.inconsistent().size() + " inconsistent table(s): restore a backup");
        }
        return null;
    }
}
