package io.digiready.collector;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A store or API contract: what the collector promises whatever its database. The fast tier runs it
 * on SQLite; the collector pom's failsafe execution {@code postgresql-contract} runs every test so
 * marked again on a real PostgreSQL (TestCollector picks the engine), with no list to keep.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("contract")
public @interface Contract {}
