package io.annals.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines {@code java:app/jdbc/annals}, the data source the event store's persistence unit and the
 * WAR's own tables use. URL and class come from {@link DatabaseConfigSource}.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/annals",
        className = "${MPCONFIG=annals.datasource.class}",
        url = "${MPCONFIG=annals.datasource.url}",
        user = "${MPCONFIG=annals.datasource.user}",
        password = "${MPCONFIG=annals.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                      "fish.payara.connection-validation-method=meta-data",
                      "fish.payara.fail-all-connections=true"})
@ApplicationScoped
public class AnnalsDataSource {
}
