package org.cartable.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to the running Karaf, through its RMI connector and JAAS realm, driving Karaf's bundle MBean
 * ({@code org.apache.karaf.bundle.core.BundlesMBean} of Karaf 4.4.10) the way an operator would with
 * {@code bundle:list} / {@code bundle:update}. {@code bin/client} does not work here, and JMX needs no extra
 * dependency.
 */
public final class KarafJmx implements AutoCloseable {

    /** {@code karaf.name} of the distribution is {@code root}: it names both the JMX service and the MBeans. */
    static final String KARAF_NAME = "root";
    static final String BUNDLES_MBEAN = "org.apache.karaf:type=bundle,name=" + KARAF_NAME;

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final ObjectName bundles;

    private KarafJmx(JMXConnector connector) throws IOException, JMException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        this.bundles = new ObjectName(BUNDLES_MBEAN);
    }

    /** Connects, retrying until {@code within} has passed (the connector may start a little after REST). */
    static KarafJmx connect(String host, int registryPort, String user, String password, Duration within) {
        String url = "service:jmx:rmi:///jndi/rmi://" + host + ":" + registryPort + "/karaf-" + KARAF_NAME;
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url),
                        Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
                return new KarafJmx(connector);
            } catch (IOException | JMException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No JMX connection to " + url + " within " + within.toSeconds()
                            + " s", e);
                }
            }
            try {
                Thread.sleep(500); // poll interval of a bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** One row of {@code BundlesMBean.getBundles()}. */
    public record BundleRow(long id, String symbolicName, String version, String state) {
    }

    /** All bundles, as {@code bundle:list -s} would show them. */
    public List<BundleRow> bundles() {
        TabularData table = (TabularData) invoke(() -> mbeans.getAttribute(bundles, "Bundles"));
        List<BundleRow> rows = new ArrayList<>();
        for (Object value : table.values()) {
            CompositeData row = (CompositeData) value;
            rows.add(new BundleRow((Long) row.get("ID"), (String) row.get("Symbolic Name"),
                    (String) row.get("Version"), (String) row.get("State")));
        }
        return rows;
    }

    /** The one installed bundle with this symbolic name, or null if there is none. */
    public BundleRow bundle(String symbolicName) {
        List<BundleRow> matching = bundles().stream().filter(b -> symbolicName.equals(b.symbolicName())).toList();
        if (matching.size() > 1) {
            throw new IllegalStateException("More than one bundle named " + symbolicName + ": " + matching);
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    /**
     * {@code bundle:update ID LOCATION}: the framework stops the bundle, replaces its content with what the location
     * holds (the bundle keeps its id and install location) and starts it again. Returns when the framework is done;
     * the bundle's DS components may still be activating.
     */
    public void update(long bundleId, String location) {
        invoke(() -> mbeans.invoke(bundles, "update", new Object[] {String.valueOf(bundleId), location},
                new String[] {String.class.getName(), String.class.getName()}));
    }

    /** {@code bundle:install [-s] URL}: returns the new bundle's id. */
    public long install(String location, boolean start) {
        return (Long) invoke(() -> mbeans.invoke(bundles, "install", new Object[] {location, start},
                new String[] {String.class.getName(), boolean.class.getName()}));
    }

    /** {@code bundle:uninstall ID}. */
    public void uninstall(long bundleId) {
        invoke(() -> mbeans.invoke(bundles, "uninstall", new Object[] {String.valueOf(bundleId)},
                new String[] {String.class.getName()}));
    }

    private interface JmxCall {
        Object call() throws IOException, JMException;
    }

    private static Object invoke(JmxCall call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("JMX call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }
}
