package io.annals.core.query;

/** Answers exactly one query type; a CDI bean discovered at deployment like a command handler. */
public interface QueryHandler<Q extends Query<R>, R> {

    R execute(Q query);
}
