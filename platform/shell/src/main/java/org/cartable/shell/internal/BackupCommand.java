package org.cartable.shell.internal;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code cartable:backup [dir]}: an online backup of the embedded Derby database into a dated folder. Restricted to
 * the admin role by {@code org.apache.karaf.command.acl.cartable} (see the cartable-shell feature).
 */
@Service
@Command(scope = "cartable", name = "backup",
        description = "Online backup of the Cartable database (embedded Derby) into a dated folder")
public class BackupCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=cartable)")
    DataSource dataSource;

    @Argument(index = 0, name = "dir", required = false,
            description = "Folder receiving the dated backup folder (default: ${karaf.data}/backups)")
    String dir;

    @Override
    public Object execute() throws Exception {
        Path parent = dir != null && !dir.isBlank() ? Path.of(dir) : defaultParent();
        DatabaseBackup.Result result = new DatabaseBackup(dataSource, Clock.systemUTC()).backup(parent);
        long files = DatabaseBackup.copyFiles(dataFolder().resolve("cartable"), result.folder());
        long total = result.bytes();
        System.out.println("Backup written to " + result.database());
        if (files > 0) {
            System.out.println("Files of the apps (uploads) copied to " + result.folder().resolve("files/cartable"));
        }
        System.out.println("Size " + DatabaseBackup.human(total) + " (" + total + " bytes; files " + files
                + " bytes), took " + result.millis() + " ms");
        System.out.println("Restore: stop Cartable, replace ${karaf.data}/db/cartable (and ${karaf.data}/cartable)"
                + " with copies of these folders, start (docs/operations.md).");
        return null;
    }

    static Path defaultParent() {
        return dataFolder().resolve("backups");
    }

    private static Path dataFolder() {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null ? "data" : data);
    }
}
