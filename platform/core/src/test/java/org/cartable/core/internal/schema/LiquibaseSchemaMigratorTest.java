package org.cartable.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

class LiquibaseSchemaMigratorTest {

    @Test
    void appliesTheChangelogOnceAndSkipsItAfterwards() throws SQLException {
        try (TestDatabase db = new TestDatabase()) {
            LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(db.dataSource());
            migrator.migrate(new ClassLoaderResourceAccessor(), CoreSchema.CHANGELOG, "test");
            migrator.migrate(new ClassLoaderResourceAccessor(), CoreSchema.CHANGELOG, "test");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from DATABASECHANGELOG")) {
                    rs.next();
                    assertEquals(changeSetsIn(CoreSchema.CHANGELOG), rs.getInt(1), "each changeset ran once");
                }
                try (ResultSet rs = s.executeQuery("select count(*) from CORE_PERSON")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void aBundleVersionAlreadyMigratedIsNotMigratedAgain() {
        try (TestDatabase db = new TestDatabase()) {
            LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(db.dataSource());
            AtomicInteger runs = new AtomicInteger();
            Supplier<ResourceAccessor> counting = () -> {
                runs.incrementAndGet();
                return new ClassLoaderResourceAccessor();
            };
            migrator.migrateOnce("7/1000/" + CoreSchema.CHANGELOG, counting, CoreSchema.CHANGELOG, "test");
            migrator.migrateOnce("7/1000/" + CoreSchema.CHANGELOG, counting, CoreSchema.CHANGELOG, "test");
            assertEquals(1, runs.get(), "a reactivated component does not run Liquibase again");
            migrator.migrateOnce("7/2000/" + CoreSchema.CHANGELOG, counting, CoreSchema.CHANGELOG, "test");
            assertEquals(2, runs.get(), "an updated bundle's changelog is checked again");
        }
    }

    @Test
    void aMissingChangelogIsAClearError() {
        try (TestDatabase db = new TestDatabase()) {
            LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(db.dataSource());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> migrator.migrate(new ClassLoaderResourceAccessor(), "db/none/changelog.xml", "test"));
            assertTrue(e.getMessage().contains("db/none/changelog.xml"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> migrator.migrate(null, "x"));
        }
    }

    @Test
    void coreSchemaMigratesCoresOwnChangelog() {
        String[] seen = new String[1];
        CoreSchema.create((owner, path) -> seen[0] = path, (org.osgi.framework.Bundle) null);
        assertEquals("db/core/changelog.xml", seen[0]);
    }

    /** Changesets that run on Derby: those without a {@code dbms} or with one naming Derby. */
    private static int changeSetsIn(String changelog) {
        try (var in = LiquibaseSchemaMigratorTest.class.getClassLoader().getResourceAsStream(changelog)) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return (int) java.util.regex.Pattern.compile("<changeSet [^>]*>").matcher(xml).results()
                    .map(java.util.regex.MatchResult::group)
                    .filter(tag -> !tag.contains("dbms=") || tag.contains("derby"))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
