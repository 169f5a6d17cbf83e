package io.annals.web.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database answers, within two seconds. */
@ApplicationScoped
public class DatabaseProbe {

    @Resource(lookup = "java:app/jdbc/annals")
    DataSource dataSource;

    /** @return null when the database answers, else why it does not */
    public String problem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "the database did not answer within 2 s";
        } catch (SQLException unreachable) {
            return "the database is unreachable (SQLState " + unreachable.getSQLState() + ")";
        }
    }
}
