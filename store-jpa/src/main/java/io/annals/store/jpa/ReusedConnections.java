package io.annals.store.jpa;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the connections its callers close for the next caller, for use outside a container where
 * nothing else pools them: the store's reads take a connection per call, and opening one costs
 * far more than the read. A connection comes back in auto-commit mode with nothing pending; one
 * whose use failed for want of a connection is closed, not kept.
 */
final class ReusedConnections implements DataSource, AutoCloseable {

    private final DataSource opener;
    private final BlockingDeque<Connection> idle;

    ReusedConnections(DataSource opener, int maxIdle) {
        this.opener = opener;
        this.idle = new LinkedBlockingDeque<>(maxIdle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection reused = idle.pollFirst();
        return lend(reused != null ? reused : opener.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections are reused for one user only");
    }

    /** Closes the idle connections; lent ones are closed when they come back. */
    @Override
    public void close() {
        for (Connection connection; (connection = idle.pollFirst()) != null; ) {
            closeQuietly(connection);
        }
    }

    private Connection lend(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Lent(connection));
    }

    private void giveBack(Connection connection, boolean broken) {
        try {
            if (!broken && !connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                if (idle.offerFirst(connection)) {
                    return;
                }
            }
        } catch (SQLException unusable) {
            // a connection that cannot be reset is not handed out again
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is being dropped either way
        }
    }

    /** One lending of a connection: its close gives it back once. */
    private final class Lent implements InvocationHandler {
        private final Connection connection;
        private boolean returned;
        private boolean broken;

        Lent(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!returned) {
                        returned = true;
                        giveBack(connection, broken);
                    }
                    return null;
                case "isClosed":
                    return returned || connection.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    if (returned) {
                        throw new SQLException("the connection was closed", "08003");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException failed) {
                        if (failed.getCause() instanceof SQLException sql && SqlFailures.isConnectionFailure(sql)) {
                            broken = true;
                        }
                        throw failed.getCause();
                    }
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return opener.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        opener.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        opener.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return opener.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
