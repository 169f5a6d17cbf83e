package io.annals.web.http;

/** Constants the resources' OpenAPI annotations share. */
public final class ApiDocs {

    /** The media type of every error response. */
    public static final String PROBLEM = "application/problem+json";

    private ApiDocs() {
    }
}
