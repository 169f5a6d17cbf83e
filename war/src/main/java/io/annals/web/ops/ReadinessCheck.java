package io.annals.web.ops;

import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.processor.ProcessorState;
import io.annals.core.processor.ProcessorStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and no processor is failing. Every processor's lag is in the
 * check's data; lag alone never makes the application unready.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Inject
    ProcessorRuntime processors;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("annals");
        boolean up = true;
        String databaseProblem = database.problem();
        response.withData("database", databaseProblem == null ? "up" : databaseProblem);
        up &= databaseProblem == null;
        if (databaseProblem != null) {
            // the processors' positions live in the same database: nothing more to learn
            return response.down().build();
        }
        for (ProcessorStatus status : processors.statuses()) {
            response.withData(status.name() + ".lag", status.lag());
            response.withData(status.name() + ".state", status.state().name().toLowerCase(java.util.Locale.ROOT));
            up &= status.state() != ProcessorState.FAILING;
        }
        return response.status(up).build();
    }
}
