package org.mutuality.platform.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated Spring test's application context a fresh, empty PostgreSQL database with its own owner, named
 * {@code <value>_<n>}, on the JVM's shared server ({@link Infrastructure#postgres()}). Sets
 * {@code spring.datasource.url}, {@code spring.datasource.username} and {@code spring.datasource.password}, and
 * registers the {@link org.mutuality.platform.test.infra.postgres.Database} as a bean. Contexts that Spring caches and
 * shares between test classes share the database too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PostgresDatabase {

	/** The prefix of the database name, e.g. the service's own database name {@code content}. */
	String value() default "test";

}
