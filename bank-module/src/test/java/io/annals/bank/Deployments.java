package io.annals.bank;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** Archives for in-container tests, made from what the build produced (a jar, or a classes folder in the reactor). */
final class Deployments {

    /** A {@code beans.xml} in {@code annotated} mode, as every Annals archive ships. */
    static final StringAsset ANNOTATED_BEANS_XML = new StringAsset("""
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """);

    private Deployments() {
    }

    /** The library a class was loaded from, whole: classes, {@code beans.xml} and service files. */
    static JavaArchive libraryOf(Class<?> type, String name) {
        File location;
        try {
            location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }
}
