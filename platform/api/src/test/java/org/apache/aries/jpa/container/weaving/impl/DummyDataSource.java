package org.apache.aries.jpa.container.weaving.impl;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** Stands in for Aries JPA's private placeholder DataSource: same name, which is all SkipPlaceholderBuild looks at. */
public class DummyDataSource implements DataSource {

    @Override public Connection getConnection() { return null; }
    @Override public Connection getConnection(String username, String password) { return null; }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) { return null; }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
