package io.annals.core.processor;

/**
 * A {@link Projection} bean whose read model is a {@link SwitchableReadModel}: implementing this one
 * method makes the projection rebuildable.
 * <pre>{@code
 * @Projection(value = "heroes", inMemory = true)
 * @ApplicationScoped
 * class HeroBoard implements SwitchableProjection {
 *     private final SwitchableReadModel<Map<HeroId, HeroView>> heroes = new SwitchableReadModel<>(ConcurrentHashMap::new);
 *
 *     public SwitchableReadModel<?> readModel() { return heroes; }
 *
 *     @EventHandler void on(HeroRecruited event) { heroes.target().put(event.hero(), HeroView.of(event)); }
 *
 *     List<HeroView> all() { return List.copyOf(heroes.live().values()); }
 * }
 * }</pre>
 */
public interface SwitchableProjection extends RebuildableProjection {

    /** The read model this projection reads from {@code live()} and writes through {@code target()}. */
    SwitchableReadModel<?> readModel();

    @Override
    default void startRebuild() {
        readModel().startRebuild();
    }

    @Override
    default void switchToRebuilt() {
        readModel().switchToRebuilt();
    }

    @Override
    default void abandonRebuild() {
        readModel().abandonRebuild();
    }
}
