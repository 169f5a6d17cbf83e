package io.annals.web.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The API on the default embedded database: one Payara Micro boot for the whole contract. */
class H2ApiIT extends ApiContract {

    private static PayaraMicro server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createTempDirectory("annals-h2-it");
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("ANNALS_DATA_DIR", work.resolve("data").toString());
        server = PayaraMicro.start("h2", work, environment);
        api = new Api(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Api api() {
        return api;
    }
}
