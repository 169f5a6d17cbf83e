package io.annals.core.query;

/** A question answered with a result of type {@code R}; queries are records named as questions ({@code GetHero}). */
public interface Query<R> {
}
